"""Store: an article's ACLED sub-event type written with it, read back, never duplicated."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from bedfellows.errors import StoreError
from bedfellows.schema import AcledType
from bedfellows.store import Store

from .factories import IRAN_GOV, USA_GOV, build

CLASH = AcledType("ARMED_CLASH", 0.62)


def article_type_rows(store: Store) -> int:
    con = store.cursor()
    try:
        return con.execute("SELECT count(*) FROM article_types").fetchone()[0]
    finally:
        con.close()


def test_type_is_stored_with_its_article(store: Store, run_id: str) -> None:
    article, events = build("t1", [{"sources": [IRAN_GOV], "targets": [USA_GOV]}])
    assert store.write_article(article, events, run_id, acled_type=CLASH)
    [rec] = store.article_types()
    assert (rec["article_id"], rec["acled_type"], rec["probability"]) == ("t1", "ARMED_CLASH", 0.62)
    assert rec["events"] == len(events) and rec["run_id"] == run_id
    assert rec["source_path"] == article.source_path
    assert store.article_types("t1") == [rec]
    assert store.article_types("no-such-article") == []


def test_rewrite_adds_no_second_type(store: Store, run_id: str) -> None:
    article, events = build("t2", [{"sources": [IRAN_GOV], "targets": [USA_GOV]}])
    assert store.write_articles([(article, events)], run_id, acled_types={"t2": CLASH}) == [True]
    other = AcledType("AGREEMENT", 0.9)
    assert store.write_articles([(article, events)], run_id, acled_types={"t2": other}) == [False]
    assert [r["acled_type"] for r in store.article_types()] == ["ARMED_CLASH"]


def test_type_of_an_article_outside_the_batch_writes_nothing(store: Store, run_id: str) -> None:
    article, events = build("t3", [])
    with pytest.raises(StoreError, match="ACLED type for article.*not in the batch: other"):
        store.write_articles([(article, events)], run_id, acled_types={"other": CLASH})
    assert store.counts()["articles"] == 0 and article_type_rows(store) == 0


def test_impossible_probability_rolls_back_the_whole_batch(store: Store, run_id: str) -> None:
    good, good_events = build("g1", [{"sources": [IRAN_GOV], "targets": [USA_GOV]}])
    bad, bad_events = build("b1", [])
    with pytest.raises(StoreError):
        store.write_articles(
            [(good, good_events), (bad, bad_events)],
            run_id,
            acled_types={"g1": CLASH, "b1": AcledType("ARREST", 1.5)},
        )
    assert store.counts()["articles"] == 0 and article_type_rows(store) == 0


def test_database_without_the_table_reads_as_no_types(db_path: Path) -> None:
    with Store.open(db_path) as store:
        article, events = build("t4", [])
        store.write_article(article, events, store.begin_run(), acled_type=CLASH)
    con = duckdb.connect(str(db_path))
    con.execute("DROP TABLE article_types")  # as written before the table existed
    con.close()
    with Store.open(db_path, read_only=True) as store:
        assert store.article_types() == []
    with Store.open(db_path) as store:  # a writer creates it again
        assert store.article_types() == []
        article, events = build("t5", [])
        store.write_article(article, events, store.begin_run(), acled_type=CLASH)
        assert [r["article_id"] for r in store.article_types()] == ["t5"]
