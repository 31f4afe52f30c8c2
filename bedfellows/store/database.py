"""The DuckDB store: open/version check, runs, atomic idempotent article writes, queries.

One ``Store`` wraps one DuckDB connection and is not thread-safe. DuckDB lets
one process at a time open a file for writing; a second process gets a
StoreError naming the file.

Crash safety: each ``write_article`` (or ``write_articles`` batch) is a single
transaction, so a process killed at any point leaves only whole articles; a
rerun sees them with ``known_article_ids``/``has_article`` and codes the rest.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb

from ..about import __version__
from ..errors import SchemaVersionError, StoreError
from ..schema import AcledType, Article, ArticleDating, Event
from . import queries
from ._dating import dating_rows
from ._rows import Row, actor_rows, article_row, check_events, comment_rows, event_row
from .ddl import (
    ARTICLE_DATING,
    ARTICLE_DATING_EVIDENCE,
    ARTICLE_TYPES,
    ARTICLES,
    COMMENTS,
    EVENT_ACTORS,
    EVENTS,
    META,
    SCHEMA_VERSION,
    TABLES,
)

log = logging.getLogger(__name__)

MEMORY = ":memory:"

# DuckDB reads "md:"/"motherduck:" paths and URLs (s3://, https://, …) through
# extensions it would download on first use; bedfellows never downloads at run time.
_REMOTE_PREFIX = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|(?:md|motherduck):)", re.IGNORECASE)
# Known extensions are neither installed nor loaded behind the user's back.
_CONNECT_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def check_local(where: str) -> None:
    """Refuse a database "path" that is a URL or a MotherDuck name (StoreError):
    DuckDB would fetch an extension to open it."""
    if _REMOTE_PREFIX.match(where.strip()):
        raise StoreError(
            f"cannot open database {where}: bedfellows stores events in a local DuckDB "
            "file; give a file path (or :memory:), not a URL or MotherDuck database"
        )


# (article_id, {table name: the article's rows}); tables are filled in the
# order of ``_WRITTEN``.
_Prepared = tuple[str, dict[str, list[Row]]]
_WRITTEN = (
    ARTICLES,
    COMMENTS,
    EVENTS,
    EVENT_ACTORS,
    ARTICLE_DATING,
    ARTICLE_DATING_EVIDENCE,
    ARTICLE_TYPES,
)


def _utcnow() -> datetime:
    """Current UTC time as a naive datetime (stored in TIMESTAMP columns)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """A bedfellows event database. Open it with ``Store.open`` (a context manager)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, *, read_only: bool) -> None:
        """Wrap an open connection whose schema has been checked (use ``Store.open``)."""
        self._con = con
        self._path = path
        self._read_only = read_only
        self._appenders: dict[str, Any] = {}
        self._closed = False

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (creating if needed) the database at ``path``; ``":memory:"`` for a throwaway one.

        Raises StoreError naming the path when the file cannot be opened (missing
        directory, not a DuckDB file, locked by another process), and
        SchemaVersionError when it holds another schema version or is not a
        bedfellows database. A new database cannot be created ``read_only``.
        A URL (``s3://``, ``https://``) or MotherDuck name (``md:``) is refused with
        StoreError, and DuckDB never auto-installs or auto-loads an extension.
        """
        where = str(path)
        con = _connect(where, read_only=read_only)
        try:
            _prepare_schema(con, where, read_only=read_only)
        except BaseException:
            con.close()
            raise
        log.debug("opened %s (read_only=%s)", where, read_only)
        return cls(con, where, read_only=read_only)

    @property
    def path(self) -> str:
        """The path the store was opened with (``":memory:"`` for in-memory)."""
        return self._path

    @property
    def read_only(self) -> bool:
        """Whether the store was opened read-only."""
        return self._read_only

    def close(self) -> None:
        """Close the connection (idempotent); DuckDB checkpoints the file on close."""
        if self._closed:
            return
        self._closed = True
        self._appenders.clear()
        with self._errors("close"):
            self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Turn DuckDB errors into StoreError naming the database and the action."""
        try:
            yield
        except duckdb.Error as exc:
            raise StoreError(f"{self._path}: {action} failed: {exc}") from exc

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A separate DuckDB cursor for streaming reads (used by ``export``); read with it only."""
        if self._closed:
            raise StoreError(f"{self._path}: store is closed")
        with self._errors("open cursor"):
            return self._con.cursor()

    # --------------------------------------------------------------------- runs

    def begin_run(
        self,
        *,
        bedfellows_version: str = __version__,
        data_manifest_sha256: str | None = None,
        model_name: str | None = None,
        model_version: str | None = None,
        config_json: str | None = None,
        argv: Sequence[str] | None = None,
    ) -> str:
        """Record the start of a coding run and return its id (sortable by start time).

        ``config_json`` is the run's settings/provenance as JSON text (checked to
        parse); ``argv`` the command line.
        """
        if config_json is not None:
            try:
                json.loads(config_json)
            except ValueError as exc:
                msg = f"{self._path}: begin run: config_json is not JSON: {exc}"
                raise StoreError(msg) from exc
        started = _utcnow()
        run_id = f"{started:%Y%m%dT%H%M%S}Z-{uuid.uuid4().hex[:8]}"
        with self._errors(f"begin run {run_id}"):
            self._con.execute(
                "INSERT INTO runs VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)",
                [
                    run_id,
                    started,
                    bedfellows_version,
                    data_manifest_sha256,
                    model_name,
                    model_version,
                    config_json,
                    None if argv is None else list(argv),
                ],
            )
        return run_id

    def finish_run(self, run_id: str) -> None:
        """Stamp ``finished_at`` on a run; StoreError if the run is unknown."""
        with self._errors(f"finish run {run_id}"):
            changed = self._con.execute(
                "UPDATE runs SET finished_at = ? WHERE run_id = ?", [_utcnow(), run_id]
            ).fetchone()
        if not changed or changed[0] == 0:
            raise StoreError(f"{self._path}: no run {run_id!r} to finish")

    def runs(self) -> list[dict[str, Any]]:
        """All runs, oldest first, as dicts of the ``runs`` columns."""
        with self._errors("list runs"):
            cur = self._con.execute("SELECT * FROM runs ORDER BY started_at, run_id")
            return queries.records(cur)

    # ------------------------------------------------------------------- writes

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored (with all its events)."""
        with self._errors(f"look up article {article_id}"):
            row = self._con.execute(
                "SELECT 1 FROM articles WHERE article_id = ?", [article_id]
            ).fetchone()
        return row is not None

    def known_article_ids(self) -> set[str]:
        """Ids of every stored article, for skipping finished work on a rerun."""
        with self._errors("list article ids"):
            rows = self._con.execute("SELECT article_id FROM articles").fetchall()
        return {aid for (aid,) in rows}

    def write_article(
        self,
        article: Article,
        events: Sequence[Event],
        run_id: str,
        dating: ArticleDating | None = None,
        acled_type: AcledType | None = None,
    ) -> bool:
        """Store an article with its comments, events and event actors in one transaction.

        ``dating`` is an undated article's inferred window with its evidence,
        ``acled_type`` its ACLED sub-event type, each stored with it. Returns
        False, writing nothing, if the article_id is already stored, so coding
        the same input twice leaves the database unchanged. Raises StoreError
        (and writes nothing) if an event belongs to another article, two events
        share an event_id, or DuckDB rejects a row.
        """
        datings = {article.article_id: dating} if dating is not None else None
        types = {article.article_id: acled_type} if acled_type is not None else None
        return self.write_articles([(article, events)], run_id, datings=datings, acled_types=types)[
            0
        ]

    def write_articles(
        self,
        items: Iterable[tuple[Article, Sequence[Event]]],
        run_id: str,
        *,
        datings: Mapping[str, ArticleDating] | None = None,
        acled_types: Mapping[str, AcledType] | None = None,
    ) -> list[bool]:
        """Store several articles in ONE transaction; per article, True if it was new.

        ``datings`` maps the id of an undated article of the batch to its
        inferred window (``ArticleDating``), ``acled_types`` the id of an
        article to its ACLED sub-event type (``AcledType``); both are stored
        with the article in the same transaction, and one given for an article
        not in the batch is a StoreError.
        All or nothing: on any error the whole batch is rolled back and
        StoreError raised; a caller that wants to keep the good articles can
        retry them one at a time with ``write_article``. Batching amortises
        DuckDB's per-statement and per-commit cost (see the module docs).
        """
        batch = [(article, tuple(events)) for article, events in items]
        for article, events in batch:
            check_events(article, events)
        datings = datings or {}
        acled_types = acled_types or {}
        ids = {article.article_id for article, _ in batch}
        for what, given in (("inferred date window", datings), ("ACLED type", acled_types)):
            stray = sorted(set(given) - ids)
            if stray:
                raise StoreError(
                    f"{self._path}: {what} for article(s) not in the batch: " + ", ".join(stray)
                )
        if not batch:
            return []
        coded_at = _utcnow()
        # Rows are built before BEGIN so a conversion bug cannot strand a transaction.
        prepared: list[_Prepared] = []
        for article, events in batch:
            aid = article.article_id
            rows: dict[str, list[Row]] = {
                ARTICLES.name: [article_row(article, run_id, coded_at)],
                COMMENTS.name: comment_rows(article),
                EVENTS.name: [event_row(e, run_id) for e in events],
                EVENT_ACTORS.name: [row for e in events for row in actor_rows(e)],
            }
            if (dating := datings.get(aid)) is not None:
                head, evidence = dating_rows(article, dating, run_id)
                rows[ARTICLE_DATING.name] = [head]
                rows[ARTICLE_DATING_EVIDENCE.name] = evidence
            if (kind := acled_types.get(aid)) is not None:
                rows[ARTICLE_TYPES.name] = [(aid, kind.subtype, kind.probability, run_id)]
            prepared.append((aid, rows))
        first = batch[0][0]
        what = f"write article {first.article_id} ({first.source_path})"
        if len(batch) > 1:
            what = f"write {len(batch)} articles starting with {first.article_id}"
        with self._errors(what):
            self._con.begin()
            try:
                results = self._insert_new(prepared)
                self._con.commit()
            except BaseException:
                self._rollback()
                raise
        return results

    def _insert_new(self, prepared: list[_Prepared]) -> list[bool]:
        """Inside an open transaction: insert the articles not yet stored."""
        ids = [p[0] for p in prepared]
        if len(ids) == 1:  # the common case; a plain equality is ~4x cheaper than unnest
            found = self._con.execute(
                "SELECT article_id FROM articles WHERE article_id = ?", ids
            ).fetchall()
        else:
            found = self._con.execute(
                "SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [ids],
            ).fetchall()
        stored = {aid for (aid,) in found}
        results: list[bool] = []
        new_rows: dict[str, list[Row]] = {table.name: [] for table in _WRITTEN}
        for aid, rows in prepared:
            is_new = aid not in stored
            results.append(is_new)
            if not is_new:
                continue
            stored.add(aid)  # the same article twice in one batch is written once
            for table, table_rows in rows.items():
                new_rows[table] += table_rows
        for table in _WRITTEN:
            self._append(table.name, new_rows[table.name])
        return results

    def _append(self, table: str, rows: list[Row]) -> None:
        """Insert rows with one statement through a cached DuckDB appender."""
        if not rows:
            return
        appender = self._appenders.get(table)
        if appender is None:
            appender = self._appenders[table] = self._con.appender(table)
        try:
            appender.append_rows(rows)
            appender.flush()
        except BaseException:
            appender.clear()  # never let failed rows leak into the next flush
            raise

    def _rollback(self) -> None:
        try:
            self._con.rollback()
        except duckdb.Error as exc:  # the transaction may already be gone
            log.debug("%s: rollback: %s", self._path, exc)
        for appender in self._appenders.values():
            appender.clear()

    def record_skip(
        self,
        source_path: str,
        record: int | None,
        reason: str,
        error_type: str | None = None,
        run_id: str | None = None,
    ) -> bool:
        """Note an input that failed; False if (source_path, record, reason) is already noted."""
        with self._errors(f"record skip of {source_path}"):
            row = self._con.execute(
                """
                INSERT INTO skipped
                SELECT ?, ?, ?, ?, ?, ?
                WHERE NOT EXISTS (
                    SELECT 1 FROM skipped
                    WHERE source_path = ? AND "record" IS NOT DISTINCT FROM ? AND reason = ?
                )
                """,
                [source_path, record, reason, error_type, run_id, _utcnow()]
                + [source_path, record, reason],
            ).fetchone()
        return bool(row and row[0])

    def skipped(self) -> list[dict[str, Any]]:
        """All skipped inputs, in the order they were recorded."""
        with self._errors("list skipped inputs"):
            cur = self._con.execute('SELECT * FROM skipped ORDER BY "at", source_path, "record"')
            return queries.records(cur)

    # ------------------------------------------------------------------ queries

    def events(
        self,
        *,
        actor: str | None = None,
        article_id: str | None = None,
        plover_type: str | None = None,
        cameo_root: str | None = None,
        start: date | None = None,
        end: date | None = None,
        modality: str | None = None,
        include_comments: bool = False,
        limit: int | None = None,
        min_confidence: float | None = None,
    ) -> list[dict[str, Any]]:
        """Stored events matching the filters (see ``queries.EventFilter``).

        Every stored event by default: ``min_confidence`` (in [0, 1]) keeps only
        events with ``confidence >= min_confidence``, as the alliance measures and
        the exports do with ``bedfellows.thresholds.DEFAULT_MIN_CONFIDENCE``.

        Each dict has the ``events`` columns plus ``sources``, ``targets`` and
        ``against`` (the parties a cooperation is directed against; lists of
        dicts with text/start/end/name/actor_id/country/sector/cameo/kind, in
        mention order) and ``reporter`` (such a dict or None).
        """
        flt = queries.EventFilter(
            actor=actor,
            article_id=article_id,
            plover_type=plover_type,
            cameo_root=cameo_root,
            start=start,
            end=end,
            modality=modality,
            include_comments=include_comments,
            limit=limit,
            min_confidence=min_confidence,
        )
        flt.validate()
        with self._errors("query events"):
            return list(queries.iter_event_records(self._con, flt))

    def datings(self, article_id: str | None = None) -> list[dict[str, Any]]:
        """Undated articles' inferred date windows with their evidence (see
        ``queries.dating_records``), all of them or the one of ``article_id``."""
        with self._errors("query inferred date windows"):
            return queries.dating_records(self._con, article_id)

    def article_types(self, article_id: str | None = None) -> list[dict[str, Any]]:
        """Articles' ACLED sub-event types (see ``queries.article_type_records``),
        all of them or the one of ``article_id``."""
        with self._errors("query article types"):
            return queries.article_type_records(self._con, article_id)

    def counts(self) -> dict[str, int]:
        """Row counts: articles, comments, events, runs, skipped."""
        with self._errors("count rows"):
            return queries.counts(self._con)

    def stats(self) -> dict[str, Any]:
        """Counts plus events by plover_type, modality, quad_class and date basis."""
        with self._errors("compute stats"):
            return queries.stats(self._con)

    def set_meta(self, key: str, value: str) -> None:
        """Record ``key = value`` in the ``meta`` table (replacing an earlier value)."""
        with self._errors(f"set meta {key}"):
            self._con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def schema_version(self) -> int:
        """The schema version recorded in the database's ``meta`` table."""
        with self._errors("read schema version"):
            return int(_read_version(self._con) or 0)


