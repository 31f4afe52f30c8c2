"""Who a cooperation is directed against, on hand-built parses (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from bedfellows.events.arguments import CONFLICT, COOPERATION, YIELD, opposed_parties
from bedfellows.events.coder import EventCoder, _apart
from bedfellows.schema import ActorRef

_VOCAB = spacy.blank("en").vocab
# Stand in for the CAMEO dictionary and noun table in the walk's tests.
_CONFLICT = frozenset({"combat", "fight", "counter", "prevent", "sanctions"})
_YIELD = frozenset({"lifted"})


def _conflictual(tok) -> str | None:
    if tok.lemma_ in _CONFLICT:
        return CONFLICT
    return YIELD if tok.lemma_ in _YIELD else None


def _doc(rows: list[tuple[str, int, str, str]], **lemmas: str) -> Doc:
    """(word, head index, dep, pos) rows; lemmas are the lower-cased words
    unless given (word=lemma)."""
    words = [r[0] for r in rows]
    return Doc(
        _VOCAB,
        words=words,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        lemmas=[lemmas.get(w, w.lower()) for w in words],
    )


def _texts(tokens) -> list[str]:
    return [t.text for t in tokens]


def test_against_on_the_verb():
    doc = _doc([
        ("Iran", 1, "nsubj", "PROPN"),
        ("cooperated", 1, "ROOT", "VERB"),
        ("against", 1, "prep", "ADP"),
        ("ISIS", 2, "pobj", "PROPN"),
    ])  # fmt: skip
    assert _texts(opposed_parties(doc[1], _conflictual)) == ["ISIS"]


def test_against_on_the_noun_object():
    # "Russia formed an alliance against ISIS"
    doc = _doc([
        ("Russia", 1, "nsubj", "PROPN"),
        ("formed", 1, "ROOT", "VERB"),
        ("an", 3, "det", "DET"),
        ("alliance", 1, "dobj", "NOUN"),
        ("against", 3, "prep", "ADP"),
        ("ISIS", 4, "pobj", "PROPN"),
    ])  # fmt: skip
    assert _texts(opposed_parties(doc[1], _conflictual)) == ["ISIS"]
    # The noun itself as the trigger finds the same party.
    assert _texts(opposed_parties(doc[3], _conflictual)) == ["ISIS"]


def test_against_on_a_passive_subject_noun():
    # "A pact against Hezbollah was signed by Israel"
    doc = _doc([
        ("A", 1, "det", "DET"),
        ("pact", 5, "nsubjpass", "NOUN"),
        ("against", 1, "prep", "ADP"),
        ("Hezbollah", 2, "pobj", "PROPN"),
        ("was", 5, "auxpass", "AUX"),
        ("signed", 5, "ROOT", "VERB"),
        ("by", 5, "agent", "ADP"),
        ("Israel", 6, "pobj", "PROPN"),
    ])  # fmt: skip
    assert _texts(opposed_parties(doc[5], _conflictual)) == ["Hezbollah"]


def test_objects_of_a_conflictual_purpose_clause():
    # "Chad agreed to cooperate to combat Boko"
    doc = _doc([
        ("Chad", 1, "nsubj", "PROPN"),
        ("agreed", 1, "ROOT", "VERB"),
        ("to", 3, "aux", "PART"),
        ("cooperate", 1, "xcomp", "VERB"),
        ("to", 5, "aux", "PART"),
        ("combat", 3, "advcl", "VERB"),
        ("Boko", 5, "dobj", "PROPN"),
    ])  # fmt: skip
    assert _texts(opposed_parties(doc[1], _conflictual)) == ["Boko"]
    assert _texts(opposed_parties(doc[3], _conflictual)) == ["Boko"]


def test_against_on_the_trigger_itself_can_be_left_out():
    # "Iran cooperated against ISIS", for a verb coded a cooperation only by
    # a pattern's noun: the caller says the verb's own "against" does not count.
    doc = _doc([
        ("Iran", 1, "nsubj", "PROPN"),
        ("cooperated", 1, "ROOT", "VERB"),
        ("against", 1, "prep", "ADP"),
        ("ISIS", 2, "pobj", "PROPN"),
    ])  # fmt: skip
    assert opposed_parties(doc[1], _conflictual, own_against=False) == []


def test_a_conflict_an_act_yields_is_for_whom_it_was_against():
    # "Chile lifted sanctions against Peru": Peru is who the lifting is for.
    doc = _doc([
        ("Chile", 1, "nsubj", "PROPN"),
        ("lifted", 1, "ROOT", "VERB"),
        ("sanctions", 1, "dobj", "NOUN"),
        ("against", 2, "prep", "ADP"),
        ("Peru", 3, "pobj", "PROPN"),
    ])  # fmt: skip
    assert opposed_parties(doc[1], _conflictual) == []


def test_a_purpose_clause_that_is_no_conflict_gives_no_opposed_party():
    # "Turkey sent aid to help Iraq": Iraq is helped, not opposed.
    doc = _doc([
        ("Turkey", 1, "nsubj", "PROPN"),
        ("sent", 1, "ROOT", "VERB"),
        ("aid", 1, "dobj", "NOUN"),
        ("to", 4, "aux", "PART"),
        ("help", 1, "advcl", "VERB"),
        ("Iraq", 4, "dobj", "PROPN"),
    ])  # fmt: skip
    assert opposed_parties(doc[1], _conflictual) == []


def test_partners_are_not_walked_into():
    # "Iran held talks with Iraq": no one is opposed.
    doc = _doc([
        ("Iran", 1, "nsubj", "PROPN"),
        ("held", 1, "ROOT", "VERB"),
        ("talks", 1, "dobj", "NOUN"),
        ("with", 2, "prep", "ADP"),
        ("Iraq", 3, "pobj", "PROPN"),
    ])  # fmt: skip
    assert opposed_parties(doc[1], _conflictual) == []


def test_against_two_nouns_down():
    # "Spain held talks on cooperation against ISIS"
    doc = _doc([
        ("Spain", 1, "nsubj", "PROPN"),
        ("held", 1, "ROOT", "VERB"),
        ("talks", 1, "dobj", "NOUN"),
        ("on", 2, "prep", "ADP"),
        ("cooperation", 3, "pobj", "NOUN"),
        ("against", 4, "prep", "ADP"),
        ("ISIS", 5, "pobj", "PROPN"),
    ])  # fmt: skip
    assert _texts(opposed_parties(doc[1], _conflictual)) == ["ISIS"]


def test_a_nominal_trigger_takes_the_purpose_of_its_verb():
    # "Peru is discussing cooperation with Chile to fight the gangs"
    doc = _doc([
        ("Peru", 2, "nsubj", "PROPN"),
        ("is", 2, "aux", "AUX"),
        ("discussing", 2, "ROOT", "VERB"),
        ("cooperation", 2, "dobj", "NOUN"),
        ("with", 3, "prep", "ADP"),
        ("Chile", 4, "pobj", "PROPN"),
        ("to", 7, "aux", "PART"),
        ("fight", 2, "advcl", "VERB"),
        ("the", 9, "det", "DET"),
        ("gangs", 7, "dobj", "NOUN"),
    ])  # fmt: skip
    assert _texts(opposed_parties(doc[3], _conflictual)) == ["gangs"]


def test_a_conflictual_clause_gives_its_against_object_but_not_its_partner():
    # "Oman agreed to fight with Yemen against the rebels"
    doc = _doc([
        ("Oman", 1, "nsubj", "PROPN"),
        ("agreed", 1, "ROOT", "VERB"),
        ("to", 3, "aux", "PART"),
        ("fight", 1, "xcomp", "VERB"),
        ("with", 3, "prep", "ADP"),
        ("Yemen", 4, "pobj", "PROPN"),
        ("against", 3, "prep", "ADP"),
        ("the", 8, "det", "DET"),
        ("rebels", 6, "pobj", "NOUN"),
    ])  # fmt: skip
    assert _texts(opposed_parties(doc[1], _conflictual)) == ["rebels"]


def _ref(text: str, start: int, actor_id: str | None) -> ActorRef:
    return ActorRef(text=text, start=start, end=start + len(text), name=text, actor_id=actor_id)


def test_apart_drops_the_same_mention_and_the_same_actor():
    isis = _ref("ISIS", 30, "islamic_state")
    refs = [
        _ref("Iraq", 10, "iraq"),
        _ref("ISIS", 30, None),  # the opposed mention itself
        _ref("Islamic State", 60, "islamic_state"),  # the same actor, named again
    ]
    assert [r.text for r in _apart(refs, [isis])] == ["Iraq"]
    assert _apart(refs, []) == refs


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder()


def test_conflict_is_decided_by_the_verb_dictionary(coder):
    # "to combat" (CAMEO 190) is conflict; "to help" (070) a cooperation.
    doc = _doc([
        ("They", 1, "nsubj", "PRON"),
        ("agreed", 1, "ROOT", "VERB"),
        ("to", 3, "aux", "PART"),
        ("combat", 1, "xcomp", "VERB"),
        ("and", 3, "cc", "CCONJ"),
        ("help", 3, "conj", "VERB"),
    ])  # fmt: skip
    assert coder.facts.act_kind(doc[3]) == CONFLICT
    assert coder.facts.act_kind(doc[5]) == COOPERATION


def test_cooperating_against_someone_stays_a_cooperation(coder):
    # The CAMEO dictionary codes "cooperate against" 110 (disapprove).
    doc = _doc([
        ("Iran", 1, "nsubj", "PROPN"),
        ("cooperated", 1, "ROOT", "VERB"),
        ("against", 1, "prep", "ADP"),
        ("ISIS", 2, "pobj", "PROPN"),
    ], cooperated="cooperate")  # fmt: skip
    dictionary = coder.lexicon.match("cooperate", [], ["against", "isis"])
    assert dictionary.code.startswith("11")
    pattern, heads = coder.patterns.opposition(doc[1], "cooperate", dictionary)
    assert coder.codebook.cameo(pattern.code).quad_class in (1, 2)
    assert _texts(heads) == ["ISIS"]


def test_voting_against_stays_a_conflict_with_no_opposed_party(coder):
    doc = _doc([
        ("Peru", 1, "nsubj", "PROPN"),
        ("voted", 1, "ROOT", "VERB"),
        ("against", 1, "prep", "ADP"),
        ("Chile", 2, "pobj", "PROPN"),
    ], voted="vote")  # fmt: skip
    dictionary = coder.lexicon.match("vote", [], ["against", "chile"])
    pattern, heads = coder.patterns.opposition(doc[1], "vote", dictionary)
    assert pattern.code == dictionary.code and heads == []


@pytest.mark.parametrize(
    ("code", "cooperative"),
    [("050", True), ("057", True), ("046", True), ("091", False), ("110", False), ("190", False)],
)
def test_a_cooperation_by_both_codebooks(coder, code, cooperative):
    # 091 (investigate) is CAMEO QuadClass 1 but PLOVER's ACCUSE.
    assert coder.facts.cooperative(code) is cooperative
