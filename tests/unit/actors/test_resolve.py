"""resolve_phrase: noun phrase + date → actor, country, sector, CAMEO code."""

from __future__ import annotations

from datetime import date

import pytest

from bedfellows.actors import ActorKB, Resolution, resolve_phrase
from bedfellows.schema import ActorRef

JUNE_2014 = date(2014, 6, 16)  # the 2014 seed article's week
JULY_2017 = date(2017, 7, 30)  # the 2017 seed article's week


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def resolve(kb: ActorKB, text: str, when: date | None = None) -> Resolution | None:
    return resolve_phrase(text.split(), when, kb=kb)


@pytest.mark.parametrize(
    "text",
    ["ISIS", "ISIL", "IS", "Daesh", "the Islamic State", "Islamic State of Iraq and the Levant"],
)
def test_resolve_isis_aliases_are_one_actor(kb: ActorKB, text: str) -> None:
    result = resolve(kb, text)
    assert result is not None
    assert result.actor_id == "islamic_state"
    assert result.kind == "group"
    assert result.cameo == "IMGMUSISI"


def test_resolve_lowercase_is_is_not_isis(kb: ActorKB) -> None:
    assert resolve(kb, "is") is None


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Iranian", "IRN"),
        ("Iranians", "IRN"),
        ("Iraqi", "IRQ"),
        ("Iraqis", "IRQ"),
        ("Americans", "USA"),
        ("British", "GBR"),
        ("Chinese", "CHN"),
    ],
)
def test_resolve_demonyms_singular_and_plural(kb: ActorKB, text: str, iso3: str) -> None:
    result = resolve(kb, text)
    assert result is not None
    assert (result.kind, result.country, result.actor_id) == ("country", iso3, iso3)


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("Tehran", "IRN"), ("Baghdad", "IRQ"), ("Washington", "USA"), ("Moscow", "RUS"),
     ("Damascus", "SYR"), ("Beijing", "CHN")],
)  # fmt: skip
def test_resolve_capitals_are_the_government(kb: ActorKB, text: str, iso3: str) -> None:
    result = resolve(kb, text)
    assert result is not None
    assert (result.country, result.sector, result.cameo) == (iso3, "GOV", iso3 + "GOV")


