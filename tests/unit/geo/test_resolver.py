"""Unit tests for bedfellows.geo.resolve: ranking candidates by population and context."""

from __future__ import annotations

import pytest

from bedfellows.geo import GeoEntry, Mention, PlaceResolver, distance_km, name_key, to_place


class FakeGazetteer:
    """A few hand-made places, so the ranking rules are tested apart from GeoNames."""

    def __init__(self, entries: list[GeoEntry], capitals: set[str] = frozenset()) -> None:
        self.entries = entries
        self.capitals = capitals

    def lookup(self, text: str) -> tuple[GeoEntry, ...]:
        found = [e for e in self.entries if name_key(e.name) == name_key(text)]
        return tuple(sorted(found, key=lambda e: -e.population))

    def is_capital(self, entry: GeoEntry) -> bool:
        # Only the first entry of a capital's name is the capital (the test's convention).
        return entry.name in self.capitals and entry is self.entries[0]

    def state(self, code: str) -> GeoEntry | None:
        return next((e for e in self.entries if e.kind == "admin1" and e.admin1 == code), None)


def city(name, country, admin1, lat, lon, pop):
    return GeoEntry(name, "city", country, admin1, lat, lon, pop)


BIG_RIVERTON = city("Riverton", "AAA", "01", 10.0, 10.0, 2_000_000)
SMALL_RIVERTON = city("Riverton", "USA", "MN", 46.0, -95.0, 12_000)
OTHER_RIVERTON = city("Riverton", "USA", "TX", 31.0, -97.0, 40_000)
LAKEVILLE = city("Lakeville", "USA", "MN", 46.3, -95.4, 8_000)
MINNESOTA = GeoEntry("Minnesota", "admin1", "USA", "MN", 45.7, -94.2, 5_000_000)
TEXAS = GeoEntry("Texas", "admin1", "USA", "TX", 31.0, -99.0, 25_000_000)
OAK_COUNTY_MN = GeoEntry("Oak County", "county", "USA", "MN", None, None, 0)
OAK_COUNTY_TX = GeoEntry("Oak County", "county", "USA", "TX", None, None, 0)
PORTVILLE = city("Portville", "BBB", "02", 0.0, 0.0, 900_000)
KINGSTON = city("Kingston", "BBB", "03", 1.0, 1.0, 400_000)

ENTRIES = [
    BIG_RIVERTON,
    SMALL_RIVERTON,
    OTHER_RIVERTON,
    LAKEVILLE,
    MINNESOTA,
    TEXAS,
    OAK_COUNTY_MN,
    OAK_COUNTY_TX,
    PORTVILLE,
    KINGSTON,
]


@pytest.fixture
def resolver() -> PlaceResolver:
    return PlaceResolver(FakeGazetteer(ENTRIES, capitals={"Kingston"}))


def test_population_decides_without_context(resolver):
    assert resolver.resolve("Riverton") is BIG_RIVERTON


def test_a_state_named_in_the_article_pulls_a_small_town(resolver):
    assert resolver.resolve("Riverton", ["Minnesota"]) is SMALL_RIVERTON
    assert resolver.resolve("Riverton", ["Texas"]) is OTHER_RIVERTON


def test_a_nearby_town_pulls_without_any_state(resolver):
    assert resolver.resolve("Riverton", ["Lakeville"]) is SMALL_RIVERTON


def test_a_state_written_after_the_name_wins(resolver):
    assert resolver.resolve(Mention("Riverton", state="TX"), ["Lakeville"]) is OTHER_RIVERTON


def test_a_bare_name_follows_the_same_name_with_its_state(resolver):
    out = resolver.resolve_all([Mention("Riverton", state="TX"), "Riverton"])
    assert out == [OTHER_RIVERTON, OTHER_RIVERTON]


def test_ambiguous_names_settle_on_one_state_together(resolver):
    out = resolver.resolve_all(["Oak County", "Riverton", "Lakeville"])
    assert out[1] is SMALL_RIVERTON
    assert out[0].admin1 == "MN"


def test_county_takes_the_mean_point_of_its_states_places(resolver):
    county, town, other = resolver.resolve_all(
        ["Oak County", "Riverton", "Lakeville", "Minnesota"]
    )[:3]
    assert county.kind == "county" and county.admin1 == "MN"
    assert county.latitude == pytest.approx((town.latitude + other.latitude) / 2)


