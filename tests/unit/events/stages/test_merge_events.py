"""Stage 6, ``without_subordinates``, on sentences written for this test."""

from __future__ import annotations

import pytest

from bedfellows.events.stages.merge_events import without_subordinates

pytestmark = pytest.mark.slow


def _kept(events, parsed):
    evs, triggers = events(parsed)
    kept, kept_triggers = without_subordinates(evs, triggers)
    assert [e.trigger for e in kept] == [t.text for t in kept_triggers]  # still paired
    return [e.trigger for e in evs], [e.trigger for e in kept]


def test_what_a_demand_asks_for_is_its_content(events, parse):
    before, after = _kept(events, parse("Egypt demanded that Ankara withdraw its troops."))
    assert before == ["demanded", "withdraw"]
    assert after == ["demanded"]


def test_a_passive_subject_the_verb_coded_is_one_event(events, parse):
    before, after = _kept(events, parse("Demonstrations were held in Cairo."))
    assert before == ["Demonstrations", "held"]
    assert after == ["held"]


def test_what_a_refusal_turns_down_stays_negated_and_the_frame_goes(events, parse):
    before, after = _kept(events, parse("Chile refused to meet Peru's negotiators."))
    assert before == ["refused", "meet"]
    assert after == ["meet"]


def test_independent_events_are_kept(events, parse):
    before, after = _kept(events, parse("Iran attacked Iraq and Syria condemned Iran."))
    assert after == before and len(after) == 2


def test_a_purpose_clause_naming_no_new_party_is_why_an_act_happened(events, parse):
    before, after = _kept(events, parse("Iran sent troops to help Iraq."))
    assert before == ["sent", "help"]
    assert after == ["sent"]