@pytest.mark.parametrize(
    ("text", "iso3", "sector"),
    [
        ("the Pentagon", "USA", "MIL"),
        ("the White House", "USA", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("State Department", "USA", "GOV"),
    ],
)
def test_resolve_seats_of_power(kb: ActorKB, text: str, iso3: str, sector: str) -> None:
    result = resolve(kb, text)
    assert result is not None
    assert (result.country, result.sector) == (iso3, sector)


def test_resolve_obama_in_office_in_2014(kb: ActorKB) -> None:
    result = resolve(kb, "President Obama", JUNE_2014)
    assert result is not None
    assert (result.actor_id, result.cameo) == ("barack_obama", "USAGOV")
    assert result.spell is not None and result.spell.start == date(2009, 1, 20)


def test_resolve_obama_former_in_2017(kb: ActorKB) -> None:
    result = resolve(kb, "Barack Obama", JULY_2017)
    assert result is not None
    assert (result.actor_id, result.sector, result.cameo) == ("barack_obama", "ELI", "USAELI")


def test_resolve_maliki_prime_minister_in_2014(kb: ActorKB) -> None:
    result = resolve_phrase(["Nouri", "al", "-", "Maliki"], JUNE_2014, kb=kb)
    assert result is not None
    assert (result.actor_id, result.cameo) == ("nouri_al_maliki", "IRQGOV")


def test_resolve_trump_in_office_in_2017(kb: ActorKB) -> None:
    result = resolve(kb, "Trump", JULY_2017)
    assert result is not None
    assert (result.actor_id, result.cameo) == ("donald_trump", "USAGOV")


def test_resolve_trump_between_terms_is_eli(kb: ActorKB) -> None:
    result = resolve(kb, "Donald Trump", date(2022, 6, 1))
    assert result is not None
    assert result.sector == "ELI"


def test_resolve_lowercase_trump_is_a_word(kb: ActorKB) -> None:
    assert resolve(kb, "trump", JULY_2017) is None


def test_resolve_no_date_uses_open_spell_and_says_so(kb: ActorKB) -> None:
    result = resolve(kb, "Donald Trump")
    assert result is not None
    assert result.sector == "GOV"
    assert "no date" in result.why


def test_resolve_iraqi_defense_minister_hiyali(kb: ActorKB) -> None:
    result = resolve(kb, "Iraqi Defense Minister Erfan al-Hiyali", JULY_2017)
    assert result is not None
    assert result.actor_id == "erfan_al_hiyali"
    assert result.country == "IRQ"
    # Documented choice: defence ministers are GOV with secondary MIL.
    assert (result.sector, result.other_sectors) == ("GOV", ("MIL",))


def test_resolve_descriptors_fill_in_before_a_known_spell(kb: ActorKB) -> None:
    result = resolve(kb, "Iraqi Defense Minister Erfan al-Hiyali", date(2016, 6, 1))
    assert result is not None
    assert (result.actor_id, result.country, result.sector) == ("erfan_al_hiyali", "IRQ", "GOV")
    assert "defense minister" in result.why


def test_resolve_iranian_defense_minister_dehghan(kb: ActorKB) -> None:
    result = resolve(kb, "Iranian Defense Minister Hossein Dehghan", JUNE_2014)
    assert result is not None
    assert (result.actor_id, result.country, result.sector) == ("hossein_dehghan", "IRN", "GOV")


def test_resolve_obama_administration_is_the_us_government(kb: ActorKB) -> None:
    for when in (JUNE_2014, JULY_2017, None):
        result = resolve(kb, "the Obama administration", when)
        assert result is not None
        assert (result.kind, result.country, result.sector, result.cameo) == (
            "country",
            "USA",
            "GOV",
            "USAGOV",
        )


def test_resolve_iraqi_security_forces(kb: ActorKB) -> None:
    result = resolve(kb, "Iraqi security forces")
    assert result is not None
    # Documented choice: "security forces" are MIL with secondary COP.
    assert (result.country, result.sector, result.other_sectors) == ("IRQ", "MIL", ("COP",))


def test_resolve_unknown_person_with_descriptor(kb: ActorKB) -> None:
    words = ["Sarah", "Allawi", ",", "advisor", "to", "the", "Iraqi", "vice", "president"]
    result = resolve_phrase(words, JULY_2017, kb=kb)
    assert result is not None
    assert result.actor_id is None
    assert (result.kind, result.name) == ("person", "Sarah Allawi")
    assert (result.country, result.sector) == ("IRQ", "GOV")


@pytest.mark.parametrize("text", ["John Smith", "Sarah Allawi", "Mr. Smith"])
def test_resolve_unknown_person_without_descriptor_is_none(kb: ActorKB, text: str) -> None:
    assert resolve(kb, text, JULY_2017) is None


def test_resolve_name_guard_keeps_longer_names_apart(kb: ActorKB) -> None:
    result = resolve(kb, "Supreme National Security Council")
    assert result is None or result.actor_id != "un_security_council"


def test_resolve_group_behind_a_spokesman(kb: ActorKB) -> None:
    result = resolve(kb, "a spokesman for Hezbollah")
    assert result is not None
    assert (result.actor_id, result.country) == ("hezbollah", "LBN")


def test_resolve_former_forces_eli(kb: ActorKB) -> None:
    result = resolve(kb, "former Iraqi Prime Minister Nouri al-Maliki", date(2012, 1, 1))
    assert result is not None
    assert result.sector == "ELI"


def test_resolve_sector_word_without_country(kb: ActorKB) -> None:
    result = resolve(kb, "the police")
    assert result is not None
    assert (result.kind, result.country, result.sector) == ("unknown", None, "COP")


def test_resolve_nothing_known_is_none(kb: ActorKB) -> None:
    assert resolve(kb, "the weather") is None
    assert resolve_phrase([], None, kb=kb) is None


def test_resolve_to_ref_builds_an_actor_ref(kb: ActorKB) -> None:
    result = resolve(kb, "Iraqi security forces")
    assert result is not None
    ref = result.to_ref("Iraqi security forces", 10, 31)
    assert isinstance(ref, ActorRef)
    assert (ref.start, ref.end, ref.country, ref.sector, ref.cameo, ref.kind) == (
        10,
        31,
        "IRQ",
        "MIL",
        "IRQMIL",
        "country",
    )


def test_resolve_title_and_surname_finds_the_office_holder(kb: ActorKB) -> None:
    # The dictionaries list "Levy Mwanawasa" only, never the bare surname.
    assert resolve(kb, "Mwanawasa", date(2006, 3, 1)) is None
    result = resolve(kb, "President Mwanawasa", date(2006, 3, 1))
    assert (result.actor_id, result.country, result.sector) == ("levy_mwanawasa", "ZMB", "GOV")
    assert "title and surname" in result.why


def test_resolve_title_and_surname_needs_a_fitting_office(kb: ActorKB) -> None:
    # A general is not a president: no person is guessed from the surname.
    result = resolve(kb, "Judge Mwanawasa", date(2006, 3, 1))
    assert result is None or result.actor_id != "levy_mwanawasa"


def test_resolve_person_of_another_country_is_not_taken(kb: ActorKB) -> None:
    result = resolve(kb, "King Hassan of Morocco")
    assert result.country == "MAR"
    assert result.actor_id != "hassan"


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("Bosnian Serbs", "BIH"), ("the Emirates", "ARE"), ("PRC", "CHN"), ("Fatah", "PSE")],
)
def test_resolve_curated_names(kb: ActorKB, text: str, iso3: str) -> None:
    assert resolve(kb, text).country == iso3


