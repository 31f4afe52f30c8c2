"""``bedfellows dating`` (and the ``info`` line): undated articles' windows and evidence."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from bedfellows.cli.main import cli
from bedfellows.schema import Article, ArticleDating, Granularity
from bedfellows.store import Store

# An invented article and evidence in the dater's formats (bedfellows.events.dating).
BODY = "Interior Minister Lev Orlan visited the border. The Green Union was formed in 2009."
OFFICE = "Interior Minister Lev Orlan: lev_orlan XYZGOV 2010-02-01 – 2012-08-31 (Interior Minister)"
PAST = "'in 2009' in the past: no earlier than 2009-01-01"
CLASH = "President Lev Orlan: lev_orlan XYZGOV 2001-01-01 – 2004-12-31 (President)"


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "d.duckdb"
    undated = Article(article_id="u1", source_path="/c/u1.txt", body=BODY, title="Border visit")
    bare = Article(article_id="u2", source_path="/c/u2.txt", body="Nothing dates this text.")
    dated = Article(
        article_id="d1", source_path="/c/d1.txt", body="Hi.", published=date(2020, 1, 2)
    )
    with Store.open(path) as store:
        run = store.begin_run()
        window = ArticleDating(
            earliest=date(2010, 2, 1),
            latest=date(2012, 8, 31),
            granularity=Granularity.DECADE,
            evidence=(OFFICE, PAST, CLASH),
            conflicts=(CLASH,),
        )
        store.write_article(undated, [], run, dating=window)
        store.write_article(bare, [], run, dating=ArticleDating())
        store.write_article(dated, [], run)
    return path


def test_dating_shows_window_and_evidence(db: Path) -> None:
    result = CliRunner().invoke(cli, ["dating", "--db", str(db), "u1"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "window: 2010-02-01 .. 2012-08-31 (decade, inferred" in out
    start = BODY.index("Interior Minister Lev Orlan")
    assert f"+ office held   'Interior Minister Lev Orlan' [{start}:{start + 27}]" in out
    assert "-> 2010-02-01 .. 2012-08-31" in out and "lev_orlan" in out
    assert f"+ past date     'in 2009' [{BODY.index('in 2009')}:" in out
    assert "-> from 2009-01-01" in out
    clash = next(line for line in out.splitlines() if "President Lev Orlan" in line)
    assert clash.strip().startswith("-") and "dropped" in clash
    assert "u2" not in out  # only the article asked for


def test_dating_lists_every_undated_article(db: Path) -> None:
    result = CliRunner().invoke(cli, ["dating", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "u1 'Border visit'" in result.output
    assert "u2 (/c/u2.txt)\n  window: unknown (no dating evidence found" in result.output
    assert "d1" not in result.output  # dated articles have no window


def test_dating_json(db: Path) -> None:
    result = CliRunner().invoke(cli, ["dating", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    records = {r["article_id"]: r for r in map(json.loads, result.output.splitlines())}
    assert set(records) == {"u1", "u2"}
    u1 = records["u1"]
    assert (u1["earliest"], u1["latest"]) == ("2010-02-01", "2012-08-31")
    kinds = [(e["kind"], e["dropped"]) for e in u1["evidence"]]
    assert kinds == [("office", False), ("past_date", False), ("office", True)]
    s, e = u1["evidence"][0]["span"]
    assert BODY[s:e] == "Interior Minister Lev Orlan"
    assert records["u2"]["evidence"] == [] and records["u2"]["earliest"] is None


def test_dating_of_an_unknown_article_is_a_usage_error(db: Path) -> None:
    result = CliRunner().invoke(cli, ["dating", "--db", str(db), "d1"])
    assert result.exit_code == 2
    assert "no inferred date window for article d1" in result.output


def test_info_counts_undated_articles(db: Path) -> None:
    result = CliRunner().invoke(cli, ["info", "--db", str(db)])
    assert "undated articles: 2 (1 with an inferred date window" in result.output
