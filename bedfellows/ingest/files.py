"""Paths, directories and globs → Articles, one input at a time.

``read_articles`` never raises for a bad input: it yields the ``IngestError``
so the caller can log it and go on with the batch.
"""

from __future__ import annotations

import errno
import glob
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from bedfellows.errors import IngestError, UnreadableInput, UnsupportedInput
from bedfellows.ingest.assemble import build_article, meta_from_fields
from bedfellows.ingest.decode import read_decoded
from bedfellows.ingest.exports import split_export
from bedfellows.ingest.fields import FieldMap
from bedfellows.ingest.frontmatter import split_front_matter
from bedfellows.ingest.html import extract_html
from bedfellows.ingest.jsonl import DEFAULT_FIELDS, iter_json, iter_jsonl
from bedfellows.ingest.tables import CSV_SUFFIXES, PARQUET_SUFFIXES, iter_csv, iter_parquet
from bedfellows.schema import Article
from bedfellows.util.hashing import normalize_text

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
RECORD_SUFFIXES = JSONL_SUFFIXES | CSV_SUFFIXES | PARQUET_SUFFIXES | {".json"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES | {""}
_GLOB_CHARS = re.compile(r"[*?\[]")
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)


# A bedfellows database (and DuckDB's write-ahead log beside it) often sits in
# the folder it was coded from; it is no article, and no news to report.
_OWN_FILES = (".duckdb", ".duckdb.wal")

_READ_SUFFIXES = " ".join(
    sorted(TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES, key=lambda s: s[1:])
)


def _supported(path: Path) -> bool:
    return not path.name.startswith(".") and path.suffix.lower() in SUPPORTED_SUFFIXES


def _unsupported(path: Path) -> UnsupportedInput:
    return UnsupportedInput(
        str(path),
        f"unsupported file type {path.suffix.lower()}; bedfellows reads {_READ_SUFFIXES} "
        "and files without an extension",
    )


def _os_reason(exc: OSError) -> str:
    """The OS's message, naming a symbolic link loop as such (ELOOP)."""
    message = exc.strerror or str(exc)
    return f"symbolic link loop ({message})" if exc.errno == errno.ELOOP else message


def _missing(path: Path) -> UnreadableInput:
    """Why ``path``, which is neither a file nor a directory, cannot be read."""
    try:
        path.stat()  # follows links: a loop or a dangling link fails here
    except OSError as exc:
        if exc.errno == errno.ENOENT and path.is_symlink():
            return UnreadableInput(str(path), "symbolic link to a missing file")
        return UnreadableInput(str(path), _os_reason(exc))
    return UnreadableInput(str(path), "not a regular file")


def _walk(root: Path) -> Iterator[Path | IngestError]:
    """Supported files under ``root``, sorted, hidden files and folders skipped.

    A visible file of another type is reported once as ``UnsupportedInput``;
    a broken or looping symbolic link as ``UnreadableInput``.
    """
    errors: list[OSError] = []
    for folder, subdirs, files in os.walk(root, onerror=errors.append):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder, name)
            if name.startswith(".") or name.lower().endswith(_OWN_FILES):
                continue  # hidden files (.DS_Store, editor swap files), databases
            if not _supported(path):
                yield _unsupported(path)
            elif path.is_file():
                yield path
            else:
                yield _missing(path)
    for err in errors:
        yield UnreadableInput(str(err.filename or root), _os_reason(err))


def _expand(path: Path, *, explicit: bool) -> Iterator[Path | IngestError]:
    if path.is_dir():
        yield from _walk(path)
    elif path.is_file():
        if explicit or _supported(path):
            yield path
        elif not path.name.startswith("."):
            yield _unsupported(path)
    else:
        yield _missing(path)


