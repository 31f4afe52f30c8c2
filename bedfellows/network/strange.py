"""Strange bedfellows: pairs who cooperate against a common enemy, hostile pairs first.

In a window (default: everything), a pair ``a``–``b`` is listed when

- they *cooperate*: their asserted (and intended) cooperation outweighs their
  conflict in the window — or, failing that, they *discuss* cooperation:
  hypothetical cooperative events between them ("could be considering
  talks", "might consider a partnership");
- they *share an enemy* ``c``: each is in net conflict with ``c`` in the window,
  or is a party of an act of cooperation directed against ``c`` (the event's
  ``against`` actors: "an alliance against ISIS", including hypothetical ones,
  never negated ones).

The pair is *strange* when its long-run relation is hostile: net conflict over
every link outside the window (over all links when no window is given). With a
window, a hostile pair's cooperation must also be more than its usual noise: the
one-sided binomial p-value of its cooperative links in the window (asserted and
discussed), against its long-run share of cooperative links (with a +1/+2
prior), must pass a Benjamini-Hochberg test at false-discovery rate ``max_p``
over all the hostile pairs tested in the call (a window has many pairs, and
chance alone makes some of them look friendly); the others are not listed. The
score ranks candidates: (cooperation + half the discussed cooperation) × the
summed common enmity (for each shared enemy, the smaller of the two enmities)
× (1 + long-run hostility). Each row carries the events behind it.

Only events with ``confidence >= min_confidence`` count anywhere above: in the
window, in the long run and in the acts directed against an enemy.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

import polars as pl

from ..schema import Modality
from ..thresholds import DEFAULT_MIN_CONFIDENCE, check_min_confidence
from .links import LinkOptions, check_window, event_conditions, links_sql, share_sql
from .source import Database, connection, country_names, frame

_PAIR_SQL = """
SELECT a, b,
       coalesce(sum(weight) FILTER (quad_class IN (1, 2)), 0) AS cooperation,
       coalesce(sum(weight) FILTER (quad_class IN (3, 4)), 0) AS conflict,
       count(*) FILTER (quad_class IN (1, 2)) AS n_coop,
       count(*) AS n_links,
       coalesce(flatten(list(event_ids ORDER BY link_id) FILTER (quad_class IN (1, 2))),
                []::VARCHAR[]) AS coop_ids,
       coalesce(flatten(list(event_ids ORDER BY link_id) FILTER (quad_class IN (3, 4))),
                []::VARCHAR[]) AS conflict_ids
FROM ({links}) l
GROUP BY a, b
"""

COLUMNS = {
    "a": pl.String,
    "b": pl.String,
    "a_label": pl.String,
    "b_label": pl.String,
    "strange": pl.Boolean,
    "relation": pl.String,
    "long_run_net": pl.Float64,
    "cooperation": pl.String,
    "cooperation_weight": pl.Float64,
    "discussed_weight": pl.Float64,
    "enemies": pl.List(pl.String),
    "score": pl.Float64,
    "p_value": pl.Float64,
    "event_ids": pl.List(pl.String),
    "discussed_event_ids": pl.List(pl.String),
    "enemy_event_ids": pl.List(pl.String),
    "hostile_event_ids": pl.List(pl.String),
}


@dataclass
class _Enmity:
    weight: float = 0.0
    event_ids: list[str] = field(default_factory=list)


def _pairs(
    con, options: LinkOptions, start, end, *, inside: bool, min_confidence: float
) -> dict[tuple[str, str], dict]:
    """Per pair: cooperation/conflict weights and event ids, inside or outside the window.

    Each link counts inside the window by the share of its date range there and
    outside by the rest (an undated link is wholly outside); a link with no
    share on a side is not counted on it.
    """
    links, params = links_sql(options, min_confidence=min_confidence)
    if start is None and end is None:
        source = links
    else:
        inside_share = share_sql(start, end, "x")
        share = inside_share if inside else f"1 - {inside_share}"
        source = (
            f"SELECT * REPLACE (weight * ({share}) AS weight) FROM ({links}) x WHERE ({share}) > 0"
        )
    rows = frame(con, _PAIR_SQL.format(links=source), params, "pair relations")
    return {(r["a"], r["b"]): r for r in rows.to_dicts()}


def _against(
    con, options: LinkOptions, start, end, *, min_confidence: float
) -> dict[tuple[str, str], _Enmity]:
    """(party, opposed) → weight and events of cooperation directed against ``opposed``."""
    key_p = options.key_sql("p", when="e.date_start")
    key_o = options.key_sql("o", when="e.date_start")
    mods = (options.modalities | {Modality.HYPOTHETICAL.value}) - {Modality.NEGATED.value}
    conds, params = event_conditions(
        mods, options.include_comments, start, end, min_confidence=min_confidence
    )
    share = share_sql(start, end) if start or end else "1.0"
    sql = f"""
SELECT ({key_p}) AS x, ({key_o}) AS c, max(e.confidence * {share}) AS weight,
       list(DISTINCT e.event_id ORDER BY e.event_id) AS event_ids
FROM events e
JOIN event_actors p ON p.event_id = e.event_id AND p.role IN ('source', 'target')
JOIN event_actors o ON o.event_id = e.event_id AND o.role = 'against'
WHERE {" AND ".join(conds)} AND ({key_p}) IS NOT NULL AND ({key_o}) IS NOT NULL
      AND ({key_p}) <> ({key_o})
GROUP BY x, c, e.event_id
"""
    out: dict[tuple[str, str], _Enmity] = defaultdict(_Enmity)
    for x, c, weight, ids in frame(con, sql, params, "opposed parties").iter_rows():
        item = out[(x, c)]
        item.weight += weight
        item.event_ids.extend(ids)
    return out


def binomial_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p)."""
    if k <= 0:
        return 1.0
    return min(1.0, sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k, n + 1)))


