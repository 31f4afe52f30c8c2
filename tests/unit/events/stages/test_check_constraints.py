"""Stage 4, ``ConstraintChecker``, on sentences written for this test and on
hand-built candidates."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bedfellows.events.stages.candidate import Candidate, Trigger
from bedfellows.schema import ActorRef, EventDate

pytestmark = pytest.mark.slow


def _attach(coder, parsed, word, kind="verb", specific_only=False):
    tok = parsed.tok(word)
    trigger = Trigger(tok, tok.lemma_.lower(), kind, specific_only)
    match = coder.patterns.match(trigger, parsed.ctx.sent)
    return coder.arguments.attach(match, parsed.ctx, parsed.article, parsed.memory)


def _ref(country: str, start: int) -> ActorRef:
    return ActorRef(text=country, start=start, end=start + 3, name=country, country=country)


def _candidate(code, sources, targets=(), opposed=()):
    return Candidate(
        None, "verb", code, list(sources), list(targets), None, EventDate(), 0.7, rule="test",
        opposed=list(opposed),
    )  # fmt: skip


def test_an_arrest_reading_needs_someone_taken(coder, parse):
    parsed = parse("Police took time to respond.")
    cand = _attach(coder, parsed, "took", specific_only=True)
    assert cand.code == "173" and not cand.targets
    assert not coder.constraints.admit(cand, parsed.ctx, parsed.memory)


def test_an_arrest_with_a_detainee_is_admitted(coder, parse):
    parsed = parse("Kenyan police rounded up 200 protesters.")
    cand = _attach(coder, parsed, "rounded")
    assert coder.constraints.admit(cand, parsed.ctx, parsed.memory)


def test_agentless_violence_is_kept_less_sure(coder, parse):
    parsed = parse("Two soldiers were killed on Monday.")
    cand = _attach(coder, parsed, "killed")
    assert cand.sources == [] and cand.targets
    before = cand.confidence
    assert coder.constraints.admit(cand, parsed.ctx, parsed.memory)
    assert cand.confidence == pytest.approx(before - 0.2)


def test_an_agentless_act_is_dropped(coder, parse):
    parsed = parse("The accords were signed.")
    cand = _attach(coder, parsed, "signed")
    assert cand.sources == []
    assert not coder.constraints.admit(cand, parsed.ctx, parsed.memory)


def test_an_event_noun_needs_a_party(coder, parse):
    parsed = parse("The meeting was long.")
    cand = _attach(coder, parsed, "meeting", "noun")
    assert not coder.constraints.admit(cand, parsed.ctx, parsed.memory)


def test_joint_exercises_are_military_cooperation(coder):
    joint = _candidate("150", [_ref("RUS", 0), _ref("BLR", 10)])
    coder.constraints.conform(joint)
    assert joint.code == "062"
    alone = _candidate("150", [_ref("RUS", 0)])
    coder.constraints.conform(alone)
    assert alone.code == "150"


def test_only_a_cooperation_has_opposed_parties(coder):
    isis = ActorRef(text="ISIS", start=20, end=24, name="ISIS", actor_id="ISIS", kind="group")
    rejection = _candidate("120", [_ref("RUS", 0)], [_ref("IRN", 10)], [isis])
    coder.constraints.settle_opposed(rejection)
    assert rejection.opposed == [] and rejection.targets[-1] is isis
    cooperation = _candidate("050", [_ref("RUS", 0)], [], [isis])
    coder.constraints.settle_opposed(cooperation)
    assert cooperation.opposed == [isis] and cooperation.targets == []


def _coded(pipeline, text):
    from datetime import date

    from bedfellows.schema import Article

    article = Article(article_id="rcp", source_path="t", body=text, published=date(2020, 6, 15))
    [(_, events)] = list(pipeline.code_articles([article]))
    return events


def test_cooperation_aid_and_sanctions_need_a_recipient(coder, pipeline):
    # PLOVER manual: COOPERATE, AID and SANCTION "Requires recipient: Yes".
    [aid] = [e for e in _coded(pipeline, "Iran provided aid to Iraq.") if e.trigger == "provided"]
    assert aid.targets and coder.constraints.has_recipient(aid)
    alone = replace(aid, targets=())
    assert not coder.constraints.has_recipient(alone)
    # A bare verb's cooperation with nobody is no event; "provided aid" (a pattern) stays.
    assert not any(e.plover_type == "COOPERATE" for e in _coded(pipeline, "Police led the march."))
    assert any(e.plover_type == "AID" for e in _coded(pipeline, "Iran provided aid."))


def test_partners_named_together_need_no_recipient(coder, pipeline):
    [aid] = [e for e in _coded(pipeline, "Iran provided aid to Iraq.") if e.trigger == "provided"]
    partners = replace(aid, targets=(), sources=(_ref("IRN", 0), _ref("IRQ", 10)))
    assert coder.constraints.has_recipient(partners)
    # A type the manual lets go without one (PROTEST: "Requires recipient: No").
    assert coder.constraints.has_recipient(replace(aid, targets=(), plover_type="PROTEST"))


def test_a_small_clause_subject_is_someone_taken(coder, parse):
    from bedfellows.events.stages.check_constraints import person_object

    assert person_object(parse("The court found him guilty.").tok("found"))
    assert not person_object(parse("The court found the evidence weak.").tok("found"))
