"""Undated articles' inferred date windows: parsing the evidence, storing, reading, exporting."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from bedfellows.errors import StoreError
from bedfellows.schema import ArticleDating, DateBasis, EventDate, Granularity
from bedfellows.store import Store, export
from bedfellows.store._dating import find_mention, parse_evidence

from .factories import IRAN_GOV, IRAQ_GOV, USA_GOV, build

# Evidence descriptions in the dater's formats (bedfellows.events.dating), about
# an invented article; the people and spells are made up for the test.
OFFICE = "Foreign Minister Ana Veld: ana_veld XYZGOV 2011-03-01 – 2015-06-30 (Foreign Minister)"
TWO_SPELLS = (
    "President Ana Veld: ana_veld XYZGOV 2016-01-01 – 2019-12-31 (President) "
    "or XYZGOV 2022-01-01 – end unknown (President; second term)"
)
FORMER = "former President Ana Veld: after ana_veld left office XYZGOV 2016-01-01 – 2019-12-31 (Pr)"
NAME = "'Blue Front' is named: no earlier than 2012-05-01 (the party took the name in May 2012)"
PAST = "'in 2013' in the past: no earlier than 2013-01-01"


def test_parse_office_evidence() -> None:
    item = parse_evidence(OFFICE)
    assert (item.kind, item.mention, item.actor_id) == (
        "office",
        "Foreign Minister Ana Veld",
        "ana_veld",
    )
    assert (item.bound_start, item.bound_end) == (date(2011, 3, 1), date(2015, 6, 30))
    assert item.detail.startswith("XYZGOV 2011-03-01")
    assert item.description == OFFICE


def test_parse_office_with_an_open_spell_has_an_open_end() -> None:
    item = parse_evidence(TWO_SPELLS)
    assert item.kind == "office"
    assert (item.bound_start, item.bound_end) == (date(2016, 1, 1), None)


def test_parse_former_office_bounds_from_the_end_of_the_spell() -> None:
    item = parse_evidence(FORMER)
    assert (item.kind, item.mention, item.actor_id) == (
        "former_office",
        "former President Ana Veld",
        "ana_veld",
    )
    assert (item.bound_start, item.bound_end) == (date(2019, 12, 31), None)


def test_parse_name_and_past_date() -> None:
    name = parse_evidence(NAME)
    assert (name.kind, name.mention, name.bound_start, name.bound_end) == (
        "name",
        "Blue Front",
        date(2012, 5, 1),
        None,
    )
    assert name.detail == "the party took the name in May 2012"
    past = parse_evidence(PAST)
    assert (past.kind, past.mention, past.bound_start) == ("past_date", "in 2013", date(2013, 1, 1))


def test_unknown_format_is_kept_whole_without_a_bound() -> None:
    item = parse_evidence("the weather report mentions snow")
    assert item.kind == "other"
    assert (item.mention, item.bound_start, item.bound_end) == (None, None, None)
    assert item.description == "the weather report mentions snow"


def test_find_mention_matches_whole_phrases_only() -> None:
    body = "Within 2013 nothing. It happened in 2013."
    start, end = find_mention(body, "in 2013")
    assert body[start:end] == "in 2013" and start == body.rindex("in 2013")
    assert find_mention(body, "in 2014") == (None, None)
    assert find_mention(body, None) == (None, None)


# ----------------------------------------------------------------- the store


def undated_article(article_id: str = "u1"):
    """An undated article whose body holds the evidence mentions, with inferred events."""
    article, events = build(
        article_id,
        [
            {"sources": [IRAN_GOV], "targets": [USA_GOV], "tail": "as Foreign Minister Ana Veld"},
            {
                "sources": [USA_GOV],
                "targets": [IRAQ_GOV],
                "tail": "after the Blue Front won in 2013",
            },
        ],
        published=None,
    )
    window = EventDate(date(2013, 1, 1), date(2015, 6, 30), Granularity.DECADE, DateBasis.INFERRED)
    events = [dataclasses.replace(e, date=window) for e in events]
    dating = ArticleDating(
        earliest=date(2013, 1, 1),
        latest=date(2015, 6, 30),
        granularity=Granularity.DECADE,
        evidence=(OFFICE, NAME, PAST, TWO_SPELLS),
        conflicts=(TWO_SPELLS,),
    )
    return article, events, dating


def table_counts(store: Store) -> tuple[int, int]:
    con = store.cursor()
    try:
        return (
            con.execute("SELECT count(*) FROM article_dating").fetchone()[0],
            con.execute("SELECT count(*) FROM article_dating_evidence").fetchone()[0],
        )
    finally:
        con.close()


def test_dating_round_trip(store: Store, run_id: str) -> None:
    article, events, dating = undated_article()
    assert store.write_article(article, events, run_id, dating=dating)
    [rec] = store.datings()
    assert rec["article_id"] == article.article_id
    assert (rec["earliest"], rec["latest"], rec["granularity"]) == (
        date(2013, 1, 1),
        date(2015, 6, 30),
        "decade",
    )
    assert (rec["n_evidence"], rec["n_dropped"], rec["run_id"]) == (4, 1, run_id)
    assert (rec["events"], rec["inferred_events"]) == (2, 2)
    evidence = rec["evidence"]
    assert [v["position"] for v in evidence] == [0, 1, 2, 3]
    assert [v["kind"] for v in evidence] == ["office", "name", "past_date", "office"]
    assert [v["description"] for v in evidence] == list(dating.evidence)
    assert [v["dropped"] for v in evidence] == [False, False, False, True]
    for v in evidence[:3]:  # each mention's span points at it in the body
        assert article.body[v["mention_start"] : v["mention_end"]] == v["mention"]
    assert evidence[3]["mention_start"] is None  # "President Ana Veld" is not in the body
    assert (evidence[0]["bound_start"], evidence[0]["bound_end"]) == (
        date(2011, 3, 1),
        date(2015, 6, 30),
    )
    assert evidence[0]["actor_id"] == "ana_veld"
    assert store.datings(article.article_id) == [rec]
    assert store.datings("no-such-article") == []


def test_rewrite_adds_nothing(store: Store, run_id: str) -> None:
    article, events, dating = undated_article()
    assert store.write_articles([(article, events)], run_id, datings={"u1": dating}) == [True]
    run2 = store.begin_run()
    before = (store.counts(), table_counts(store), store.datings())
    assert store.write_articles([(article, events)], run2, datings={"u1": dating}) == [False]
    assert not store.write_article(article, events, run2, dating=dating)
    assert (store.counts(), table_counts(store), store.datings()) == before
    assert store.datings()[0]["run_id"] == run_id


def test_open_window_without_evidence_is_stored_as_unknown(store: Store, run_id: str) -> None:
    article, events = build("u2", [{"sources": [IRAN_GOV], "targets": [USA_GOV]}], published=None)
    assert store.write_article(article, events, run_id, dating=ArticleDating())
    [rec] = store.datings()
    assert (rec["earliest"], rec["latest"], rec["granularity"]) == (None, None, None)
    assert rec["evidence"] == [] and rec["n_evidence"] == 0


def test_dated_articles_have_no_window(store: Store, run_id: str) -> None:
    article, events = build("d1", [{"sources": [IRAN_GOV], "targets": [USA_GOV]}])
    store.write_article(article, events, run_id)
    assert store.datings() == []
    assert table_counts(store) == (0, 0)


def test_dating_of_an_article_outside_the_batch_writes_nothing(store: Store, run_id: str) -> None:
    article, events, dating = undated_article()
    with pytest.raises(StoreError, match="not in the batch: other"):
        store.write_articles([(article, events)], run_id, datings={"other": dating})
    assert store.counts()["articles"] == 0 and table_counts(store) == (0, 0)


def test_bad_window_rolls_back_the_whole_batch(store: Store, run_id: str) -> None:
    good, good_events = build("g1", [{"sources": [IRAN_GOV], "targets": [USA_GOV]}])
    article, events, dating = undated_article()
    reversed_window = dataclasses.replace(dating, earliest=date(2016, 1, 1))
    with pytest.raises(StoreError, match="ends"):
        store.write_articles(
            [(good, good_events), (article, events)], run_id, datings={"u1": reversed_window}
        )
    assert store.counts()["articles"] == 0 and table_counts(store) == (0, 0)


def test_database_of_this_version_without_the_dating_tables(db_path: Path) -> None:
    with Store.open(db_path):
        pass
    con = duckdb.connect(str(db_path))
    con.execute("DROP TABLE article_dating_evidence")
    con.execute("DROP TABLE article_dating")
    con.close()
    with Store.open(db_path, read_only=True) as store:
        assert store.datings() == []  # read-only: nothing to show, no error
    with Store.open(db_path) as store:  # read-write: the tables are added
        article, events, dating = undated_article()
        run_id = store.begin_run()
        assert store.write_article(article, events, run_id, dating=dating)
        assert len(store.datings()[0]["evidence"]) == 4


def test_plover_export_carries_the_window_and_its_evidence(store: Store, run_id: str) -> None:
    article, events, dating = undated_article()
    store.write_article(article, events, run_id, dating=dating)
    dated, dated_events = build("d1", [{"sources": [IRAN_GOV], "targets": [USA_GOV]}])
    store.write_article(dated, dated_events, run_id)
    out = io.StringIO()
    assert export(store, "plover-jsonl", out) == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    by_article: dict[str, list[dict]] = {}
    for rec in records:
        by_article.setdefault(rec["bedfellows"]["article_id"], []).append(rec)
    assert all(r["bedfellows"]["inferred_date"] is None for r in by_article["d1"])
    for rec in by_article["u1"]:
        window = rec["bedfellows"]["inferred_date"]
        assert (rec["date"], rec["enddate"]) == ("2013-01-01", "2015-06-30")
        assert (window["earliest"], window["latest"]) == ("2013-01-01", "2015-06-30")
        assert [e["kind"] for e in window["evidence"]] == ["office", "name", "past_date", "office"]
        office = window["evidence"][0]
        s, e = office["span"]
        assert article.body[s:e] == office["mention"]
        assert office["bound"] == ["2011-03-01", "2015-06-30"]
        assert window["evidence"][3]["dropped"] is True
