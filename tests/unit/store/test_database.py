"""Store: opening, schema versions, runs, atomic idempotent writes, skips."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from bedfellows.errors import SchemaVersionError, StoreError
from bedfellows.schema import Comment, DateBasis, EventDate, Granularity, Modality
from bedfellows.store import SCHEMA_VERSION, Store
from bedfellows.store.database import read_meta

from .factories import IRAN_GOV, IRAN_MIL, IRAQ_GOV, ISIL, USA_GOV, build, numbered

REPO = Path(__file__).resolve().parents[3]

TABLES = ("articles", "comments", "events", "event_actors")


def table_counts(store: Store) -> dict[str, int]:
    """Row counts of every table an article write touches."""
    con = store.cursor()
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


# ---------------------------------------------------------------- opening


def test_new_database_has_schema_and_version(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.counts() == {
            "articles": 0,
            "comments": 0,
            "events": 0,
            "runs": 0,
            "skipped": 0,
        }
    assert db_path.is_file()


def test_memory_store_works() -> None:
    with Store.open(":memory:") as store:
        run = store.begin_run()
        article, events = numbered(1)
        assert store.write_article(article, events, run)
        assert store.counts()["events"] == len(events)


def test_newer_schema_version_raises(db_path: Path) -> None:
    Store.open(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(SchemaVersionError, match="newer") as info:
        Store.open(db_path)
    assert str(db_path) in str(info.value)


@pytest.mark.parametrize("value", ["banana", "0"])
def test_unknown_or_older_schema_version_raises(db_path: Path, value: str) -> None:
    Store.open(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [value])
    con.close()
    with pytest.raises(SchemaVersionError):
        Store.open(db_path, read_only=True)


def test_foreign_duckdb_file_is_rejected(db_path: Path) -> None:
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE something_else (x INTEGER)")
    con.close()
    with pytest.raises(SchemaVersionError, match="not a bedfellows database"):
        Store.open(db_path)


def test_missing_directory_raises_store_error_naming_path(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "dir" / "x.duckdb"
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(path) in str(info.value)
    assert not isinstance(info.value, SchemaVersionError)


def test_corrupt_file_raises_store_error_naming_path(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.duckdb"
    path.write_bytes(b"this is not a database\n" * 500)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "where",
    ["md:events", "MotherDuck:events", "s3://bucket/events.duckdb", "https://x.org/e.duckdb"],
)
def test_remote_database_paths_are_refused(where: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # were it taken as a file name, it would land here
    for opener in (Store.open, read_meta):
        with pytest.raises(StoreError, match="local DuckDB file") as info:
            opener(where)
        assert where in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_a_local_path_with_a_colon_is_still_a_file(tmp_path: Path) -> None:
    path = tmp_path / "run:2014.duckdb"
    Store.open(path).close()
    assert path.is_file()


def test_extensions_are_never_installed_or_loaded_automatically(store: Store) -> None:
    con = store.cursor()
    try:
        settings = con.execute(
            "SELECT current_setting('autoinstall_known_extensions'), "
            "current_setting('autoload_known_extensions')"
        ).fetchone()
        assert settings == (False, False)
        # A remote read fails at once, naming the extension, instead of fetching it.
        with pytest.raises(duckdb.Error, match="httpfs"):
            con.execute("SELECT * FROM read_csv('https://example.invalid/x.csv')")
    finally:
        con.close()


def test_read_only_cannot_create_and_cannot_write(db_path: Path) -> None:
    with pytest.raises(StoreError):
        Store.open(db_path, read_only=True)  # nothing there yet
    Store.open(db_path).close()
    article, events = numbered(2)
    with Store.open(db_path, read_only=True) as store:
        with pytest.raises(StoreError) as info:
            store.write_article(article, events, "run")
        assert str(db_path) in str(info.value)
        assert store.counts()["articles"] == 0


def test_second_process_cannot_open_a_file_being_written(store: Store, db_path: Path) -> None:
    code = (
        "import sys\n"
        "from bedfellows.errors import StoreError\n"
        "from bedfellows.store import Store\n"
        "try:\n"
        "    Store.open(sys.argv[1])\n"
        "except StoreError as exc:\n"
        "    print('StoreError', exc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert out.startswith("StoreError")
    assert str(db_path) in out


# ------------------------------------------------------------------- runs


def test_runs_are_recorded_and_finished(store: Store) -> None:
    run = store.begin_run(
        bedfellows_version="9.9",
        data_manifest_sha256="ab" * 32,
        model_name="en_core_web_sm",
        model_version="3.8.0",
        config_json='{"include_comments": false}',
        argv=["bedfellows", "code", "x.txt"],
    )
    [row] = store.runs()
    assert row["run_id"] == run and row["finished_at"] is None
    assert row["argv"] == ["bedfellows", "code", "x.txt"]
    store.finish_run(run)
    [row] = store.runs()
    assert row["finished_at"] is not None and row["finished_at"] >= row["started_at"]
    with pytest.raises(StoreError, match="no run"):
        store.finish_run("not-a-run")
    with pytest.raises(StoreError, match="not JSON"):
        store.begin_run(config_json="{oops")


# ----------------------------------------------------------------- writes


def test_round_trip(store: Store, run_id: str) -> None:
    article, events = build(
        "rt1",
        [
            {"sources": [IRAN_GOV], "targets": [USA_GOV, IRAQ_GOV]},
            {
                "sources": [ISIL],
                "trigger": "attacked",
                "targets": [IRAQ_GOV],
                "plover_type": "ASSAULT",
                "cameo_code": "190",
                "cameo_root": "19",
                "quad_class": 4,
                "goldstein": -10.0,
                "modality": Modality.NEGATED,
                "plover_mode": None,
                "plover_context": None,
                "plover_score": None,
            },
        ],
        comments=[Comment(0, "First!", "anon"), Comment(1, "Nonsense.", None)],
        boilerplate=["Sign up for our newsletter"],
    )
    reporter_text = "officials said"
    events[1] = dataclasses.replace(
        events[1],
        reported_by=dataclasses.replace(events[0].sources[0]),
        reported_by_text=reporter_text,
        historical=True,
        date=EventDate(
            date(2014, 6, 1),
            date(2014, 6, 30),
            Granularity.MONTH,
            DateBasis.EXPRESSION,
            "in June",
            3,
            10,
        ),
        place=None,
    )
    assert store.write_article(article, events, run_id) is True
    assert store.has_article("rt1") and not store.has_article("nope")
    assert store.known_article_ids() == {"rt1"}
    assert store.counts() == {"articles": 1, "comments": 2, "events": 2, "runs": 1, "skipped": 0}

    rows = store.events(article_id="rt1")
    # Events come in date order (undated last): the June-month event first.
    assert [r["event_id"] for r in rows] == ["rt1-e1", "rt1-e0"]
    second, first = rows
    ev0, ev1 = events
    for col in (
        "sentence",
        "sentence_start",
        "trigger",
        "trigger_start",
        "trigger_end",
        "cameo_code",
        "cameo_root",
        "quad_class",
        "goldstein",
        "plover_type",
        "plover_mode",
        "plover_context",
        "plover_score",
        "confidence",
        "pattern",
    ):
        assert first[col] == getattr(ev0, col), col
    assert first["modality"] == "asserted" and second["modality"] == "negated"
    assert first["date_start"] == ev0.date.start and first["date_granularity"] == "day"
    assert first["date_basis"] == "expression"
    assert first["place_name"] == "Baghdad" and first["place_lat"] == pytest.approx(33.34)
    assert article.body[first["place_start"] : first["place_end"]] == "Baghdad"
    assert second["place_name"] is None
    assert second["date_start"] == date(2014, 6, 1) and second["date_end"] == date(2014, 6, 30)
    assert (second["date_granularity"], second["date_text"]) == ("month", "in June")
    assert (second["date_text_start"], second["date_text_end"]) == (3, 10)
    assert [t["country"] for t in first["targets"]] == ["USA", "IRQ"]
    assert first["sources"][0] == {
        "text": "Tehran",
        "start": ev0.sources[0].start,
        "end": ev0.sources[0].end,
        "name": "Government of Iran",
        "actor_id": "Q794",
        "country": "IRN",
        "sector": "GOV",
        "cameo": "IRNGOV",
        "kind": "country",
        "basis": "text",
    }
    assert first["reporter"] is None
    assert second["reporter"]["country"] == "IRN"
    assert second["reported_by_country"] == "IRN" and second["reported_by_text"] == reporter_text
    # PLOVER's auxiliary modes: negated + claimed + historical on one event.
    assert (second["claimed"], second["historical"]) == (True, True)
    assert (first["claimed"], first["historical"]) == (False, False)
    assert second["sources"][0]["country"] is None and second["sources"][0]["cameo"] == "IMGSUNREB"
    for row in rows:  # every stored span points at its text in the body
        assert article.body[row["trigger_start"] : row["trigger_end"]] == row["trigger"]
        for actor in row["sources"] + row["targets"]:
            assert article.body[actor["start"] : actor["end"]] == actor["text"]

    con = store.cursor()
    stored = con.execute(
        "SELECT body, published, n_comments, boilerplate, run_id, title FROM articles"
    ).fetchone()
    comments = con.execute(
        "SELECT comment_index, author, text FROM comments ORDER BY comment_index"
    ).fetchall()
    con.close()
    assert stored == (
        article.body,
        date(2014, 6, 20),
        2,
        ["Sign up for our newsletter"],
        run_id,
        "Title rt1",
    )
    assert comments == [(0, "anon", "First!"), (1, None, "Nonsense.")]


def test_article_without_events_is_stored(store: Store, run_id: str) -> None:
    article, _ = build("empty1", [])
    assert store.write_article(article, [], run_id)
    assert store.has_article("empty1")
    assert store.counts()["events"] == 0


def test_writing_the_same_article_twice_changes_nothing(db_path: Path) -> None:
    article, events = numbered(4)
    with Store.open(db_path) as store:
        run = store.begin_run()
        assert store.write_article(article, events, run) is True
        before = table_counts(store)
        assert store.write_article(article, events, run) is False
        assert table_counts(store) == before
    with Store.open(db_path) as store:  # also after reopening, from another run
        assert store.write_article(article, events, store.begin_run()) is False
        assert table_counts(store) == before


def test_event_of_another_article_is_refused(store: Store, run_id: str) -> None:
    article, events = numbered(3)
    stray = dataclasses.replace(events[-1], article_id="somewhere-else")
    with pytest.raises(StoreError, match="somewhere-else"):
        store.write_article(article, [*events[:-1], stray], run_id)
    assert table_counts(store) == dict.fromkeys(TABLES, 0)
    assert not store.has_article(article.article_id)


def test_duplicate_event_ids_are_refused(store: Store, run_id: str) -> None:
    article, events = numbered(2)
    with pytest.raises(StoreError, match="duplicate event_id"):
        store.write_article(article, [events[0], events[0]], run_id)
    assert table_counts(store) == dict.fromkeys(TABLES, 0)


def test_database_error_mid_transaction_leaves_no_partial_rows(store: Store, run_id: str) -> None:
    first, first_events = numbered(1)
    assert store.write_article(first, first_events, run_id)
    before = table_counts(store)
    # A new article whose second event reuses a stored event_id: the article,
    # comment and first rows go in, then the events flush hits the primary key.
    article, events = numbered(7)
    clash = dataclasses.replace(events[1], event_id=first_events[0].event_id)
    with pytest.raises(StoreError) as info:
        store.write_article(article, [events[0], clash, *events[2:]], run_id)
    assert article.article_id in str(info.value)
    assert table_counts(store) == before
    assert not store.has_article(article.article_id)
    # The store is still usable and the article can be written once fixed.
    assert store.write_article(article, events, run_id)
    assert store.counts()["events"] == before["events"] + len(events)


@pytest.mark.parametrize("error", [duckdb.IOException("disk full"), RuntimeError("boom")])
def test_failure_after_events_flushed_rolls_back(
    store: Store, run_id: str, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    real_append = store._append
    calls: list[str] = []

    def failing_append(table: str, rows: list) -> None:
        calls.append(table)
        if table == "event_actors":
            raise error
        real_append(table, rows)

    monkeypatch.setattr(store, "_append", failing_append)
    article, events = numbered(6)
    expected = StoreError if isinstance(error, duckdb.Error) else RuntimeError
    with pytest.raises(expected):
        store.write_article(article, events, run_id)
    assert calls == ["articles", "comments", "events", "event_actors"]
    assert table_counts(store) == dict.fromkeys(TABLES, 0)
    monkeypatch.undo()
    assert store.write_article(article, events, run_id)
    assert store.counts()["events"] == len(events)


def test_write_articles_batch(store: Store, run_id: str) -> None:
    a1, e1 = numbered(1)
    a2, e2 = numbered(2)
    a3, e3 = numbered(3)
    assert store.write_article(a1, e1, run_id)
    results = store.write_articles([(a1, e1), (a2, e2), (a2, e2), (a3, e3)], run_id)
    assert results == [False, True, False, True]
    assert store.known_article_ids() == {a1.article_id, a2.article_id, a3.article_id}
    assert store.counts()["events"] == len(e1) + len(e2) + len(e3)
    assert store.write_articles([], run_id) == []


def test_failing_batch_writes_nothing(store: Store, run_id: str) -> None:
    a1, e1 = numbered(1)
    a2, e2 = numbered(2)
    bad = [dataclasses.replace(e, event_id=e1[0].event_id) for e in e2[:1]]
    with pytest.raises(StoreError):
        store.write_articles([(a1, e1), (a2, bad)], run_id)
    assert table_counts(store) == dict.fromkeys(TABLES, 0)


def test_thousand_events_in_one_article(store: Store, run_id: str) -> None:
    specs = [{"sources": [IRAN_MIL], "targets": [USA_GOV]} for _ in range(1000)]
    article, events = build("big", specs)
    assert store.write_article(article, events, run_id)
    assert store.counts()["events"] == 1000


# ------------------------------------------------------------------ skips


def test_record_skip_does_not_duplicate(store: Store, run_id: str) -> None:
    assert store.record_skip("a.txt", None, "empty", "EmptyInput", run_id) is True
    assert store.record_skip("a.txt", None, "empty", "EmptyInput", run_id) is False
    assert store.record_skip("b.jsonl", 3, "bad json", "MalformedRecord", run_id) is True
    assert store.record_skip("b.jsonl", 3, "bad json", "MalformedRecord", "other-run") is False
    assert store.record_skip("b.jsonl", 4, "bad json", "MalformedRecord", run_id) is True
    assert store.record_skip("b.jsonl", None, "bad json", "MalformedRecord", run_id) is True
    assert store.counts()["skipped"] == 4
    assert {(s["source_path"], s["record"]) for s in store.skipped()} == {
        ("a.txt", None),
        ("b.jsonl", 3),
        ("b.jsonl", 4),
        ("b.jsonl", None),
    }
