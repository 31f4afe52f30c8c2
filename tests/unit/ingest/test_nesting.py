"""Megabytes of nested brackets in any input are a reported IngestError, never a traceback."""

from __future__ import annotations

import pytest

from bedfellows.errors import MalformedRecord
from bedfellows.ingest import read_articles

DEEP = "[" * 3_000_000


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("front.txt", f"---\ntitle: {DEEP}\n---\nThe council met on Monday.\n"),
        ("wire.jsonl", '{"text": ' + DEEP + "\n"),
        ("records.json", '{"text": ' + DEEP + "\n"),
    ],
    ids=["front-matter", "jsonl", "json"],
)
def test_deep_nesting_is_a_malformed_record(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [err] = list(read_articles([str(path)]))
    assert isinstance(err, MalformedRecord)
    assert err.source == str(path)