def iter_sources(paths: Iterable[str]) -> Iterator[Path | IngestError]:
    """Expand files, directories (recursively, sorted) and glob patterns into files.

    Directory and glob expansion keep only .txt .md .text .html .htm .jsonl
    .json .ndjson .csv .tsv .parquet and extensionless files, yielding ``UnsupportedInput`` for
    any other visible file (hidden ones are ignored); a file named explicitly
    is always kept. A missing path, a broken or looping symbolic link, or a
    pattern matching nothing yields ``UnreadableInput``. Each file is yielded once.
    """
    if isinstance(paths, str | os.PathLike):  # one path, not an iterable of characters
        paths = [paths]
    seen: set[Path] = set()
    for raw in paths:
        raw = str(raw)
        expanded = os.path.expanduser(raw)
        if _GLOB_CHARS.search(raw) and not Path(expanded).exists():
            matches = [Path(m) for m in sorted(glob.glob(expanded, recursive=True))]
            found = [p for m in matches for p in _expand(m, explicit=False)]
            if not any(isinstance(p, Path) for p in found):
                # One line for a pattern that matched nothing readable, not one per file.
                yield from (e for e in found if not isinstance(e, UnsupportedInput))
                yield UnreadableInput(raw, "no supported files match this pattern")
                continue
        else:
            found = list(_expand(Path(expanded), explicit=True))
        for item in found:
            if isinstance(item, Path):
                key = item.resolve()
                if key in seen:
                    continue
                seen.add(key)
            yield item


def _read_text_file(path: Path, max_bytes: int) -> Iterator[Article | IngestError]:
    """One article, or each article of a LexisNexis/Factiva export (``exports``)."""
    source = str(path)
    decoded = read_decoded(path, max_bytes=max_bytes)
    text, replaced = decoded.text, decoded.replaced
    if path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(text[:4096]):
        page = extract_html(text, source=source)
        meta = meta_from_fields(page.fields, source=source)
        yield build_article(
            page.body,
            source=source,
            meta=meta,
            find_title=False,
            comments=page.comments,
            decode_errors=replaced,
        )
        return
    fields, rest = split_front_matter(normalize_text(text), source=source)
    meta = meta_from_fields(fields, source=source)
    exported = split_export(rest)
    if exported is None:
        yield build_article(rest, source=source, meta=meta, decode_errors=replaced)
        return
    for number, piece in enumerate(exported, start=1):
        dated = replace(meta, published=piece.published or meta.published)
        try:
            yield build_article(piece.text, source=source, record=number, meta=dated)
        except IngestError as exc:
            yield exc


def _read_one(path: Path, max_bytes: int, fields: FieldMap) -> Iterator[Article | IngestError]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from iter_jsonl(path, max_bytes=max_bytes, fields=fields)
    elif suffix == ".json":
        yield from iter_json(path, max_bytes=max_bytes, fields=fields)
    elif suffix in CSV_SUFFIXES:
        yield from iter_csv(path, max_bytes=max_bytes, fields=fields)
    elif suffix in PARQUET_SUFFIXES:
        yield from iter_parquet(path, max_bytes=max_bytes, fields=fields)
    else:
        yield from _read_text_file(path, max_bytes)


def read_articles(
    paths: Iterable[str], *, max_bytes: int = 20_000_000, fields: FieldMap = DEFAULT_FIELDS
) -> Iterator[Article | IngestError]:
    """Read every input under ``paths``, yielding an Article or an ``IngestError`` per input.

    ``paths`` are files, directories or glob patterns. Files (and, for JSONL
    and CSV, single records) over ``max_bytes`` are rejected before being read.
    ``fields`` names the text, id, date and title fields of JSON, CSV and
    Parquet records. Per-input problems are yielded, never raised, so one bad
    file does not stop a batch.
    """
    for item in iter_sources(paths):
        if isinstance(item, IngestError):
            yield item
            continue
        try:
            yield from _read_one(item, max_bytes, fields)
        except IngestError as exc:
            yield exc
        except OSError as exc:  # vanished or unreadable between listing and reading
            yield UnreadableInput(str(item), exc.strerror or str(exc))
