"""Shared fixtures: the ../shared folder, one coding pipeline per session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the repo (gold data, seeds); skip when absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not available")
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    """One Pipeline (spaCy model + actor ruler + coder) for the whole session."""
    from bedfellows.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def code_text(pipeline):
    """Code a text as one article; returns (article, events)."""
    from datetime import date

    from bedfellows.schema import Article
    from bedfellows.util.hashing import article_id

    def _code(text: str, published: date | None = date(2020, 6, 15)):
        art = Article(
            article_id=article_id(text), source_path="test", body=text, published=published
        )
        [(article, events)] = list(pipeline.code_articles([art]))
        return article, events

    return _code
