"""JSONL and JSON inputs: good records, bad lines with their line numbers."""

from __future__ import annotations

import json
from datetime import date

from bedfellows.errors import (
    BinaryInput,
    DecodeError,
    EmptyInput,
    IngestError,
    MalformedRecord,
    NotEnglish,
    TooLargeInput,
)
from bedfellows.ingest import read_articles
from bedfellows.schema import Article

TEXT_A = (
    "The harbor council voted on Tuesday to approve a new ferry route between the "
    "northern pier and the island villages."
)
TEXT_B = "Farmers blocked the main road into the city for a third day in protest at fuel prices."
FRENCH = "Le conseil municipal a approuvé mardi une nouvelle ligne de ferry pour les habitants."


def write_lines(path, lines):
    path.write_bytes(
        b"\n".join(line if isinstance(line, bytes) else line.encode() for line in lines)
    )
    return path


def test_good_and_bad_lines_with_line_numbers(tmp_path):
    path = write_lines(
        tmp_path / "wire.jsonl",
        [
            json.dumps({"id": "w1", "title": "Ferry", "date": "2021-03-14", "text": TEXT_A}),
            "",  # blank lines are skipped but still counted
            "{not json",
            json.dumps(["a", "list"]),
            json.dumps({"title": "No text here"}),
            json.dumps({"body": TEXT_B, "published": "next Tuesday"}),
            json.dumps({"content": TEXT_B, "source": "Wire", "url": "https://x.example/b"}),
            json.dumps({"text": FRENCH}),
            json.dumps({"text": 42}),
            b'{"text": "caf\xe9"}',
            json.dumps({"text": TEXT_A, "language": "de"}),
        ],
    )
    items = list(read_articles([str(path)]))
    kinds = [
        (type(i).__name__, i.record if isinstance(i, IngestError) else i.source_path) for i in items
    ]
    assert kinds == [
        ("Article", f"{path}:1"),
        ("MalformedRecord", 3),
        ("MalformedRecord", 4),
        ("MalformedRecord", 5),
        ("MalformedRecord", 6),
        ("Article", f"{path}:7"),
        ("NotEnglish", 8),
        ("MalformedRecord", 9),
        ("DecodeError", 10),
        ("NotEnglish", 11),
    ]
    first, seventh = items[0], items[5]
    assert (first.title, first.published, first.external_id) == ("Ferry", date(2021, 3, 14), "w1")
    assert first.body == TEXT_A
    assert (seventh.source, seventh.url, seventh.published) == ("Wire", "https://x.example/b", None)
    for err in items:
        if isinstance(err, IngestError):
            assert err.source == str(path)
            assert f"{path}:{err.record}" in str(err)
    assert isinstance(items[8], DecodeError)
    assert isinstance(items[6], NotEnglish)
    assert "next Tuesday" in str(items[4])


def test_html_field_is_extracted_when_text_is_absent(tmp_path):
    html = (
        "<html><head><title>Ferry</title></head><body><article>"
        f"<h1>Ferry</h1><p>{TEXT_A}</p><p>{TEXT_B}</p></article></body></html>"
    )
    path = write_lines(
        tmp_path / "pages.ndjson", [json.dumps({"html": html, "date": "2020-01-02"})]
    )
    [art] = list(read_articles([str(path)]))
    assert isinstance(art, Article)
    assert art.body == f"{TEXT_A}\n\n{TEXT_B}"
    assert art.published == date(2020, 1, 2)
    assert art.title == "Ferry"


def test_oversize_line_is_skipped_and_the_batch_goes_on(tmp_path):
    path = write_lines(
        tmp_path / "big.jsonl",
        [json.dumps({"text": TEXT_A + " " + "word " * 400}), json.dumps({"text": TEXT_B})],
    )
    items = list(read_articles([str(path)], max_bytes=500))
    assert isinstance(items[0], TooLargeInput) and items[0].record == 1
    assert isinstance(items[1], Article) and items[1].body == TEXT_B


def test_empty_and_binary_jsonl(tmp_path):
    empty = write_lines(tmp_path / "empty.jsonl", ["", "  "])
    binary = tmp_path / "blob.jsonl"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    items = list(read_articles([str(empty), str(binary)]))
    assert [type(i) for i in items] == [EmptyInput, BinaryInput]


def test_json_array_and_single_object(tmp_path):
    array = tmp_path / "many.json"
    array.write_text(json.dumps([{"text": TEXT_A}, {"title": "no text"}, {"text": TEXT_B}]))
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": TEXT_B, "title": "Road"}, indent=2))
    items = list(read_articles([str(array), str(single)]))
    assert [type(i).__name__ for i in items] == ["Article", "MalformedRecord", "Article", "Article"]
    assert items[0].source_path == f"{array}:1"
    assert items[1].record == 2
    assert items[3].source_path == str(single)
    assert isinstance(items[1], MalformedRecord)
