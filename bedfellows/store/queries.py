"""Read queries over the store: event filters, event records with actors, counts, stats.

Everything here takes a DuckDB connection and returns plain Python values; the
``Store`` methods wrap DuckDB errors into ``StoreError``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from ..errors import ConfigError
from ..thresholds import check_min_confidence
from .ddl import (
    ARTICLE_DATING,
    ARTICLE_DATING_EVIDENCE,
    ARTICLE_TYPES,
    EVENT_ACTORS,
    EVENTS,
    quote,
)

# Deterministic order for every event listing and export.
_ORDER_COLUMNS = ("date_start", "article_id", "sentence_index", "trigger_start", "event_id")

ACTOR_FIELDS = (
    "text",
    "start",
    "end",
    "name",
    "actor_id",
    "country",
    "sector",
    "cameo",
    "kind",
    "basis",
)

COUNTED_TABLES = ("articles", "comments", "events", "runs", "skipped")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to select; every field left as None selects everything.

    ``actor`` matches, on a source or target of the event, a country (ISO 3166
    alpha-3, case-insensitive), a CAMEO actor code prefix ("IRN" matches
    "IRNMIL"; case-insensitive) or an exact actor_id. ``start``/``end`` keep
    events whose whole date range lies inside ``[start, end]``, so an event
    known only to the year is not returned for a one-month window, and undated
    events are dropped whenever either bound is given. ``min_confidence`` keeps
    events with ``confidence >= min_confidence`` (a number in [0, 1]; 0 and None
    keep every event).
    """

    actor: str | None = None
    article_id: str | None = None
    plover_type: str | None = None
    cameo_root: str | None = None
    start: date | None = None
    end: date | None = None
    modality: str | None = None
    include_comments: bool = False
    limit: int | None = None
    min_confidence: float | None = None

    @classmethod
    def from_kwargs(cls, **filters: Any) -> EventFilter:
        """Build and validate a filter from keyword arguments (unknown keys raise ConfigError)."""
        unknown = sorted(set(filters) - set(cls.__slots__))
        if unknown:
            raise ConfigError(f"unknown event filter(s): {', '.join(unknown)}")
        flt = cls(**filters)
        flt.validate()
        return flt

    def validate(self) -> None:
        """Raise ConfigError for values that cannot select anything sensible."""
        if self.actor is not None and not self.actor.strip():
            raise ConfigError("actor filter is empty")
        if self.start and self.end and self.start > self.end:
            raise ConfigError(f"start date {self.start} is after end date {self.end}")
        if self.limit is not None and self.limit < 0:
            raise ConfigError(f"limit must be >= 0, got {self.limit}")
        if self.min_confidence is not None:
            check_min_confidence(self.min_confidence)

    def where(self, alias: str = "e") -> tuple[str, list[Any]]:
        """The SQL condition (over events aliased ``alias``) and its parameters."""
        conds: list[str] = []
        params: list[Any] = []
        if not self.include_comments:
            conds.append(f"NOT {alias}.is_comment")
        if self.actor is not None:
            code = self.actor.strip()
            conds.append(
                "EXISTS (SELECT 1 FROM event_actors fa WHERE fa.event_id = "
                f"{alias}.event_id AND fa.role IN ('source', 'target') AND "
                "(fa.country = ? OR starts_with(fa.cameo, ?) OR fa.actor_id = ?))"
            )
            params += [code.upper(), code.upper(), code]
        if self.article_id is not None:
            conds.append(f"{alias}.article_id = ?")
            params.append(self.article_id)
        if self.plover_type is not None:
            conds.append(f"{alias}.plover_type = ?")
            params.append(self.plover_type.strip().upper())
        if self.cameo_root is not None:
            conds.append(f"{alias}.cameo_root = ?")
            params.append(_cameo_root(self.cameo_root))
        if self.modality is not None:
            conds.append(f"{alias}.modality = ?")
            params.append(str(self.modality).strip().lower())
        if self.start is not None:
            conds.append(f"{alias}.date_start >= ?")
            params.append(self.start)
        if self.end is not None:
            conds.append(f"{alias}.date_end <= ?")
            params.append(self.end)
        if self.min_confidence is not None:
            conds.append(f"{alias}.confidence >= ?")
            params.append(check_min_confidence(self.min_confidence))
        return (" AND ".join(conds) or "TRUE"), params

    def limit_sql(self) -> str:
        """``LIMIT n`` or an empty string."""
        return "" if self.limit is None else f"LIMIT {int(self.limit)}"


def order_by(alias: str) -> str:
    """The ORDER BY list (undated events last) over events aliased ``alias``."""
    cols = [f"{alias}.{c}" for c in _ORDER_COLUMNS]
    cols[0] += " NULLS LAST"
    return ", ".join(cols)


