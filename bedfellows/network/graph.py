"""Signed actor networks: who cooperates with whom, and who fights whom, in a window.

Nodes are actor keys (see ``links``). An edge sums the links between its two
actors, each once whichever way it runs: ``cooperation`` and ``conflict`` are
confidence-weighted counts of QuadClass 1–2 and 3–4 links, ``goldstein`` the
confidence-weighted Goldstein sum, and the signed ``weight`` is the net
``cooperation - conflict`` (``measure="goldstein"`` uses the Goldstein sum / 10
instead). With ``half_life_days`` each link's weight is multiplied by
``0.5 ** (age / half_life)``, its age counted from the middle of its date
range to the window's end (or the newest link), so older events fade; links
with no date cannot be aged and are left out then. Only events with
``confidence >= min_confidence`` make links (see ``links``).
"""

from __future__ import annotations

from datetime import date, timedelta

import networkx as nx
import polars as pl

from ..errors import ConfigError
from ..thresholds import DEFAULT_MIN_CONFIDENCE, check_min_confidence
from .links import LinkOptions, actor_key_sql, check_window, links_sql
from .series import period_rows_sql
from .source import Database, connection, country_names, frame

MEASURES = ("net", "goldstein")
_EVIDENCE = ",\n       flatten(list(event_ids ORDER BY link_id)) AS event_ids"

_EDGE_SQL = """
SELECT {group}a, b, count(*) AS n_events,
       coalesce(sum(w) FILTER (quad_class IN (1, 2)), 0) AS cooperation,
       coalesce(sum(w) FILTER (quad_class IN (3, 4)), 0) AS conflict,
       sum(w * goldstein) AS goldstein{evidence}
FROM (SELECT *, weight * {decay} AS w FROM l WHERE {cond}) x
GROUP BY {group}a, b
ORDER BY {group}a, b
"""


def _decay_sql(half_life_days: float | None) -> tuple[str, str]:
    """(decay factor, extra condition) for links in ``l`` aged to ``ref_day``."""
    if half_life_days is None:
        return "1.0", "TRUE"
    if half_life_days <= 0:
        raise ConfigError(f"half-life must be a positive number of days, got {half_life_days}")
    mid = "(date_start + ((date_end - date_start) // 2)::INTEGER)"
    return (
        f"pow(0.5, greatest(date_diff('day', {mid}, ref_day), 0) / {float(half_life_days)})",
        "date_start IS NOT NULL",
    )


def _labels(con, keys: set[str], level: str) -> dict[str, str]:
    """Display names: the country's name, else the most frequent mention name."""
    names = country_names()
    labels = {k: names[k] for k in keys if k in names}
    rest = sorted(keys - labels.keys())
    if rest:
        key = actor_key_sql(level, "ea")
        sql = (
            f"SELECT k, mode(name) AS name FROM (SELECT ({key}) AS k, ea.name FROM event_actors ea "
            f"WHERE ea.name <> '') WHERE k IN ({', '.join('?' * len(rest))}) GROUP BY k"
        )
        for k, name in frame(con, sql, rest, "actor labels").iter_rows():
            labels[k] = name
    return {k: labels.get(k, k) for k in keys}


def _graph(rows: pl.DataFrame, how: str, labels: dict[str, str], **attrs) -> nx.Graph:
    graph = nx.Graph(**attrs)
    for key in sorted(labels):
        graph.add_node(key, label=labels[key])
    columns = ["a", "b", "cooperation", "conflict", "goldstein", "n_events"]
    ids = rows["event_ids"].to_list() if "event_ids" in rows.columns else None
    for i, (a, b, coop, conf, gold, n) in enumerate(rows.select(columns).iter_rows()):
        gold = gold or 0.0
        weight = coop - conf if how == "net" else gold / 10.0
        edge = {"weight": round(weight, 9), "cooperation": coop, "conflict": conf}
        edge |= {"goldstein": gold, "n_events": n}
        if ids is not None:
            edge["event_ids"] = ids[i]
        graph.add_edge(a, b, **edge)
    return graph


