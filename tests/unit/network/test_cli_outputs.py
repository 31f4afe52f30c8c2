"""Commands that write files: atomic, no silent overwrite, never the database;
bad option values are usage errors, never tracebacks (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from streams import ev, stream_store

from bedfellows.cli.main import cli


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "stream.duckdb"
    events = [
        ev("IRN>ISI", "2014-06-02", 4),
        ev("IRQ>ISI", "2014-06-03", 4),
        ev("IRN+IRQ", "2014-06-04", 2, against=("ISI",)),
        *(ev("USA>IRN", f"{2000 + i}-03-01", 4) for i in range(3)),
    ]
    stream_store(events, str(path)).close()
    return str(path)


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def assert_error(result, *fragments: str) -> None:
    """Exit 2 with an ``error:`` (or click usage) line and no traceback."""
    assert result.exit_code == 2, result.output
    assert (
        "Traceback" not in result.output
        and result.exception is None
        or isinstance(result.exception, SystemExit)
    ), result.output
    for fragment in fragments:
        assert fragment in result.output, result.output


def test_export_to_the_database_itself_is_refused_even_with_force(db: str) -> None:
    before = Path(db).read_bytes()
    for fmt in ("csv", "gdelt", "plover-jsonl", "parquet"):
        for target in (db, f"{db}.wal"):
            result = invoke("export", "--db", db, "--format", fmt, "-o", target, "--force")
            assert_error(result, "error:", "database")
    assert Path(db).read_bytes() == before
    assert not Path(f"{db}.wal").exists()


def test_export_refuses_an_existing_file_without_force(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "user.csv"
    target.write_text("user data\n")
    assert_error(invoke("export", "--db", db, "--format", "csv", "-o", str(target)), "--force")
    assert target.read_text() == "user data\n"
    result = invoke("export", "--db", db, "--format", "csv", "-o", str(target), "--force")
    assert result.exit_code == 0, result.output
    assert target.read_text().startswith("event_id")
    to_stdout = invoke("export", "--db", db, "--format", "plover-jsonl", "-o", "-")
    assert to_stdout.exit_code == 0 and len(to_stdout.stdout.splitlines()) == 6
    assert not (tmp_path / "-").exists()


def test_export_into_a_missing_directory_is_an_error_line(db: str, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "x.csv"
    assert_error(invoke("export", "--db", db, "--format", "csv", "-o", str(target)), "error:")


@pytest.mark.parametrize(
    "args",
    [
        ["network", "--out", "{tmp}/g.json"],
        ["network", "--plot", "{tmp}/g.png"],
        ["dyad", "USA", "IRN", "--freq", "year", "--plot", "{tmp}/g.png"],
        ["blocs", "--plot", "{tmp}/g.png"],
    ],
)
def test_graph_and_plot_outputs_are_not_overwritten_without_force(
    db: str, tmp_path: Path, args: list[str]
) -> None:
    args = [a.format(tmp=tmp_path) for a in args]
    target = Path(args[-1])
    target.write_text("someone's file")
    assert_error(invoke(*args, "--db", db), "exists", "--force")
    assert target.read_text() == "someone's file"
    assert invoke(*args, "--db", db, "--force").exit_code == 0
    assert target.read_bytes() != b"someone's file" and target.stat().st_size > 100
    alias = tmp_path / f"db-alias{target.suffix}"  # the database under an output's name
    alias.symlink_to(db)
    assert_error(invoke(*args[:-1], str(alias), "--db", db, "--force"), "database")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_network_out_into_a_missing_directory(db: str, tmp_path: Path) -> None:
    result = invoke("network", "--db", db, "--out", str(tmp_path / "missing" / "dir" / "x.json"))
    assert_error(result, "error:", "does not exist")


def test_network_writes_json_atomically(db: str, tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    assert invoke("network", "--db", db, "--out", str(out)).exit_code == 0
    assert {n["id"] for n in json.loads(out.read_text())["nodes"]} >= {"IRN", "IRQ"}


@pytest.mark.parametrize("window", ["0000", "0000-06", "2014-13", "9999-12..0001", "x", ""])
@pytest.mark.parametrize(
    "command", [["network"], ["blocs"], ["bedfellows"], ["shifts"], ["dyad", "IRN", "ISI"]]
)
def test_bad_windows_are_usage_errors(db: str, command: list[str], window: str) -> None:
    assert_error(invoke(*command, "--db", db, "--window", window), "--window")


@pytest.mark.parametrize(
    "args",
    [
        ["network", "--half-life", "0"],
        ["network", "--half-life", "nan"],
        ["network", "--half-life", "inf"],
        ["blocs", "--max-blocs", "0"],
        ["shifts", "--min-z", "nan"],
        ["shifts", "--min-events", "-1"],
        ["shifts", "--min-segment-events", "0"],
        ["bedfellows", "--evidence", "-1"],
        ["events", "--limit", "-1"],
    ],
)
def test_bad_numbers_are_usage_errors(db: str, args: list[str]) -> None:
    # A usage error naming the option (nan reached the SQL as a column name before).
    assert_error(invoke(*args, "--db", db), f"Invalid value for '{args[1]}'")
