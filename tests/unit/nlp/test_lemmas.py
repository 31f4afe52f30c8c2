"""Verb lemma repair against a verb list (no model needed)."""

from __future__ import annotations

import pytest

from bedfellows.nlp.lemmas import repaired_lemma

VERBS = frozenset({"hope", "hop", "stage", "wage", "fine", "boycott", "imprison", "cancel", "use"})


@pytest.mark.parametrize(
    ("text", "lemma", "fixed"),
    [
        ("hoped", "hop", "hope"),  # "hop" makes "hopped"
        ("hoping", "hop", "hope"),
        ("staged", "stag", "stage"),  # "stag" is no verb here
        ("wages", "wag", "wage"),
        ("fined", "fin", "fine"),
        ("boycotts", "boycotts", "boycott"),  # the form left as its own lemma
        ("imprisoning", "imprisoning", "imprison"),
    ],
)
def test_a_wrong_lemma_becomes_the_known_verb_of_that_form(text, lemma, fixed):
    assert repaired_lemma(text, lemma, VERBS) == fixed


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("hopped", "hop"),  # right already
        ("used", "use"),
        ("cancelled", "cancel"),  # British doubling: no known verb "cancell"
        ("went", "go"),  # irregular: left to the model
        ("visited", "visit"),  # not in the list: nothing to repair towards
    ],
)
def test_a_right_or_unknown_lemma_is_kept(text, lemma):
    assert repaired_lemma(text, lemma, VERBS) is None
