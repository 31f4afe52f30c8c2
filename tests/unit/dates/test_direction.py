"""Which way a date without a year lies from publication: cue words and tense.

Sentences written for this test. The rule (``bedfellows.dates.resolve``): a
yearless weekday, month-day, month, weekend, season or holiday is the nearest
one on or after publication when a forward cue governs it or its clause is
future, intended or hypothetical; the nearest on or before when a backward cue
governs it or its clause is past; with neither, the reading is unchanged.
"""

from __future__ import annotations

from datetime import date

import pytest

from bedfellows.dates import Tense, date_sentence, event_date, resolve_expression
from bedfellows.schema import DateBasis, Granularity

WED = date(2002, 3, 13)  # a Wednesday
TUE = date(2002, 3, 5)
FUTURE, PAST = Tense.FUTURE, Tense.PAST


def _day(sentence: str, published: date, tense: Tense | None = None) -> str | None:
    got = date_sentence(sentence, published, tense=tense)
    if got.basis is not DateBasis.EXPRESSION:
        return None
    assert got.start == got.end and got.granularity is Granularity.DAY
    return got.start.isoformat()


# (sentence, publication date, tense the caller knows, expected day)
CASES = [
    # forward cues, whatever the verb's tense
    ("The panel promised a decision by March 6.", TUE, None, "2002-03-06"),
    ("the panel promised a decision by march 6.", TUE, PAST, "2002-03-06"),
    ("Schools stay shut from March 18 onwards.", WED, None, "2002-03-18"),
    ("schools were shut from march 18 onwards.", WED, PAST, "2002-03-18"),
    ("The hearing scheduled for March 25 drew a crowd.", WED, None, "2002-03-25"),
    ("the hearing scheduled for march 25 drew a crowd.", WED, PAST, "2002-03-25"),
    ("Shops were told to shut for the coming Friday.", WED, None, "2002-03-15"),
    ("traders called a strike next friday.", WED, PAST, "2002-03-15"),
    # the date's own apposition says what is still to come
    ("Police banned rallies on Friday, the day the union plans to march.", WED, None, "2002-03-15"),
    ("police banned marches on friday, the day the union proposes to go.", WED, PAST, "2002-03-15"),
    # a deadline of a past perfect clause is behind the report
    ("The troops had left the town by March 10.", WED, None, "2002-03-10"),
    # backward cues, whatever the tense
    ("The inquiry will look into the firing on March 10 last.", WED, None, "2002-03-10"),
    ("the inquiry will look into the firing on march 10 last.", WED, FUTURE, "2002-03-10"),
    ("The panel will study the clash of last Friday.", WED, FUTURE, "2002-03-08"),
    # the tense of the governing clause: future, intended and hypothetical look forward
    ("The two sides meet on Friday.", WED, FUTURE, "2002-03-15"),
    ("the rally is on march 15.", WED, FUTURE, "2002-03-15"),
    ("The governor will decide on March 20.", WED, None, "2002-03-20"),
    ("the governor will decide on march 20.", WED, None, "2002-03-20"),
    # ... past looks back, even after a "will" earlier in the clause
    ("The man who will chair the talks met the envoy on Friday.", WED, PAST, "2002-03-08"),
    ("the envoy arrived on march 11.", WED, PAST, "2002-03-11"),
    # no cue and no tense: unchanged (on or before publication; no anniversaries guessed)
    ("The envoy arrives on Friday.", WED, None, "2002-03-08"),
    ("the vhp remembers december 6 every year.", WED, None, "2001-12-06"),
    ("Crowds gathered on March 15.", WED, None, "2001-03-15"),
    # year boundaries
    ("the two leaders will meet on january 3.", date(2002, 12, 28), None, "2003-01-03"),
    ("The two leaders will meet on January 3.", date(2002, 12, 28), FUTURE, "2003-01-03"),
    ("the two leaders met on december 30.", date(2003, 1, 2), None, "2002-12-30"),
    ("The two leaders met on December 30.", date(2003, 1, 2), PAST, "2002-12-30"),
    ("the talks will resume on friday.", date(2002, 12, 30), None, "2003-01-03"),
    ("the talks resumed on saturday.", date(2003, 1, 1), PAST, "2002-12-28"),
    ("the strike will end by january 2.", date(2002, 12, 28), PAST, "2003-01-02"),
    # a date named with its year never moves
    ("The leaders will meet on March 6, 2001.", TUE, FUTURE, "2001-03-06"),
    ("the leaders met by march 6 2003.", TUE, PAST, "2003-03-06"),
]


@pytest.mark.parametrize(("sentence", "published", "tense", "expected"), CASES)
def test_direction_of_yearless_dates(sentence, published, tense, expected) -> None:
    assert _day(sentence, published, tense) == expected


def test_until_bound_resolves_forward_but_is_no_event_date() -> None:
    # "till" ends a state: resolved on or after publication, never the event's date.
    got = resolve_expression("till April 2", date(2002, 3, 20))
    assert got is not None and got.start == date(2002, 4, 2)
    got = resolve_expression("until friday", WED)
    assert got is not None and got.start == date(2002, 3, 15)
    dated = date_sentence("the two men were sent to jail till april 2.", date(2002, 3, 20))
    assert dated.basis is DateBasis.PUBLICATION


def test_resolve_expression_takes_a_tense() -> None:
    assert resolve_expression("on March 15", WED).start == date(2001, 3, 15)  # type: ignore[union-attr]
    ahead = resolve_expression("on March 15", WED, tense=FUTURE)
    assert ahead is not None and ahead.start == date(2002, 3, 15)
    behind = resolve_expression("next Friday", WED, tense=PAST)  # the cue wins
    assert behind is not None and behind.start == date(2002, 3, 15)


def test_tense_per_expression() -> None:
    sentence = "He said on Monday that talks resume on Friday."
    monday, friday = sentence.index("on Monday"), sentence.index("on Friday")

    def tense_at(start: int, end: int) -> Tense | None:
        return PAST if start == monday else FUTURE

    spans = [("on Monday", monday, monday + 9), ("on Friday", friday, friday + 9)]
    said = event_date(spans, WED, trigger_offset=3, sentence=sentence, tense=tense_at)
    resume = event_date(
        spans, WED, trigger_offset=sentence.index("resume"), sentence=sentence, tense=tense_at
    )
    assert said.start == date(2002, 3, 11)
    assert resume.start == date(2002, 3, 15)


def test_dateparser_reading_moves_forward_too() -> None:
    # spaCy entities the patterns do not read: "April seven" (a month, as the
    # recased text gives it) and "april seven" (a day, read by dateparser).
    sentence = "the minister is to leave on April seven."
    at = sentence.index("April")
    for text, day, gran in (("April seven", 1, Granularity.MONTH), ("april seven", 7, None)):
        spans = [(text, at, len(sentence) - 1)]
        ahead = event_date(spans, WED, sentence=sentence, tense=FUTURE)
        behind = event_date(spans, WED, sentence=sentence, tense=PAST)
        assert ahead.start == date(2002, 4, day) and behind.start == date(2001, 4, day)
        assert ahead.granularity is (gran or Granularity.DAY)
