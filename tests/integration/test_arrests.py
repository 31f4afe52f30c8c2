"""Arrests, detentions and charges (CAMEO 173) in whole sentences, and what is not one.

Sentences written for this test (not from any corpus).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _arrests(events):
    return [e for e in events if e.cameo_code == "173" and e.modality == "asserted"]


def _police(event) -> bool:
    return any(a.sector == "COP" for a in event.sources)


@pytest.mark.parametrize(
    "text",
    [
        "The police rounded up 200 protesters in the capital on Monday.",
        "Two opposition leaders were picked up by the police from their homes.",
        "The three men were remanded in judicial custody until Friday.",
        "The suspects have been booked for murder and arson.",
        "Forty students were taken into custody outside the university.",
        "About a dozen smugglers were nabbed near the border last night.",
        "Six men were detected crossing the river and were arrested.",
        '"We have arrested five persons who broke the curfew," the officer said.',
    ],
)
def test_police_arrests_are_coded_with_the_police_as_agent(code_text, text):
    _, events = code_text(text)
    arrests = _arrests(events)
    assert arrests, [(e.trigger, e.cameo_code) for e in events]
    assert any(_police(e) for e in arrests)


@pytest.mark.parametrize(
    "text",
    [
        "The police commissioner took time to follow suit.",
        "Police held themselves back as the elders spoke to the crowd.",
        "The decision was taken at a meeting held at the home of a party leader.",
        "The unrest has been confined to a few districts in the north.",
        "The minister suffered a cardiac arrest last week.",
        "She booked a flight to Nairobi for Tuesday.",
        "The warehouse caught fire on Sunday night.",
        "Exports picked up in the second quarter.",
    ],
)
def test_other_senses_are_no_arrest(code_text, text):
    _, events = code_text(text)
    assert not [e for e in events if e.cameo_code == "173"]


def test_held_talks_stay_a_meeting(code_text):
    _, events = code_text("Iran held talks with the United States in Oman.")
    assert [e.cameo_root for e in events if e.trigger == "held"] == ["04"]


def test_an_arrest_named_before_another_event_is_one_of_its_own(code_text):
    _, events = code_text("After the arrests of the two suspects, the police promised more raids.")
    assert [e for e in _arrests(events) if e.trigger == "arrests" and _police(e)]


def test_the_phrase_holding_an_arrest_is_not_its_agent(code_text):
    _, events = code_text("The number of arrests in the state has crossed 3,000.")
    [arrest] = [e for e in events if e.trigger == "arrests"]
    assert _police(arrest)
    assert all(a.sector != "GOV" for a in arrest.sources)


@pytest.mark.parametrize(
    "text",
    [
        "The police burst tear gas shells to disperse the mob.",
        "Police made a lathi charge on the crowd outside the station.",
    ],
)
def test_tear_gas_and_lathi_charges_are_violent_repression(code_text, text):
    _, events = code_text(text)
    assert [e for e in events if e.cameo_code == "175" and _police(e)]
