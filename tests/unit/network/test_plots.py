"""Plots a user would show: legends, bloc labels, date axes in days (SVG text is searchable)."""

from __future__ import annotations

import re
from datetime import date

import networkx as nx
import polars as pl

from bedfellows.network.plots import plot_dyad, plot_network


def _graph() -> nx.Graph:
    g = nx.Graph()
    for key, label in (("IRN", "Iran"), ("IRQ", "Iraq"), ("IMGMUSISI", "Islamic State")):
        g.add_node(key, label=label)
    g.add_edge("IRN", "IRQ", weight=2.0)
    g.add_edge("IRN", "IMGMUSISI", weight=-1.0)
    g.add_edge("IRQ", "IMGMUSISI", weight=-3.0)
    return g


def test_network_and_blocs_plots_differ_and_explain_themselves(tmp_path):
    plain = plot_network(_graph(), tmp_path / "network.svg").read_text()
    blocs = plot_network(
        _graph(), tmp_path / "blocs.svg", blocs={"IRN": 0, "IRQ": 0, "IMGMUSISI": 1}
    ).read_text()
    assert plain != blocs
    for svg in (plain, blocs):
        assert "cooperation (solid)" in svg and "conflict (dashed)" in svg
        assert "Islamic State" in svg  # nodes by label, not by code
    assert "bloc 0: Iran, Iraq" in blocs and "bloc 1: Islamic State" in blocs
    assert "bloc 0" not in plain


def _series(days: list[date]) -> pl.DataFrame:
    rows = [
        {"period": d, "direction": direction, "cooperation": 1.0, "conflict": 0.5,
         "goldstein_mean": 2.0}
        for d in days
        for direction in ("A->B", "both")
    ]  # fmt: skip
    return pl.DataFrame(rows)


def test_dyad_plot_labels_both_sides_and_ticks_days_not_hours(tmp_path):
    days = [date(2014, 6, d) for d in (2, 3, 4)]
    svg = plot_dyad(_series(days), tmp_path / "d.svg", freq="day").read_text()
    assert "cooperation (above the axis)" in svg and "conflict (below the axis)" in svg
    assert not re.search(r">\s*\d{1,2}:\d{2}\s*<", svg)  # no hour ticks
