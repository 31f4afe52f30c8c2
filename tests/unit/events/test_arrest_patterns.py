"""Arrest, detention and charge readings (CAMEO 173) from the hand-written tables.

``verb_defaults.tsv`` rows with words are patterns tried before the CAMEO
dictionary's; ``noun_triggers.tsv`` may take an event away with ``---``.
Sentences are written for this test (not from any corpus).
"""

from __future__ import annotations

import pytest

from bedfellows.events.coder import _needs_detainee
from bedfellows.events.nouns import NounLexicon
from bedfellows.events.verbs import VerbLexicon, VerbPattern


@pytest.fixture(scope="module")
def lexicon() -> VerbLexicon:
    return VerbLexicon.load()


def _code(lexicon, lemma, after, before=()):
    pattern = lexicon.match(lemma, list(before), after.split())
    return pattern.code if pattern is not None else None


@pytest.mark.parametrize(
    ("lemma", "after", "before"),
    [
        ("remand", "in judicial custody till friday", ()),
        ("remand", "the two men to police custody", ()),
        ("book", "for murder and arson", ()),
        ("book", "under section 302 of the penal code", ()),
        ("book", "under the arms act", ()),
        ("book", "on charge of fraud", ()),
        ("pick", "up by the police from his home", ()),
        ("pick", "up five youth", ("the", "police")),
        ("round", "up 200 protester", ()),
        ("lock", "up the ringleader", ()),
        ("send", "to jail by the magistrate", ()),
        ("hold", "for questioning", ()),
        ("hold", "by police in the capital", ()),
        ("catch", "by the police while cross the border", ()),
        ("confine", "to prison for a year", ()),
        ("confine", "to their home", ()),
        ("nab", "", ()),
    ],
)
def test_arrest_readings(lexicon, lemma, after, before):
    assert _code(lexicon, lemma, after, before) == "173"


@pytest.mark.parametrize(
    ("lemma", "after"),
    [
        ("book", "a flight to delhi"),
        ("book", "a table for two"),
        ("remand", "the case to a lower court"),
        ("pick", "up the phone"),
        ("catch", "fire"),
        ("hold", "talk with the rebel"),
        ("confine", "to a few district in the north"),
    ],
)
def test_other_senses_are_no_arrest(lexicon, lemma, after):
    assert _code(lexicon, lemma, after) != "173"


def test_held_talks_stays_a_negotiation(lexicon):
    assert _code(lexicon, "hold", "talks with iran") == "046"


def test_confined_to_is_no_event_at_all(lexicon):
    pattern = lexicon.match("confine", [], ["to", "the", "north"])
    assert pattern.code is None and pattern.discard and pattern.curated


def test_hand_written_patterns_win_over_the_dictionary_and_may_add_verbs():
    patterns = [
        {
            "verb": "spurn", "before": "", "after": "mediation", "source_slot": "",
            "target_slot": "", "code": "126", "passive_code": "", "discard": "0",
            "block": "spurn", "forms": "", "line": "2",
        },
    ]  # fmt: skip
    defaults = [
        {"verb": "spurn", "before": "", "after": "mediation by", "cameo_code": "---", "note": ""},
        {"verb": "frobnicate", "before": "", "after": "into &DETENTION", "cameo_code": "173"},
    ]
    synsets = [{"synset": "&DETENTION", "member": "custody"}]
    lexicon = VerbLexicon(patterns, synsets, defaults)
    assert lexicon.match("spurn", [], ["mediation"]).code == "126"
    assert lexicon.match("spurn", [], ["mediation", "by", "norway"]).code is None
    assert lexicon.match("frobnicate", [], ["them", "into", "custody"]).code == "173"
    assert lexicon.match("frobnicate", [], ["them"]) is None


def test_cardiac_arrest_is_no_arrest_but_an_arrest_is():
    nouns = NounLexicon.load()
    assert nouns.code("arrest", ["cardiac"]) is None
    assert nouns.code("arrest", ["mass"]) == "173"
    assert nouns.code("arrest", []) == "173"


def test_lathi_charges_and_tear_gas_are_violent_repression():
    nouns = NounLexicon.load()
    assert nouns.code("charge", ["lathi"]) == "175"
    assert nouns.code("gas", ["tear"]) == "175"
    assert nouns.code("teargas", []) == "175"
    # A charge on its own is no event noun ("charges of fraud").
    assert nouns.code("charge", []) is None


def _pattern(code, after=(), before=(), curated=False):
    return VerbPattern(verb="v", code=code, after=after, before=before, curated=curated)


def test_an_arrest_resting_on_a_particle_or_the_subject_needs_someone_taken():
    # "police took ...", "rounded up ...": only a detainee makes it an arrest.
    assert _needs_detainee(_pattern("173", before=("police",)), "171")
    assert _needs_detainee(_pattern("173", after=("up",), curated=True), None)
    assert _needs_detainee(_pattern("173", after=("leader",)), "171")
    # Custody or a charge in the pattern says so on its own.
    assert not _needs_detainee(_pattern("173", after=("into", "&DETENTION")), "171")
    assert not _needs_detainee(_pattern("173", after=("for", "murder"), curated=True), None)
    # An arrest verb arrests; other codes are not concerned.
    assert not _needs_detainee(_pattern("173", before=("police",)), "173")
    assert not _needs_detainee(_pattern("190", before=("police",)), "171")