def test_county_alone_takes_its_states_point(resolver):
    (county,) = resolver.resolve_all([Mention("Oak County", state="TX")])
    assert (county.latitude, county.longitude) == (TEXAS.latitude, TEXAS.longitude)


def test_a_national_capital_beats_a_bigger_namesake():
    capital = city("Harbor", "CCC", "01", 5.0, 5.0, 100_000)
    bigger = city("Harbor", "DDD", "01", 9.0, 9.0, 250_000)
    assert PlaceResolver(FakeGazetteer([capital, bigger], {"Harbor"})).resolve("Harbor") is capital
    assert PlaceResolver(FakeGazetteer([capital, bigger])).resolve("Harbor") is bigger


def test_unknown_name_resolves_to_none(resolver):
    assert resolver.resolve_all(["Nowhere", "Riverton"])[0] is None


def test_distance_km():
    assert distance_km(0, 0, 0, 0) == 0
    # London to Paris: about 344 km.
    assert distance_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(344, abs=5)
    # A quarter of the equator.
    assert distance_km(0, 0, 0, 90) == pytest.approx(10_007.5, abs=2)


def test_to_place_copies_the_entry_and_keeps_the_text():
    place = to_place(SMALL_RIVERTON, "RIVERTON", 5, 13)
    assert (place.text, place.start, place.end, place.name) == ("RIVERTON", 5, 13, "Riverton")
    assert (place.country, place.feature, place.admin1) == ("USA", "city", "MN")
    assert place.latitude == 46.0
    bare = to_place(None, "Atlantis", 0, 8)
    assert bare.name == "Atlantis" and bare.latitude is None and bare.country is None


# -- with the packaged gazetteer (GeoNames) ------------------------------------


@pytest.fixture(scope="module")
def real() -> PlaceResolver:
    return PlaceResolver()


def test_real_paris_follows_its_article(real):
    assert real.resolve("Paris").country == "FRA"
    texas = real.resolve("Paris", ["Texas", "Dallas"])
    assert (texas.country, texas.admin1) == ("USA", "TX")
    assert real.resolve(Mention("Springfield", state="IL")).admin1 == "IL"


def test_real_country_name_beats_a_city_known_by_it_as_an_alternate(real):
    # GeoNames lists "Iraq" among the alternate names of Arak, Iran.
    iraq = real.resolve("Iraq", ["Iran", "Tehran"])
    assert (iraq.kind, iraq.country) == ("country", "IRQ")


def test_real_georgia_is_a_state_or_a_country_by_context(real):
    assert real.resolve("Georgia", ["Atlanta", "Savannah"]).kind == "admin1"
    assert real.resolve("Georgia", ["Tbilisi", "Russia"]).country == "GEO"


def test_real_seats_of_power_are_no_places(real):
    assert real.resolve("Pentagon") is None


# -- article-level context: the dominant state, admin level, county points ------


class CountyGazetteer(FakeGazetteer):
    """FakeGazetteer that also finds a county under its bare name ("Cedar" → Cedar County)."""

    def lookup(self, text: str) -> tuple[GeoEntry, ...]:
        found = [
            e
            for e in self.entries
            if name_key(e.name) == name_key(text)
            or (e.kind == "county" and name_key(e.name) == name_key(text) + " county")
        ]
        return tuple(sorted(found, key=lambda e: -e.population))


def foreign_towns(n: int) -> list[GeoEntry]:
    return [city(f"Farplace{i}", "BBB", "09", 20.0 + i, 20.0, 50_000) for i in range(n)]


def test_names_abroad_do_not_dilute_the_articles_state():
    towns = foreign_towns(5)
    resolver = PlaceResolver(FakeGazetteer([*ENTRIES, *towns]))
    context = ["Minnesota", *(t.name for t in towns)]
    # A story about Minnesota that also names five towns abroad: still Minnesota's Riverton.
    assert resolver.resolve("Riverton", context) is SMALL_RIVERTON
    assert resolver.resolve("Riverton", [t.name for t in towns]) is BIG_RIVERTON


def test_the_state_most_us_names_point_to_wins():
    twin_mn = city("Twinton", "USA", "MN", 46.1, -95.1, 9_000)
    twin_tx = city("Twinton", "USA", "TX", 31.1, -97.1, 30_000)
    resolver = PlaceResolver(FakeGazetteer([*ENTRIES, twin_mn, twin_tx]))
    assert resolver.resolve("Twinton", ["Minnesota", "Lakeville", "Texas"]) is twin_mn
    assert resolver.resolve("Twinton", ["Texas"]) is twin_tx