@pytest.mark.parametrize(
    "text", ["pro-Russia rebels", "anti-American protesters", "pro-Hamas militants"]
)
def test_resolve_a_stance_is_not_membership(kb: ActorKB, text: str) -> None:
    result = resolve(kb, text.replace("-", " - "))
    assert result is not None and result.country is None and result.actor_id is None


@pytest.mark.parametrize(
    "text", ["ethnic Albanians", "three ethnic Turks", "Ethnic Russian villagers"]
)
def test_resolve_an_ethnic_group_is_civilians_of_no_country(kb: ActorKB, text: str) -> None:
    result = resolve(kb, text)
    assert result is not None and result.country is None
    assert result.sector == "CVL"


def test_resolve_an_ethnic_group_still_takes_a_country_named_with_it(kb: ActorKB) -> None:
    assert resolve(kb, "ethnic Russians in Ukraine").country == "UKR"


def test_resolve_northern_ireland_is_the_united_kingdom(kb: ActorKB) -> None:
    result = resolve(kb, "loyalist paramilitaries in Northern Ireland")
    assert result is not None and result.country == "GBR"


@pytest.mark.parametrize(
    ("text", "cameo"), [("UN Secretary-General", "IGOUNO"), ("NATO Secretary General", "IGOWSTNAT")]
)
def test_resolve_an_igos_secretary_general(kb: ActorKB, text: str, cameo: str) -> None:
    result = resolve(kb, text)
    assert result is not None and (result.cameo, result.sector) == (cameo, "GOV")


def test_resolve_undated_person_by_the_organisation_the_phrase_names(kb: ActorKB) -> None:
    bare = resolve(kb, "Kofi Annan")
    assert bare is not None and bare.cameo == "ELI"  # no date, no office named
    titled = resolve(kb, "U.N. Secretary-General Kofi Annan")
    assert titled is not None and titled.cameo == "IGOUNO"
    assert "organisation in the phrase" in titled.why


def test_resolve_congolese_is_the_drc_as_petrarch_codes_it(kb: ActorKB) -> None:
    result = resolve(kb, "Congolese soldiers")
    assert result is not None and (result.country, result.sector) == ("COD", "MIL")


