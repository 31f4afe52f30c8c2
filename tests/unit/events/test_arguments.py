"""Argument heads on hand-built parses (no model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from bedfellows.events.arguments import arguments_of

_VOCAB = spacy.blank("en").vocab


def test_a_subject_hung_on_a_passive_auxiliary_is_the_passive_subject():
    # "workers were on Wednesday taken into custody", parsed with "workers"
    # under the auxiliary "were".
    doc = Doc(
        _VOCAB,
        words=["workers", "were", "on", "Wednesday", "taken", "into", "custody"],
        heads=[1, 4, 4, 2, 4, 4, 5],
        deps=["nsubj", "auxpass", "prep", "pobj", "ROOT", "prep", "pobj"],
        pos=["NOUN", "AUX", "ADP", "PROPN", "VERB", "ADP", "NOUN"],
    )
    args = arguments_of(doc[4])
    assert args.passive
    assert [t.text for t in args.sources] == []
    assert "workers" in [t.text for t in args.targets]


def test_an_active_subject_stays_the_source():
    doc = Doc(
        _VOCAB,
        words=["Police", "arrested", "workers"],
        heads=[1, 1, 1],
        deps=["nsubj", "ROOT", "dobj"],
        pos=["NOUN", "VERB", "NOUN"],
    )
    args = arguments_of(doc[1])
    assert not args.passive
    assert [t.text for t in args.sources] == ["Police"]
    assert [t.text for t in args.targets] == ["workers"]


def _reduced(words, heads, deps, pos, tags):
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_participle_clause_on_a_noun_is_a_passive_of_that_noun():
    # "men arrested by police appeared": "arrested" is an acl on "men"
    doc = _reduced(
        ["men", "arrested", "by", "police", "appeared"],
        [4, 0, 1, 2, 4],
        ["nsubj", "acl", "agent", "pobj", "ROOT"],
        ["NOUN", "VERB", "ADP", "NOUN", "VERB"],
        ["NNS", "VBN", "IN", "NN", "VBD"],
    )
    args = arguments_of(doc[1])
    assert args.passive
    assert [t.text for t in args.sources] == ["police"]
    assert [t.text for t in args.targets] == ["men"]


def test_a_participle_with_an_object_in_a_verbless_sentence_is_a_main_verb():
    # "newspaper called Arabs": misparsed as an acl on the root noun
    doc = _reduced(
        ["newspaper", "called", "Arabs"],
        [0, 0, 1],
        ["ROOT", "acl", "dobj"],
        ["NOUN", "VERB", "PROPN"],
        ["NN", "VBN", "NNPS"],
    )
    assert not arguments_of(doc[1]).passive
