"""Atomic output files: whole or nothing, no clobbering, never the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from bedfellows.errors import ConfigError
from bedfellows.util.atomic import atomic_output, check_output_path


def test_writes_the_whole_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with atomic_output(target) as tmp:
        assert tmp.parent == tmp_path and tmp != target
        tmp.write_text("done")
        assert not target.exists()  # nothing visible until the block succeeds
    assert target.read_text() == "done"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_failure_keeps_the_old_file_and_removes_the_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(KeyboardInterrupt), atomic_output(target, overwrite=True) as tmp:
        tmp.write_text("new but half")
        raise KeyboardInterrupt
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_existing_file_needs_overwrite_even_if_it_appears_while_writing(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("user's")
    with pytest.raises(ConfigError, match="--force"), atomic_output(target):
        pass
    late = tmp_path / "late.txt"
    with pytest.raises(ConfigError, match="exists"), atomic_output(late) as tmp:
        tmp.write_text("ours")
        late.write_text("theirs")  # created by someone else meanwhile
    assert target.read_text() == "user's" and late.read_text() == "theirs"
    with atomic_output(target, overwrite=True) as tmp:
        tmp.write_text("replaced")
    assert target.read_text() == "replaced"


def test_the_protected_database_and_its_wal_are_refused_by_any_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "ev.duckdb"
    db.write_bytes(b"db")
    (tmp_path / "link.duckdb").hardlink_to(db)
    (tmp_path / "sym.duckdb").symlink_to(db)
    monkeypatch.chdir(tmp_path)
    for name in (db, "ev.duckdb", "./sub/../ev.duckdb", "link.duckdb", "sym.duckdb"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        with pytest.raises(ConfigError, match="database"):
            check_output_path(name, overwrite=True, protected=[db])
    with pytest.raises(ConfigError, match="database"):
        check_output_path(f"{db}.wal", overwrite=True, protected=[str(db)])
    assert db.read_bytes() == b"db"


def test_missing_directory_and_directory_target(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        check_output_path(tmp_path / "missing" / "x.json")
    with pytest.raises(ConfigError, match="directory"):
        check_output_path(tmp_path, overwrite=True)
