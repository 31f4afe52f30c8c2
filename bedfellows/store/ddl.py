"""The database schema: one ordered column list per table, and the DDL built from it.

The column order here is the order of the row tuples built in ``_rows`` and fed
to DuckDB's appender, so a table's columns are declared in exactly one place.
Bump ``SCHEMA_VERSION`` whenever a table changes; ``Store.open`` refuses a
database whose ``meta.schema_version`` is not this one.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 5  # 5: event_actors role 'against' (Event.opposed)


@dataclass(frozen=True, slots=True)
class Table:
    """A table: its name, ordered ``(column, type)`` pairs and constraints."""

    name: str
    columns: tuple[tuple[str, str], ...]
    primary_key: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        """Column names in declared order."""
        return tuple(name for name, _ in self.columns)

    def create_sql(self) -> str:
        """The ``CREATE TABLE IF NOT EXISTS`` statement for this table."""
        parts = [f"{quote(name)} {sql_type}" for name, sql_type in self.columns]
        if self.primary_key:
            parts.append(f"PRIMARY KEY ({', '.join(quote(c) for c in self.primary_key)})")
        parts.extend(f"CHECK ({check})" for check in self.checks)
        body = ",\n    ".join(parts)
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n    {body}\n)"


def quote(identifier: str) -> str:
    """Double-quote an SQL identifier (``end`` and ``position`` are keywords)."""
    return '"' + identifier.replace('"', '""') + '"'


META = Table(
    "meta",
    (("key", "VARCHAR NOT NULL"), ("value", "VARCHAR NOT NULL")),
    primary_key=("key",),
)

RUNS = Table(
    "runs",
    (
        ("run_id", "VARCHAR NOT NULL"),
        ("started_at", "TIMESTAMP NOT NULL"),  # UTC, naive
        ("finished_at", "TIMESTAMP"),
        ("bedfellows_version", "VARCHAR NOT NULL"),
        ("data_manifest_sha256", "VARCHAR"),
        ("model_name", "VARCHAR"),
        ("model_version", "VARCHAR"),
        ("config_json", "VARCHAR"),  # JSON text of the run's settings
        ("argv", "VARCHAR[]"),
    ),
    primary_key=("run_id",),
)

ARTICLES = Table(
    "articles",
    (
        ("article_id", "VARCHAR NOT NULL"),
        ("source_path", "VARCHAR NOT NULL"),
        ("title", "VARCHAR"),
        ("published", "DATE"),
        ("source", "VARCHAR"),
        ("url", "VARCHAR"),
        ("external_id", "VARCHAR"),  # the input's own id (JSONL "id"), if any
        ("language", "VARCHAR NOT NULL"),
        ("body", "VARCHAR NOT NULL"),
        ("n_comments", "INTEGER NOT NULL"),
        ("boilerplate", "VARCHAR[] NOT NULL"),
        ("run_id", "VARCHAR"),
        ("coded_at", "TIMESTAMP NOT NULL"),  # UTC, naive
    ),
    primary_key=("article_id",),
)

COMMENTS = Table(
    "comments",
    (
        ("article_id", "VARCHAR NOT NULL"),
        ("comment_index", "INTEGER NOT NULL"),
        ("author", "VARCHAR"),
        ("text", "VARCHAR NOT NULL"),
    ),
    primary_key=("article_id", "comment_index"),
)

EVENTS = Table(
    "events",
    (
        ("event_id", "VARCHAR NOT NULL"),
        ("article_id", "VARCHAR NOT NULL"),
        ("sentence_index", "INTEGER NOT NULL"),
        ("sentence", "VARCHAR NOT NULL"),
        ("sentence_start", "INTEGER NOT NULL"),
        ("trigger", "VARCHAR NOT NULL"),
        ("trigger_start", "INTEGER NOT NULL"),
        ("trigger_end", "INTEGER NOT NULL"),
        ("cameo_code", "VARCHAR NOT NULL"),
        ("cameo_root", "VARCHAR NOT NULL"),
        ("quad_class", "INTEGER NOT NULL"),
        ("goldstein", "DOUBLE NOT NULL"),
        ("plover_type", "VARCHAR NOT NULL"),
        ("plover_mode", "VARCHAR"),
        ("plover_context", "VARCHAR"),
        ("plover_score", "DOUBLE"),
        ("modality", "VARCHAR NOT NULL"),
        ("reported_by_text", "VARCHAR"),
        ("reported_by_actor_id", "VARCHAR"),
        ("reported_by_country", "VARCHAR"),
        ("claimed", "BOOLEAN NOT NULL"),  # attributed to a named source (the reporter)
        ("historical", "BOOLEAN NOT NULL"),  # well before the article's date
        ("date_start", "DATE"),
        ("date_end", "DATE"),
        ("date_granularity", "VARCHAR"),
        ("date_basis", "VARCHAR NOT NULL"),
        ("date_text", "VARCHAR"),
        ("date_text_start", "INTEGER"),
        ("date_text_end", "INTEGER"),
        ("place_text", "VARCHAR"),
        ("place_name", "VARCHAR"),
        ("place_country", "VARCHAR"),
        ("place_lat", "DOUBLE"),
        ("place_lon", "DOUBLE"),
        ("place_start", "INTEGER"),
        ("place_end", "INTEGER"),
        ("confidence", "DOUBLE NOT NULL"),
        ("is_comment", "BOOLEAN NOT NULL"),
        ("comment_index", "INTEGER"),
        ("pattern", "VARCHAR"),
        ("run_id", "VARCHAR"),
    ),
    primary_key=("event_id",),
)

EVENT_ACTORS = Table(
    "event_actors",
    (
        ("event_id", "VARCHAR NOT NULL"),
        ("role", "VARCHAR NOT NULL"),
        ("position", "INTEGER NOT NULL"),
        ("text", "VARCHAR NOT NULL"),
        ("start", "INTEGER NOT NULL"),
        ("end", "INTEGER NOT NULL"),
        ("name", "VARCHAR NOT NULL"),
        ("actor_id", "VARCHAR"),
        ("country", "VARCHAR"),
        ("sector", "VARCHAR"),
        ("cameo", "VARCHAR"),
        ("kind", "VARCHAR NOT NULL"),
        ("basis", "VARCHAR NOT NULL"),
    ),
    primary_key=("event_id", "role", "position"),
    # 'against': a party the (cooperative) event is directed against (Event.opposed).
    checks=("role IN ('source', 'target', 'against', 'reporter')",),
)

SKIPPED = Table(
    "skipped",
    (
        ("source_path", "VARCHAR NOT NULL"),
        ("record", "BIGINT"),  # line/record number within the file, NULL for whole files
        ("reason", "VARCHAR NOT NULL"),
        ("error_type", "VARCHAR"),
        ("run_id", "VARCHAR"),
        ("at", "TIMESTAMP NOT NULL"),  # UTC, naive
    ),
)

# An undated article's inferred date window (``schema.ArticleDating``): one row
# per undated article, written with it; NULL ends are unknown (open) sides.
ARTICLE_DATING = Table(
    "article_dating",
    (
        ("article_id", "VARCHAR NOT NULL"),
        ("earliest", "DATE"),
        ("latest", "DATE"),
        ("granularity", "VARCHAR"),
        ("n_evidence", "INTEGER NOT NULL"),
        ("n_dropped", "INTEGER NOT NULL"),  # evidence left out as conflicting
        ("run_id", "VARCHAR"),
    ),
    primary_key=("article_id",),
)

# The window's evidence, one row per item in the order the dater gave them.
# ``bound_start``/``bound_end`` are what the item alone allows (NULL = open);
# ``dropped`` items conflicted with the rest and did not narrow the window.
ARTICLE_DATING_EVIDENCE = Table(
    "article_dating_evidence",
    (
        ("article_id", "VARCHAR NOT NULL"),
        ("position", "INTEGER NOT NULL"),
        ("kind", "VARCHAR NOT NULL"),
        ("mention", "VARCHAR"),
        ("mention_start", "INTEGER"),  # character span in the article body, if found
        ("mention_end", "INTEGER"),
        ("actor_id", "VARCHAR"),
        ("bound_start", "DATE"),
        ("bound_end", "DATE"),
        ("detail", "VARCHAR"),
        ("description", "VARCHAR NOT NULL"),  # the dater's own words, verbatim
        ("dropped", "BOOLEAN NOT NULL"),
        ("run_id", "VARCHAR"),
    ),
    primary_key=("article_id", "position"),
    checks=("kind IN ('office', 'former_office', 'name', 'past_date', 'other')",),
)

# An article's ACLED sub-event type (``schema.AcledType``), one row per article
# written with it. The model's version is the run's data manifest
# (``runs.data_manifest_sha256``): its weights are a packaged table.
ARTICLE_TYPES = Table(
    "article_types",
    (
        ("article_id", "VARCHAR NOT NULL"),
        ("acled_type", "VARCHAR NOT NULL"),
        ("probability", "DOUBLE NOT NULL"),
        ("run_id", "VARCHAR"),
    ),
    primary_key=("article_id",),
    checks=("probability BETWEEN 0 AND 1",),
)

TABLES: tuple[Table, ...] = (
    META,
    RUNS,
    ARTICLES,
    COMMENTS,
    EVENTS,
    EVENT_ACTORS,
    SKIPPED,
    ARTICLE_DATING,
    ARTICLE_DATING_EVIDENCE,
    ARTICLE_TYPES,
)