CEDAR_TOWN = city("Cedar", "USA", "MN", 46.2, -95.2, 10_000)
CEDAR_COUNTY = GeoEntry("Cedar County", "county", "USA", "MN", 46.4, -95.6, 15_000)
PINE_COUNTY = GeoEntry("Pine County", "county", "USA", "MN", 46.0, -95.0, 30_000)
ELM_COUNTY = GeoEntry("Elm County", "county", "USA", "MN", 46.5, -95.3, 20_000)


def test_a_bare_name_listed_with_counties_is_a_county():
    resolver = PlaceResolver(
        CountyGazetteer([*ENTRIES, CEDAR_TOWN, CEDAR_COUNTY, PINE_COUNTY, ELM_COUNTY])
    )
    assert resolver.resolve("Cedar", ["Pine County", "Elm County"]) is CEDAR_COUNTY
    # Listed with towns, the same name is the town.
    assert resolver.resolve("Cedar", ["Lakeville", "Riverton"]) is CEDAR_TOWN


def test_a_county_with_a_point_keeps_it():
    resolver = PlaceResolver(CountyGazetteer([*ENTRIES, PINE_COUNTY]))
    county, _ = resolver.resolve_all(["Pine County", "Lakeville"])
    assert (county.latitude, county.longitude) == (PINE_COUNTY.latitude, PINE_COUNTY.longitude)


def test_a_county_point_pulls_a_nearby_town():
    # No state is named: only the county's point says which Riverton is meant.
    resolver = PlaceResolver(CountyGazetteer([*ENTRIES, PINE_COUNTY]))
    assert resolver.resolve("Riverton", ["Pine County"]) is SMALL_RIVERTON


def test_real_bare_county_names_listed_together(real):
    # Three bare names that are all counties of one state, as in a list of counties.
    picks = real.resolve_all(["Otter Tail", "Wilkin", "Clay", "Becker", "Minnesota"])
    assert [p.kind for p in picks[:4]] == ["county"] * 4
    assert {p.admin1 for p in picks[:4]} == {"MN"}


class AliasGazetteer(FakeGazetteer):
    """FakeGazetteer with extra names: alias → entries."""

    def __init__(self, entries, aliases) -> None:
        super().__init__(entries)
        self.aliases = aliases

    def lookup(self, text: str) -> tuple[GeoEntry, ...]:
        found = list(super().lookup(text)) + list(self.aliases.get(name_key(text), ()))
        return tuple(sorted(found, key=lambda e: -e.population))


def test_a_country_under_an_alias_yields_to_a_region_of_that_name():
    union = GeoEntry("United Realm", "country", "URM", None, 54.0, -3.0, 60_000_000)
    northland = GeoEntry("Northland", "admin1", "URM", "NL", 57.0, -4.0, 5_000_000)
    resolver = PlaceResolver(AliasGazetteer([union, northland], {"northland": [union]}))
    assert resolver.resolve("Northland") is northland
    # Without a region of that name, the alias still finds the country.
    alone = PlaceResolver(AliasGazetteer([union], {"northland": [union]}))
    assert alone.resolve("Northland") is union


def test_a_demonym_keeps_its_country_against_a_small_namesake():
    freedonia = GeoEntry("Freedonia", "country", "FRD", None, 10.0, 60.0, 30_000_000)
    town = city("Freedonian", "USA", "TX", 35.9, -100.4, 3_000)
    gaz = AliasGazetteer([*ENTRIES, freedonia, town], {"freedonian": [freedonia]})
    # A story about Minnesota that mentions "Freedonian" workers: the people, not the Texas town.
    assert PlaceResolver(gaz).resolve("Freedonian", ["Minnesota", "Lakeville"]) is freedonia


def test_a_country_near_the_articles_towns_beats_a_distant_namesake_region():
    state = GeoEntry("Colchis", "admin1", "USA", "CL", 32.7, -83.5, 4_800_000)
    country = GeoEntry("Colchis", "country", "CLX", None, 42.0, 43.5, 3_700_000)
    port = city("Dagport", "RUS", "17", 43.0, 47.5, 600_000)
    resolver = PlaceResolver(FakeGazetteer([state, country, port, *ENTRIES]))
    assert resolver.resolve("Colchis") is state  # the bigger one, without context
    assert resolver.resolve("Colchis", ["Dagport"]) is country  # ~340 km from the port
    assert resolver.resolve("Colchis", ["Lakeville"]) is state
