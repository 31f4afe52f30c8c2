"""Where alliance queries read from: a store file, an open Store or a DuckDB connection."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from ..errors import DataFileError, StoreError
from ..store import Store

Database = str | Path | Store | duckdb.DuckDBPyConnection


@contextmanager
def connection(db: Database) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB connection over the store schema: ``db`` itself, a cursor of an
    open ``Store``, or a store file opened read-only (and closed afterwards)."""
    if isinstance(db, duckdb.DuckDBPyConnection):
        yield db
    elif isinstance(db, Store):
        yield db.cursor()
    else:
        with Store.open(db, read_only=True) as store:
            yield store.cursor()


def frame(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any], what: str) -> pl.DataFrame:
    """Run ``sql`` and return a polars frame; DuckDB errors become StoreError naming ``what``."""
    try:
        return con.sql(sql, params=params).pl()
    except duckdb.Error as exc:
        raise StoreError(f"{what} failed: {exc}") from exc


@cache
def country_names() -> dict[str, str]:
    """ISO alpha-3 → English short name, from the packaged country table."""
    path = files("bedfellows") / "data" / "countries.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc})") from exc
    return {cells[0]: cells[1] for cells in (line.split("\t") for line in lines) if len(cells) > 1}


def normalise_key(key: str, level: str) -> str:
    """A user's actor key as stored: country/sector/CAMEO keys are upper case;
    knowledge-base ids (``actor`` level) are kept as given."""
    key = key.strip()
    return key if level == "actor" else key.upper()


def evidence(db: Database, event_ids: list[str]) -> pl.DataFrame:
    """The stored events behind a result: id, article, sentence, trigger span,
    code, modality and date, in date order."""
    if not event_ids:
        return pl.DataFrame()
    sql = """
SELECT event_id, article_id, sentence_index, trigger, trigger_start, trigger_end,
       cameo_code, plover_type, modality, date_start, date_end, sentence
FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))
ORDER BY date_start NULLS LAST, article_id, sentence_index, trigger_start
"""
    with connection(db) as con:
        return frame(con, sql, [list(event_ids)], "evidence events")
