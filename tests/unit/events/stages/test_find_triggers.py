"""Stage 1, ``find_triggers``, on sentences written for this test."""

from __future__ import annotations

import pytest

from bedfellows.events.stages.find_triggers import comment_adjectives, find_triggers

pytestmark = pytest.mark.slow


def _triggers(coder, parsed, consumed=None):
    return [
        (t.tok.text, t.kind, t.specific_only)
        for t in find_triggers(parsed.ctx.sent, coder.nouns, consumed or set())
    ]


def test_verbs_and_event_nouns_are_triggers(coder, parse):
    found = _triggers(coder, parse("Egypt hosted talks between Israel and the PLO."))
    assert ("hosted", "verb", False) in found
    assert ("talks", "noun", False) in found


def test_attributions_and_modifiers_are_not(coder, parse):
    # "according to", a hyphenated participle ("US-led") and an adjectival
    # participle ("besieged") describe; only "shelled" reports an act.
    found = _triggers(
        coder, parse("According to officials, US-led forces shelled the besieged town.")
    )
    assert [w for w, _, _ in found] == ["shelled"]


def test_a_comment_adjective_is_a_trigger_and_the_speech_verb_is_not(coder, parse):
    found = _triggers(coder, parse("The French government said it is skeptical of Russia."))
    assert ("skeptical", "comment", False) in found
    assert "said" not in [w for w, _, _ in found]


def test_a_light_verb_codes_only_through_a_specific_pattern(coder, parse):
    found = _triggers(coder, parse("The leaders came together to sign the pact."))
    assert ("came", "verb", True) in found
    assert ("sign", "verb", False) in found


def test_a_framing_verb_with_an_event_noun_object_leaves_the_noun(coder, parse):
    found = _triggers(coder, parse("Egypt might consider a partnership with Sudan."))
    words = [w for w, _, _ in found]
    assert "consider" not in words and "partnership" in words


def test_consumed_words_are_skipped_even_when_added_during_the_walk(coder, parse):
    parsed = parse("Egypt hosted talks between Israel and the PLO.")
    consumed: set[int] = set()
    seen = []
    for trigger in find_triggers(parsed.ctx.sent, coder.nouns, consumed):
        seen.append(trigger.tok.text)
        if trigger.tok.text == "hosted":
            consumed.add(parsed.tok("talks").i)  # as a coded verb does
    assert seen == ["hosted"]


def test_comment_adjectives_are_pessimistic_or_optimistic_comments(coder):
    table = comment_adjectives()
    assert table["skeptical"] == "012" and table["hopeful"] == "013"
    assert {coder.codebook.cameo(code).root for code in table.values()} == {"01"}


def test_a_noun_that_names_a_kind_of_thing_is_no_event(coder, parse):
    found = _triggers(coder, parse("The army bought new attack helicopters after the clashes."))
    nouns = {text for text, kind, _ in found if kind == "noun"}
    assert "clashes" in nouns  # the clashes of this report
    assert "attack" not in nouns  # "attack helicopters": a kind of aircraft
    found = _triggers(coder, parse("Previous clashes left the town divided."))
    assert ("clashes", "noun", False) not in found
    found = _triggers(coder, parse("Any attack on the embassy would be punished."))
    assert ("attack", "noun", False) not in found
    found = _triggers(coder, parse("The attack on the embassy was condemned."))
    assert ("attack", "noun", False) in found
