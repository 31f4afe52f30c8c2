"""Sentence-level date reading: tense, ranges, anaphoric offsets, seasons, holidays."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from bedfellows.dates import date_sentence, event_date, find_expressions
from bedfellows.schema import DateBasis, Granularity

REPO = Path(__file__).resolve().parents[3]

WED = date(2015, 9, 16)  # a Wednesday


def _got(sentence: str, published: date | None, trigger: str | None = None):
    offset = sentence.find(trigger) if trigger else None
    got = date_sentence(sentence, published, trigger_offset=offset)
    if got.basis is not DateBasis.EXPRESSION:
        return None
    return got.start.isoformat(), got.end.isoformat(), str(got.granularity)


CASES = [
    # tense: a bare weekday/month/day after "will", "is due to" looks forward
    ("The envoy will arrive on Monday.", WED, None, ("2015-09-21", "2015-09-21", "day")),
    ("The envoy arrived on Monday.", WED, None, ("2015-09-14", "2015-09-14", "day")),
    ("The envoy arrived on Wednesday.", WED, None, ("2015-09-16", "2015-09-16", "day")),
    ("The summit is due to open in February.", WED, None, ("2016-02-01", "2016-02-29", "month")),
    ("The summit opened in February.", WED, None, ("2015-02-01", "2015-02-28", "month")),
    ("A vote is planned for August 2.", WED, None, ("2016-08-02", "2016-08-02", "day")),
    (
        "Rallies are set to take place this weekend.",
        WED,
        None,
        ("2015-09-19", "2015-09-20", "week"),
    ),
    ("Rallies took place this weekend.", WED, None, ("2015-09-12", "2015-09-13", "week")),
    # a future marker in an earlier clause does not carry over
    (
        "He will resign; the vote happened on Monday.",
        WED,
        None,
        ("2015-09-14", "2015-09-14", "day"),
    ),
    # ranges
    ("Fighting went on from 1992 to 1995.", WED, None, ("1992-01-01", "1995-12-31", "year")),
    ("Talks ran between May 4 and May 20.", WED, None, ("2015-05-04", "2015-05-20", "month")),
    ("Shops shut from June until August.", WED, None, ("2015-06-01", "2015-08-31", "month")),
    # anaphoric offsets count from the nearest day named before them
    (
        "He was seized on May 2 and freed three days later.",
        WED,
        "freed",
        ("2015-05-05",) * 2 + ("day",),
    ),
    (
        "The deal came on May 9; talks had begun the previous day.",
        WED,
        "begun",
        ("2015-05-08",) * 2 + ("day",),
    ),
    ("The vote was held the day after.", WED, None, None),
    ("Troops left two weeks after the vote.", WED, None, None),
    # seasons and holidays
    ("Prices fell last autumn.", WED, None, ("2014-09-01", "2014-11-30", "month")),
    ("Prices fell this summer.", WED, None, ("2015-06-01", "2015-08-31", "month")),
    ("Prices will fall next spring.", WED, None, ("2016-03-01", "2016-05-31", "month")),
    ("After the fall of the city, aid stopped.", WED, None, None),
    ("The mosque was attacked on Good Friday.", WED, None, ("2015-04-03", "2015-04-03", "day")),
    (
        "The plant will reopen after Christmas Day.",
        date(2015, 12, 20),
        None,
        ("2015-12-25", "2015-12-25", "day"),
    ),
    ("The strike began on Christmas Eve.", WED, None, ("2014-12-24", "2014-12-24", "day")),
    ("They met at Thanksgiving.", WED, None, ("2014-11-27", "2014-11-27", "day")),
    ("They will meet at Thanksgiving.", WED, None, ("2015-11-26", "2015-11-26", "day")),
    ("The Arab Spring changed the region.", WED, None, None),
]


@pytest.mark.parametrize(("sentence", "published", "trigger", "expected"), CASES)
def test_date_sentence(sentence, published, trigger, expected) -> None:
    if expected is None:
        assert _got(sentence, published, trigger) is None
        return
    assert _got(sentence, published, trigger) == expected


def test_future_reading_needs_the_sentence() -> None:
    sentence = "The envoy will arrive on Monday."
    plain = event_date(find_expressions(sentence), WED)
    assert plain.start == date(2015, 9, 14)  # without the sentence: the past reading


def test_easter_dates() -> None:
    from bedfellows.dates.resolve import _easter

    assert [_easter(y) for y in (2000, 2008, 2011, 2019, 2024)] == [
        date(2000, 4, 23),
        date(2008, 3, 23),
        date(2011, 4, 24),
        date(2019, 4, 21),
        date(2024, 3, 31),
    ]


def test_undated_article_gets_no_date_from_relative_words() -> None:
    got = date_sentence("They will meet on Friday, two days later.", None)
    assert got.start is None and got.basis is DateBasis.NONE


def test_winter_of_a_year_covers_both_readings() -> None:
    got = date_sentence("The siege lasted through the winter of 2013.", WED)
    assert got.start == date(2012, 12, 1) and got.end == date(2014, 2, 28)
    assert got.granularity is Granularity.YEAR


def test_own_date_set_scores_and_splits() -> None:
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from benchmarks.gold import dates_own

    records = dates_own.load(None)
    assert len(records) >= 100
    cases = dates_own.read_cases()
    assert len({c.category for c in cases}) >= 12
    result = dates_own.score(records, {})
    assert result["counts"]["test"] == sum(c.held_back for c in cases)
    assert result["counts"]["dev"] + result["counts"]["test"] == len(cases)
    for key in ("exact_day", "granularity", "exact_day (test)", "granularity (test)"):
        assert 0.0 <= result["metrics"][key] <= 1.0
    assert result["metrics"]["exact_day"] >= 0.9
