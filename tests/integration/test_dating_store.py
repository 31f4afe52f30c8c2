"""An undated article coded end to end: its window and evidence stored, shown, exported.

The articles are written for this test; Theresa May was Prime Minister of the
United Kingdom from 13 July 2016 to 24 July 2019, and the name ISIL dates
from April 2013 (both in the packaged tables).
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from bedfellows.cli.main import cli
from bedfellows.schema import DateBasis
from bedfellows.store import Store, export

pytestmark = pytest.mark.slow

UNDATED = (
    "Prime Minister Theresa May promised more aid to Jordan during a visit to Amman.\n\n"
    "Jordanian officials said ISIL fighters had attacked a supply convoy near the border.\n"
)
DATED = "date: 2021-03-04\n\nCanada signed a fisheries agreement with Norway on Thursday.\n"
MAY_SPELL = (date(2016, 7, 13), date(2019, 7, 24))


@pytest.fixture()
def coded(tmp_path: Path, pipeline):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "undated.txt").write_text(UNDATED)
    (corpus / "dated.txt").write_text(DATED)
    db = tmp_path / "d.duckdb"
    with Store.open(db) as store:
        run_id = store.begin_run()
        summary = pipeline.run([str(corpus)], store, run_id)
        assert summary.articles_coded == 2
    return pipeline, corpus, db


def rec_body(db: Path, rec: dict) -> str:
    """The stored body of the article (spans are offsets into it)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        sql = "SELECT body FROM articles WHERE article_id = ?"
        return con.execute(sql, [rec["article_id"]]).fetchone()[0]
    finally:
        con.close()


def test_window_and_evidence_are_stored(coded) -> None:
    pipeline, _corpus, db = coded
    with Store.open(db, read_only=True) as store:
        [rec] = store.datings()
        events = store.events(article_id=rec["article_id"])
    dating = pipeline.article_dating(rec["article_id"])
    assert dating is not None and dating.closed
    assert (rec["earliest"], rec["latest"]) == (dating.earliest, dating.latest)
    assert MAY_SPELL[0] <= rec["earliest"] <= rec["latest"] <= MAY_SPELL[1]
    assert [v["description"] for v in rec["evidence"]] == list(dating.evidence)
    office = next(v for v in rec["evidence"] if v["actor_id"] == "theresa_may")
    assert office["kind"] == "office" and not office["dropped"]
    assert rec_body(db, rec)[office["mention_start"] : office["mention_end"]] == office["mention"]
    assert "Theresa May" in office["mention"]
    assert (office["bound_start"], office["bound_end"]) == MAY_SPELL
    name = next(v for v in rec["evidence"] if v["kind"] == "name")
    assert name["mention"] == "ISIL" and name["bound_start"] == date(2013, 4, 1)
    assert events and rec["inferred_events"] == len(events)
    for e in events:
        assert e["date_basis"] == str(DateBasis.INFERRED)
        assert (e["date_start"], e["date_end"]) == (rec["earliest"], rec["latest"])


def test_rerun_adds_nothing(coded) -> None:
    pipeline, corpus, db = coded
    with Store.open(db) as store:
        before = (store.counts(), store.datings())
        summary = pipeline.run([str(corpus)], store, store.begin_run())
        assert summary.articles_coded == 0 and summary.articles_already_stored == 2
        after = store.counts()
        assert after.pop("runs") == before[0]["runs"] + 1
        assert {k: v for k, v in before[0].items() if k != "runs"} == after
        assert store.datings() == before[1]


def test_cli_and_export_show_the_evidence(coded) -> None:
    _pipeline, _corpus, db = coded
    result = CliRunner().invoke(cli, ["dating", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "inferred" in result.output and "theresa_may" in result.output
    assert "'ISIL'" in result.output and "-> from 2013-04-01" in result.output
    events = CliRunner().invoke(cli, ["events", "--db", str(db)])
    assert "bedfellows dating" in events.output  # the hint to the evidence
    with Store.open(db, read_only=True) as store:
        out = io.StringIO()
        export(store, "plover-jsonl", out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    undated = [r for r in records if r["bedfellows"]["published"] is None]
    assert undated and all(r["bedfellows"]["inferred_date"]["evidence"] for r in undated)
    assert all(
        r["bedfellows"]["inferred_date"] is None
        for r in records
        if r["bedfellows"]["published"] is not None
    )
