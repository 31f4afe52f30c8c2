"""Unit tests for bedfellows.geo.gazetteer: names → candidate places (no spaCy model)."""

from __future__ import annotations

import pytest

from bedfellows.errors import ConfigError
from bedfellows.geo import STATE_ABBREVIATIONS, Gazetteer, default_gazetteer, distance_km, name_key


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("St. Mary's River", "saint marys river"),
        ("Ste. Genevieve", "sainte genevieve"),
        ("Mt. Vernon", "mount vernon"),
        ("The Hague", "hague"),
        ("Sāmarrā’", "samarra"),
        ("Winston-Salem", "winston salem"),
        ("MANSFIELD", "mansfield"),
        ("Stuttgart", "stuttgart"),  # "st" inside a word is no abbreviation
    ],
)
def test_name_key(text, key):
    assert name_key(text) == key


def test_bad_population_threshold_is_a_config_error():
    with pytest.raises(ConfigError, match="min_population"):
        Gazetteer(min_population=500)


def test_population_threshold_drops_small_places(gaz):
    small = [e for e in gaz.lookup("Mahnomen") if e.kind == "city"]
    assert small and all(1000 <= e.population < 5000 for e in small)
    assert not [e for e in Gazetteer(min_population=5000).lookup("Mahnomen") if e.kind == "city"]


def test_bare_county_names_find_the_county(gaz):
    found = {(e.kind, e.admin1) for e in gaz.lookup("Kanawha")}
    assert ("county", "WV") in found


def test_city_by_alternate_name_has_point_and_country(gaz):
    (fallujah, *_) = gaz.lookup("Fallujah")
    assert fallujah.kind == "city" and fallujah.country == "IRQ"
    assert 33.0 < fallujah.latitude < 34.0 and 43.0 < fallujah.longitude < 44.5


def test_demonyms_and_aliases_name_countries(gaz):
    for text, iso3 in (("Sudanese", "SDN"), ("Russians", "RUS"), ("U.S.", "USA"), ("UK", "GBR")):
        kinds = {(e.kind, e.country) for e in gaz.lookup(text)}
        assert ("country", iso3) in kinds, text
    sudan = gaz.country("SDN")
    assert sudan is not None and sudan.latitude is not None


def test_state_abbreviations_and_codes(gaz):
    (illinois,) = gaz.lookup("Ill.")
    assert (illinois.kind, illinois.admin1, illinois.name) == ("admin1", "IL", "Illinois")
    assert gaz.state_code("Calif.") == "CA"
    assert gaz.state_code("TX") == "TX"
    assert gaz.state_code("Texas") == "TX"
    assert gaz.state_code("tx") is None  # postal codes only in capitals
    assert gaz.state_code("Paris") is None
    assert len(set(STATE_ABBREVIATIONS.values())) >= 40


def test_every_state_has_a_point_inside_the_us(gaz):
    for code in set(STATE_ABBREVIATIONS.values()) - {"DC"}:
        state = gaz.state(code)
        assert state is not None, code
        assert 18 < state.latitude < 72 and -180 < state.longitude < -65, code


def test_ambiguous_names_list_every_candidate_most_populous_first(gaz):
    paris = gaz.lookup("Paris")
    assert paris[0].country == "FRA"
    assert any(e.country == "USA" and e.admin1 == "TX" for e in paris)
    pops = [e.population for e in paris]
    assert pops == sorted(pops, reverse=True)
    kinds = {e.kind for e in gaz.lookup("Georgia")}
    assert {"country", "admin1"} <= kinds


def test_counties_have_state_point_and_population(gaz):
    (kanawha,) = gaz.lookup("Kanawha County")
    assert (kanawha.kind, kanawha.admin1) == ("county", "WV")
    # Inside West Virginia, near Charleston (its seat), not at the state's point.
    (charleston, *_) = [e for e in gaz.lookup("Charleston") if e.admin1 == "WV"]
    assert distance_km(kanawha.latitude, kanawha.longitude, 38.35, -81.63) < 40
    assert kanawha.population >= charleston.population


def test_same_named_counties_have_their_own_points(gaz):
    douglas = [e for e in gaz.lookup("Douglas County") if e.admin1 in ("MN", "GA")]
    assert len(douglas) == 2
    (a, b) = douglas
    assert distance_km(a.latitude, a.longitude, b.latitude, b.longitude) > 1000


def test_provinces_abroad_are_found_by_name_and_alias(gaz):
    (anbar, *_) = [e for e in gaz.lookup("Anbar") if e.kind == "admin1"]
    assert (anbar.country, anbar.admin1) == ("IRQ", "01")
    assert distance_km(anbar.latitude, anbar.longitude, 33.4, 42.0) < 250
    assert gaz.lookup("Ontario")[0].country == "CAN"  # the province outranks the US town
    assert any(e.kind == "admin1" for e in gaz.lookup("Bavaria"))  # an English alias


def test_a_province_yields_its_name_to_a_city_inside_it(gaz):
    assert [e.kind for e in gaz.lookup("Basra")][0] == "city"
    assert not any(e.kind == "admin1" and e.country == "IRQ" for e in gaz.lookup("Basra"))
    # Only US states answer to state_code: "Ontario" is no US state.
    assert gaz.state_code("Ontario") is None


def test_the_united_states_point_is_in_central_kansas(gaz):
    usa = gaz.country("USA")
    kansas = gaz.state("KS")
    assert distance_km(usa.latitude, usa.longitude, kansas.latitude, kansas.longitude) < 200


def test_capitals_are_known(gaz):
    (baghdad, *_) = gaz.lookup("Baghdad")
    assert gaz.is_capital(baghdad)
    (basra, *_) = gaz.lookup("Basra")
    assert not gaz.is_capital(basra)


def test_unknown_names_have_no_candidates(gaz):
    assert gaz.lookup("Xqzzyville") == ()
    assert gaz.lookup("") == ()