def _cameo_root(value: str | int) -> str:
    """CAMEO roots are two-digit strings: 4, "4" and "04" all mean "04"."""
    text = str(value).strip()
    return text.zfill(2) if text.isdigit() else text


def _actor_struct(alias: str) -> str:
    fields = ", ".join(f"{quote(f)} := {alias}.{quote(f)}" for f in ACTOR_FIELDS)
    return f"struct_pack({fields})"


def event_records_sql(flt: EventFilter, *, with_article: bool = False) -> tuple[str, list[Any]]:
    """SQL selecting filtered events with ``sources``/``targets``/``against`` lists
    (``against``: the parties a cooperation is directed against, ``Event.opposed``)
    and ``reporter``.

    With ``with_article`` the article's url/title/source/published/language/
    coded_at/source_path and the run's version and model come along too, with
    ``article_``/``run_`` prefixes.
    """
    where, params = flt.where("e")
    event_cols = ", ".join(f"e.{quote(c)}" for c in EVENTS.column_names)
    ev_cols = ", ".join(f"ev.{quote(c)}" for c in EVENTS.column_names)
    struct = _actor_struct("a")
    extra_cols = ""
    extra_joins = ""
    if with_article:
        extra_cols = (
            ", ar.url AS article_url, ar.title AS article_title, ar.source AS article_source,"
            " ar.published AS article_published, ar.language AS article_language,"
            " ar.coded_at AS article_coded_at, ar.source_path AS article_source_path,"
            " ar.external_id AS article_external_id,"
            " ru.bedfellows_version AS run_bedfellows_version,"
            " ru.model_name AS run_model_name, ru.model_version AS run_model_version"
        )
        extra_joins = (
            " LEFT JOIN articles ar ON ar.article_id = ev.article_id"
            " LEFT JOIN runs ru ON ru.run_id = ev.run_id"
        )
    sql = f"""
        WITH ev AS (
            SELECT {event_cols} FROM events e WHERE {where}
            ORDER BY {order_by("e")} {flt.limit_sql()}
        ),
        acts AS (
            SELECT a.event_id,
                list({struct} ORDER BY a.position) FILTER (WHERE a.role = 'source') AS sources,
                list({struct} ORDER BY a.position) FILTER (WHERE a.role = 'target') AS targets,
                list({struct} ORDER BY a.position) FILTER (WHERE a.role = 'against') AS against,
                first({struct}) FILTER (WHERE a.role = 'reporter') AS reporter
            FROM event_actors a
            WHERE a.event_id IN (SELECT event_id FROM ev)
            GROUP BY a.event_id
        )
        SELECT {ev_cols},
            coalesce(acts.sources, []) AS sources,
            coalesce(acts.targets, []) AS targets,
            coalesce(acts.against, []) AS against,
            acts.reporter AS reporter
            {extra_cols}
        FROM ev LEFT JOIN acts ON acts.event_id = ev.event_id {extra_joins}
        ORDER BY {order_by("ev")}
    """
    return sql, params


def iter_event_records(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter,
    *,
    with_article: bool = False,
    batch_size: int = 2000,
) -> Iterator[dict[str, Any]]:
    """Yield filtered events as dicts (see ``event_records_sql``), streamed in batches."""
    sql, params = event_records_sql(flt, with_article=with_article)
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    while True:
        rows = cur.fetchmany(batch_size)
        if not rows:
            return
        for row in rows:
            yield dict(zip(names, row, strict=True))


def flat_events_sql(flt: EventFilter) -> tuple[str, list[Any]]:
    """SQL for the flat export: one row per event, the first source, target and
    opposed party (``against_*``) as columns, and how many of each there are."""
    where, params = flt.where("e")
    event_cols = ", ".join(f"e.{quote(c)}" for c in EVENTS.column_names)
    actor_cols: list[str] = []
    for prefix, alias in (("source", "s"), ("target", "t"), ("against", "o")):
        actor_cols += [f"{alias}.{quote(f)} AS {prefix}_{f}" for f in ACTOR_FIELDS]
    sql = f"""
        SELECT {event_cols},
            {", ".join(actor_cols)},
            (SELECT count(*) FROM event_actors c
              WHERE c.event_id = e.event_id AND c.role = 'source') AS n_sources,
            (SELECT count(*) FROM event_actors c
              WHERE c.event_id = e.event_id AND c.role = 'target') AS n_targets,
            (SELECT count(*) FROM event_actors c
              WHERE c.event_id = e.event_id AND c.role = 'against') AS n_against,
            ar.published AS article_published, ar.source AS article_source,
            ar.url AS article_url, ar.title AS article_title
        FROM events e
        LEFT JOIN event_actors s
            ON s.event_id = e.event_id AND s.role = 'source' AND s.position = 0
        LEFT JOIN event_actors t
            ON t.event_id = e.event_id AND t.role = 'target' AND t.position = 0
        LEFT JOIN event_actors o
            ON o.event_id = e.event_id AND o.role = 'against' AND o.position = 0
        LEFT JOIN articles ar ON ar.article_id = e.article_id
        WHERE {where}
        ORDER BY {order_by("e")} {flt.limit_sql()}
    """
    return sql, params