def read_meta(path: str | Path) -> dict[str, str] | None:
    """The ``meta`` table of the database file at ``path``, read without the schema
    check (so it works for any schema version); None when the file holds no meta
    table. Opens the file read-only; StoreError if it is no DuckDB file or locked."""
    con = _connect(str(path), read_only=True)
    try:
        if META.name not in queries.table_names(con):
            return None
        return {str(k): str(v) for k, v in con.execute("SELECT key, value FROM meta").fetchall()}
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot read the meta table: {exc}") from exc
    finally:
        con.close()


def read_tables_and_sources(path: str | Path) -> tuple[set[str], set[str]]:
    """The table names of the database file at ``path`` and the distinct
    ``source_path`` of its articles (none without an articles table), read
    without the schema check; StoreError if it is no DuckDB file or locked."""
    con = _connect(str(path), read_only=True)
    try:
        tables = queries.table_names(con)
        if ARTICLES.name not in tables:
            return tables, set()
        rows = con.execute("SELECT DISTINCT source_path FROM articles").fetchall()
        return tables, {str(src) for (src,) in rows}
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot read its articles: {exc}") from exc
    finally:
        con.close()


def _connect(where: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """The one way bedfellows opens a DuckDB file: local paths only, no extension
    ever installed or loaded behind the user's back; StoreError naming the path."""
    check_local(where)
    try:
        return duckdb.connect(where, read_only=read_only, config=_CONNECT_CONFIG)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open database {where}: {exc}") from exc


def _read_version(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return None if row is None else row[0]


def _prepare_schema(con: duckdb.DuckDBPyConnection, where: str, *, read_only: bool) -> None:
    """Create the schema in an empty database, or check the version of an existing one."""
    try:
        tables = queries.table_names(con)
        if META.name not in tables:
            if tables:
                raise SchemaVersionError(
                    f"{where}: not a bedfellows database (no meta table; has "
                    f"{', '.join(sorted(tables))})"
                )
            if read_only:
                raise StoreError(f"{where}: empty database opened read-only; nothing to read")
            con.begin()
            for table in TABLES:
                con.execute(table.create_sql())
            con.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("schema_version", str(SCHEMA_VERSION)),
                    ("created_at", _utcnow().isoformat(timespec="seconds") + "Z"),
                    ("created_by", f"bedfellows {__version__}"),
                ],
            )
            con.commit()
            return
        found = _read_version(con)
    except duckdb.Error as exc:
        raise StoreError(f"{where}: cannot read or create the schema: {exc}") from exc
    if found is None or not found.strip().isdigit():
        raise SchemaVersionError(f"{where}: unknown schema_version {found!r}")
    version = int(found)
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"{where}: schema_version {version} is newer than this bedfellows "
            f"({__version__}) supports ({SCHEMA_VERSION}); upgrade bedfellows"
        )
    if version < SCHEMA_VERSION:
        raise SchemaVersionError(
            f"{where}: schema_version {version} is older than {SCHEMA_VERSION} and "
            "there is no migration; re-code into a new database"
        )
    if not read_only:
        # Tables added within an unreleased version (the dating tables in 4) are
        # created in a database of that version written before them.
        try:
            for table in TABLES:
                con.execute(table.create_sql())
        except duckdb.Error as exc:
            raise StoreError(f"{where}: cannot create missing tables: {exc}") from exc
