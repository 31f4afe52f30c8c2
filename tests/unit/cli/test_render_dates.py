"""Event dates as the CLI shows them: inferred windows are marked."""

from __future__ import annotations

from datetime import date

from bedfellows.cli.render import _date


def test_inferred_window_is_marked() -> None:
    row = {
        "date_start": date(2017, 1, 30),
        "date_end": date(2017, 8, 20),
        "date_granularity": "year",
        "date_basis": "inferred",
    }
    assert _date(row) == "2017-01-30..2017-08-20 (year, inferred)"


def test_expression_dates_are_not_marked() -> None:
    day = {"date_start": date(2014, 6, 13), "date_end": date(2014, 6, 13)}
    assert _date({**day, "date_granularity": "day", "date_basis": "expression"}) == "2014-06-13"
    assert _date({"date_start": None}) == "undated"
