"""Modality, first version: negated and hypothetical events are never plain facts.

Sentences written for this test (not from any corpus). Each must yield an event
on the named trigger word, involving the named country, with the expected modality.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

CASES = [
    # (sentence, trigger word, a party, modality)
    ("Germany signed a trade agreement with Brazil on Monday.", "signed", "DEU", "asserted"),
    ("Japan sent troops to help Australia after the storm.", "sent", "JPN", "asserted"),
    ("Kenya accused Uganda of violating the border deal.", "accused", "KEN", "asserted"),
    ("Norway was attacked by Russia last year, the report claimed.", "attacked", "RUS", "asserted"),
    ("Canada did not sign the agreement with Mexico.", "sign", "CAN", "negated"),
    ("France refused to send troops to Mali.", "send", "FRA", "negated"),
    (
        "Officials said there will be no military coordination between Spain and Morocco.",
        "coordination",
        "ESP",
        "negated",
    ),
    ("Chile never threatened Peru, the minister insisted.", "threatened", "CHL", "negated"),
    ("India has not accused Nepal of anything.", "accused", "IND", "negated"),
    ("Italy could be considering talks with Libya on migration.", "talks", "ITA", "hypothetical"),
    (
        "Egypt might consider a partnership with Sudan to manage the river.",
        "partnership",
        "EGY",
        "hypothetical",
    ),
    ("Poland may send weapons to Ukraine if the fighting resumes.", "send", "POL", "hypothetical"),
    ("Analysts say Turkey could sign a deal with Greece this year.", "deal", "TUR", "hypothetical"),
    (
        "Vietnam is weighing military cooperation with the Philippines.",
        "cooperation",
        "VNM",
        "hypothetical",
    ),
    ("Sweden will send aid to Somalia next month.", "send", "SWE", "intended"),
    ("Argentina plans to sign an agreement with Uruguay.", "sign", "ARG", "intended"),
    ("Ghana pledged to cooperate with Nigeria against piracy.", "cooperate", "GHA", "intended"),
    ("Peru agreed to send troops to Bolivia.", "send", "PER", "intended"),
    ("Qatar threatened to cut gas supplies to Bahrain.", "cut", "QAT", "hypothetical"),
    ("Mali threatened Niger and cut its electricity supplies to Niamey.", "cut", "MLI", "asserted"),
    (
        "Cooperation between Chad and Sudan is something few diplomats expect.",
        "Cooperation",
        "TCD",
        "hypothetical",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "party", "expected"), CASES)
def test_modality_of_the_event_on_the_trigger(code_text, text, trigger, party, expected):
    _, events = code_text(text)
    found = [e for e in events if e.trigger == trigger]
    assert found, (
        f"no event on {trigger!r} in {text!r}: {[(e.trigger, e.cameo_code) for e in events]}"
    )
    assert any(party in {x.country for x in (*e.sources, *e.targets)} for e in found)
    assert {e.modality for e in found} == {expected}, [(e.trigger, e.modality) for e in found]
