"""Promised, forecast and refused acts, and events that are only another's content.

Sentences written for this test (not from any corpus).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _on(events, word):
    return [e for e in events if e.trigger.lower() == word.lower()]


@pytest.mark.parametrize(
    ("text", "trigger", "plover", "cameo_root"),
    [
        ("Norway will send food aid to Yemen next month.", "send", "AGREE", "07"),
        ("The Kenyan president will visit Ethiopia in May.", "visit", "AGREE", "04"),
        ("Rebels vowed to attack the capital, Bamako.", "attack", "THREATEN", "19"),
    ],
)
def test_intended_acts_keep_their_act_code_and_take_plover_s_type(
    code_text, text, trigger, plover, cameo_root
):
    _, events = code_text(text)
    [ev] = _on(events, trigger)
    assert ev.modality == "intended"
    assert ev.plover_type == plover
    assert ev.cameo_root == cameo_root


@pytest.mark.parametrize(
    "text",
    [
        "Chile refused to meet Peru's negotiators.",
        "Austria said it will not accept more refugees from Hungary.",
    ],
)
def test_refusals_are_asserted_rejections_coded_once(code_text, text):
    _, events = code_text(text)
    rejections = [e for e in events if e.plover_type == "REJECT"]
    assert len(rejections) == 1
    assert rejections[0].modality == "asserted"
    assert rejections[0].cameo_root == "12"


def test_a_past_negation_is_no_rejection(code_text):
    _, events = code_text("Spain did not send troops to Mali last year.")
    assert not [e for e in events if e.plover_type == "REJECT"]


def test_the_object_of_an_event_is_not_a_second_event(code_text):
    _, events = code_text("Sweden condemned the bombing of a Somali market by al-Shabaab.")
    assert [e.plover_type for e in events] == ["ACCUSE"]


@pytest.mark.parametrize(
    "text",
    [
        "Ghana agreed to reopen its border with Togo.",
        "Ghana agreed to release the detained Togolese fishermen.",
    ],
)
def test_agreed_to_codes_one_agreement(code_text, text):
    _, events = code_text(text)
    assert [e.plover_type for e in events] == ["AGREE"]
