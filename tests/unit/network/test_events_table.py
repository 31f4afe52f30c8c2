"""The events table fits the terminal; --wide shows every column."""

from __future__ import annotations

import json

from click.testing import CliRunner
from streams import ev, stream_store

from bedfellows.cli.main import cli


def _events(tmp_path, *extra: str, columns: str = "80") -> str:
    db = tmp_path / "t.duckdb"
    if not db.exists():
        stream = [ev("IRN+IRQ>ISI", "2014-06-03", 4, against=("USA",)) for _ in range(3)]
        stream_store(stream, str(db)).close()
    result = CliRunner().invoke(
        cli, ["events", "--db", str(db), "--min-confidence", "0", *extra], env={"COLUMNS": columns}
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_narrow_terminal_gets_a_table_that_fits(tmp_path):
    out = _events(tmp_path)
    table = [line for line in out.splitlines() if line.startswith(("┃", "│", "┏"))]
    assert table and max(len(line) for line in table) <= 80
    assert "against" not in out and "evidence" in out


def test_wide_and_wider_terminals_get_every_column(tmp_path):
    assert "against" in _events(tmp_path, "--wide")
    assert "against" in _events(tmp_path, columns="160")


def test_json_is_one_array_and_jsonl_one_object_per_line(tmp_path):
    rows = json.loads(_events(tmp_path, "--format", "json"))
    assert len(rows) == 3
    lines = _events(tmp_path, "--format", "jsonl").splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == [r["event_id"] for r in rows]