def signed_network(
    db: Database,
    *,
    start: date | None = None,
    end: date | None = None,
    half_life_days: float | None = None,
    measure: str = "net",
    options: LinkOptions | None = None,
    evidence: bool = True,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> nx.Graph:
    """The signed, weighted actor graph of the links inside ``[start, end]``.

    Edge attributes: ``weight`` (signed), ``cooperation``, ``conflict``,
    ``goldstein``, ``n_events`` and (unless ``evidence=False``) ``event_ids``;
    node attribute ``label``. Only events with ``confidence >= min_confidence``
    count (ConfigError outside [0, 1]).
    The graph's own attributes record the window, level, measure, half-life and
    confidence threshold.
    """
    options = options or LinkOptions()
    if measure not in MEASURES:
        raise ConfigError(f"edge measure must be one of {', '.join(MEASURES)}, got {measure!r}")
    check_window(start, end)
    min_confidence = check_min_confidence(min_confidence)
    links, params = links_sql(options, start=start, end=end, min_confidence=min_confidence)
    decay, cond = _decay_sql(half_life_days)
    ref = "?::DATE" if end is not None else "(SELECT max(date_end) FROM links_)"
    sql = f"WITH links_ AS ({links}), l AS (SELECT *, {ref} AS ref_day FROM links_) " + (
        _EDGE_SQL.format(group="", decay=decay, cond=cond, evidence=_EVIDENCE if evidence else "")
    )
    params = params + ([end] if end is not None else [])
    with connection(db) as con:
        rows = frame(con, sql, params, "signed network")
        labels = _labels(con, set(rows["a"]) | set(rows["b"]), options.level)
    return _graph(
        rows,
        measure,
        labels,
        start=start,
        end=end,
        level=options.level,
        measure=measure,
        half_life_days=half_life_days,
        min_confidence=min_confidence,
    )


def network_series(
    db: Database,
    *,
    freq: str = "month",
    start: date | None = None,
    end: date | None = None,
    measure: str = "net",
    options: LinkOptions | None = None,
    evidence: bool = True,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> dict[date, nx.Graph]:
    """One signed network per period (links placed and share-weighted as in
    ``dyad_series``), built
    in a single DuckDB aggregation; periods without links are absent. Edges,
    the confidence threshold and the graphs' attributes are as in ``signed_network``."""
    options = options or LinkOptions()
    if measure not in MEASURES:
        raise ConfigError(f"edge measure must be one of {', '.join(MEASURES)}, got {measure!r}")
    if freq == "all":
        raise ConfigError("a network series needs a period length (day, week, month, ...)")
    min_confidence = check_min_confidence(min_confidence)
    links, params = links_sql(options, start=start, end=end, min_confidence=min_confidence)
    sql = f"WITH l AS ({period_rows_sql(freq, links, start, end)}) " + _EDGE_SQL.format(
        group="period, ", decay="1.0", cond="TRUE", evidence=_EVIDENCE if evidence else ""
    )
    with connection(db) as con:
        rows = frame(con, sql, params, "network series")
        labels = _labels(con, set(rows["a"]) | set(rows["b"]), options.level)
    graphs = {}
    for (when,), period_rows in rows.group_by(["period"], maintain_order=True):
        present = set(period_rows["a"]) | set(period_rows["b"])
        graphs[when] = _graph(
            period_rows,
            measure,
            {k: labels[k] for k in present},
            start=when,
            end=_period_end(when, freq),
            level=options.level,
            measure=measure,
            half_life_days=None,
            min_confidence=min_confidence,
        )
    return graphs


def _period_end(first: date, freq: str) -> date:
    """The last day of the period of ``freq`` starting on ``first``."""
    if freq == "day":
        return first
    if freq == "week":
        return first + timedelta(days=6)
    months = {"month": 1, "quarter": 3, "year": 12}[freq]
    year, month = divmod(first.month - 1 + months, 12)
    return date(first.year + year, month + 1, 1) - timedelta(days=1)