def test_resolve_a_bracketed_aside_inside_a_name_is_skipped(kb: ActorKB) -> None:
    result = resolve(kb, "the Baath (Renaissance) party")
    assert result is not None and result.sector == "PTY" and result.kind != "person"
    glossed = resolve(kb, "Palestine Liberation Organization (PLO)")
    assert glossed is not None and glossed.country == "PSE"


def test_resolve_former_title_and_surname_finds_a_past_office_holder(kb: ActorKB) -> None:
    # The dictionaries list "Raul Alfonsin" (president 1983-1989), never the surname.
    later = resolve(kb, "former President Alfonsin", date(1995, 1, 1))
    assert later is not None and later.actor_id == "raul_alfonsin"
    assert (later.country, later.sector, later.cameo) == ("ARG", "ELI", "ARGELI")
    assert "ended by 1995-01-01" in later.why
    # In office at the date: the phrase is about someone else.
    during = resolve(kb, "former President Alfonsin", date(1985, 1, 1))
    assert during is None or during.actor_id != "raul_alfonsin"


def test_resolve_former_title_skips_a_middle_name(kb: ActorKB) -> None:
    # The dictionary's "Carlos Saul Menem"; the given name must still fit.
    result = resolve(kb, "former president Carlos Menem", date(2003, 5, 1))
    assert result is not None and (result.country, result.sector) == ("ARG", "ELI")
    other = resolve(kb, "former president Jorge Menem", date(2003, 5, 1))
    assert other is None or other.country is None


@pytest.mark.parametrize(
    "words",
    [
        ["Israel", "'s", "militia", "ally"],
        ["Iran", "'s", "proxies"],
        ["US", "allies"],
        ["Russia", "'s", "neighbours"],
    ],
)
def test_resolve_a_countrys_ally_is_not_that_country(kb: ActorKB, words: list[str]) -> None:
    result = resolve_phrase(words, None, kb=kb)
    assert result is None or result.country is None


def test_resolve_an_ally_takes_the_place_named_with_it(kb: ActorKB) -> None:
    result = resolve(kb, "the commander of Syria 's militia allies in northern Lebanon")
    assert result is not None and result.country == "LBN"


def test_resolve_a_demonym_before_allies_is_their_nationality(kb: ActorKB) -> None:
    assert resolve(kb, "Iraqi allies").country == "IRQ"
    assert resolve(kb, "Iran 's foreign minister").country == "IRN"


@pytest.mark.parametrize(("text", "sector"), [("a militia group", "UAF"), ("the group", "UNK")])
def test_resolve_group_yields_to_the_word_that_says_what_kind(
    kb: ActorKB, text: str, sector: str
) -> None:
    result = resolve(kb, text)
    assert result is not None and result.sector == sector


@pytest.mark.parametrize(
    ("text", "sector"),
    [("ICE", "COP"), ("CBP", "COP"), ("the Department of Homeland Security", "GOV")],
)
def test_resolve_us_agencies_named_by_acronym(kb: ActorKB, text: str, sector: str) -> None:
    result = resolve(kb, text)
    assert result is not None and (result.country, result.sector) == ("USA", sector)


def test_resolve_an_acronym_alias_is_case_sensitive(kb: ActorKB) -> None:
    assert resolve(kb, "thick ice") is None


@pytest.mark.parametrize(
    ("text", "cameo"),
    [("the World Food Programme", "IGOUNOWFP"), ("the Group of Eight", "IGOGOE")],
)
def test_resolve_a_name_of_common_words_in_capitals(kb: ActorKB, text: str, cameo: str) -> None:
    result = resolve(kb, text)
    assert result is not None and result.cameo == cameo


def test_resolve_common_words_in_lower_case_name_nobody(kb: ActorKB) -> None:
    assert resolve(kb, "the world food programme") is None
    result = resolve(kb, "Group of eight")
    assert result is None or result.cameo != "IGOGOE"
