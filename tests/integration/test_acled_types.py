"""Articles coded end to end get an ACLED sub-event type, stored with them.

The articles are written for this test (one short report each, as in the
snippets the packaged model is trained on).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bedfellows.cli.main import cli
from bedfellows.store import Store

pytestmark = pytest.mark.slow

REPORTS = {
    "strike.txt": (
        "Warplanes struck a market in the northern town on Monday, killing nine "
        "civilians, residents said."
    ),
    "march.txt": (
        "Thousands of teachers marched peacefully through the capital on Saturday "
        "to demand higher pay."
    ),
    "arrest.txt": (
        "Police arrested 14 opposition activists in the capital overnight, a rights group said."
    ),
    "truce.txt": (
        "The two armed groups agreed a ceasefire on Friday and exchanged prisoners, mediators said."
    ),
}
EXPECTED = {
    "strike.txt": "AIR_STRIKE",
    "march.txt": "PEACE_PROTEST",
    "arrest.txt": "ARREST",
    "truce.txt": "AGREEMENT",
}


def _code(tmp_path: Path, pipeline) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in REPORTS.items():
        (corpus / name).write_text(text + "\n")
    db = tmp_path / "t.duckdb"
    with Store.open(db) as store:
        summary = pipeline.run([str(corpus)], store, store.begin_run())
        assert summary.articles_coded == len(REPORTS)
        again = pipeline.run([str(corpus)], store, store.begin_run())
        assert again.articles_coded == 0
    return db


def test_every_coded_article_has_its_type_stored_once(tmp_path: Path, pipeline) -> None:
    db = _code(tmp_path, pipeline)
    with Store.open(db, read_only=True) as store:
        records = store.article_types()
    assert len(records) == len(REPORTS)
    got = {Path(r["source_path"]).name: r["acled_type"] for r in records}
    assert got == EXPECTED
    assert all(0.0 < r["probability"] <= 1.0 for r in records)


def test_acled_types_command_lists_them_and_names_an_unknown_article(
    tmp_path: Path, pipeline
) -> None:
    db = str(_code(tmp_path, pipeline))
    result = CliRunner().invoke(cli, ["acled-types", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(Path(r["source_path"]).name for r in lines) == sorted(REPORTS)
    one = lines[0]["article_id"]
    result = CliRunner().invoke(cli, ["acled-types", "--db", db, one])
    assert result.exit_code == 0 and result.stdout.count("\n") == 1
    result = CliRunner().invoke(cli, ["acled-types", "--db", db, "no-such-article"])
    assert result.exit_code == 2
    assert "no ACLED type for article no-such-article" in result.output
