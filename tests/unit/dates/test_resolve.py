"""Unit tests for bedfellows.dates.resolve: expressions → EventDate."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bedfellows.dates import event_date, find_expressions, resolve_expression
from bedfellows.dates import resolve as resolve_module
from bedfellows.schema import DateBasis, EventDate, Granularity

DAY = Granularity.DAY
WEEK = Granularity.WEEK
MONTH = Granularity.MONTH
YEAR = Granularity.YEAR
DECADE = Granularity.DECADE

MON = date(2014, 6, 16)  # a Monday
SAT = date(2014, 6, 14)
SUN = date(2014, 6, 15)
WED = date(2014, 6, 18)


def d(text: str) -> date:
    return date.fromisoformat(text)


def test_resolve_reference_weekdays() -> None:
    assert [MON.weekday(), SAT.weekday(), SUN.weekday(), WED.weekday()] == [0, 5, 6, 2]


# (expression, publication date, start, end, granularity)
RESOLVED = [
    # weekdays: the most recent one on or before P (wire copy names today's weekday) ...
    ("on Sunday", MON, "2014-06-15", "2014-06-15", DAY),
    ("Sunday", SUN, "2014-06-15", "2014-06-15", DAY),
    ("on Monday", MON, "2014-06-16", "2014-06-16", DAY),
    ("last Monday", MON, "2014-06-09", "2014-06-09", DAY),
    ("on Thursday", MON, "2014-06-12", "2014-06-12", DAY),
    ("last Tuesday", MON, "2014-06-10", "2014-06-10", DAY),
    ("on Friday", WED, "2014-06-13", "2014-06-13", DAY),
    ("late on Saturday", MON, "2014-06-14", "2014-06-14", DAY),
    ("early Tuesday", WED, "2014-06-17", "2014-06-17", DAY),
    ("Sunday night", MON, "2014-06-15", "2014-06-15", DAY),
    ("Sunday's", MON, "2014-06-15", "2014-06-15", DAY),
    # ... "last" is strictly before P; "next"/"this" look forward or at P's week
    ("today, Sunday", SUN, "2014-06-15", "2014-06-15", DAY),
    ("next Sunday", MON, "2014-06-22", "2014-06-22", DAY),
    ("next Monday", MON, "2014-06-23", "2014-06-23", DAY),
    ("this Wednesday", MON, "2014-06-18", "2014-06-18", DAY),
    # weekends: Saturday–Sunday, the one whose Saturday is on or before P
    ("this weekend", MON, "2014-06-14", "2014-06-15", WEEK),
    ("over the weekend", WED, "2014-06-14", "2014-06-15", WEEK),
    ("over the weekend", SUN, "2014-06-14", "2014-06-15", WEEK),
    ("this weekend", SAT, "2014-06-14", "2014-06-15", WEEK),
    ("at the weekend", WED, "2014-06-14", "2014-06-15", WEEK),
    ("this past weekend", MON, "2014-06-14", "2014-06-15", WEEK),
    ("last weekend", MON, "2014-06-14", "2014-06-15", WEEK),
    ("last weekend", SUN, "2014-06-07", "2014-06-08", WEEK),
    ("next weekend", MON, "2014-06-21", "2014-06-22", WEEK),
    ("next weekend", SAT, "2014-06-21", "2014-06-22", WEEK),
    # today / yesterday / tomorrow
    ("yesterday", MON, "2014-06-15", "2014-06-15", DAY),
    ("today", MON, "2014-06-16", "2014-06-16", DAY),
    ("tonight", MON, "2014-06-16", "2014-06-16", DAY),
    ("this morning", MON, "2014-06-16", "2014-06-16", DAY),
    ("tomorrow", MON, "2014-06-17", "2014-06-17", DAY),
    ("last night", MON, "2014-06-15", "2014-06-15", DAY),
    ("yesterday afternoon", MON, "2014-06-15", "2014-06-15", DAY),
    ("the day before yesterday", MON, "2014-06-14", "2014-06-14", DAY),
    # this / last / next week, month, year
    ("earlier this month", MON, "2014-06-01", "2014-06-16", MONTH),
    ("earlier in the month", MON, "2014-06-01", "2014-06-16", MONTH),
    ("later this month", MON, "2014-06-16", "2014-06-30", MONTH),
    ("this month", MON, "2014-06-01", "2014-06-30", MONTH),
    ("last month", MON, "2014-05-01", "2014-05-31", MONTH),
    ("last month", date(2014, 1, 10), "2013-12-01", "2013-12-31", MONTH),
    ("next month", MON, "2014-07-01", "2014-07-31", MONTH),
    ("earlier this week", WED, "2014-06-16", "2014-06-18", WEEK),
    ("this week", WED, "2014-06-16", "2014-06-22", WEEK),
    ("last week", MON, "2014-06-09", "2014-06-15", WEEK),
    ("next week", MON, "2014-06-23", "2014-06-29", WEEK),
    ("earlier this year", MON, "2014-01-01", "2014-06-16", YEAR),
    ("last year", MON, "2013-01-01", "2013-12-31", YEAR),
    ("late last year", MON, "2013-01-01", "2013-12-31", YEAR),
    ("since last year", MON, "2013-01-01", "2013-12-31", YEAR),
    ("next year", MON, "2015-01-01", "2015-12-31", YEAR),
    # months without a year: the most recent one on or before P
    ("in March", MON, "2014-03-01", "2014-03-31", MONTH),
    ("in June", MON, "2014-06-01", "2014-06-30", MONTH),
    ("in September", MON, "2013-09-01", "2013-09-30", MONTH),
    ("last March", MON, "2014-03-01", "2014-03-31", MONTH),
    ("last March", date(2014, 3, 10), "2013-03-01", "2013-03-31", MONTH),
    ("next March", MON, "2015-03-01", "2015-03-31", MONTH),
    # days without a year: the most recent one on or before P
    ("June 16", MON, "2014-06-16", "2014-06-16", DAY),
    ("June 17", MON, "2013-06-17", "2013-06-17", DAY),
    ("the 16th of June", MON, "2014-06-16", "2014-06-16", DAY),
    ("Dec. 25", MON, "2013-12-25", "2013-12-25", DAY),
    ("Jan 3", MON, "2014-01-03", "2014-01-03", DAY),
    ("Feb. 29", MON, "2012-02-29", "2012-02-29", DAY),
    # explicit calendar dates need no P
    ("June 16, 2014", None, "2014-06-16", "2014-06-16", DAY),
    ("on June 16, 2014", MON, "2014-06-16", "2014-06-16", DAY),
    ("16 June 2014", None, "2014-06-16", "2014-06-16", DAY),
    ("on Sunday, June 15, 2014", None, "2014-06-15", "2014-06-15", DAY),
    ("June 16-17, 2014", None, "2014-06-16", "2014-06-17", WEEK),
    ("in March 2011", None, "2011-03-01", "2011-03-31", MONTH),
    ("June 2014", None, "2014-06-01", "2014-06-30", MONTH),
    ("early March 2011", None, "2011-03-01", "2011-03-31", MONTH),
    ("Feb 2012", MON, "2012-02-01", "2012-02-29", MONTH),
    ("2014-06-16", None, "2014-06-16", "2014-06-16", DAY),
    ("16/06/2014", None, "2014-06-16", "2014-06-16", DAY),
    ("06/07/2014", None, "2014-06-07", "2014-06-07", DAY),  # ambiguous: month first
    ("07.06.2014", None, "2014-06-07", "2014-06-07", DAY),  # dotted: day first
    # years and decades
    ("in 2013", None, "2013-01-01", "2013-12-31", YEAR),
    ("2013", None, "2013-01-01", "2013-12-31", YEAR),
    ("mid-2013", None, "2013-01-01", "2013-12-31", YEAR),
    ("the summer of 2013", MON, "2013-06-01", "2013-08-31", MONTH),
    ("the winter of 2013", MON, "2012-12-01", "2014-02-28", YEAR),
    ("in the 1980s", None, "1980-01-01", "1989-12-31", DECADE),
    ("the 1990s", MON, "1990-01-01", "1999-12-31", DECADE),
    ("the 1980's", None, "1980-01-01", "1989-12-31", DECADE),
    ("in the '80s", None, "1980-01-01", "1989-12-31", DECADE),
    ("the early 2000s", None, "2000-01-01", "2009-12-31", DECADE),
    ("the '20s", MON, "1920-01-01", "1929-12-31", DECADE),
    # N units ago
    ("two days ago", MON, "2014-06-14", "2014-06-14", DAY),
    ("5 days ago", MON, "2014-06-11", "2014-06-11", DAY),
    ("three weeks ago", MON, "2014-05-26", "2014-06-01", WEEK),
    ("a week ago", WED, "2014-06-09", "2014-06-15", WEEK),
    ("two months ago", MON, "2014-04-01", "2014-04-30", MONTH),
    ("three months ago", date(2014, 2, 10), "2013-11-01", "2013-11-30", MONTH),
    ("eight years ago", MON, "2006-01-01", "2006-12-31", YEAR),
    ("a year ago", MON, "2013-01-01", "2013-12-31", YEAR),
    ("more than twenty-five years ago", MON, "1989-01-01", "1989-12-31", YEAR),
    ("two decades ago", MON, "1990-01-01", "1999-12-31", DECADE),
    # read by the dateparser fallback, relative to P
    ("June the 16th", MON, "2014-06-16", "2014-06-16", DAY),
]


@pytest.mark.parametrize(("text", "published", "start", "end", "granularity"), RESOLVED)
def test_resolve_expression(
    text: str, published: date | None, start: str, end: str, granularity: Granularity
) -> None:
    got = resolve_expression(text, published)
    assert got == EventDate(
        start=d(start),
        end=d(end),
        granularity=granularity,
        basis=DateBasis.EXPRESSION,
        text=text,
    )


DURATIONS = [
    "for eight years",
    "eight years",
    "the last ten years",
    "for the past ten years",
    "two-day",
    "for three weeks",
    "in recent years",
    "over the past decade",
    "the past week",
    "in the coming weeks",
    "for years",
    "two and a half years",
]


@pytest.mark.parametrize("text", DURATIONS)
@pytest.mark.parametrize("published", [MON, None])
def test_resolve_durations_are_not_dates(text: str, published: date | None) -> None:
    assert resolve_expression(text, published) is None


@pytest.mark.parametrize(
    "text",
    [
        "a few days ago",
        "several years ago",
        "10 a.m.",
        "June 31, 2014",
        "2014-02-30",
        "5000 decades ago",
        "99999999999 weeks ago",
    ],
)
def test_resolve_vague_or_invalid_gives_none(text: str) -> None:
    assert resolve_expression(text, MON) is None


RELATIVE = [
    "on Sunday",
    "last Tuesday",
    "this weekend",
    "over the weekend",
    "earlier this month",
    "yesterday",
    "last year",
    "next week",
    "June 16",
    "in March",
    "last March",
    "three weeks ago",
    "June the 16th",
]


@pytest.mark.parametrize("text", RELATIVE)
def test_resolve_relative_without_publication_gives_no_date(text: str) -> None:
    assert resolve_expression(text, None) == EventDate(basis=DateBasis.NONE, text=text)


def test_resolve_accepts_a_datetime_publication() -> None:
    got = resolve_expression("yesterday", datetime(2014, 6, 16, 23, 59))
    assert got is not None
    assert (got.start, got.end) == (d("2014-06-15"), d("2014-06-15"))
    assert type(got.start) is date


def test_resolve_since_is_read_but_marked() -> None:
    got = resolve_expression("since 1979", None)
    assert got is not None
    assert (got.start, got.end, got.granularity) == (d("1979-01-01"), d("1979-12-31"), YEAR)


def test_resolve_never_calls_dateparser_without_publication(monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise AssertionError("dateparser called")

    monkeypatch.setattr(resolve_module, "_date_parser", boom)
    resolve_module._resolve.cache_clear()
    for text in ["June the 16th", "the 16th of June", "16 June"]:
        assert resolve_expression(text, None) == EventDate(basis=DateBasis.NONE, text=text)
    resolve_module._resolve.cache_clear()


def test_resolve_hot_path_avoids_dateparser(monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise AssertionError("dateparser called")

    monkeypatch.setattr(resolve_module, "_date_parser", boom)
    resolve_module._resolve.cache_clear()
    for text, published, *_ in RESOLVED[:-1]:  # all but the dateparser case
        assert resolve_expression(text, published) is not None
    resolve_module._resolve.cache_clear()


# --- event_date: choosing and falling back ----------------------------------


def _sentence_date(sentence: str, published: date | None, **kw: int) -> EventDate:
    return event_date(find_expressions(sentence), published, **kw)


def test_event_date_no_expression_falls_back_to_publication() -> None:
    got = _sentence_date("The minister said Iraq would not accept foreign troops.", MON)
    assert got == EventDate(start=MON, end=MON, granularity=DAY, basis=DateBasis.PUBLICATION)


def test_event_date_no_expression_and_no_publication_gives_none() -> None:
    got = _sentence_date("The minister said Iraq would not accept foreign troops.", None)
    assert got == EventDate(basis=DateBasis.NONE)


@pytest.mark.parametrize(
    "sentence",
    [
        "The two countries fought for eight years.",
        "Attacks rose in the last ten years.",
        "Relations have been frozen since 1979.",
        "A two-day visit ended.",
    ],
)
def test_event_date_durations_and_since_are_ignored(sentence: str) -> None:
    assert _sentence_date(sentence, MON) == EventDate(
        start=MON, end=MON, granularity=DAY, basis=DateBasis.PUBLICATION
    )
    assert _sentence_date(sentence, None) == EventDate(basis=DateBasis.NONE)


@pytest.mark.parametrize(
    ("sentence", "text", "start"),
    [
        ("Iraq said on Sunday it had closed the border.", "on Sunday", 10),
        ("Officials met earlier this month in Vienna.", "earlier this month", 14),
        ("Last year, Iran sent aid.", "Last year", 0),
    ],
)
def test_event_date_relative_without_publication_keeps_text_not_date(
    sentence: str, text: str, start: int
) -> None:
    got = _sentence_date(sentence, None)
    assert got == EventDate(
        basis=DateBasis.NONE, text=text, text_start=start, text_end=start + len(text)
    )


def test_event_date_absolute_wins_when_undated() -> None:
    got = _sentence_date("On Sunday, Iraq recalled the war it fought in the 1980s.", None)
    assert (got.start, got.end, got.granularity, got.basis) == (
        d("1980-01-01"),
        d("1989-12-31"),
        DECADE,
        DateBasis.EXPRESSION,
    )
    assert got.text == "in the 1980s"


def test_event_date_prefers_most_specific_without_trigger() -> None:
    sentence = "Last year, the US imposed sanctions that Iran on Sunday called illegal."
    got = _sentence_date(sentence, MON)
    assert (got.start, got.end, got.granularity) == (d("2014-06-15"), d("2014-06-15"), DAY)
    assert (got.text, got.text_start, got.text_end) == ("on Sunday", 46, 55)


def test_event_date_prefers_expression_nearest_trigger() -> None:
    sentence = "Last year, the US imposed sanctions that Iran on Sunday called illegal."
    near_imposed = _sentence_date(sentence, MON, trigger_offset=sentence.index("imposed"))
    assert (near_imposed.text, near_imposed.granularity) == ("Last year", YEAR)
    assert (near_imposed.start, near_imposed.end) == (d("2013-01-01"), d("2013-12-31"))
    near_called = _sentence_date(sentence, MON, trigger_offset=sentence.index("called"))
    assert (near_called.text, near_called.start) == ("on Sunday", d("2014-06-15"))


def test_event_date_equal_specificity_takes_first() -> None:
    got = _sentence_date("Talks held in 2012 resumed in 2013.", None)
    assert (got.text, got.start, got.end) == ("in 2012", d("2012-01-01"), d("2012-12-31"))


def test_event_date_overlapping_spans_keep_the_longer() -> None:
    sentence = "Iraq said on Sunday it had closed the border."
    spacy_like = [("Sunday", 13, 19)]
    got = event_date(spacy_like + list(find_expressions(sentence)), MON)
    assert (got.text, got.text_start, got.text_end) == ("on Sunday", 10, 19)
    assert got.start == d("2014-06-15")


def test_event_date_plain_tuples_and_spacy_durations() -> None:
    # A spaCy DATE entity that is a duration must not date the event.
    got = event_date([("eight years", 30, 41), ("June 16, 2014", 45, 58)], None)
    assert (got.text, got.start, got.granularity) == ("June 16, 2014", d("2014-06-16"), DAY)
    assert (got.text_start, got.text_end) == (45, 58)


def test_event_date_accepts_datetime_publication() -> None:
    got = event_date([], datetime(2014, 6, 16, 8, 30))
    assert got == EventDate(start=MON, end=MON, granularity=DAY, basis=DateBasis.PUBLICATION)
    assert type(got.start) is date
