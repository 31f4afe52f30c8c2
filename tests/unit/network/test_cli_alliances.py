"""The alliance commands end to end on a hand-made stream in a DuckDB file."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner
from streams import ev, stream_store

from bedfellows.cli.main import cli


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "stream.duckdb"
    events = [
        *(ev("USA>IRN", f"{2000 + i}-03-01", 4) for i in range(12)),
        ev("IRN>ISI", "2014-06-02", 4),
        ev("IRQ>ISI", "2014-06-03", 4),
        ev("IRN+IRQ", "2014-06-04", 2, against=("ISI",)),
        ev("USA>IRN", "2014-06-05", 1, modality="hypothetical", against=("ISI",)),
        ev("IRN>USA", "2014-06-09", 1, modality="hypothetical"),
    ]
    stream_store(events, str(path)).close()
    return str(path)


def _run(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_dyad_table_json_and_plot(db, tmp_path):
    out = _run("dyad", "irn", "usa", "--db", db, "--freq", "year")
    assert "IRN–USA by year" in out and "USA->IRN" in out
    rows = [
        json.loads(line)
        for line in _run(
            "dyad", "IRN", "USA", "--db", db, "--format", "json", "--freq", "all"
        ).splitlines()
    ]
    both = next(r for r in rows if r["direction"] == "both")
    assert both["events"] == 12 and both["conflict"] == 12.0
    with_talk = _run(
        "dyad",
        "IRN",
        "USA",
        "--db",
        db,
        "--freq",
        "all",
        "--include",
        "hypothetical",
        "--format",
        "json",
    )
    assert json.loads(with_talk.splitlines()[-1])["events"] == 14
    png = tmp_path / "d.png"
    _run("dyad", "IRN", "USA", "--db", db, "--freq", "year", "--plot", str(png))
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_network_window_export_and_plot(db, tmp_path):
    out = _run(
        "network",
        "--db",
        db,
        "--window",
        "2014-06",
        "--out",
        str(tmp_path / "g.gexf"),
        "--plot",
        str(tmp_path / "g.svg"),
    )
    assert "IMGMUSISI" in out and "structural balance" in out
    g = nx.read_gexf(tmp_path / "g.gexf")
    assert set(g.nodes) == {"IRN", "IRQ", "IMGMUSISI"}
    assert (tmp_path / "g.svg").read_text().lstrip().startswith("<?xml")


def test_blocs_bedfellows_and_shifts(db):
    out = _run("blocs", "--db", db, "--window", "2014-06")
    assert "IRN IRQ" in out and "friends" in out
    out = _run("bedfellows", "--db", db, "--window", "2014-06")
    assert "Iran and United States (strange bedfellows" in out
    assert "discussing cooperation against IMGMUSISI" in out
    out = _run("shifts", "--db", db)
    assert "no shift" in out


def test_bad_window_is_one_clear_error(db):
    result = CliRunner().invoke(cli, ["network", "--db", db, "--window", "June"])
    assert result.exit_code == 2 and "window 'June'" in result.output
