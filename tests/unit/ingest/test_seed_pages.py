"""The two pasted seed pages in ../shared/seeds: body, comments and boilerplate split."""

from __future__ import annotations

import pytest

from bedfellows.ingest import read_articles, split_page, split_paragraphs
from bedfellows.util.hashing import normalize_text

FURNITURE = ("Leave a Reply", "newsletter", "You are commenting", "Connecting to", "Latest from")


@pytest.fixture(scope="module")
def seeds(shared):
    folder = shared / "seeds"
    arts = {}
    for item in read_articles([str(folder)]):
        assert not isinstance(item, Exception), item
        arts[item.source_path.rsplit("/", 1)[-1]] = item
    return arts


def check_body(art, last_phrase):
    for word in FURNITURE:
        assert word not in art.body
    assert art.body.rstrip().endswith(".")
    last = split_paragraphs(art)[-1]
    assert last_phrase in last.text
    assert art.title and art.title not in art.body


def test_pact_seed(seeds):
    art = seeds["iran-iraq-pact.txt"]
    check_body(art, "report analyzing the Iran-Iraq agreement.")
    assert art.comments == ()
    assert any(line.startswith("Latest from") for line in art.boilerplate)
    assert any("newsletter" in line for line in art.boilerplate)


def test_partnership_seed(seeds):
    art = seeds["us-iran-partnership.txt"]
    check_body(art, "absolve itself of everything Iraq.")
    assert len(art.comments) == 2
    assert [c.index for c in art.comments] == [0, 1]
    assert len(art.comments[0].text.split("\n\n")) == 2  # a two-paragraph comment
    for comment in art.comments:
        assert comment.text not in art.body
        for word in FURNITURE:
            assert word not in comment.text
    assert "Leave a Reply" in art.boilerplate
    assert sum("You are commenting" in line for line in art.boilerplate) >= 1
    assert any(line.startswith("Connecting to") for line in art.boilerplate)


def test_split_page_on_raw_seed_text(shared):
    text = normalize_text((shared / "seeds" / "us-iran-partnership.txt").read_text("utf-8"))
    body, comments, boilerplate = split_page(text)
    assert len(comments) == 2
    assert body.endswith("absolve itself of everything Iraq.")
    assert boilerplate[0].split()[1:3] == ["thoughts", "on"]
