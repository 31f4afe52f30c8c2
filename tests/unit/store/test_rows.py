"""Dataclass → row conversion matches the declared table columns."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from bedfellows.schema import Comment, Modality
from bedfellows.store import _rows
from bedfellows.store.ddl import ARTICLES, COMMENTS, EVENT_ACTORS, EVENTS, TABLES, quote

from .factories import IRAN_GOV, IRAQ_GOV, USA_GOV, build


def test_rows_have_one_value_per_column() -> None:
    article, [event] = build(
        "r1",
        [{"sources": [IRAN_GOV], "targets": [USA_GOV, IRAQ_GOV]}],
        comments=[Comment(0, "hi", "me")],
    )
    event = dataclasses.replace(
        event, reported_by=event.sources[0], modality=Modality.INTENDED, historical=True
    )
    a_row = _rows.article_row(article, "run", datetime(2020, 1, 1))
    assert len(a_row) == len(ARTICLES.columns)
    [c_row] = _rows.comment_rows(article)
    assert len(c_row) == len(COMMENTS.columns)
    e_row = _rows.event_row(event, "run")
    assert len(e_row) == len(EVENTS.columns)
    as_dict = dict(zip(EVENTS.column_names, e_row, strict=True))
    assert as_dict["modality"] == "intended" and type(as_dict["modality"]) is str
    assert as_dict["date_granularity"] == "day" and as_dict["date_basis"] == "expression"
    assert as_dict["reported_by_country"] == "IRN" and as_dict["place_country"] == "IRQ"
    assert as_dict["claimed"] is True and as_dict["historical"] is True
    x_rows = _rows.actor_rows(event)
    assert all(len(r) == len(EVENT_ACTORS.columns) for r in x_rows)
    roles = [(r[1], r[2]) for r in x_rows]
    assert roles == [("source", 0), ("target", 0), ("target", 1), ("reporter", 0)]


def test_every_table_has_unique_columns_and_quoted_ddl() -> None:
    for table in TABLES:
        assert len(set(table.column_names)) == len(table.column_names), table.name
        assert all(quote(c) in table.create_sql() for c in table.column_names)
    assert quote('we"ird') == '"we""ird"'


def test_mode_flags_default_to_false_without_a_reporter() -> None:
    _, [event] = build("r2", [{"sources": [IRAN_GOV], "targets": [USA_GOV]}])
    assert event.claimed is False and event.historical is False
    as_dict = dict(zip(EVENTS.column_names, _rows.event_row(event, "run"), strict=True))
    assert as_dict["claimed"] is False and as_dict["historical"] is False
    assert [r[1] for r in _rows.actor_rows(event)] == ["source", "target"]
