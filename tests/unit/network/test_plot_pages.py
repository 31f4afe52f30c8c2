"""Interactive HTML beside each plot: standalone, with tooltips naming the evidence."""

from __future__ import annotations

import re
from datetime import date

from click.testing import CliRunner
from streams import ev, stream_store

from bedfellows.cli.main import cli


def _db(tmp_path) -> str:
    path = tmp_path / "h.duckdb"
    stream = [
        ev("IRN+IRQ", "2014-06-03", 2, event_id="coop1"),
        ev("IRN>ISI", "2014-06-04", 4, event_id="fight1"),
        ev("IRN>USA", "2014-07-02", 3, event_id="threat1"),
        ev("USA>IRN", "2014-07-09", 1, event_id="talk1"),
    ]
    stream_store(stream, str(path)).close()
    return str(path)


def _run(*args: str):
    return CliRunner().invoke(cli, [*args, "--min-confidence", "0"])


def _standalone(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    # nothing fetched at view time: no script, stylesheet or image from anywhere
    assert "<script" not in page and "src=" not in page and "<link" not in page
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", page)


def test_network_and_blocs_write_an_html_page_beside_the_png(tmp_path):
    db = _db(tmp_path)
    for command in ("network", "blocs"):
        plot = tmp_path / f"{command}.png"
        result = _run(command, "--db", db, "--plot", str(plot))
        assert result.exit_code == 0, result.output
        page = plot.with_suffix(".html").read_text()
        _standalone(page)
        assert "coop1" in page and "fight1" in page  # tooltips name the evidence
        assert "<title>Iran – Iraq" in page or "<title>Iraq – Iran" in page
    assert "bloc 0" in (tmp_path / "blocs.html").read_text()
    assert "bloc 0" not in (tmp_path / "network.html").read_text()


def test_dyad_page_has_a_bar_per_period_and_side(tmp_path):
    db = _db(tmp_path)
    plot = tmp_path / "d.png"
    result = _run("dyad", "IRN", "USA", "--db", db, "--freq", "month", "--plot", str(plot))
    assert result.exit_code == 0, result.output
    page = plot.with_suffix(".html").read_text()
    _standalone(page)
    assert page.count("<rect") == 2  # one period (July): a cooperation and a conflict bar
    assert "threat1" in page and "talk1" in page and str(date(2014, 7, 1)) in page


def test_an_existing_page_is_kept_without_force(tmp_path):
    db = _db(tmp_path)
    plot = tmp_path / "n.png"
    plot.with_suffix(".html").write_text("mine")
    result = _run("network", "--db", db, "--plot", str(plot))
    assert result.exit_code != 0 and not plot.exists()
    assert plot.with_suffix(".html").read_text() == "mine"
    assert _run("network", "--db", db, "--plot", str(plot), "--force").exit_code == 0
    assert plot.with_suffix(".html").read_text() != "mine"
