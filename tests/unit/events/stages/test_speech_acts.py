"""Stage 7, ``SpeechActs``, on sentences written for this test."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _claims(coder, events, parsed):
    evs, triggers = events(parsed)
    said = list(coder.speech.claims(evs, triggers, parsed.ctx, parsed.article, parsed.memory))
    return [
        (c.trigger.text, c.code, [s.country for s in c.sources], [t.country for t in c.targets])
        for c in said
    ]


def test_an_allegation_accuses_the_doer(coder, events, parse):
    parsed = parse("Iraq alleged that Iran attacked Kuwait.")
    assert _claims(coder, events, parsed) == [("alleged", "112", ["IRQ"], ["IRN"])]


def test_claiming_ones_own_attack_is_claiming_responsibility(coder, events, parse):
    parsed = parse("Hamas claimed it had attacked the Israeli base.")
    assert _claims(coder, events, parsed) == [("claimed", "015", ["PSE"], ["ISR"])]


def test_claiming_no_conflict_is_only_reporting(coder, events, parse):
    parsed = parse("Iraq claimed that Iran met Kuwait.")
    assert [e.trigger for e in events(parsed)[0]] == ["met"]
    assert _claims(coder, events, parse("Iraq claimed that Iran met Kuwait.")) == []


def test_saying_another_must_act_is_a_demand(coder, parse):
    parsed = parse("The United States said Iran must stop the attacks on Iraq.")
    [cand] = coder.speech.obligations(parsed.ctx, parsed.article, parsed.memory)
    assert (cand.code, cand.rule) == ("100", "obligation:say")
    assert [s.country for s in cand.sources] == ["USA"]
    assert [t.country for t in cand.targets] == ["IRN"]
    assert cand.confidence == pytest.approx(0.8)


def test_an_obligation_of_oneself_is_no_demand(coder, parse):
    parsed = parse("Iran said it must defend itself.")
    assert list(coder.speech.obligations(parsed.ctx, parsed.article, parsed.memory)) == []
