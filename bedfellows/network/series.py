"""Dyad series: how two actors treat each other, period by period.

For a pair of actor keys and a period length, each row sums the links (see
``links``) of one period in one direction: ``A->B``, ``B->A``, and ``both``
(every link once, whichever way it runs; a joint act counts once there and in
each direction). Counts are weighted by confidence; Goldstein and PLOVER
means are confidence-weighted too. A link counts in every period its date
range overlaps, weighted there by the share of its range inside the period
(and inside the window, when one is given): an act dated "June 2014" counts
in each week of June in proportion to its days there, an undated article's
inferred window of five months counts about a fifth in each month;
``events`` counts the links touching a period, every weight sum is
share-weighted. ``freq="all"`` gives one row per direction over every link,
dated or not (a window still weights by share).
Only events with ``confidence >= min_confidence`` count (see ``links``).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from ..errors import ConfigError
from ..thresholds import DEFAULT_MIN_CONFIDENCE
from .links import LinkOptions, links_sql, share_sql
from .source import Database, connection, frame, normalise_key

FREQS = ("day", "week", "month", "quarter", "year", "all")

# Weighted sums shared by series and type counts (``w`` = confidence weight).
_MEASURES = """
    count(*) AS events,
    sum(n_mentions)::BIGINT AS mentions,
    sum(weight) AS weight,
    coalesce(sum(weight) FILTER (quad_class = 1), 0) AS verbal_cooperation,
    coalesce(sum(weight) FILTER (quad_class = 2), 0) AS material_cooperation,
    coalesce(sum(weight) FILTER (quad_class = 3), 0) AS verbal_conflict,
    coalesce(sum(weight) FILTER (quad_class = 4), 0) AS material_conflict,
    coalesce(sum(weight) FILTER (quad_class IN (1, 2)), 0) AS cooperation,
    coalesce(sum(weight) FILTER (quad_class IN (3, 4)), 0) AS conflict,
    sum(weight * goldstein) AS goldstein_sum,
    sum(weight * goldstein) / sum(weight) AS goldstein_mean,
    sum(weight * plover_score) AS plover_sum,
    sum(weight * plover_score) / sum(weight) FILTER (plover_score IS NOT NULL) AS plover_mean"""


_STEP = {
    "day": "INTERVAL 1 DAY",
    "week": "INTERVAL 7 DAY",
    "month": "INTERVAL 1 MONTH",
    "quarter": "INTERVAL 3 MONTH",
    "year": "INTERVAL 1 YEAR",
}


def period_rows_sql(
    freq: str, links: str, start: date | None = None, end: date | None = None
) -> str:
    """The rows of ``links`` (a query of ``links_sql``) placed in periods of ``freq``.

    One row per link and period its date range overlaps (inside the window
    ``[start, end]``), with ``period`` (first day) and ``share`` (of the link's
    range inside both) and ``weight`` = confidence × share; rows of no share are
    left out, and so are undated links. ``freq="all"``: the links as they are,
    with a null ``period``.
    """
    if freq not in FREQS:
        raise ConfigError(f"period must be one of {', '.join(FREQS)}, got {freq!r}")
    if freq == "all":
        return f"SELECT *, NULL::DATE AS period FROM ({links}) pl"
    step = _STEP[freq]
    period_end = f"(p.period + {step} - INTERVAL 1 DAY)::DATE"
    share = share_sql(start, end, "x", lo="p.period", hi=period_end)
    return f"""
SELECT * REPLACE (confidence * share AS weight) FROM (
    SELECT x.* REPLACE ({share} AS share), p.period
    FROM ({links}) x,
         (SELECT unnest(generate_series(
              date_trunc('{freq}', x.date_start), date_trunc('{freq}', x.date_end), {step}
          ))::DATE AS period) p
    WHERE x.date_start IS NOT NULL
) pr WHERE share > 0"""


def _directed_sql(
    a: str,
    b: str,
    freq: str,
    start: date | None,
    end: date | None,
    options: LinkOptions,
    group: str,
    min_confidence: float,
) -> tuple[str, list]:
    if a == b:
        raise ConfigError(f"a dyad needs two different actors, got {a!r} twice")
    links, params = links_sql(
        options, start=start, end=end, actors=[a, b], min_confidence=min_confidence
    )
    periods = period_rows_sql(freq, "SELECT * FROM l", start, end)
    sql = f"""
WITH l AS ({links}),
d AS (
    SELECT *,
           CASE WHEN a = ? THEN ab ELSE ba END AS fwd,
           CASE WHEN a = ? THEN ba ELSE ab END AS bwd
    FROM ({periods}) pd
),
u AS (
    SELECT *, ? AS direction, 0 AS dir_order FROM d WHERE fwd
    UNION ALL SELECT *, ? AS direction, 1 AS dir_order FROM d WHERE bwd
    UNION ALL SELECT *, 'both' AS direction, 2 AS dir_order FROM d
)
SELECT period, direction, {group}{_MEASURES},
       flatten(list(event_ids ORDER BY link_id)) AS event_ids
FROM u
GROUP BY period, direction, dir_order{", " + group.rstrip(", ") if group else ""}
ORDER BY period NULLS FIRST, dir_order{", " + group.rstrip(", ") if group else ""}
"""
    return sql, params + [a, a, f"{a}->{b}", f"{b}->{a}"]


def dyad_series(
    db: Database,
    a: str,
    b: str,
    *,
    freq: str = "month",
    start: date | None = None,
    end: date | None = None,
    options: LinkOptions | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> pl.DataFrame:
    """The relation of actors ``a`` and ``b``, one row per period and direction.

    ``a``/``b`` are actor keys at ``options.level`` ("IRN", "USA", "IMGMUSISI").
    Columns: ``period`` (first day; null for ``freq="all"``), ``direction``
    (``"A->B"``, ``"B->A"``, ``"both"``), ``events`` (links), ``mentions``,
    ``weight`` (sum of confidence), the four QuadClass weights
    (``verbal_cooperation`` … ``material_conflict``), ``cooperation``,
    ``conflict``, ``goldstein_sum``/``goldstein_mean``, ``plover_sum``/
    ``plover_mean`` and ``event_ids`` (the evidence). Periods without events
    have no row. Only events with ``confidence >= min_confidence`` count
    (ConfigError outside [0, 1]).
    """
    options = options or LinkOptions()
    a, b = normalise_key(a, options.level), normalise_key(b, options.level)
    sql, params = _directed_sql(a, b, freq, start, end, options, "", min_confidence)
    with connection(db) as con:
        return frame(con, sql, params, f"dyad series {a}-{b}")


def dyad_type_counts(
    db: Database,
    a: str,
    b: str,
    *,
    freq: str = "month",
    start: date | None = None,
    end: date | None = None,
    options: LinkOptions | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> pl.DataFrame:
    """Like ``dyad_series`` but one row per period, direction and PLOVER type."""
    options = options or LinkOptions()
    a, b = normalise_key(a, options.level), normalise_key(b, options.level)
    sql, params = _directed_sql(a, b, freq, start, end, options, "plover_type, ", min_confidence)
    with connection(db) as con:
        return frame(con, sql, params, f"dyad type counts {a}-{b}")
