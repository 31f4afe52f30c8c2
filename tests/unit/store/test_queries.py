"""Store.events filters, counts and stats."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from bedfellows.errors import ConfigError
from bedfellows.schema import ActorRef, DateBasis, EventDate, Granularity, Modality
from bedfellows.store import EventFilter, Store

from .factories import IRAN_GOV, IRAN_MIL, IRAQ_GOV, ISIL, TIMOR, USA_GOV, build

UNDATED = EventDate()
YEAR_2014 = EventDate(date(2014, 1, 1), date(2014, 12, 31), Granularity.YEAR, DateBasis.EXPRESSION)
MAY_2014 = EventDate(date(2014, 5, 1), date(2014, 5, 31), Granularity.MONTH, DateBasis.PUBLICATION)


@pytest.fixture()
def filled(store: Store, run_id: str) -> Store:
    """Two articles with a spread of actors, types, dates, modalities and a comment event."""
    a1, e1 = build(
        "q1",
        [
            {"sources": [IRAN_GOV], "targets": [USA_GOV]},  # q1-e0 CONSULT, day
            {
                "sources": [IRAN_MIL],
                "targets": [IRAQ_GOV],
                "trigger": "shelled",
                "plover_type": "ASSAULT",
                "cameo_code": "195",
                "cameo_root": "19",
                "quad_class": 4,
                "goldstein": -10.0,
                "date": MAY_2014,
            },  # q1-e1
            {
                "sources": [USA_GOV],
                "targets": [IRAN_GOV],
                "trigger": "warned",
                "plover_type": "THREATEN",
                "cameo_code": "130",
                "cameo_root": "13",
                "quad_class": 3,
                "goldstein": -4.4,
                "modality": Modality.HYPOTHETICAL,
                "date": YEAR_2014,
            },  # q1-e2
        ],
    )
    a2, e2 = build(
        "q2",
        [
            {
                "sources": [ISIL],
                "targets": [IRAQ_GOV],
                "trigger": "attacked",
                "plover_type": "ASSAULT",
                "cameo_code": "190",
                "cameo_root": "19",
                "quad_class": 4,
                "goldstein": -10.0,
                "date": UNDATED,
            },  # q2-e0
            {"sources": [TIMOR], "targets": [USA_GOV], "is_comment": True, "comment_index": 0},
        ],
    )
    # The reporter of q2-e0 is Iran: reporters must not match the actor filter.
    iran = ActorRef("Iran", 0, 4, "Iran", "Q794", "IRN", "GOV", "IRNGOV")
    e2[0] = dataclasses.replace(e2[0], reported_by=iran, reported_by_text="Iran said")
    assert store.write_article(a1, e1, run_id)
    assert store.write_article(a2, e2, run_id)
    return store


def ids(rows: list[dict]) -> set[str]:
    return {r["event_id"] for r in rows}


def test_no_filter_excludes_comment_events(filled: Store) -> None:
    assert ids(filled.events()) == {"q1-e0", "q1-e1", "q1-e2", "q2-e0"}
    assert "q2-e1" in ids(filled.events(include_comments=True))


def test_actor_filter_by_iso3_matches_source_or_target(filled: Store) -> None:
    assert ids(filled.events(actor="IRN")) == {"q1-e0", "q1-e1", "q1-e2"}
    assert ids(filled.events(actor="irq")) == {"q1-e1", "q2-e0"}
    assert ids(filled.events(actor="USA")) == {"q1-e0", "q1-e2"}


def test_actor_filter_by_cameo_prefix(filled: Store) -> None:
    assert ids(filled.events(actor="IRNMIL")) == {"q1-e1"}
    assert ids(filled.events(actor="IRNM")) == {"q1-e1"}
    assert ids(filled.events(actor="IRNGOV")) == {"q1-e0", "q1-e2"}
    assert ids(filled.events(actor="IMG")) == {"q2-e0"}  # a group with no country
    assert ids(filled.events(actor="TMP", include_comments=True)) == {"q2-e1"}


def test_actor_filter_by_actor_id_and_no_match(filled: Store) -> None:
    assert ids(filled.events(actor="Q2429253")) == {"q2-e0"}
    assert filled.events(actor="FRA") == []


def test_type_root_modality_filters(filled: Store) -> None:
    assert ids(filled.events(plover_type="assault")) == {"q1-e1", "q2-e0"}
    assert ids(filled.events(cameo_root="19")) == {"q1-e1", "q2-e0"}
    assert ids(filled.events(cameo_root=4)) == {"q1-e0"}  # 4 means "04"
    assert ids(filled.events(modality="hypothetical")) == {"q1-e2"}
    assert ids(filled.events(modality=Modality.ASSERTED)) == {"q1-e0", "q1-e1", "q2-e0"}
    assert ids(filled.events(actor="IRN", plover_type="ASSAULT")) == {"q1-e1"}


def test_date_filters_keep_events_inside_the_window(filled: Store) -> None:
    june = filled.events(start=date(2014, 6, 1), end=date(2014, 6, 30))
    assert ids(june) == {"q1-e0"}  # not the year-2014 event, not the undated one
    assert ids(filled.events(start=date(2014, 5, 1))) == {"q1-e0", "q1-e1"}
    assert ids(filled.events(end=date(2014, 5, 31))) == {"q1-e1"}
    assert ids(filled.events(start=date(2014, 1, 1), end=date(2014, 12, 31))) == {
        "q1-e0",
        "q1-e1",
        "q1-e2",
    }


def test_order_and_limit(filled: Store) -> None:
    rows = filled.events()
    assert [r["event_id"] for r in rows] == ["q1-e2", "q1-e1", "q1-e0", "q2-e0"]
    assert [r["event_id"] for r in filled.events(limit=2)] == ["q1-e2", "q1-e1"]
    assert filled.events(limit=0) == []


def test_reporter_is_returned(filled: Store) -> None:
    [row] = filled.events(article_id="q2")
    assert row["reporter"]["country"] == "IRN"
    assert row["sources"][0]["name"] == "Islamic State of Iraq and the Levant"
    assert row["targets"][0]["country"] == "IRQ"


def test_invalid_filters_raise_config_error(filled: Store) -> None:
    with pytest.raises(ConfigError):
        filled.events(actor="  ")
    with pytest.raises(ConfigError):
        filled.events(start=date(2015, 1, 1), end=date(2014, 1, 1))
    with pytest.raises(ConfigError):
        filled.events(limit=-1)
    with pytest.raises(ConfigError, match="colour"):
        EventFilter.from_kwargs(colour="red")


def test_counts_and_stats(filled: Store) -> None:
    assert filled.counts() == {"articles": 2, "comments": 0, "events": 5, "runs": 1, "skipped": 0}
    stats = filled.stats()
    assert stats["counts"]["events"] == 5
    assert stats["by_plover_type"] == {"ASSAULT": 2, "CONSULT": 2, "THREATEN": 1}
    assert stats["by_modality"] == {"asserted": 4, "hypothetical": 1}
    assert stats["by_quad_class"] == {1: 2, 4: 2, 3: 1}
    assert stats["by_date_basis"]["none"] == 1
    assert stats["comment_events"] == 1
    assert stats["first_date"] == date(2014, 1, 1) and stats["last_date"] == date(2014, 12, 31)
    assert stats["event_actors"] == 11
