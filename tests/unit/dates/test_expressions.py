"""Unit tests for bedfellows.dates.expressions: finding temporal expressions."""

from __future__ import annotations

import pytest

from bedfellows.dates import TimeExpression, find_expressions
from bedfellows.dates.expressions import expression_kind, match_expression

# (sentence, expected [(text, kind), ...] in order)
FIND_CASES = [
    (
        "Iran and Iraq signed a pact on Sunday after fighting for eight years in the 1980s.",
        [("on Sunday", "date"), ("for eight years", "duration"), ("in the 1980s", "date")],
    ),
    (
        "Officials met earlier this month and again over the weekend.",
        [("earlier this month", "date"), ("over the weekend", "date")],
    ),
    ("The last ten years saw no talks.", [("The last ten years", "duration")]),
    (
        "He began a two-day visit to Tehran last Tuesday.",
        [("two-day", "duration"), ("last Tuesday", "date")],
    ),
    ("Relations have been cut since 1979.", [("since 1979", "since")]),
    ("The embargo stays until 2016.", [("until 2016", "until")]),
    ("It may rain, and protesters march in May.", [("in May", "date")]),
    ("Bloody Sunday is remembered by many.", []),
    ("A total of 2000 troops arrived.", []),
    ("The UN counted 2,000 deaths over 2,000 years.", []),
    ("The 2003 invasion is still debated.", []),
    ("She is in her 80s.", []),
    ("Jan Kubis met Maliki.", []),
    (
        "Talks on June 16, 2014 and 2014-06-17 failed.",
        [("on June 16, 2014", "date"), ("2014-06-17", "date")],
    ),
    (
        "Two days ago the minister resigned, three weeks after his appointment.",
        [("Two days ago", "date"), ("three weeks", "duration")],
    ),
    (
        "Maliki took office in March 2011 and stayed for three weeks.",
        [("in March 2011", "date"), ("for three weeks", "duration")],
    ),
    ("Music from the '80s played.", [("from the '80s", "date")]),
    ("Fighting began in the summer of 2013.", [("in the summer of 2013", "date")]),
    (
        "They met last weekend, not this weekend.",
        [("last weekend", "date"), ("this weekend", "date")],
    ),
    ("In recent years the border was quiet.", [("In recent years", "duration")]),
    ("Clashes over the past week killed dozens.", [("over the past week", "duration")]),
    ("Shelling began yesterday morning.", [("yesterday morning", "date")]),
    ("Troops left late on Saturday.", [("late on Saturday", "date")]),
    (
        "The vote is next week; the count is tomorrow.",
        [("next week", "date"), ("tomorrow", "date")],
    ),
    ("Prices rose 20 percent last year.", [("last year", "date")]),
    ("The accord of 16 June 2014 holds.", [("16 June 2014", "date")]),
    ("It was signed on Sunday, June 15, 2014.", [("on Sunday, June 15, 2014", "date")]),
    ("Forces advanced in mid-2013.", [("in mid-2013", "date")]),
    ("The deal was struck 25 years ago.", [("25 years ago", "date")]),
    ("The decree of 16/06/2014 was annulled.", [("16/06/2014", "date")]),
    (
        "In the last week of June 2014 they met.",
        [("In the last week", "duration"), ("June 2014", "date")],
    ),
    ("A ten-year-old boy was hurt.", [("ten-year-old", "duration")]),
    ("Nothing happened.", []),
    ("", []),
]


@pytest.mark.parametrize(("sentence", "expected"), FIND_CASES)
def test_expressions_find(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = find_expressions(sentence)
    assert [(e.text, e.kind) for e in found] == expected


@pytest.mark.parametrize(("sentence", "_expected"), FIND_CASES)
def test_expressions_offsets_point_into_the_sentence(sentence: str, _expected: object) -> None:
    found = find_expressions(sentence)
    for expr in found:
        assert sentence[expr.start : expr.end] == expr.text
    ends = [e.end for e in found]
    starts = [e.start for e in found]
    # In text order and never overlapping.
    assert all(end <= nxt for end, nxt in zip(ends, starts[1:], strict=False))


def test_expressions_unpack_as_plain_triples() -> None:
    [expr] = find_expressions("They met on Sunday.")
    assert isinstance(expr, TimeExpression)
    text, start, end = expr
    assert (text, start, end) == ("on Sunday", 9, 18)
    assert not expr.is_duration
    assert not expr.is_since


def test_expressions_since_and_duration_flags() -> None:
    since, duration = find_expressions("Since 1979 they fought for eight years.")
    assert since.is_since and not since.is_duration
    assert duration.is_duration and not duration.is_since


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("for eight years", "duration"),
        ("eight years", "duration"),
        ("the last ten years", "duration"),
        ("the past two weeks", "duration"),
        ("since 1979", "since"),
        ("ever since March", "since"),
        ("until June 2016", "until"),
        ("on Sunday", "date"),
        ("eight years ago", "date"),
        ("Sunday's", "date"),
        ("10 a.m.", "date"),  # not recognised: left to resolution, which gives None
    ],
)
def test_expressions_kind(text: str, kind: str) -> None:
    assert expression_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("2013", "year"),  # a bare year is a date when the text is known to be one
        ("June", "month"),
        ("Sunday", "weekday"),
        ("last week,", "period"),
        ("the weekend", "weekend"),
        ("Dec. 5", "mdy"),
        ("the 1990s", "decade"),
    ],
)
def test_expressions_match_one_expression(text: str, name: str) -> None:
    parsed = match_expression(text)
    assert parsed is not None
    assert parsed.name == name


def test_expressions_lowercase_month_is_not_a_month() -> None:
    assert match_expression("may 5") is None
    assert find_expressions("Protesters will march 5 miles.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # lower-cased news: a full month name with its day is a date ...
        ("the governor will decide by march 6.", [("by march 6", "date")]),
        ("the puja is planned for march 15 in the town.", [("march 15", "date")]),
        ("curfew stays till 6th march.", [("till 6th march", "until")]),
        ("they met on 6 march and on may 5.", [("on 6 march", "date"), ("on may 5", "date")]),
        ("the march 2002 riots", [("march 2002", "date")]),
        # ... but not a verb or a modal before a number that counts something
        ("about 20 march in protest every day.", []),
        ("of the 12 held, 10 may be freed.", []),
        ("the crowd will march 5 km.", []),
        ("we march in may.", []),
    ],
)
def test_expressions_lowercase_month_with_its_day(sentence: str, expected: list) -> None:
    assert [(e.text, e.kind) for e in find_expressions(sentence)] == expected
