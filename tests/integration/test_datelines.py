"""A dateline ("NEW DELHI: …", "TEHRAN, July 23 (Reuters) - …") is where a story
was filed: never an event's source, target or reporter. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from bedfellows.ingest.dateline import find_dateline

pytestmark = pytest.mark.slow

STORY = "The opposition party has asked the ministry to release the detained students."
# Every dateline form; each is tried in capitals, title case and lower case.
FORMS = [
    "New Delhi: ",
    "New Delhi, March 3: ",
    "New Delhi, July 23 (Reuters) - ",
    "New Delhi (AP) — ",
    "(AFP) -- ",
    "New Delhi — ",
    "New Delhi – ",
]
CASES = {"upper": str.upper, "title": lambda s: s, "lower": str.lower}


def _actors(event):
    yield from event.sources
    yield from event.targets
    yield from event.opposed
    if event.reported_by is not None:
        yield event.reported_by


def _outside(events, end: int) -> None:
    for e in events:
        for a in _actors(e):
            assert a.start >= end, (e.trigger, a.text, a.start, end)


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("form", FORMS)
def test_no_actor_from_the_dateline(code_text, form, case):
    text = CASES[case](form + STORY)
    found = find_dateline(text)
    assert found is not None
    _, events = code_text(text)
    asked = [e for e in events if e.trigger.lower() == "asked"]
    assert asked, [(e.trigger, e.cameo_code) for e in events]
    _outside(events, found.end)
    assert all(a.country != "IND" or a.basis == "context" for e in asked for a in e.sources)


@pytest.mark.parametrize("case", list(CASES))
def test_dateline_is_never_the_reporter(code_text, case):
    text = CASES[case](
        "Lucknow: The governor will decide on the new cabinet by Friday, said an official."
    )
    _, events = code_text(text)
    assert events
    _outside(events, len("Lucknow: "))
    assert all(e.reported_by is None or "ucknow" not in e.reported_by.text.lower() for e in events)


def test_dateline_after_a_story_date_line(code_text):
    text = (
        "This story is from March 10, 2002\n\n"
        "allahabad: an emergency meeting of the old students association condemned the attack."
    )
    _, events = code_text(text)
    _outside(events, text.index("an emergency"))


def test_dateline_still_places_the_first_sentence(code_text):
    # Never an actor, the dateline still says where its sentence happens: the
    # country-less police are Kenya's (the context rule of ``events.implicit``).
    _, events = code_text("NAIROBI (AP) — Police arrested twelve protesters on Friday.")
    arrest = next(e for e in events if e.trigger == "arrested")
    police = arrest.sources[0]
    assert police.text.lower() == "police"
    assert (police.country, police.basis) == ("KEN", "context")


def test_dateline_breaks_no_tie(code_text):
    # Filed from a bureau abroad: the dateline's country is not the story's.
    _, events = code_text(
        "CAIRO (AP) — Hundreds of Libyan students marched on Tuesday, demanding that "
        "the judges resign."
    )
    assert events
    _outside(events, len("CAIRO (AP) — "))
    assert all(a.country != "EGY" for e in events for a in _actors(e))


def test_dateline_agrees_with_the_country_left(code_text):
    # Two countries named: the attacker's nationality, and the victims' waters.
    # The dateline is in the second, so the victims are its people; without a
    # dateline nothing says so, and they stay country-less.
    story = "Four fishermen were killed by Iraqi gunfire in the Iranian waters of the Gulf."
    _, events = code_text("TEHRAN: " + story)
    killed = next(e for e in events if e.trigger == "killed")
    assert {a.country for a in killed.sources} == {"IRQ"}
    assert [(t.country, t.basis) for t in killed.targets] == [("IRN", "context")]
    _outside(events, len("TEHRAN: "))
    _, events = code_text(story)
    killed = next(e for e in events if e.trigger == "killed")
    assert [t.country for t in killed.targets] == [None]


def test_a_later_paragraph_keeps_its_actors(code_text):
    text = "The talks went on all week.\n\nNew Delhi: the capital has asked Pakistan for talks."
    _, events = code_text(text)
    asked = next(e for e in events if e.trigger == "asked")
    # Not the article's start: "New Delhi" here is a name in the story.
    assert any(a.text == "New Delhi" for a in asked.sources)
