"""Acts told as intentions, forecasts or refusals (parses built by hand, no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from bedfellows.events.mode_codes import code_for_mode, intent_code, is_refusal
from bedfellows.schema import Modality

_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_), no model


def _doc(words, heads, deps, pos, lemmas=None):
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas or words)


def _will_not_send():
    # "Spain will not send aid": send ← will (aux), not (neg)
    return _doc(
        ["Spain", "will", "not", "send", "aid"],
        [3, 3, 3, 3, 3],
        ["nsubj", "aux", "neg", "ROOT", "dobj"],
        ["PROPN", "AUX", "PART", "VERB", "NOUN"],
    )


def _did_not_send():
    return _doc(
        ["Spain", "did", "not", "send", "aid"],
        [3, 3, 3, 3, 3],
        ["nsubj", "aux", "neg", "ROOT", "dobj"],
        ["PROPN", "AUX", "PART", "VERB", "NOUN"],
        ["Spain", "do", "not", "send", "aid"],
    )


def _refused_to_meet():
    # "Chile refused to meet Peru": meet is the xcomp of refused
    return _doc(
        ["Chile", "refused", "to", "meet", "Peru"],
        [1, 1, 3, 1, 3],
        ["nsubj", "ROOT", "aux", "xcomp", "dobj"],
        ["PROPN", "VERB", "PART", "VERB", "PROPN"],
        ["Chile", "refuse", "to", "meet", "Peru"],
    )


@pytest.mark.parametrize(
    ("act", "intent"),
    [
        ("042", "036"),  # will visit → intent to meet
        ("073", "0333"),  # will provide humanitarian aid
        ("0841", "0353"),  # will release prisoners
        ("057", "030"),  # will sign an agreement
        ("190", "138"),  # will attack → threaten military force
        ("163", "1312"),  # will impose sanctions
        ("0233", None),  # an appeal has no intention code
        ("154", None),  # force posture is left alone
    ],
)
def test_intent_code_follows_the_codebook(act, intent):
    assert intent_code(act) == intent


def test_intended_cooperation_is_agree_and_intended_conflict_is_threaten():
    doc = _will_not_send()
    assert code_for_mode("073", Modality.INTENDED, doc[3]) == ("073", Modality.INTENDED, "AGREE")
    assert code_for_mode("042", Modality.INTENDED, doc[3]) == ("042", Modality.INTENDED, "AGREE")
    assert code_for_mode("190", Modality.INTENDED, doc[3]) == (
        "190",
        Modality.INTENDED,
        "THREATEN",
    )
    # Asserted and hypothetical acts keep their own type.
    assert code_for_mode("073", Modality.ASSERTED, doc[3]) == ("073", Modality.ASSERTED, None)
    assert code_for_mode("073", Modality.HYPOTHETICAL, doc[3]) == (
        "073",
        Modality.HYPOTHETICAL,
        None,
    )


def test_a_refusal_is_an_asserted_rejection_but_a_past_negation_is_not():
    will_not = _will_not_send()
    assert is_refusal(will_not[3])
    assert code_for_mode("073", Modality.NEGATED, will_not[3]) == ("1223", Modality.ASSERTED, None)
    did_not = _did_not_send()
    assert not is_refusal(did_not[3])
    assert code_for_mode("073", Modality.NEGATED, did_not[3]) == ("073", Modality.NEGATED, None)


def test_the_complement_of_refuse_is_refused():
    doc = _refused_to_meet()
    assert is_refusal(doc[3])
    assert code_for_mode("040", Modality.NEGATED, doc[3]) == ("125", Modality.ASSERTED, None)
    # A refused conflictual act has no rejection code: it stays negated.
    assert code_for_mode("190", Modality.NEGATED, doc[3]) == ("190", Modality.NEGATED, None)


def _will_attack_unless(aux="will", mark="unless"):
    # "Chad will attack unless Sudan leaves": leaves ← unless (mark); advcl of attack
    return _doc(
        ["Chad", aux, "attack", mark, "Sudan", "leaves"],
        [2, 2, 2, 5, 5, 2],
        ["nsubj", "aux", "ROOT", "mark", "nsubj", "advcl"],
        ["PROPN", "AUX", "VERB", "SCONJ", "PROPN", "VERB"],
    )


def test_an_act_promised_on_a_condition_is_a_threat_or_an_offer():
    attack = _will_attack_unless()[2]
    assert code_for_mode("190", Modality.HYPOTHETICAL, attack) == (
        "190",
        Modality.HYPOTHETICAL,
        "THREATEN",
    )
    assert code_for_mode("072", Modality.HYPOTHETICAL, attack)[2] == "AGREE"
    # No commitment ("might") or no condition ("because"): the act's own type.
    assert code_for_mode("190", Modality.HYPOTHETICAL, _will_attack_unless("might")[2])[2] is None
    assert (
        code_for_mode("190", Modality.HYPOTHETICAL, _will_attack_unless(mark="because")[2])[2]
        is None
    )


def _agreed_to(act):
    # "Chile agreed to <act> aid": act ← agreed (xcomp), to (aux)
    return _doc(
        ["Chile", "agreed", "to", act, "aid"],
        [1, 1, 3, 1, 3],
        ["nsubj", "ROOT", "aux", "xcomp", "dobj"],
        ["PROPN", "VERB", "PART", "VERB", "NOUN"],
        ["Chile", "agree", "to", act, "aid"],
    )


def test_a_committed_cooperation_takes_the_intention_code_but_a_forecast_does_not():
    committed = _agreed_to("send")
    assert code_for_mode("073", Modality.INTENDED, committed[3]) == (
        "0333",
        Modality.INTENDED,
        "AGREE",
    )
    # A conflictual act under a commitment keeps its own code (a threat by type).
    assert code_for_mode("174", Modality.INTENDED, committed[3]) == (
        "174",
        Modality.INTENDED,
        "THREATEN",
    )
    forecast = _will_not_send()  # "will" alone: the act code stays
    assert code_for_mode("073", Modality.INTENDED, forecast[3])[0] == "073"


def test_an_intention_code_on_an_act_reported_done_becomes_the_act():
    # "Chile sent peacekeepers": the dictionary's "send &PKO" is 0334 (intent).
    doc = _doc(
        ["Chile", "sent", "peacekeepers"],
        [1, 1, 1],
        ["nsubj", "ROOT", "dobj"],
        ["PROPN", "VERB", "NOUN"],
        ["Chile", "send", "peacekeeper"],
    )
    assert code_for_mode("0334", Modality.ASSERTED, doc[1]) == ("074", Modality.ASSERTED, None)
    # Still an intention when intended, or when the verb is one of intent.
    assert code_for_mode("0334", Modality.INTENDED, doc[1])[0] == "0334"
    pledged = _doc(
        ["Chile", "pledged", "peacekeepers"],
        [1, 1, 1],
        ["nsubj", "ROOT", "dobj"],
        ["PROPN", "VERB", "NOUN"],
        ["Chile", "pledge", "peacekeeper"],
    )
    assert code_for_mode("0334", Modality.ASSERTED, pledged[1])[0] == "0334"


def test_an_intended_yield_is_a_concession_not_an_agreement():
    # PLOVER manual: "Announcements of future retreats should be coded as CONCEDE";
    # RETREAT + future and CONCEDE + future "do not reduce to AGREE".
    doc = _will_not_send()
    for act in ("0874", "0841", "081"):
        assert code_for_mode(act, Modality.INTENDED, doc[3])[2] == "CONCEDE"
    assert code_for_mode("0874", Modality.ASSERTED, doc[3])[2] is None  # done: its own type