def _significant(rows: list[dict], q: float) -> list[dict]:
    """Drop tested hostile pairs whose window cooperation is not significant at
    false-discovery rate ``q`` (Benjamini-Hochberg over the pairs tested here)."""
    tested = sorted(
        (r["p_value"], i) for i, r in enumerate(rows) if r["strange"] and r["p_value"] is not None
    )
    keep_below = -1.0
    for rank, (p, _) in enumerate(tested, start=1):
        if p <= rank / len(tested) * q:
            keep_below = p
    drop = {i for p, i in tested if p > keep_below}
    return [r for i, r in enumerate(rows) if i not in drop]


def _relation(net: float | None) -> str:
    if net is None:
        return "none"
    if net < 0:
        return "hostile"
    return "friendly" if net > 0 else "mixed"


def strange_bedfellows(
    db: Database,
    *,
    start: date | None = None,
    end: date | None = None,
    options: LinkOptions | None = None,
    strange_only: bool = False,
    max_p: float = 0.05,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> pl.DataFrame:
    """Pairs cooperating (or discussing cooperation) while sharing an enemy.

    Columns: ``a``, ``b`` and their labels, ``strange`` (long-run hostile),
    ``relation`` (long-run: hostile | friendly | mixed | none), ``long_run_net``,
    ``cooperation`` ("cooperating" | "discussed"), ``cooperation_weight``,
    ``discussed_weight``, ``enemies`` (shared, strongest first), ``score``,
    ``p_value`` (the window test above; null without a window),
    ``event_ids`` (their cooperation in the window), ``discussed_event_ids``
    (their hypothetical cooperation), ``enemy_event_ids`` (the shared enmity),
    ``hostile_event_ids`` (their long-run conflict). Sorted strange first, then
    by score. Only events with ``confidence >= min_confidence`` count
    (ConfigError outside [0, 1]).
    """
    options = options or LinkOptions()
    check_window(start, end)
    threshold = check_min_confidence(min_confidence)
    talk_options = replace(options, modalities=frozenset({Modality.HYPOTHETICAL.value}))
    windowed = start is not None or end is not None
    with connection(db) as con:
        window = _pairs(con, options, start, end, inside=True, min_confidence=threshold)
        talk = _pairs(con, talk_options, start, end, inside=True, min_confidence=threshold)
        long_run = (
            _pairs(con, options, start, end, inside=False, min_confidence=threshold)
            if windowed
            else window
        )
        against = _against(con, options, start, end, min_confidence=threshold)

    enemies: dict[str, dict[str, _Enmity]] = defaultdict(dict)
    for (a, b), r in window.items():
        if r["conflict"] > r["cooperation"]:
            enmity = r["conflict"] - r["cooperation"]
            for x, c in ((a, b), (b, a)):
                enemies[x][c] = _Enmity(enmity, list(r["conflict_ids"]))
    for (x, c), item in against.items():
        known = enemies[x].setdefault(c, _Enmity())
        known.weight += item.weight
        known.event_ids = sorted(set(known.event_ids) | set(item.event_ids))

    names = country_names()
    rows = []
    for pair in sorted(set(window) | set(talk)):
        a, b = pair
        w, t = window.get(pair), talk.get(pair)
        coop = w["cooperation"] - w["conflict"] if w else 0.0
        discussed = t["cooperation"] if t else 0.0
        if coop <= 0 and discussed <= 0:
            continue
        shared = sorted(
            (c for c in set(enemies[a]) & set(enemies[b]) if c not in pair),
            key=lambda c: (-min(enemies[a][c].weight, enemies[b][c].weight), c),
        )
        if not shared:
            continue
        lr = long_run.get(pair)
        net = (lr["cooperation"] - lr["conflict"]) if lr else None
        p_value = None
        if windowed and lr:
            k = (w["n_coop"] if w else 0) + (t["n_coop"] if t else 0)
            n = (w["n_links"] if w else 0) + (t["n_coop"] if t else 0)
            p_value = binomial_tail(k, n, (lr["n_coop"] + 1) / (lr["n_links"] + 2))
        common = sum(min(enemies[a][c].weight, enemies[b][c].weight) for c in shared)
        hostility = max(0.0, -(net or 0.0))
        strength = max(coop, 0.0) + 0.5 * discussed
        rows.append(
            {
                "a": a,
                "b": b,
                "a_label": names.get(a, a),
                "b_label": names.get(b, b),
                "strange": net is not None and net < 0,
                "relation": _relation(net),
                "long_run_net": net,
                "cooperation": "cooperating" if coop > 0 else "discussed",
                "cooperation_weight": max(coop, 0.0),
                "discussed_weight": discussed,
                "enemies": shared,
                "score": round(strength * common * (1.0 + hostility), 9),
                "p_value": p_value,
                "event_ids": sorted(w["coop_ids"]) if w and coop > 0 else [],
                "discussed_event_ids": sorted(t["coop_ids"]) if t else [],
                "enemy_event_ids": sorted(
                    {i for c in shared for x in (a, b) for i in enemies[x][c].event_ids}
                ),
                "hostile_event_ids": sorted(lr["conflict_ids"]) if lr and net and net < 0 else [],
            }
        )
    rows = _significant(rows, max_p)
    if strange_only:
        rows = [r for r in rows if r["strange"]]
    rows.sort(key=lambda r: (not r["strange"], -r["score"], r["a"], r["b"]))
    return pl.DataFrame(rows, schema=COLUMNS)