def dating_records(
    con: duckdb.DuckDBPyConnection, article_id: str | None = None
) -> list[dict[str, Any]]:
    """Stored inferred date windows of undated articles, by article id.

    Each dict has the ``article_dating`` columns, the article's title,
    source_path and external_id, its number of ``events`` and how many of them
    took the window (``inferred_events``), and ``evidence``: a list of dicts of
    the ``article_dating_evidence`` columns (without article_id/run_id) in order.
    A database written before these tables existed has no windows: [].
    """
    if not {ARTICLE_DATING.name, ARTICLE_DATING_EVIDENCE.name} <= table_names(con):
        return []
    fields = [c for c in ARTICLE_DATING_EVIDENCE.column_names if c not in ("article_id", "run_id")]
    struct = "struct_pack(" + ", ".join(f"{quote(f)} := v.{quote(f)}" for f in fields) + ")"
    cols = ", ".join(f"d.{quote(c)}" for c in ARTICLE_DATING.column_names)
    where, params = ("WHERE d.article_id = ?", [article_id]) if article_id is not None else ("", [])
    cur = con.execute(
        f"""
        SELECT {cols}, ar.title, ar.source_path, ar.external_id,
            (SELECT count(*) FROM events e WHERE e.article_id = d.article_id) AS events,
            (SELECT count(*) FROM events e WHERE e.article_id = d.article_id
                AND e.date_basis = 'inferred') AS inferred_events,
            coalesce(
                (SELECT list({struct} ORDER BY v.position) FROM article_dating_evidence v
                  WHERE v.article_id = d.article_id),
                []
            ) AS evidence
        FROM article_dating d LEFT JOIN articles ar ON ar.article_id = d.article_id
        {where}
        ORDER BY d.article_id
        """,
        params,
    )
    return records(cur)


def article_type_records(
    con: duckdb.DuckDBPyConnection, article_id: str | None = None
) -> list[dict[str, Any]]:
    """Stored ACLED sub-event types of articles, by article id.

    Each dict has ``article_id``, ``acled_type``, ``probability``, ``run_id``,
    the article's title, source_path and external_id, and its number of
    ``events``. A database written before the table existed has none: [].
    """
    if ARTICLE_TYPES.name not in table_names(con):
        return []
    cols = ", ".join(f"t.{quote(c)}" for c in ARTICLE_TYPES.column_names)
    where, params = ("WHERE t.article_id = ?", [article_id]) if article_id is not None else ("", [])
    cur = con.execute(
        f"""
        SELECT {cols}, ar.title, ar.source_path, ar.external_id,
            (SELECT count(*) FROM events e WHERE e.article_id = t.article_id) AS events
        FROM article_types t LEFT JOIN articles ar ON ar.article_id = t.article_id
        {where}
        ORDER BY t.article_id
        """,
        params,
    )
    return records(cur)


def records(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The rows of an executed query as dicts keyed by column name."""
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Names of the tables in the database (a read-only older one may lack some)."""
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'"
    ).fetchall()
    return {name for (name,) in rows}


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row counts of the main tables: articles, comments, events, runs, skipped."""
    union = " UNION ALL ".join(f"SELECT '{name}', count(*) FROM {name}" for name in COUNTED_TABLES)
    return {name: int(n) for name, n in con.execute(union).fetchall()}


def _group_counts(con: duckdb.DuckDBPyConnection, column: str) -> dict[Any, int]:
    rows = con.execute(
        f"SELECT {column}, count(*) FROM events GROUP BY ALL ORDER BY 2 DESC, 1 NULLS LAST"
    ).fetchall()
    return {key: int(n) for key, n in rows}


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Summary for an ``info`` command: counts, event breakdowns and date range.

    Breakdowns cover all stored events, comment events included
    (``comment_events`` says how many those are).
    """
    first, last, n_comment, n_actors = con.execute(
        "SELECT min(date_start), max(date_end), count(*) FILTER (WHERE is_comment),"
        f" (SELECT count(*) FROM {EVENT_ACTORS.name}) FROM events"
    ).fetchone()
    return {
        "counts": counts(con),
        "event_actors": int(n_actors),
        "comment_events": int(n_comment),
        "first_date": first,
        "last_date": last,
        "by_plover_type": _group_counts(con, "plover_type"),
        "by_modality": _group_counts(con, "modality"),
        "by_quad_class": _group_counts(con, "quad_class"),
        "by_date_basis": _group_counts(con, "date_basis"),
    }
