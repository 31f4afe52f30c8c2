"""Alias keys: the one normalisation shared by the build script and the runtime KB."""

from __future__ import annotations

import pytest

from bedfellows.actors.normalize import cased_key_of, key_of, tokens


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("NURI_AL-MALIKI_", "nuri al maliki"),
        ("Nuri al-Maliki", "nuri al maliki"),
        ("al - Maliki", "al maliki"),
        ("the Pentagon", "pentagon"),
        ("Iran's", "iran"),
        ("Iraqis'", "iraqis"),
        ("U.S.", "u.s."),
        ("U.S", "u.s."),
        ("Mr. Obama", "mr obama"),
        ("Wörner", "worner"),
        ("Da’esh", "da'esh"),
        ("Bosnia & Herzegovina", "bosnia and herzegovina"),
    ],
)
def test_normalize_key_of(text: str, key: str) -> None:
    assert key_of(text) == key


def test_normalize_dotted_acronym_never_collides_with_the_pronoun() -> None:
    assert key_of("U.S.") != key_of("us")


def test_normalize_cased_key_keeps_case() -> None:
    assert cased_key_of("the IS") == "IS"
    assert cased_key_of("is") == "is"


def test_normalize_tokens_drop_punctuation_only_words() -> None:
    assert [t.lower for t in tokens(", - ( )")] == []
    assert [t.cased for t in tokens("al-Qaeda's")] == ["al", "Qaeda"]


def test_normalize_leading_the_kept_inside_single_word() -> None:
    assert key_of("The") == "the"
