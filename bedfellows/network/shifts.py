"""Shifts: significant changes in how two actors treat each other.

Each dyad's relation is the confidence-weighted mean Goldstein score of its
links per period (links placed in periods as in ``series``; periods without
links, or whose links all have confidence 0, have no mean and are skipped, not
read as neutral). Change points in that series come from PELT with a Gaussian
mean-change cost and a robust MBIC-type penalty (``changepoint``); a change is
kept when each adjacent segment holds at least ``min_segment_events`` links and
its z-score reaches ``min_z``. The z-score is
taken over the links, not the periods: the jump between the two segments'
weighted mean Goldstein scores over its standard error, each segment's variance
floored at 1 so that a run of identical codes does not make any move look
certain. A month with one or two noisy links therefore cannot make a shift on
its own. Each shift lists the events of the last period before it and the
first period after it. Only events with ``confidence >= min_confidence`` count
(see ``links``).
"""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import polars as pl

from ..errors import ConfigError
from ..thresholds import DEFAULT_MIN_CONFIDENCE
from .changepoint import pelt
from .links import LinkOptions, links_sql
from .series import period_rows_sql
from .source import Database, connection, country_names, frame, normalise_key

COLUMNS = {
    "a": pl.String,
    "b": pl.String,
    "a_label": pl.String,
    "b_label": pl.String,
    "period": pl.Date,
    "previous_period": pl.Date,
    "mean_before": pl.Float64,
    "mean_after": pl.Float64,
    "delta": pl.Float64,
    "z": pl.Float64,
    "periods_before": pl.Int64,
    "periods_after": pl.Int64,
    "events_before": pl.Int64,
    "events_after": pl.Int64,
    "change": pl.String,
    "event_ids": pl.List(pl.String),
}


def _pair_periods_sql(
    options: LinkOptions,
    freq: str,
    start: date | None,
    end: date | None,
    actors: list[str] | None,
    min_events: int,
    min_confidence: float,
) -> tuple[str, list]:
    links, params = links_sql(
        options, start=start, end=end, actors=actors, min_confidence=min_confidence
    )
    sql = f"""
WITH l AS ({period_rows_sql(freq, links, start, end)}),
busy AS (SELECT a, b FROM l GROUP BY a, b HAVING count(DISTINCT link_id) >= ?)
SELECT a, b, period, sum(weight * goldstein) / sum(weight) AS level,
       count(*) AS n, sum(weight) AS w, sum(weight * goldstein) AS wg,
       sum(weight * goldstein * goldstein) AS wg2,
       flatten(list(event_ids ORDER BY link_id)) AS event_ids
FROM l SEMI JOIN busy USING (a, b)
GROUP BY a, b, period
HAVING sum(weight) > 0
ORDER BY a, b, period
"""
    return sql, params + [min_events]


def _segment(rows: np.ndarray) -> tuple[float, float, float]:
    """(links, weighted mean, variance floored at 1) of a run of periods' sums."""
    n, w, wg, wg2 = rows.sum(axis=0)
    mean = wg / w
    return float(n), float(mean), max(float(wg2 / w - mean * mean), 1.0)


def shifts(
    db: Database,
    *,
    a: str | None = None,
    b: str | None = None,
    freq: str = "month",
    start: date | None = None,
    end: date | None = None,
    options: LinkOptions | None = None,
    min_events: int = 10,
    min_z: float = 3.0,
    min_size: int = 2,
    min_segment_events: int = 5,
    penalty: float | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> pl.DataFrame:
    """Change points in dyads' relations: every dyad with at least ``min_events``
    links, the dyads of actor ``a``, or the one dyad ``a``–``b``.

    Columns: ``a``, ``b``, labels, ``period`` (first period of the new level),
    ``previous_period``, ``mean_before``/``mean_after`` (the segments'
    weighted mean Goldstein scores over their links), ``delta``, ``z`` (over
    links), ``periods_before``/``periods_after`` (segment lengths in periods),
    ``events_before``/``events_after`` (links), ``change`` ("warming" | "cooling") and
    ``event_ids`` (the two periods around the change). Sorted by |z|, largest first.
    Only events with ``confidence >= min_confidence`` count (ConfigError outside
    [0, 1]).
    """
    options = options or LinkOptions()
    if freq == "all":
        raise ConfigError("shifts need a period length (day, week, month, quarter or year)")
    if b is not None and a is None:
        raise ConfigError("give the first actor of the dyad too")
    keys = [normalise_key(k, options.level) for k in (a, b) if k is not None]
    pair = keys if len(keys) == 2 else None  # one dyad: let DuckDB prune early
    sql, params = _pair_periods_sql(options, freq, start, end, pair, min_events, min_confidence)
    with connection(db) as con:
        rows = frame(con, sql, params, "dyad shifts")
    if keys:
        rows = rows.filter(pl.col("a").is_in(keys) | pl.col("b").is_in(keys))
        if len(keys) == 2:
            rows = rows.filter(pl.col("a").is_in(keys) & pl.col("b").is_in(keys))
    names = country_names()
    out = []
    for (x, y), group in rows.group_by(["a", "b"], maintain_order=True):
        periods = group["period"].to_list()
        ids = group["event_ids"].to_list()
        cuts = pelt(group["level"].to_list(), penalty=penalty, min_size=min_size)
        sums = group.select("n", "w", "wg", "wg2").to_numpy()
        bounds = [0, *cuts, len(periods)]
        for k, i in enumerate(cuts):
            before = _segment(sums[bounds[k] : i])
            after = _segment(sums[i : bounds[k + 2]])
            if min(before[0], after[0]) < min_segment_events:
                continue
            delta = after[1] - before[1]
            z = delta / math.sqrt(before[2] / before[0] + after[2] / after[0])
            if abs(z) < min_z:
                continue
            out.append(
                {
                    "a": x,
                    "b": y,
                    "a_label": names.get(x, x),
                    "b_label": names.get(y, y),
                    "period": periods[i],
                    "previous_period": periods[i - 1],
                    "mean_before": before[1],
                    "mean_after": after[1],
                    "delta": delta,
                    "z": z,
                    "periods_before": i - bounds[k],
                    "periods_after": bounds[k + 2] - i,
                    "events_before": int(before[0]),
                    "events_after": int(after[0]),
                    "change": "warming" if delta > 0 else "cooling",
                    "event_ids": list(ids[i - 1]) + list(ids[i]),
                }
            )
    out.sort(key=lambda r: (-abs(r["z"]), r["a"], r["b"], r["period"]))
    return pl.DataFrame(out, schema=COLUMNS)
