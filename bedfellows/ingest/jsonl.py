"""JSON Lines (one article per line) and JSON files → Articles.

A bad line yields an ``IngestError`` naming the file and line, and the batch
goes on. Lines are streamed, and each line is held to the size limit, so a
multi-gigabyte file never sits in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from bedfellows.errors import (
    BinaryInput,
    DecodeError,
    EmptyInput,
    IngestError,
    MalformedRecord,
    TooLargeInput,
)
from bedfellows.ingest.assemble import build_article, merge_meta, meta_from_fields
from bedfellows.ingest.decode import SNIFF_BYTES, decode_text, looks_binary
from bedfellows.ingest.fields import FieldMap
from bedfellows.ingest.html import extract_html
from bedfellows.schema import Article, Comment

_DRAIN_CHUNK = 1 << 20
DEFAULT_FIELDS = FieldMap()


def article_from_record(
    obj: Any,
    *,
    source: str,
    record: int | None,
    decode_errors: int = 0,
    fields: FieldMap = DEFAULT_FIELDS,
) -> Article:
    """Turn one decoded JSON (or CSV) record into an Article (raises ``IngestError`` subclasses).

    ``decode_errors`` counts invalid bytes replaced when the file was decoded;
    ``fields`` names the record's text, id, date and title fields.
    """
    if not isinstance(obj, dict):
        kind = type(obj).__name__
        raise MalformedRecord(source, f"record is a JSON {kind}, not an object", record)
    key = next((k for k in fields.text_keys if obj.get(k) is not None), None)
    html = obj.get("html") if fields.text is None else None
    if key is None and not isinstance(html, str):
        raise MalformedRecord(source, fields.describe_text(), record)
    meta = meta_from_fields(
        fields.remap(obj, source=source, number=record), source=source, record=record
    )
    comments: tuple[Comment, ...] = ()
    if key is not None:
        text = obj[key]
        if not isinstance(text, str):
            raise MalformedRecord(source, f"field {key!r} is not a string", record)
    else:
        page = extract_html(html, source=source, record=record)
        text, comments = page.body, page.comments
        # The record's own fields win over what the page's markup says.
        meta = merge_meta(meta, meta_from_fields(page.fields, source=source, record=record))
    return build_article(
        text,
        source=source,
        record=record,
        meta=meta,
        find_title=key is not None,
        comments=comments,
        decode_errors=decode_errors,
    )


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line_number, raw_line)``; ``None`` for a line over ``limit`` bytes."""
    number = 0
    while raw := handle.readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (chunk := handle.readline(_DRAIN_CHUNK)) and not chunk.endswith(b"\n"):
                pass  # skip the rest of the oversize line without holding it
            yield number, None
        else:
            yield number, raw


def _parse_line(raw: bytes, *, source: str, number: int) -> Any:
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(source, f"line is not UTF-8 ({exc.reason})", number) from exc
    try:
        return json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise MalformedRecord(source, f"invalid JSON: {exc}", number) from exc


def iter_jsonl(
    path: Path, *, max_bytes: int, fields: FieldMap = DEFAULT_FIELDS
) -> Iterator[Article | IngestError]:
    """Yield an Article or an ``IngestError`` for each non-blank line of a JSONL file.

    ``max_bytes`` limits each line, not the file.
    """
    source = str(path)
    seen = 0
    with path.open("rb") as handle:
        if looks_binary(handle.read(SNIFF_BYTES)):
            yield BinaryInput(source, "looks like a binary file (NUL or control bytes)")
            return
        handle.seek(0)
        for number, raw in _lines(handle, max_bytes):
            if raw is None:
                yield TooLargeInput(source, f"line is over the limit of {max_bytes} bytes", number)
                seen += 1
                continue
            if not raw.strip():
                continue
            seen += 1
            try:
                yield article_from_record(
                    _parse_line(raw, source=source, number=number),
                    source=source,
                    record=number,
                    fields=fields,
                )
            except IngestError as exc:
                yield exc
    if not seen:
        yield EmptyInput(source, "no JSON records in file")


def iter_json(
    path: Path, *, max_bytes: int, fields: FieldMap = DEFAULT_FIELDS
) -> Iterator[Article | IngestError]:
    """Yield Articles from a .json file: an array of records, one record, or JSON Lines.

    Records of an array are numbered from 1 in errors and ``source_path``.
    """
    source = str(path)
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if size > max_bytes or looks_binary(head):
        # Too big to hold: only line-delimited records can be streamed.
        if head.lstrip().startswith(b"["):
            yield TooLargeInput(source, f"{size} bytes is over the limit of {max_bytes}")
        else:
            yield from iter_jsonl(path, max_bytes=max_bytes, fields=fields)
        return
    decoded = decode_text(path.read_bytes(), source=source)
    text = decoded.text
    if not text.strip():
        yield EmptyInput(source, "file is empty")
        return
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        yield from iter_jsonl(path, max_bytes=max_bytes, fields=fields)  # JSON Lines named .json
        return
    records = data if isinstance(data, list) else [data]
    for number, obj in enumerate(records, start=1):
        try:
            yield article_from_record(
                obj,
                source=source,
                record=number if isinstance(data, list) else None,
                decode_errors=decoded.replaced,
                fields=fields,
            )
        except IngestError as exc:
            yield exc
