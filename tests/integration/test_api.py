"""The Python API: code texts and files in a few lines."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

import bedfellows
from bedfellows.errors import EmptyInput
from bedfellows.network import signed_network

pytestmark = pytest.mark.slow


def test_import_is_light():
    code = "import sys, bedfellows; print('spacy' in sys.modules, 'duckdb' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_code_texts_returns_articles_with_their_events(pipeline):
    texts = [
        "Japan and Brazil signed a trade agreement in Tokyo on Monday.",
        {"id": "w2", "text": "Kenya accused Egypt of violating the ceasefire on Tuesday."},
    ]
    (first, first_events), (second, second_events) = bedfellows.code_texts(
        texts, published=date(2021, 3, 10), pipeline=pipeline
    )
    assert first.source_path == "text:1" and second.external_id == "w2"
    assert first.published == second.published == date(2021, 3, 10)
    assert {s.country for e in first_events for s in e.sources} >= {"JPN", "BRA"}
    accuse = [e for e in second_events if e.plover_type == "ACCUSE"]
    assert accuse and accuse[0].sources[0].country == "KEN"
    assert accuse[0].date.start == date(2021, 3, 9)  # "on Tuesday" before publication


def test_code_texts_names_a_bad_text_by_position(pipeline):
    with pytest.raises(EmptyInput, match="text:2"):
        bedfellows.code_texts(["Kenya accused Egypt.", "   "], pipeline=pipeline)
    with pytest.raises(TypeError, match="text 1"):
        bedfellows.code_texts([42], pipeline=pipeline)


def test_code_files_stores_events_for_the_network(pipeline, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "date: 2020-05-04\n\nFrance signed a defence agreement with Germany on Monday.\n"
    )
    (folder / "b.txt").write_text("")
    db = tmp_path / "api.duckdb"
    summary = bedfellows.code_files([folder], db, pipeline=pipeline)
    assert summary.articles_coded == 1 and len(summary.skipped) == 1
    again = bedfellows.code_files([folder], db, pipeline=pipeline)
    assert again.articles_already_stored == 1 and again.articles_coded == 0
    graph = signed_network(db, min_confidence=0)
    assert ("DEU", "FRA") in {tuple(sorted(e)) for e in graph.edges}
