"""EntityIndex answers as spaCy's Span.ents, reading Doc.ents once."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from bedfellows.nlp.spans import EntityIndex

WORDS = [
    "In",
    "Paris",
    ",",
    "Emmanuel",
    "Macron",
    "met",
    "Olaf",
    "Scholz",
    ".",
    "Then",
    "Berlin",
    "New",
    "York",
    "agreed",
]


def make_doc() -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=WORDS)
    doc.ents = [
        Span(doc, 1, 2, label="GPE"),
        Span(doc, 3, 5, label="PERSON"),
        Span(doc, 6, 8, label="PERSON"),
        Span(doc, 10, 11, label="GPE"),
        Span(doc, 11, 13, label="GPE"),
    ]
    return doc


def test_within_matches_span_ents_for_every_span():
    doc = make_doc()
    index = EntityIndex(doc)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            span = doc[start:end]
            got = [(e.start, e.end, e.label_) for e in index.within(span)]
            assert got == [(e.start, e.end, e.label_) for e in span.ents], (start, end)


def test_at_finds_the_covering_entity():
    doc = make_doc()
    index = EntityIndex(doc)
    covering = {i: (e.start, e.end) for e in doc.ents for i in range(e.start, e.end)}
    for i in range(len(doc)):
        ent = index.at(i)
        assert (None if ent is None else (ent.start, ent.end)) == covering.get(i)


def test_no_entities():
    doc = Doc(spacy.blank("en").vocab, words=["nothing", "here"])
    index = EntityIndex(doc)
    assert index.within(doc[0:2]) == [] and index.at(0) is None
