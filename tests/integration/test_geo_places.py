"""find_places over parsed text, and event places with coordinates (loads the spaCy model).

The sentences are the project's own, written for these tests.
"""

from __future__ import annotations

import pytest

from bedfellows.geo import distance_km, find_places

pytestmark = pytest.mark.slow

# (text, expected toponyms as {text: (country ISO3, US state or None)})
CASES = [
    (
        "Police in Springfield, Ill., arrested two men after a chase that began in Chicago.",
        {"Springfield": ("USA", "IL"), "Ill.": ("USA", "IL"), "Chicago": ("USA", "IL")},
    ),
    (
        "The mayor of Paris, Texas, met county officials from Dallas and Tyler.",
        {
            "Paris": ("USA", "TX"),
            "Texas": ("USA", "TX"),
            "Dallas": ("USA", "TX"),
            "Tyler": ("USA", "TX"),
        },
    ),
    (
        "Fighters attacked Fallujah, west of Baghdad, while Sudanese troops entered Darfur.",
        {
            "Fallujah": ("IRQ", None),
            "Baghdad": ("IRQ", None),
            "Sudanese": ("SDN", None),
            "Darfur": (None, None),
        },
    ),
    (
        "Floods in Lagos forced thousands from their homes across Nigeria.",
        {"Lagos": ("NGA", None), "Nigeria": ("NGA", None)},
    ),
    (
        "She drove from Gainesville to Atlanta, Ga., and then on to Hall County in Georgia.",
        {
            "Gainesville": ("USA", "GA"),
            "Atlanta": ("USA", "GA"),
            "Ga.": ("USA", "GA"),
            "Hall County": ("USA", "GA"),
            "Georgia": ("USA", "GA"),
        },
    ),
    (
        "The storm moved from Oregon into Washington state before it reached Idaho.",
        {"Oregon": ("USA", "OR"), "Washington": ("USA", "WA"), "Idaho": ("USA", "ID")},
    ),
    (
        "Talks in Tbilisi on the future of Georgia ended without a deal with Russia.",
        {"Tbilisi": ("GEO", None), "Georgia": ("GEO", None), "Russia": ("RUS", None)},
    ),
    (
        "Clashes in Anbar province spread toward the Syrian border.",
        {"Anbar": ("IRQ", None), "Syrian": ("SYR", None)},
    ),
    (
        "Western diplomats left Kabul for Helmand on Monday.",
        {"Kabul": ("AFG", None), "Helmand": ("AFG", None)},
    ),
]


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline.nlp


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_find_places_finds_and_resolves_own_sentences(nlp, text, expected):
    places = find_places(nlp(text))
    found = {p.text: p for p in places}
    for name, (country, state) in expected.items():
        assert name in found, (name, sorted(found))
        place = found[name]
        assert place.country == country, (name, place)
        if state:
            assert place.admin1 == state, (name, place)
        if country:
            assert place.latitude is not None and place.longitude is not None
        assert text[place.start : place.end] == place.text


def test_find_places_recall_and_precision_on_own_sentences(nlp):
    gold = found = hits = 0
    for text, expected in CASES:
        names = {p.text for p in find_places(nlp(text))}
        gold += len(expected)
        found += len(names)
        hits += len(names & set(expected))
    assert hits / gold >= 0.9
    assert hits / found >= 0.9


def test_provinces_abroad_are_places_but_only_when_tagged(nlp):
    found = {p.text: p for p in find_places(nlp("Farmers from Ontario protested in Toronto."))}
    assert (found["Ontario"].feature, found["Ontario"].country) == ("admin1", "CAN")
    # "Central" is a region of several countries, but here it is just a word.
    names = {p.text for p in find_places(nlp("Central officials met in Kampala."))}
    assert names == {"Kampala"}


def test_offsets_are_shifted_into_the_article(nlp):
    text = "Protests spread to Basra."
    (basra,) = find_places(nlp(text), offset=100)
    assert (basra.start, basra.end) == (100 + text.index("Basra"), 100 + text.index("Basra") + 5)


def test_event_places_have_coordinates_and_country(code_text):
    _, events = code_text("Militants attacked a police station in Fallujah on Tuesday.")
    placed = [e.place for e in events if e.place is not None]
    assert placed, events
    fallujah = placed[0]
    assert fallujah.country == "IRQ"
    assert distance_km(fallujah.latitude, fallujah.longitude, 33.35, 43.78) < 30


def test_event_place_keeps_the_knowledge_base_country(code_text):
    _, events = code_text("Iran and Iraq signed a defence agreement in Tehran on Sunday.")
    places = [e.place for e in events if e.place is not None]
    assert places, events
    tehran = places[0]
    assert tehran.country == "IRN"
    assert distance_km(tehran.latitude, tehran.longitude, 35.7, 51.4) < 30
