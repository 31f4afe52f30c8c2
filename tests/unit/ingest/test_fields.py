"""Corpora as people have them: named or common field names; CSV, TSV and Parquet rows."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from bedfellows.errors import ConfigError, EmptyInput, IngestError, MalformedRecord, TooLargeInput
from bedfellows.ingest import read_articles
from bedfellows.ingest.fields import FieldMap
from bedfellows.schema import Article

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
TEXT_A = (
    "The harbor council voted on Tuesday to approve a new ferry route between the "
    "northern pier and the island villages."
)
TEXT_B = "Farmers blocked the main road into the city for a third day in protest at fuel prices."


def _read(path: Path, **fields) -> list[Article | IngestError]:
    return list(read_articles([str(path)], fields=FieldMap(**fields)))


def test_common_field_names_are_found_without_a_mapping(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps({"doc_id": 17, "doc_text": TEXT_A, "pub_date": "2019-05-02"})
        + "\n"
        + json.dumps({"article_id": "b", "article": TEXT_B, "headline": "Roads blocked"})
        + "\n"
    )
    first, second = _read(path)
    assert (first.external_id, first.published) == ("17", date(2019, 5, 2))
    assert first.body.startswith("The harbor council")
    assert (second.external_id, second.title) == ("b", "Roads blocked")


def test_named_fields_win_and_a_missing_one_names_the_field(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps({"id": "ignored", "story_text": TEXT_A, "when": "2020-01-09", "hed": "Ferry"})
        + "\n"
        + json.dumps({"text": TEXT_B, "when": "2020-01-10"})
        + "\n"
        + json.dumps({"story_text": TEXT_B, "hed": "Roads"})
        + "\n"
    )
    items = _read(path, text="story_text", id="hed", date="when", title="hed")
    good, no_text, no_date = items
    assert isinstance(good, Article)
    assert (good.external_id, good.published, good.title) == ("Ferry", date(2020, 1, 9), "Ferry")
    # a named text field is the only one read: "text" is not tried instead
    assert isinstance(no_text, MalformedRecord) and no_text.record == 2
    assert "'story_text'" in no_text.reason and "--text-field" in no_text.reason
    assert isinstance(no_date, MalformedRecord) and "'when'" in no_date.reason


def test_an_empty_field_name_is_a_config_error():
    with pytest.raises(ConfigError, match="--text-field"):
        FieldMap(text=" ")


def test_csv_and_tsv_rows_are_articles_numbered_after_the_header(tmp_path):
    path = tmp_path / "corpus.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc_id", "headline", "body", "date"])
        writer.writerow(["a1", "Ferry route", TEXT_A, "2021-03-14"])
        writer.writerow(["a2", "Nothing", "", "2021-03-15"])
        writer.writerow(["a3", "Roads", TEXT_B.replace("city", "city,\nagain"), ""])
    first, empty, multiline = _read(path)
    assert (first.external_id, first.title, first.published) == (
        "a1",
        "Ferry route",
        date(2021, 3, 14),
    )
    assert first.source_path == f"{path}:1"
    assert isinstance(empty, MalformedRecord) and empty.record == 2
    assert isinstance(multiline, Article) and "again" in multiline.body
    tsv = tmp_path / "corpus.tsv"
    tsv.write_text("id\ttext\nt1\t" + TEXT_B + "\n", encoding="utf-8")
    (row,) = _read(tsv)
    assert row.external_id == "t1" and row.body.startswith("Farmers")


def test_csv_problems_are_reported_and_named(tmp_path):
    header_only = tmp_path / "empty.csv"
    header_only.write_text("id,text\n")
    assert isinstance(_read(header_only)[0], EmptyInput)
    ragged = tmp_path / "ragged.csv"
    ragged.write_text(f"id,text\nr1,{TEXT_A},extra\nr2,{TEXT_B}\n")
    bad, good = _read(ragged)
    assert isinstance(bad, MalformedRecord) and "more fields" in bad.reason and bad.record == 1
    assert isinstance(good, Article)
    huge = tmp_path / "huge.csv"
    huge.write_text("id,text\nh1," + "x" * 5000 + "\n")
    (too_large,) = list(read_articles([str(huge)], max_bytes=2000))
    assert isinstance(too_large, TooLargeInput)


def test_parquet_rows_are_read_by_duckdb(tmp_path):
    path = tmp_path / "corpus.parquet"
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES ('p1', ?, DATE '2018-07-01'), ('p2', NULL, NULL))"
        " t(doc_id, doc_text, pub_date)",
        [TEXT_A],
    )
    con.execute(f"COPY t TO '{path}' (FORMAT parquet)")
    con.close()
    good, missing = _read(path)
    assert (good.external_id, good.published) == ("p1", date(2018, 7, 1))
    assert good.source_path == f"{path}:1"
    assert isinstance(missing, MalformedRecord) and missing.record == 2
    broken = tmp_path / "broken.parquet"
    broken.write_text("not parquet")
    (item,) = _read(broken)
    assert isinstance(item, IngestError)


@pytest.mark.skipif(not (SHARED / "data" / "gold").is_dir(), reason="../shared is absent")
def test_india_police_documents_get_the_date_their_text_gives():
    """Half the development documents open with "This story is from <date>": each
    of those is dated by it (never titled by it). The other half carry a place
    dateline with no date; the metadata file's ``date`` field dates all."""
    import re

    gold = SHARED / "data" / "gold"
    items = _read(gold / "indiapolice_docs_dev.jsonl", text="doc_text", id="doc_id")
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == len(items) > 700
    story = re.compile(r"This story is from (\w+ \d+, \d{4})")
    raw = {
        str(r["doc_id"]): r["doc_text"]
        for r in map(json.loads, (gold / "indiapolice_docs_dev.jsonl").read_text().splitlines())
    }
    dated = 0
    for article in articles:
        m = story.match(raw[article.external_id])
        assert not (article.title or "").startswith("This story is from")
        if m:
            dated += 1
            assert article.published is not None
            assert article.published.strftime("%B %-d, %Y") == m.group(1)
    assert dated > 300
    meta = _read(gold / "indiapolice_metadata_dev.jsonl", text="full_text", date="date")
    assert all(isinstance(a, Article) and a.published is not None for a in meta)
