"""Dyad series: how two actors treat each other, period by period.

For a pair of actor keys and a period length, each row sums the links (see
``links``) of one period in one direction: ``A->B``, ``B->A``, and ``both``
(every link once, whichever way it runs; a joint act counts once there and in
each direction). Counts are weighted by confidence; Goldstein and PLOVER
means are confidence-weighted too. A link belongs to a period only when its
whole date range lies inside the period (an act dated "June 2014" is in no
week); ``freq="all"`` gives one row per direction over every link, dated or not.
Only events with ``confidence >= min_confidence`` count (see ``links``).
"""

from __future__ import annotations

from datetime import date

import polars as pl

from ..errors import ConfigError
from ..thresholds import DEFAULT_MIN_CONFIDENCE
from .links import LinkOptions, links_sql
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


def period_sql(freq: str, column: str = "date_start") -> tuple[str, str]:
    """(period expression, condition) placing a link in a period of ``freq``."""
    if freq not in FREQS:
        raise ConfigError(f"period must be one of {', '.join(FREQS)}, got {freq!r}")
    if freq == "all":
        return "NULL::DATE", "TRUE"
    expr = f"date_trunc('{freq}', {column})::DATE"
    cond = f"{column} IS NOT NULL AND {expr} = date_trunc('{freq}', date_end)::DATE"
    return expr, cond


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
    period, cond = period_sql(freq)
    sql = f"""
WITH l AS ({links}),
d AS (
    SELECT *, {period} AS period,
           CASE WHEN a = ? THEN ab ELSE ba END AS fwd,
           CASE WHEN a = ? THEN ba ELSE ab END AS bwd
    FROM l WHERE {cond}
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
