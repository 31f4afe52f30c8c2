"""Stage 5, ``set_modality``, on sentences written for this test."""

from __future__ import annotations

import pytest

from bedfellows.events.stages.set_modality import set_modality
from bedfellows.schema import Modality

pytestmark = pytest.mark.slow


def _on(candidates, parsed, word):
    [cand] = [c for c in candidates(parsed) if c.trigger.text == word]
    return cand


def test_an_asserted_act_is_unchanged(candidates, parse):
    parsed = parse("Iran attacked Iraq.")
    cand = _on(candidates, parsed, "attacked")
    code, conf = cand.code, cand.confidence
    set_modality(cand, parsed.article.published)
    assert cand.modality is Modality.ASSERTED
    assert (cand.code, cand.confidence) == (code, conf)


def test_a_negated_act_is_less_sure(candidates, parse):
    parsed = parse("Iran did not attack Iraq.")
    cand = _on(candidates, parsed, "attack")
    conf = cand.confidence
    set_modality(cand, parsed.article.published)
    assert cand.modality is Modality.NEGATED
    assert cand.confidence == pytest.approx(conf - 0.05)


def test_a_vowed_attack_is_a_threat(candidates, parse):
    parsed = parse("Rebels vowed to attack the capital.")
    cand = _on(candidates, parsed, "attack")
    set_modality(cand, parsed.article.published)
    assert cand.modality is Modality.INTENDED
    assert cand.plover_type == "THREATEN" and cand.code[:2] == "19"


def test_a_refused_meeting_becomes_a_rejection(candidates, parse):
    parsed = parse("Chile refused to meet Peru's negotiators.")
    cand = _on(candidates, parsed, "meet")
    assert cand.code[:2] == "04"
    set_modality(cand, parsed.article.published)
    assert cand.code[:2] == "12"
