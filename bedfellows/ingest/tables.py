"""CSV and Parquet files (one article per row) → Articles.

A row is read like a JSON record (``jsonl.article_from_record``): the text,
id, date and title come from the fields a ``FieldMap`` names, or from the
common names. Rows are numbered from 1 after the header in messages and in
``source_path``; a bad row yields an ``IngestError`` and the file goes on.
CSV is streamed row by row (each row held to the size limit); Parquet is read
by DuckDB in batches, so neither file sits in memory whole.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from bedfellows.errors import BinaryInput, EmptyInput, IngestError, MalformedRecord, TooLargeInput
from bedfellows.ingest.decode import SNIFF_BYTES, looks_binary
from bedfellows.ingest.fields import FieldMap
from bedfellows.ingest.jsonl import DEFAULT_FIELDS, article_from_record
from bedfellows.schema import Article

__all__ = ["CSV_SUFFIXES", "PARQUET_SUFFIXES", "iter_csv", "iter_parquet"]

CSV_SUFFIXES = frozenset({".csv", ".tsv"})
PARQUET_SUFFIXES = frozenset({".parquet"})
_BATCH = 256


def iter_csv(
    path: Path, *, max_bytes: int, fields: FieldMap = DEFAULT_FIELDS
) -> Iterator[Article | IngestError]:
    """Yield an Article or an ``IngestError`` per data row of a CSV (or TSV) file.

    The first row names the fields. ``max_bytes`` limits each field. Text that
    is not UTF-8 is decoded with replacement characters, counted per row.
    """
    source = str(path)
    with path.open("rb") as raw:
        if looks_binary(raw.read(SNIFF_BYTES)):
            yield BinaryInput(source, "looks like a binary file (NUL or control bytes)")
            return
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(max(max_bytes, 1024))
    seen = 0
    with path.open("r", encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        if not reader.fieldnames:
            yield EmptyInput(source, "no header row")
            return
        number = 0
        while True:
            number += 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                message = str(exc)
                if "field larger than field limit" in message:
                    yield TooLargeInput(
                        source, f"a field is over the limit of {max_bytes} bytes", number
                    )
                else:
                    yield MalformedRecord(source, f"bad CSV row: {message}", number)
                return  # the reader cannot resynchronise after a broken row
            seen += 1
            if None in row:
                yield MalformedRecord(source, "row has more fields than the header", number)
                continue
            values = {k: (v if v != "" else None) for k, v in row.items() if k is not None}
            replaced = sum(v.count("\ufffd") for v in values.values() if isinstance(v, str))
            try:
                yield article_from_record(
                    values, source=source, record=number, decode_errors=replaced, fields=fields
                )
            except IngestError as exc:
                yield exc
    if not seen:
        yield EmptyInput(source, "no data rows")


def iter_parquet(
    path: Path, *, max_bytes: int, fields: FieldMap = DEFAULT_FIELDS
) -> Iterator[Article | IngestError]:
    """Yield an Article or an ``IngestError`` per row of a Parquet file (read by DuckDB).

    ``max_bytes`` limits each row's text.
    """
    import duckdb  # only for Parquet inputs: plain-text runs need not load it

    source = str(path)
    con = duckdb.connect()
    try:
        try:
            cursor = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        except duckdb.Error as exc:
            yield MalformedRecord(source, f"not a readable Parquet file ({exc})")
            return
        names = [d[0] for d in cursor.description]
        number = 0
        while batch := cursor.fetchmany(_BATCH):
            for values in batch:
                number += 1
                record = {
                    k: (v.isoformat() if hasattr(v, "isoformat") else v)
                    for k, v in zip(names, values, strict=True)
                }
                size = sum(len(v) for v in record.values() if isinstance(v, str))
                if size > max_bytes:
                    yield TooLargeInput(
                        source, f"row is over the limit of {max_bytes} bytes", number
                    )
                    continue
                try:
                    yield article_from_record(record, source=source, record=number, fields=fields)
                except IngestError as exc:
                    yield exc
        if not number:
            yield EmptyInput(source, "no rows")
    finally:
        con.close()
