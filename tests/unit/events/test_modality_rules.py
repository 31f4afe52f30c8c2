"""Modality, attribution and historical rules on parses built by hand (no model).

Sentences written for this test; each parse is what the rule reads (heads,
dependency labels, tags, lemmas), so the rules are checked without spaCy's model.
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from bedfellows.events.modality import (
    historical_of,
    lemma_in,
    modality_of,
    named_source,
    reporter_of,
)
from bedfellows.schema import DateBasis, EventDate, Granularity, Modality

_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_), no model

# word, head index, dep, pos, tag, lemma
Row = tuple[str, int, str, str, str, str]


def _doc(rows: list[Row]) -> Doc:
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def _tok(doc: Doc, word: str):
    return next(t for t in doc if t.text == word)


NEITHER_ATTENDED = [  # "Neither Peru nor Chile attended the summit"
    ("Neither", 1, "preconj", "CCONJ", "CC", "neither"),
    ("Peru", 4, "nsubj", "PROPN", "NNP", "Peru"),
    ("nor", 1, "cc", "CCONJ", "CC", "nor"),
    ("Chile", 1, "conj", "PROPN", "NNP", "Chile"),
    ("attended", 4, "ROOT", "VERB", "VBD", "attend"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("summit", 4, "dobj", "NOUN", "NN", "summit"),
]
YET_TO_FREE = [  # "Ghana has yet to free the sailors"
    ("Ghana", 1, "nsubj", "PROPN", "NNP", "Ghana"),
    ("has", 1, "ROOT", "VERB", "VBZ", "have"),
    ("yet", 1, "advmod", "ADV", "RB", "yet"),
    ("to", 4, "aux", "PART", "TO", "to"),
    ("free", 1, "xcomp", "VERB", "VB", "free"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("sailors", 4, "dobj", "NOUN", "NNS", "sailor"),
]
UNLIKELY_WILL = [  # "It is unlikely that Laos will expel the envoy"
    ("It", 1, "nsubj", "PRON", "PRP", "it"),
    ("is", 1, "ROOT", "AUX", "VBZ", "be"),
    ("unlikely", 1, "acomp", "ADJ", "JJ", "unlikely"),
    ("that", 6, "mark", "SCONJ", "IN", "that"),
    ("Laos", 6, "nsubj", "PROPN", "NNP", "Laos"),
    ("will", 6, "aux", "AUX", "MD", "will"),
    ("expel", 1, "ccomp", "VERB", "VB", "expel"),
    ("the", 8, "det", "DET", "DT", "the"),
    ("envoy", 6, "dobj", "NOUN", "NN", "envoy"),
]
SAID_WOULD = [  # "Oslo said Norway would host the talks"
    ("Oslo", 1, "nsubj", "PROPN", "NNP", "Oslo"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("Norway", 4, "nsubj", "PROPN", "NNP", "Norway"),
    ("would", 4, "aux", "AUX", "MD", "would"),
    ("host", 1, "ccomp", "VERB", "VB", "host"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("talks", 4, "dobj", "NOUN", "NNS", "talk"),
]
WOULD_IF = [  # "Fiji would help if Tonga asks"
    ("Fiji", 2, "nsubj", "PROPN", "NNP", "Fiji"),
    ("would", 2, "aux", "AUX", "MD", "would"),
    ("help", 2, "ROOT", "VERB", "VB", "help"),
    ("if", 5, "mark", "SCONJ", "IN", "if"),
    ("Tonga", 5, "nsubj", "PROPN", "NNP", "Tonga"),
    ("asks", 2, "advcl", "VERB", "VBZ", "ask"),
]
SET_TO = [  # "Italy is set to deliver tanks"
    ("Italy", 2, "nsubjpass", "PROPN", "NNP", "Italy"),
    ("is", 2, "auxpass", "AUX", "VBZ", "be"),
    ("set", 2, "ROOT", "VERB", "VBN", "set"),
    ("to", 4, "aux", "PART", "TO", "to"),
    ("deliver", 2, "xcomp", "VERB", "VB", "deliver"),
    ("tanks", 4, "dobj", "NOUN", "NNS", "tank"),
]
HOPES_TO = [  # "Mali hopes to sign a pact", with the lemmatizer's slip "hop"
    ("Mali", 1, "nsubj", "PROPN", "NNP", "Mali"),
    ("hopes", 1, "ROOT", "VERB", "VBZ", "hop"),
    ("to", 3, "aux", "PART", "TO", "to"),
    ("sign", 1, "xcomp", "VERB", "VB", "sign"),
    ("a", 5, "det", "DET", "DT", "a"),
    ("pact", 3, "dobj", "NOUN", "NN", "pact"),
]
RULED_OUT = [  # "Cuba ruled out talks"
    ("Cuba", 1, "nsubj", "PROPN", "NNP", "Cuba"),
    ("ruled", 1, "ROOT", "VERB", "VBD", "rule"),
    ("out", 1, "prt", "ADP", "RP", "out"),
    ("talks", 1, "dobj", "NOUN", "NNS", "talk"),
]
NOT_OUT_OF_QUESTION = [  # "A strike is not out of the question"
    ("A", 1, "det", "DET", "DT", "a"),
    ("strike", 2, "nsubj", "NOUN", "NN", "strike"),
    ("is", 2, "ROOT", "AUX", "VBZ", "be"),
    ("not", 2, "neg", "PART", "RB", "not"),
    ("out", 2, "prep", "ADP", "IN", "out"),
    ("of", 4, "prep", "ADP", "IN", "of"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("question", 5, "pobj", "NOUN", "NN", "question"),
]
OUT_OF_QUESTION = [  # "A strike is out of the question"
    ("A", 1, "det", "DET", "DT", "a"),
    ("strike", 2, "nsubj", "NOUN", "NN", "strike"),
    ("is", 2, "ROOT", "AUX", "VBZ", "be"),
    ("out", 2, "prep", "ADP", "IN", "out"),
    ("of", 3, "prep", "ADP", "IN", "of"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("question", 4, "pobj", "NOUN", "NN", "question"),
]
PLAIN = [  # "Peru met Chile"
    ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet"),
    ("Chile", 1, "dobj", "PROPN", "NNP", "Chile"),
]


@pytest.mark.parametrize(
    ("rows", "trigger", "expected"),
    [
        (NEITHER_ATTENDED, "attended", Modality.NEGATED),
        (YET_TO_FREE, "free", Modality.NEGATED),
        (RULED_OUT, "talks", Modality.NEGATED),
        (UNLIKELY_WILL, "expel", Modality.HYPOTHETICAL),  # outranks "will"
        (WOULD_IF, "help", Modality.HYPOTHETICAL),
        (HOPES_TO, "sign", Modality.HYPOTHETICAL),
        (SAID_WOULD, "host", Modality.INTENDED),  # "would" after a past "said"
        (SET_TO, "deliver", Modality.INTENDED),
        (PLAIN, "met", Modality.ASSERTED),
        (NOT_OUT_OF_QUESTION, "strike", Modality.HYPOTHETICAL),
        (OUT_OF_QUESTION, "strike", Modality.NEGATED),
    ],
)
def test_modality_of(rows, trigger, expected) -> None:
    doc = _doc(rows)
    assert modality_of(_tok(doc, trigger)).modality is expected


def test_lemma_in_forgives_a_lemmatizer_slip() -> None:
    doc = _doc(HOPES_TO)
    assert lemma_in(doc[1], frozenset({"hope"}))
    assert not lemma_in(doc[3], frozenset({"hope"}))


PASSIVE_REPORT = [  # "It was reported by Kenyan officials that Uganda fired"
    ("It", 2, "nsubjpass", "PRON", "PRP", "it"),
    ("was", 2, "auxpass", "AUX", "VBD", "be"),
    ("reported", 2, "ROOT", "VERB", "VBN", "report"),
    ("by", 2, "agent", "ADP", "IN", "by"),
    ("Kenyan", 5, "amod", "ADJ", "JJ", "kenyan"),
    ("officials", 3, "pobj", "NOUN", "NNS", "official"),
    ("that", 8, "mark", "SCONJ", "IN", "that"),
    ("Uganda", 8, "nsubj", "PROPN", "NNP", "Uganda"),
    ("fired", 2, "ccomp", "VERB", "VBD", "fire"),
]
AS_REPORTED = [  # "As reported by Ankara, Syria shelled Idlib"
    ("As", 1, "mark", "SCONJ", "IN", "as"),
    ("reported", 6, "advcl", "VERB", "VBN", "report"),
    ("by", 1, "agent", "ADP", "IN", "by"),
    ("Ankara", 2, "pobj", "PROPN", "NNP", "Ankara"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ("Syria", 6, "nsubj", "PROPN", "NNP", "Syria"),
    ("shelled", 6, "ROOT", "VERB", "VBD", "shell"),
    ("Idlib", 6, "dobj", "PROPN", "NNP", "Idlib"),
]
QUOTED_AS_SAYING = [  # "AFP quoted a Malian officer as saying Niger attacked"
    ("AFP", 1, "nsubj", "PROPN", "NNP", "AFP"),
    ("quoted", 1, "ROOT", "VERB", "VBD", "quote"),
    ("a", 4, "det", "DET", "DT", "a"),
    ("Malian", 4, "amod", "ADJ", "JJ", "malian"),
    ("officer", 1, "dobj", "NOUN", "NN", "officer"),
    ("as", 1, "prep", "ADP", "IN", "as"),
    ("saying", 5, "pcomp", "VERB", "VBG", "say"),
    ("Niger", 8, "nsubj", "PROPN", "NNP", "Niger"),
    ("attacked", 6, "ccomp", "VERB", "VBD", "attack"),
]
DENIED_THAT = [  # "Benin denied that Togo fired"
    ("Benin", 1, "nsubj", "PROPN", "NNP", "Benin"),
    ("denied", 1, "ROOT", "VERB", "VBD", "deny"),
    ("that", 4, "mark", "SCONJ", "IN", "that"),
    ("Togo", 4, "nsubj", "PROPN", "NNP", "Togo"),
    ("fired", 1, "ccomp", "VERB", "VBD", "fire"),
]
SAID_SELF = [  # "Oman said Iran attacked": the speech event itself has no reporter
    ("Oman", 1, "nsubj", "PROPN", "NNP", "Oman"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("Iran", 3, "nsubj", "PROPN", "NNP", "Iran"),
    ("attacked", 1, "ccomp", "VERB", "VBD", "attack"),
]


@pytest.mark.parametrize(
    ("rows", "trigger", "reporter"),
    [
        (PASSIVE_REPORT, "fired", "officials"),
        (AS_REPORTED, "shelled", "Ankara"),
        (QUOTED_AS_SAYING, "attacked", "officer"),
        (DENIED_THAT, "fired", "Benin"),
        (SAID_SELF, "attacked", "Oman"),
        (SAID_SELF, "said", None),
        (PLAIN, "met", None),
    ],
)
def test_reporter_of(rows, trigger, reporter) -> None:
    doc = _doc(rows)
    found = reporter_of(_tok(doc, trigger))
    assert (found.text if found is not None else None) == reporter


def test_a_denial_is_a_negated_claim() -> None:
    doc = _doc(DENIED_THAT)
    assert modality_of(doc[4]).modality is Modality.NEGATED
    assert reporter_of(doc[4]).text == "Benin"


def test_named_source_needs_a_name_or_a_speaker_pronoun() -> None:
    doc = _doc(QUOTED_AS_SAYING)
    ref = named_source(doc[0], offset=100)
    assert ref is not None and ref.kind == "unknown" and ref.text == "AFP"
    assert (ref.start, ref.end) == (100, 103) and ref.country is None
    assert named_source(doc[4], offset=0) is None  # "a Malian officer": no proper noun
    pron = _doc(
        [("He", 1, "nsubj", "PRON", "PRP", "he"), ("said", 1, "ROOT", "VERB", "VBD", "say")]
    )
    assert named_source(pron[0], offset=0).text == "He"


def _dated(start: date, end: date, gran: Granularity) -> EventDate:
    return EventDate(start, end, gran, DateBasis.EXPRESSION, "x", 0, 1)


YEAR_2014 = _dated(date(2014, 1, 1), date(2014, 12, 31), Granularity.YEAR)
LAST_YEAR = _dated(date(2023, 1, 1), date(2023, 12, 31), Granularity.YEAR)
NINETIES = _dated(date(1990, 1, 1), date(1999, 12, 31), Granularity.DECADE)
PUBLISHED = EventDate(date(2024, 5, 2), date(2024, 5, 2), Granularity.DAY, DateBasis.PUBLICATION)
UNDATED = EventDate()

WILL_MEET = [  # "Peru will meet Chile"
    ("Peru", 2, "nsubj", "PROPN", "NNP", "Peru"),
    ("will", 2, "aux", "AUX", "MD", "will"),
    ("meet", 2, "ROOT", "VERB", "VB", "meet"),
    ("Chile", 2, "dobj", "PROPN", "NNP", "Chile"),
]
DURING_COLD_WAR = [  # "Peru did not meet Chile during the Cold War"
    ("Peru", 3, "nsubj", "PROPN", "NNP", "Peru"),
    ("did", 3, "aux", "AUX", "VBD", "do"),
    ("not", 3, "neg", "PART", "RB", "not"),
    ("meet", 3, "ROOT", "VERB", "VB", "meet"),
    ("Chile", 3, "dobj", "PROPN", "NNP", "Chile"),
    ("during", 3, "prep", "ADP", "IN", "during"),
    ("the", 8, "det", "DET", "DT", "the"),
    ("Cold", 8, "compound", "PROPN", "NNP", "Cold"),
    ("War", 5, "pobj", "PROPN", "NNP", "War"),
]
IN_CENTURY = [  # "Peru met Chile in the eighteenth century"
    ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet"),
    ("Chile", 1, "dobj", "PROPN", "NNP", "Chile"),
    ("in", 1, "prep", "ADP", "IN", "in"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("eighteenth", 6, "amod", "ADJ", "JJ", "eighteenth"),
    ("century", 3, "pobj", "NOUN", "NN", "century"),
]
USED_TO = [  # "Peru used to buy gas"
    ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
    ("used", 1, "ROOT", "VERB", "VBD", "use"),
    ("to", 3, "aux", "PART", "TO", "to"),
    ("buy", 1, "xcomp", "VERB", "VB", "buy"),
    ("gas", 3, "dobj", "NOUN", "NN", "gas"),
]
YEARS_EARLIER = [  # "Years earlier, Peru had met Chile"
    ("Years", 1, "npadvmod", "NOUN", "NNS", "year"),
    ("earlier", 5, "advmod", "ADV", "RBR", "early"),
    (",", 5, "punct", "PUNCT", ",", ","),
    ("Peru", 5, "nsubj", "PROPN", "NNP", "Peru"),
    ("had", 5, "aux", "AUX", "VBD", "have"),
    ("met", 5, "ROOT", "VERB", "VBN", "meet"),
    ("Chile", 5, "dobj", "PROPN", "NNP", "Chile"),
]


@pytest.mark.parametrize(
    ("rows", "trigger", "edate", "published", "expected"),
    [
        (PLAIN, "met", YEAR_2014, date(2024, 5, 2), True),  # ten years before
        (PLAIN, "met", LAST_YEAR, date(2024, 5, 2), False),  # under a year before
        (PLAIN, "met", YEAR_2014, None, False),  # a year, undated article: unknown
        (PLAIN, "met", NINETIES, None, True),  # a past-tense decade
        (WILL_MEET, "meet", NINETIES, None, False),  # not past tense
        (PLAIN, "met", PUBLISHED, date(2024, 5, 2), False),
        (DURING_COLD_WAR, "meet", UNDATED, None, True),
        (DURING_COLD_WAR, "meet", PUBLISHED, date(1990, 3, 1), False),  # written then
        (IN_CENTURY, "met", UNDATED, None, True),
        (USED_TO, "buy", PUBLISHED, date(2024, 5, 2), True),
        (YEARS_EARLIER, "met", UNDATED, None, True),
        (PLAIN, "met", UNDATED, None, False),
    ],
)
def test_historical_of(rows, trigger, edate, published, expected) -> None:
    doc = _doc(rows)
    assert historical_of(_tok(doc, trigger), edate, published) is expected
