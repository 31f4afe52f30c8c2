"""Fixtures for the store tests: a fresh on-disk store and a run id."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bedfellows.store import Store


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    """Where a test's database file goes."""
    return tmp_path / "events.duckdb"


@pytest.fixture()
def store(db_path: Path) -> Iterator[Store]:
    """An open, empty on-disk store."""
    with Store.open(db_path) as s:
        yield s


@pytest.fixture()
def run_id(store: Store) -> str:
    """A run begun in ``store``."""
    return store.begin_run(model_name="test-model", model_version="0.0", argv=["pytest"])
