"""Acts by protesters are protests (parses built by hand, no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from bedfellows.events.protest_acts import names_protesters, protest_code

_VOCAB = spacy.blank("en").vocab


def _doc(words, heads, deps, lemmas):
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, lemmas=lemmas)


def test_protesters_are_named_by_head_or_by_what_they_are_dozens_of():
    doc = _doc(
        ["Dozens", "of", "demonstrators", "and", "police"],
        [0, 0, 1, 0, 0],
        ["ROOT", "prep", "pobj", "cc", "conj"],
        ["dozen", "of", "demonstrator", "and", "police"],
    )
    assert names_protesters(doc[0])
    assert names_protesters(doc[2])
    assert not names_protesters(doc[4])


@pytest.mark.parametrize(
    ("code", "verb", "has_target", "expected"),
    [
        ("180", "throw", True, "145"),  # stones thrown by protesters: a riot
        ("1712", "demolish", True, "145"),
        ("191", "block", False, "144"),  # a blockade by protesters: obstruction
        ("160", "shut", False, "144"),
        ("128", "defy", False, "141"),  # defying a ban: a demonstration
        ("040", "gather", False, "141"),  # gathering with no one met: a rally
        ("043", "receive", True, None),  # receiving ministers: a meeting
        ("100", "demand", True, None),  # a demand is said, not done
        ("195", "bomb", True, None),  # air strikes are warfare
    ],
)
def test_protest_code(code, verb, has_target, expected):
    doc = _doc(["protesters"], [0], ["ROOT"], ["protester"])
    assert protest_code(code, verb, [doc[0]], has_target=has_target) == expected


def test_only_when_every_doer_is_a_protester():
    doc = _doc(["protesters", "police"], [0, 0], ["ROOT", "conj"], ["protester", "police"])
    assert protest_code("180", "throw", [doc[0], doc[1]], has_target=True) is None
    assert protest_code("180", "throw", [], has_target=True) is None
