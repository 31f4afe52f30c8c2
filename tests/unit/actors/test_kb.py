"""ActorKB: loading the packaged tables, lookups, surface forms, spells."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bedfellows.actors import ActorKB
from bedfellows.actors.kb import ActorEntry, AgentWord, PlaceAlias, Spell
from bedfellows.actors.normalize import cased_key_of, key_of
from bedfellows.data import data_path
from bedfellows.errors import ConfigError

ISIS_ALIASES = [
    "ISIS",
    "ISIL",
    "IS",
    "Islamic State",
    "the Islamic State",
    "Islamic State in Iraq and the Levant",
    "Islamic State of Iraq and Syria",
    "Daesh",
    "DAESH",
]


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_kb_load_is_cached_per_process() -> None:
    assert ActorKB.load() is ActorKB.load()


@pytest.mark.parametrize("alias", ISIS_ALIASES)
def test_kb_isis_aliases_name_one_actor(kb: ActorKB, alias: str) -> None:
    assert [e.actor_id for e in kb.lookup(alias)] == ["islamic_state"]


def test_kb_isis_is_one_group_with_the_phoenix_code(kb: ActorKB) -> None:
    entry = kb.get("islamic_state")
    assert entry.kind == "group"
    assert entry.cameo == "IMGMUSISI"
    assert entry.country is None


def test_kb_case_sensitive_alias_needs_its_capitals(kb: ActorKB) -> None:
    assert kb.lookup("is") == []
    assert kb.lookup("us") == []
    assert [e.actor_id for e in kb.lookup("US")] == ["USA"]


def test_kb_lookup_strips_the_possessive_and_punctuation(kb: ActorKB) -> None:
    assert [e.actor_id for e in kb.lookup("Iran's")] == ["IRN"]
    assert [e.actor_id for e in kb.lookup("(Tehran)")] == ["IRN"]


@pytest.mark.parametrize(
    ("alias", "iso3"),
    [
        ("iranian", "IRN"),
        ("iranians", "IRN"),
        ("Iraqi", "IRQ"),
        ("Iraqis", "IRQ"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("British", "GBR"),
        ("Chinese", "CHN"),
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("America", "USA"),
        ("United States of America", "USA"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("UK", "GBR"),
        ("Burma", "MMR"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("South Korea", "KOR"),
        ("Russia", "RUS"),
        ("Tehran", "IRN"),
        ("Baghdad", "IRQ"),
        ("Washington", "USA"),
        ("Moscow", "RUS"),
        ("Damascus", "SYR"),
        ("Beijing", "CHN"),
        ("the White House", "USA"),
        ("the Kremlin", "RUS"),
        ("Downing Street", "GBR"),
    ],
)
def test_kb_country_aliases(kb: ActorKB, alias: str, iso3: str) -> None:
    assert kb.lookup(alias)[-1].actor_id == iso3


def test_kb_get_unknown_id_raises_key_error(kb: ActorKB) -> None:
    with pytest.raises(KeyError):
        kb.get("no_such_actor_xyz")


def test_kb_surface_forms_cover_every_kind(kb: ActorKB) -> None:
    forms = set(kb.surface_forms())
    for expected in [
        ("ISIS", "islamic_state", "ORG"),
        ("Barack Obama", "barack_obama", "PERSON"),
        ("Pentagon", "USA", "FAC"),
        ("Iranian", "IRN", "NORP"),
        ("Tehran", "IRN", "GPE"),
        ("Iran", "IRN", "GPE"),
        ("NATO", "nato", "ORG"),
    ]:
        assert expected in forms
    assert {label for _, _, label in forms} <= {"GPE", "ORG", "NORP", "PERSON", "FAC"}


def test_kb_surface_patterns_mark_case_sensitive_aliases(kb: ActorKB) -> None:
    flags = {(f.text, f.actor_id): f.case_sensitive for f in kb.surface_patterns()}
    assert flags[("IS", "islamic_state")] is True
    assert flags[("Islamic State", "islamic_state")] is False


def test_kb_precomputed_alias_keys_match_the_normaliser() -> None:
    lines = data_path("actors_aliases.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        key, alias, _actor_id, _kind, _label, cs = line.split("\t")
        assert key == (cased_key_of(alias) if cs == "1" else key_of(alias)), line


def test_kb_curated_spell_dates_are_parsed(kb: ActorKB) -> None:
    trump = kb.get("donald_trump")
    open_spells = [s for s in trump.spells if s.is_open]
    assert [s.start for s in open_spells] == [date(2025, 1, 20)]
    assert all(s.end is None and not s.end_known for s in open_spells)


# --------------------------------------------------------------------------- a tiny KB


def _tiny_kb() -> ActorKB:
    """A hand-made KB with fictional actors (independent of the packaged data)."""
    arnor = ActorEntry("ARN", "Arnor", "country", ("Arnor",), "ARN", "ARN")
    king = ActorEntry(
        "aragorn",
        "Aragorn",
        "person",
        ("Aragorn", "Strider"),
        spells=(
            Spell("ARN", "REB", "ARNREB", None, date(3018, 12, 31), True, "curated"),
            Spell("ARN", "GOV", "ARNGOV", date(3019, 5, 1), None, False, "curated"),
            Spell("ARN", "ELI", "ARNELI", default=True, source="curated"),
        ),
    )
    return ActorKB(
        [king],
        [arnor],
        [("Arnorian", PlaceAlias("ARN", "demonym_sg", "Arnorian", label="NORP"))],
        [AgentWord("ranger", "REB", "REB")],
        ["ranger"],
    )


def test_kb_spell_at_picks_the_covering_spell() -> None:
    king = _tiny_kb().get("aragorn")
    spell, why = king.spell_at(date(3019, 6, 1))
    assert spell is not None and spell.sector == "GOV"
    assert "covers" in why


def test_kb_spell_at_falls_back_to_the_default_role() -> None:
    king = _tiny_kb().get("aragorn")
    spell, why = king.spell_at(date(3019, 2, 1))
    assert spell is not None and spell.default and spell.sector == "ELI"
    assert "default" in why


def test_kb_spell_at_without_date_uses_the_open_spell() -> None:
    king = _tiny_kb().get("aragorn")
    spell, why = king.spell_at(None)
    assert spell is not None and spell.sector == "GOV"
    assert "unknown end" in why


def test_kb_tiny_kb_lookup() -> None:
    kb = _tiny_kb()
    assert [e.actor_id for e in kb.lookup("strider")] == ["aragorn"]
    assert [e.actor_id for e in kb.lookup("Arnorian")] == ["ARN"]


def test_kb_load_extra_adds_user_actors(tmp_path: Path) -> None:
    extra = tmp_path / "mine.jsonl"
    record = {
        "actor_id": "frodo_test",
        "name": "Frodo Baggins",
        "kind": "person",
        "aliases": ["Frodo Baggins"],
        "spells": [{"country": "IRQ", "sector": "CVL", "cameo": "IRQCVL", "start": "2014-01-01"}],
    }
    extra.write_text(json.dumps(record) + "\n", encoding="utf-8")
    kb = ActorKB.load(extra)
    assert [e.actor_id for e in kb.lookup("Frodo Baggins")] == ["frodo_test"]
    assert kb is not ActorKB.load()
    assert "frodo_test" not in ActorKB.load()


def test_kb_load_extra_bad_record_names_file_and_line(tmp_path: Path) -> None:
    extra = tmp_path / "bad.jsonl"
    extra.write_text('{"actor_id": "x", "name": "X"}\n{"actor_id": \n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.jsonl:2"):
        ActorKB.load(extra)


@pytest.mark.parametrize(
    ("phrase", "plover"),
    [
        ("minister", "GOV"),
        ("defence minister", "GOV"),
        ("defense minister", "GOV"),
        ("foreign minister", "GOV"),
        ("president", "GOV"),
        ("prime minister", "GOV"),
        ("government", "GOV"),
        ("regime", "GOV"),
        ("administration", "GOV"),
        ("officials", "GOV"),
        ("security forces", "MIL"),
        ("police", "COP"),
        ("army", "MIL"),
        ("military", "MIL"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("navy", "MIL"),
        ("fleet", "MIL"),
        ("air force", "MIL"),
        ("revolutionary guards", "MIL"),
        ("rebels", "REB"),
        ("insurgents", "REB"),
        ("militants", "REB"),
        ("protesters", "CVL"),
        ("demonstrators", "CVL"),
        ("opposition", "OPP"),
        ("advisor", "GOV"),
        ("adviser", "GOV"),
        ("analyst", "CVL"),
        ("analysts", "CVL"),
        ("media", "JRN"),
        ("news agency", "JRN"),
        ("journalists", "JRN"),
        ("court", "JUD"),
        ("judge", "JUD"),
        ("parliament", "LEG"),
        ("lawmakers", "LEG"),
        ("diplomats", "GOV"),
        ("ambassador", "GOV"),
        ("spokesman", "GOV"),
        ("businessmen", "BUS"),
        ("students", "EDU"),
        ("refugees", "REF"),
    ],
)
def test_kb_agent_words_cover_news_descriptors(kb: ActorKB, phrase: str, plover: str) -> None:
    agent = kb.match_agent(key_of(phrase))
    assert agent is not None, phrase
    assert agent.plover == plover


def test_kb_defence_minister_is_gov_with_secondary_mil(kb: ActorKB) -> None:
    agent = kb.match_agent("defense minister")
    assert agent is not None
    assert (agent.cameo, agent.plover, agent.other) == ("GOVMIL", "GOV", "MIL")
