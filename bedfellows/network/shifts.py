"""Shifts: significant changes in how two actors treat each other.

Each dyad's relation is the confidence-weighted mean Goldstein score of its
links per period (links placed in periods as in ``series``; periods without
links are skipped, not read as neutral). Change points in that series come from
PELT with a Gaussian mean-change cost and a robust BIC-type penalty
(``changepoint``); a change is kept when its z-score, the jump between the
adjacent segment means over its standard error, reaches ``min_z``. Each shift
lists the events of the last period before it and the first period after it.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from ..errors import ConfigError
from .changepoint import change_points
from .links import LinkOptions, links_sql
from .series import period_sql
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
    "change": pl.String,
    "event_ids": pl.List(pl.String),
}


def _pair_periods_sql(
    options: LinkOptions, freq: str, start, end, actors: list[str] | None, min_events: int
) -> tuple[str, list]:
    links, params = links_sql(options, start=start, end=end, actors=actors)
    period, cond = period_sql(freq)
    sql = f"""
WITH l AS (SELECT *, {period} AS period FROM ({links}) x WHERE {cond}),
busy AS (SELECT a, b FROM l GROUP BY a, b HAVING count(*) >= ?)
SELECT a, b, period, sum(weight * goldstein) / sum(weight) AS level,
       flatten(list(event_ids ORDER BY link_id)) AS event_ids
FROM l SEMI JOIN busy USING (a, b)
GROUP BY a, b, period
ORDER BY a, b, period
"""
    return sql, params + [min_events]


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
    min_z: float = 2.0,
    min_size: int = 2,
    penalty: float | None = None,
) -> pl.DataFrame:
    """Change points in dyads' relations: every dyad with at least ``min_events``
    links, the dyads of actor ``a``, or the one dyad ``a``–``b``.

    Columns: ``a``, ``b``, labels, ``period`` (first period of the new level),
    ``previous_period``, ``mean_before``/``mean_after`` (segment means of the
    weighted mean Goldstein score), ``delta``, ``z``, ``periods_before``/
    ``periods_after`` (segment lengths), ``change`` ("warming" | "cooling") and
    ``event_ids`` (the two periods around the change). Sorted by |z|, largest first.
    """
    options = options or LinkOptions()
    if freq == "all":
        raise ConfigError("shifts need a period length (day, week, month, quarter or year)")
    if b is not None and a is None:
        raise ConfigError("give the first actor of the dyad too")
    keys = [normalise_key(k, options.level) for k in (a, b) if k is not None]
    pair = keys if len(keys) == 2 else None  # one dyad: let DuckDB prune early
    sql, params = _pair_periods_sql(options, freq, start, end, pair, min_events)
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
        values = group["level"].to_list()
        for cp in change_points(values, penalty=penalty, min_size=min_size, min_z=min_z):
            i = cp.index
            out.append(
                {
                    "a": x,
                    "b": y,
                    "a_label": names.get(x, x),
                    "b_label": names.get(y, y),
                    "period": periods[i],
                    "previous_period": periods[i - 1],
                    "mean_before": cp.mean_before,
                    "mean_after": cp.mean_after,
                    "delta": cp.delta,
                    "z": cp.z,
                    "periods_before": cp.n_before,
                    "periods_after": cp.n_after,
                    "change": "warming" if cp.delta > 0 else "cooling",
                    "event_ids": list(ids[i - 1]) + list(ids[i]),
                }
            )
    out.sort(key=lambda r: (-abs(r["z"]), r["a"], r["b"], r["period"]))
    return pl.DataFrame(out, schema=COLUMNS)
