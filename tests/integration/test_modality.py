"""Modality, first version: negated and hypothetical events are never plain facts.

Sentences written for this test (not from any corpus). Each must yield an event
on the named trigger word, involving the named country, with the expected modality.
"""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.slow

PUB = date(2020, 6, 15)

CASES = [
    # (sentence, trigger word, a party, modality)
    ("Germany signed a trade agreement with Brazil on Monday.", "signed", "DEU", "asserted"),
    ("Japan sent troops to help Australia after the storm.", "sent", "JPN", "asserted"),
    ("Kenya accused Uganda of violating the border deal.", "accused", "KEN", "asserted"),
    ("Norway was attacked by Russia last year, the report claimed.", "attacked", "RUS", "asserted"),
    (
        # "attack" continues the infinitive under "whether", though tagged finite.
        "Analysts wonder whether Chile wants to keep its word and attack Peru.",
        "attack",
        "CHL",
        "hypothetical",
    ),
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


# The auxiliary modes as fields: (sentence, publication date, trigger word, a
# party, modality, historical, claimant country or name or None). Written for
# this test, different from the sentences of benchmarks/cases/modality.tsv.
MODE_CASES = [
    ("Neither Egypt nor Jordan condemned Israel.", PUB, "condemned", "EGY", "negated", 0, None),
    ("Ghana has yet to sign the trade deal with Togo.", PUB, "deal", "GHA", "negated", 0, None),
    (
        "The Pentagon said there will be no military coordination with Iran.",
        PUB,
        "coordination",
        "IRN",
        "negated",
        0,
        "USA",
    ),
    (
        "Cambodia denied that its troops had attacked Thai soldiers.",
        PUB,
        "attacked",
        "THA",
        "negated",
        0,
        "KHM",
    ),
    (
        "It is possible that Japan will send troops to the Philippines.",
        PUB,
        "send",
        "JPN",
        "hypothetical",
        0,
        None,
    ),
    (
        "Argentina would protest if Britain sends warships to the islands.",
        PUB,
        "sends",
        "GBR",
        "hypothetical",
        0,
        None,
    ),
    ("Poland is set to sign a defence deal with Ukraine.", PUB, "deal", "POL", "intended", 0, None),
    (
        "The Danish foreign ministry said Denmark would send aid to Gaza.",
        PUB,
        "send",
        "DNK",
        "intended",
        0,
        "DNK",
    ),
    ("Morocco expelled Algerian diplomats in 1995.", PUB, "expelled", "MAR", "asserted", 1, None),
    ("Libya attacked Chad in the 1980s.", None, "attacked", "LBY", "asserted", 1, None),
    ("Mexico signed a deal with Peru in March.", PUB, "deal", "MEX", "asserted", 0, None),
    (
        "According to Reuters, Israeli jets struck a target in Syria.",
        PUB,
        "struck",
        "ISR",
        "asserted",
        0,
        "Reuters",
    ),
    (
        "Iraq invaded Iran in 1980, Iranian officials said.",
        PUB,
        "invaded",
        "IRQ",
        "asserted",
        1,
        "IRN",
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "trigger", "party", "modality", "historical", "claimant"), MODE_CASES
)
def test_every_mode_is_a_field(
    code_text, text, published, trigger, party, modality, historical, claimant
):
    _, events = code_text(text, published=published)
    found = [e for e in events if e.trigger == trigger]
    assert found, [(e.trigger, e.cameo_code) for e in events]
    assert any(party in {x.country for x in (*e.sources, *e.targets)} for e in found)
    ev = found[0]
    # A refusal is coded as an asserted REJECT of the act; every other negation stays negated.
    got = "negated" if ev.cameo_root == "12" else str(ev.modality)
    assert got == modality, (ev.modality, ev.cameo_code)
    assert ev.historical is bool(historical)
    assert ev.claimed is (claimant is not None)
    if claimant is not None:
        rep = ev.reported_by
        assert rep.country == claimant or claimant in rep.name, rep
