"""Turn temporal expressions into ``EventDate`` ranges relative to publication.

Rules (P is the article's publication date; news reports past events, so
relative expressions prefer the past):

* weekday ("on Sunday", "last Tuesday", "early Monday"): the most recent such
  weekday strictly before P; P itself only when the text also says "today"
  ("today, Sunday"). "next Sunday" is the first one after P, "this Sunday" the
  one in P's Monday–Sunday week. DAY.
* "this weekend", "over the weekend", "this past weekend": the Saturday–Sunday
  whose Saturday is on or before P (P itself if P is a Saturday). "last
  weekend": the most recent weekend that ended before P. "next weekend": the
  first weekend starting after P. WEEK, start Saturday, end Sunday.
* "today"/"tonight"/"this morning" = P, "yesterday"/"last night" = P-1,
  "tomorrow" = P+1. DAY.
* "this/last/next week|month|year": the calendar week (Monday–Sunday), month
  or year containing P, or the one before/after it. "earlier this month" runs
  from the first of P's month to P, "later this month" from P to its end.
* month without year ("in March", "June 16"): the most recent one on or
  before P; "last March" the most recent March before P's month.
* "N days/weeks/months/years ago": the day, Monday–Sunday week, calendar
  month or calendar year that lies N units before P.
* absolute expressions ("June 16, 2014", "in 2013", "in the 1980s",
  "March 2011", ISO dates) need no P.

Which way a date without a year lies from P (``event_date``; the rules above
are the reading with no cue). A bare weekday, weekend, month, month-day,
season or holiday is the nearest one **on or after** P when it is governed by
a forward cue ("till/until/by March 6", "next", "the coming Friday", "from
March 15 onwards", "scheduled for April 2", "on Friday, the day the party
plans to march") or its clause is future, intended or hypothetical (the
caller's ``tense``: "will decide", "is to be held", "plans to", "if the
government allowed ... on March 15"); it is the nearest **on or before** P
when a backward cue governs it ("last Friday", "on March 3 last") or its
clause is in a past tense ("met on December 30"). Cues outrank tense: "was
remanded till April 1" looks forward, except that a deadline of a past
perfect clause ("had left by March 3") is past. With neither, a future marker
before the expression in its clause ("will", "is due to") decides, as before.
A date with its year is never moved.

A relative expression with no P resolves to ``EventDate(basis=NONE)``: no date
is ever guessed. Durations ("for eight years") resolve to None.
"""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

from bedfellows.dates.expressions import (
    KIND_ANAPHORIC,
    KIND_DATE,
    KIND_DURATION,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAYS,
    expression_kind,
    find_expressions,
    find_expressions_relaxed,
    match_expression,
)
from bedfellows.schema import DateBasis, EventDate, Granularity

__all__ = ["Tense", "TenseOf", "date_sentence", "event_date", "resolve_expression"]

logger = logging.getLogger(__name__)

_RANK = {
    Granularity.DAY: 0,
    Granularity.WEEK: 1,
    Granularity.MONTH: 2,
    Granularity.YEAR: 3,
    Granularity.DECADE: 4,
}


class Tense(StrEnum):
    """Which way the clause governing a date looks from publication: an event
    still to come (future, intended, hypothetical) or one that has happened."""

    FUTURE = "future"
    PAST = "past"


#: The tense of the clause governing the expression at (start, end) of the
#: sentence, or None when the parse does not say.
TenseOf = Callable[[int, int], Tense | None]


class _Relative:
    """Marker: the expression is relative and there is no publication date."""


_RELATIVE = _Relative()
_Range = tuple[date, date, Granularity]
_Result = _Range | _Relative | None
_Groups = dict[str, str | None]


# --- calendar helpers -------------------------------------------------------


def _month_range(year: int, month: int) -> _Range:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last), Granularity.MONTH


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _year_range(year: int) -> _Range | None:
    if not 1 <= year <= 9999:
        return None
    return date(year, 1, 1), date(year, 12, 31), Granularity.YEAR


def _week_range(day: date) -> _Range:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6), Granularity.WEEK


def _decade_range(year: int) -> _Range:
    start = year - year % 10
    return date(start, 1, 1), date(start + 9, 12, 31), Granularity.DECADE


def _day(d: date) -> _Range:
    return d, d, Granularity.DAY


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _low(value: str | None) -> str:
    return " ".join(value.lower().split()) if value else ""


def _month_number(value: str | None) -> int:
    return MONTHS[_low(value).rstrip(".")]


# --- one rule per pattern ---------------------------------------------------


def _deictic(g: _Groups, p: date | None) -> _Result:
    if p is None:
        return _RELATIVE
    word = _low(g["word"])
    if word.startswith("the day before"):
        offset = -2
    elif word.startswith("the day after"):
        offset = 2
    elif word.startswith("yesterday") or word == "last night":
        offset = -1
    elif word.startswith("tomorrow"):
        offset = 1
    else:  # today, tonight, this morning, earlier today
        offset = 0
    return _day(p + timedelta(days=offset))


def _weekday(g: _Groups, p: date | None, future: bool = False) -> _Result:
    if p is None:
        return _RELATIVE
    wd = WEEKDAYS[_low(g["wd"])]
    rel = _low(g.get("rel"))
    if g.get("today") and wd == p.weekday():
        return _day(p)
    if rel in ("next", "coming"):
        return _day(p + timedelta(days=(wd - p.weekday() - 1) % 7 + 1))
    if rel == "this":
        return _day(p - timedelta(days=p.weekday() - wd))
    if not rel:
        if future:  # "will travel on Friday": the first Friday on or after P
            return _day(p + timedelta(days=(wd - p.weekday()) % 7))
        # Wire copy names the day even for today ("said on Monday" in Monday's
        # paper), so a bare weekday is the most recent one on or before P.
        return _day(p - timedelta(days=(p.weekday() - wd) % 7))
    # "last", "past", "this past": strictly before P.
    return _day(p - timedelta(days=(p.weekday() - wd - 1) % 7 + 1))


def _weekend(g: _Groups, p: date | None, future: bool = False) -> _Result:
    if p is None:
        return _RELATIVE
    rel = _low(g["rel"])
    saturday = p - timedelta(days=(p.weekday() - 5) % 7)  # on or before P
    if future and rel in ("this", "the") and p.weekday() < 5:
        saturday += timedelta(days=7)  # "will meet this weekend": the coming one
    if rel == "last" and p.weekday() >= 5:
        saturday -= timedelta(days=7)  # P is inside a weekend: "last" is the one before
    elif rel in ("next", "coming"):
        saturday = p + timedelta(days=(5 - p.weekday()) % 7 or 7)
    return saturday, saturday + timedelta(days=1), Granularity.WEEK


def _unit_range(unit: str, p: date, delta: int) -> _Range:
    if unit == "week":
        return _week_range(p + timedelta(days=7 * delta))
    if unit == "month":
        return _month_range(*_shift_month(p.year, p.month, delta))
    year = p.year + delta
    return date(year, 1, 1), date(year, 12, 31), Granularity.YEAR


def _period(g: _Groups, p: date | None) -> _Result:
    if p is None:
        return _RELATIVE
    unit = _low(g["unit"])
    rel = _low(g.get("rel")) or "this"
    q = _low(g.get("q"))
    delta = {"last": -1, "this past": -1, "next": 1}.get(rel, 0)
    start, end, gran = _unit_range(unit, p, delta)
    if delta == 0 and q == "earlier":
        return start, p, gran
    if delta == 0 and q == "later":
        return p, end, gran
    return start, end, gran


def _month(g: _Groups, p: date | None, future: bool = False) -> _Result:
    if p is None:
        return _RELATIVE
    month = _month_number(g["month"])
    rel = _low(g.get("rel"))
    if rel in ("last", "this past"):
        year = p.year if month < p.month else p.year - 1
    elif rel == "next":
        year = p.year if month > p.month else p.year + 1
    elif rel == "this":
        year = p.year
    elif future:  # "elections are due in September": the next one
        year = p.year if month >= p.month else p.year + 1
    else:
        year = p.year if month <= p.month else p.year - 1
    return _month_range(year, month)


def _month_year(g: _Groups, p: date | None) -> _Result:
    return _month_range(int(g["year"] or 0), _month_number(g["month"]))


def _calendar_day(g: _Groups, p: date | None, future: bool = False) -> _Result:
    month = _month_number(g["month"])
    day = int(g["day"] or 0)
    if g.get("year"):
        year = int(g["year"] or 0)
        start = _safe_date(year, month, day)
    else:
        if p is None:
            return _RELATIVE
        if future:  # "the vote is scheduled for April 14": the next one
            year = p.year if (month, day) >= (p.month, p.day) else p.year + 1
        else:
            year = p.year if (month, day) <= (p.month, p.day) else p.year - 1
        start = _safe_date(year, month, day)
        step = 1 if future else -1
        for back in range(1, 8):  # February 29: the nearest leap year
            if start is not None:
                break
            start = _safe_date(year + step * back, month, day)
    if start is None:
        return None
    day2 = g.get("day2")
    if day2 and int(day2) > day:
        end = _safe_date(start.year, month, int(day2))
        if end is not None:
            gran = Granularity.WEEK if (end - start).days <= 6 else Granularity.MONTH
            return start, end, gran
    return _day(start)


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON_WORD = re.compile(r"spring|summer|autumn|fall|winter")


def _season_range(name: str, year: int) -> _Range:
    """The meteorological (northern) season that starts in ``year``: spring is
    March–May, summer June–August, autumn September–November, winter
    December–February."""
    month = _SEASON_START[name]
    end_year, end_month = _shift_month(year, month, 2)
    end = date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    return date(year, month, 1), end, Granularity.MONTH


def _year(g: _Groups, p: date | None) -> _Result:
    year = int(g["year"] or 0)
    season = _SEASON_WORD.search(_low(g.get("q")))
    if season is not None and 1 < year < 9999:
        if season.group() == "winter":
            # "the winter of 2013" may be 2012/13 or 2013/14: both, honestly.
            return date(year - 1, 12, 1), date(year + 1, 2, 28), Granularity.YEAR
        return _season_range(season.group(), year)
    return _year_range(year)


def _season(g: _Groups, p: date | None, future: bool = False) -> _Result:
    if p is None:
        return _RELATIVE
    name = _low(g["season"])
    rel = _low(g.get("rel"))
    spans = [_season_range(name, y) for y in range(p.year - 2, p.year + 2)]
    if rel in ("last", "this past", "the past"):
        return [r for r in spans if r[1] < p][-1]
    if rel in ("next", "coming", "the coming"):
        return next(r for r in spans if r[0] > p)
    if rel == "this":
        now = [r for r in spans if r[0] <= p <= r[1]]
        return now[0] if now else next(r for r in spans if r[0].year == p.year)
    if future:  # "in the spring" of a plan: the current or next one
        return next(r for r in spans if r[1] >= p)
    return [r for r in spans if r[0] <= p][-1]  # "in the summer": the latest begun


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def _holiday_in(name: str, year: int) -> date:
    if name.startswith("christmas"):
        return date(year, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new year"):
        return date(year, 12, 31) if name.endswith("eve") else date(year, 1, 1)
    if name.startswith("easter"):
        return _easter(year) + timedelta(days=1 if name.endswith("monday") else 0)
    if name == "good friday":
        return _easter(year) - timedelta(days=2)
    if name.startswith("thanksgiving"):  # the US holiday: fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return date(year, 2, 14)  # Valentine's Day


def _holiday(g: _Groups, p: date | None, future: bool = False) -> _Result:
    if p is None:
        return _RELATIVE
    name = re.sub(r"['’]", "", _low(g["hol"]))
    rel = _low(g.get("rel"))
    days = [_holiday_in(name, y) for y in range(p.year - 1, p.year + 2)]
    if rel in ("last", "this past"):
        return _day([d for d in days if d < p][-1])
    if rel in ("next", "coming"):
        return _day(next(d for d in days if d > p))
    if rel == "this":
        return _day(days[1])
    if future:
        return _day(next(d for d in days if d >= p))
    return _day([d for d in days if d <= p][-1])


def _decade(g: _Groups, p: date | None) -> _Result:
    if g.get("century"):
        return _decade_range(int(g["century"] or 0) * 100 + int(g["d2"] or 0) * 10)
    tens = int(g["d2"] or 0) * 10
    if p is not None:
        # "the '20s" in 2014 is the 1920s; "the '10s" in 2014 the 2010s.
        year = 2000 + tens if 2000 + tens <= p.year else 1900 + tens
    else:
        year = 2000 + tens if tens <= 10 else 1900 + tens
    return _decade_range(year)


def _number(num: str | None, half: str | None) -> float | None:
    word = _low(num)
    value: float | None
    if not word:
        return None
    if word[0].isdigit():
        value = float(word)
    elif word in NUMBER_WORDS:
        value = NUMBER_WORDS[word]
    else:
        parts = re.split(r"[\s-]+", word)
        if len(parts) == 2 and all(w in NUMBER_WORDS for w in parts):
            value = NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
        else:
            return None  # "a few", "several": too vague to date
    return value + 0.5 if half else value


_UNIT_DAYS = {"week": 7.0, "month": 30.44, "year": 365.25}


def _ago(g: _Groups, p: date | None) -> _Result:
    n = _number(g["num"], g.get("half"))
    if n is None:
        return None
    if p is None:
        return _RELATIVE
    unit = _low(g["unit"]).rstrip("s")
    if unit == "minute":
        return _day(p)
    if unit == "hour":
        return _day(p - timedelta(days=int(n // 24)))
    if unit == "day":
        return _day(p - timedelta(days=round(n)))
    if unit in ("decade", "century", "centurie"):
        years = 10 * n if unit == "decade" else 100 * n
        return _decade_range(p.year - round(years))
    whole = n == int(n)
    if unit == "week":
        return _week_range(p - timedelta(days=round(7 * n)))
    if unit == "month":
        if whole:
            return _month_range(*_shift_month(p.year, p.month, -int(n)))
        back = p - timedelta(days=round(_UNIT_DAYS["month"] * n))
        return _month_range(back.year, back.month)
    # years
    if whole:
        return _year_range(p.year - int(n))
    return _year_range((p - timedelta(days=round(_UNIT_DAYS["year"] * n))).year)


def _iso(g: _Groups, p: date | None) -> _Result:
    d = _safe_date(int(g["year"] or 0), int(g["mon"] or 0), int(g["day"] or 0))
    return _day(d) if d is not None else None


def _numeric(g: _Groups, p: date | None) -> _Result:
    a, b, year = int(g["a"] or 0), int(g["b"] or 0), int(g["year"] or 0)
    if a > 12:
        day, month = a, b
    elif b > 12:
        month, day = a, b
    elif g.get("sep") == ".":
        day, month = a, b  # 16.06.2014 is European day-first
    else:
        month, day = a, b  # 06/07/2014: month-first, as dateparser reads English
    d = _safe_date(year, month, day)
    return _day(d) if d is not None else None


_RULES: dict[str, Callable[[_Groups, date | None], _Result]] = {
    "ago": _ago,
    "iso": _iso,
    "numeric": _numeric,
    "mdy": _calendar_day,
    "dmy": _calendar_day,
    "month_year": _month_year,
    "decade": _decade,
    "year": _year,
    "weekend": _weekend,
    "deictic": _deictic,
    "period": _period,
    "period_in": _period,
    "weekday": _weekday,
    "month": _month,
    "season": _season,
    "holiday": _holiday,
}
# Rules whose reading of a bare expression depends on tense ("will meet on Friday").
_FUTURE_AWARE = frozenset({"weekday", "weekend", "month", "mdy", "dmy", "season", "holiday"})


# --- dateparser fallback ----------------------------------------------------

_MONTH_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?\b")
_RELATIVE_WORD = re.compile(
    r"\b(?:ago|last|next|this|past|coming|yesterday|today|tomorrow|tonight|week|weekend|"
    r"earlier|later|recent|since|until|till|for|night|morning|afternoon|evening|hours?|"
    r"minutes?|days|months|years|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
_YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b")
_PERIOD_GRAN = {
    "day": Granularity.DAY,
    "time": Granularity.DAY,
    "week": Granularity.WEEK,
    "month": Granularity.MONTH,
    "year": Granularity.YEAR,
}


@lru_cache(maxsize=64)
def _date_parser(base: datetime, parts: tuple[str, ...]) -> Any:
    # Imported here: dateparser is slow to import and is off the hot path.
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": list(parts),
    }
    return DateDataParser(languages=["en"], settings=settings)


def _one_year_on(found: _Range) -> _Range:
    """The same day or month a year later (February 29: the 28th)."""
    start, _end, gran = found
    if gran is Granularity.MONTH:
        return _month_range(start.year + 1, start.month)
    later = _safe_date(start.year + 1, start.month, start.day)
    return _day(later or date(start.year + 1, start.month, 28))


def _dateparser_fallback(text: str, p: date | None, future: bool = False) -> _Result:
    """Explicit calendar dates the patterns do not read ("June the 16th", "april
    seven"). dateparser prefers the past; a ``future`` reading of a date
    without its year moves it to the next occurrence on or after P."""
    if len(text) > 60 or _RELATIVE_WORD.search(text):
        return None
    if not (_MONTH_WORD.search(text) or _NUMERIC_DATE.search(text)):
        return None
    if p is not None:
        base = datetime(p.year, p.month, p.day)
        parts: tuple[str, ...] = ("month",)
    else:
        year = _YEAR_IN_TEXT.search(text)
        if year is None:
            return _RELATIVE  # a day or month with no year and no publication date
        # The base is the text's own year, never today's date; the year is required.
        base = datetime(int(year.group()), 1, 1)
        parts = ("month", "year")
    try:
        data = _date_parser(base, parts).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input
        logger.debug("dateparser failed on %r", text, exc_info=True)
        return None
    if data is None or data.date_obj is None:
        return None
    found = data.date_obj.date()
    gran = _PERIOD_GRAN.get(data.period or "day", Granularity.DAY)
    if gran is Granularity.WEEK:
        return _week_range(found)
    if gran is Granularity.YEAR:
        return _year_range(found.year)
    got = _month_range(found.year, found.month) if gran is Granularity.MONTH else _day(found)
    if future and p is not None and got[1] < p and _YEAR_IN_TEXT.search(text) is None:
        got = _one_year_on(got)
    return got


# --- public API -------------------------------------------------------------


def _as_date(published: date | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    return published


def _to_event_date(result: _Result, text: str) -> EventDate | None:
    if result is None:
        return None
    if isinstance(result, _Relative):
        return EventDate(basis=DateBasis.NONE, text=text)
    start, end, gran = result
    return EventDate(start=start, end=end, granularity=gran, basis=DateBasis.EXPRESSION, text=text)


def _better(a: EventDate, b: EventDate) -> bool:
    """Whether ``a`` beats ``b``: resolved over unresolved, then more specific."""
    if (a.start is None) != (b.start is None):
        return a.start is not None
    if a.granularity is None or b.granularity is None:
        return False
    return _RANK[a.granularity] < _RANK[b.granularity]


def _resolve_anchored(text: str, published: date | None, future: bool = False) -> EventDate | None:
    parsed = match_expression(text)
    if parsed is None or parsed.kind in (KIND_DURATION, KIND_ANAPHORIC):
        return None
    rule = _RULES[parsed.name]
    try:
        if future and parsed.name in _FUTURE_AWARE:
            result = rule(parsed.groups, published, True)  # type: ignore[call-arg]
        else:
            result = rule(parsed.groups, published)
    except (ValueError, OverflowError):  # "5000 decades ago": outside the calendar
        return None
    return _to_event_date(result, text)


_HAS_DIGIT = re.compile(r"\d")
# "from 2014 to 2016", "between June 3 and June 5", "from March until May".
_RANGE = re.compile(
    r"(?P<lead>from|between)\s+(?P<a>.+?)\s*(?:\s(?:to|and|until|till|through)\s|[-–])\s*"
    r"(?P<b>.+)",
    re.IGNORECASE,
)


def _range_granularity(a: EventDate, b: EventDate, start: date, end: date) -> Granularity:
    """The coarser side's granularity; two days make a WEEK (≤ 7 days) or MONTH."""
    ga, gb = a.granularity or Granularity.DAY, b.granularity or Granularity.DAY
    if ga is Granularity.DAY and gb is Granularity.DAY:
        return Granularity.WEEK if (end - start).days <= 6 else Granularity.MONTH
    return ga if _RANK[ga] >= _RANK[gb] else gb


def _resolve_range(text: str, published: date | None, future: bool) -> EventDate | None:
    m = _RANGE.fullmatch(text.strip())
    if m is None:
        return None
    a = _resolve(m.group("a"), published, future)
    b = _resolve(m.group("b"), published, future)
    if a is None or b is None or a.start is None or b.end is None or a.start > b.end:
        return None
    gran = _range_granularity(a, b, a.start, b.end)
    return EventDate(
        start=a.start, end=b.end, granularity=gran, basis=DateBasis.EXPRESSION, text=text
    )


@lru_cache(maxsize=131072)
def _resolve(text: str, published: date | None, future: bool = False) -> EventDate | None:
    parsed = match_expression(text)
    if parsed is not None:
        return _resolve_anchored(text, published, future)
    ranged = _resolve_range(text, published, future)
    if ranged is not None:
        return ranged
    # Not one known expression: an odd spaCy entity ("the 1980s and 1990s",
    # "June the 16th"). Use the most specific expression inside it ...
    best: EventDate | None = None
    for expr in find_expressions_relaxed(text):
        if expr.kind != KIND_DATE:
            continue
        sub = _resolve_anchored(expr.text, published, future)
        if sub is not None and (best is None or _better(sub, best)):
            best = sub
    if best is not None and (best.granularity is Granularity.DAY or not _HAS_DIGIT.search(text)):
        return replace(best, text=text)
    # ... unless dateparser reads a more precise calendar date that agrees with it.
    parsed_date = _to_event_date(_dateparser_fallback(text, published, future), text)
    if best is None:
        return parsed_date
    if (
        parsed_date is not None
        and parsed_date.start is not None
        and best.start is not None
        and best.end is not None
        and best.start <= parsed_date.start <= best.end
        and _better(parsed_date, best)
    ):
        return parsed_date
    return replace(best, text=text)


def resolve_expression(
    text: str, published: date | None, *, tense: Tense | None = None
) -> EventDate | None:
    """Resolve one temporal expression against the publication date ``published``.

    Returns an ``EventDate`` with basis EXPRESSION, ``start``/``end`` filled
    (equal for DAY) and ``text`` set to ``text`` (offsets are left None: the
    caller knows them); an ``EventDate`` with basis NONE when the expression is
    relative ("on Sunday", "last year") and ``published`` is None; or None
    when ``text`` is a duration ("for eight years") or no date at all.

    A date without a year looks forward or back by the cue in ``text`` itself
    ("till April 1", "next Friday") and else by ``tense`` (module docstring).
    """
    ahead = _looks_ahead(text, 0, len(text), None, tense)
    return _resolve(text, _as_date(published), ahead)


def _distance(start: int, end: int, offset: int) -> int:
    if offset < start:
        return start - offset
    if offset >= end:
        return offset - end + 1
    return 0


def _drop_overlaps(expressions: Sequence[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Keep the longer of overlapping spans (spaCy "Sunday" inside "on Sunday")."""
    spans = sorted(
        {(e[0], int(e[1]), int(e[2])) for e in expressions}, key=lambda e: (e[1] - e[2], e[1])
    )
    kept: list[tuple[str, int, int]] = []
    for text, start, end in spans:
        if all(end <= s or start >= e for _, s, e in kept):
            kept.append((text, start, end))
    kept.sort(key=lambda e: e[1])
    return kept


# Words that put what follows in the future ("will meet on Friday", "talks are
# scheduled to resume on Tuesday", "elections are due in September").
_FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|(?:is|are)\s+to|(?:is|are)\s+(?:due|scheduled|slated|set|"
    r"expected|planned|poised|going)|(?:plans?|intends?|proposes?)\s+to|upcoming)\b|\w['’]ll\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[;:.!?]\s")
_FUTURE_REACH = 60  # characters before the expression searched for a future marker
_RANGE_JOIN = re.compile(r"\s*(?:\b(?:to|and|until|till|through)\b|[-–])\s*", re.IGNORECASE)
_RANGE_LEAD = re.compile(r"(?:from|between)\s", re.IGNORECASE)
_LEAD_BEFORE = re.compile(r"\b(?:from|between)\s+\Z", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def _is_future(sentence: str, start: int) -> bool:
    """True when the clause before ``start`` marks the future ("will", "is due to")."""
    return _FUTURE.search(_clause_before(sentence, start)) is not None


# --- which way a date without a year lies (see the module docstring) --------
#
# Each cue is read just before the date proper (the day, month or weekday
# word, after any lead the expression itself carries) or just after it.

# Where the date proper starts inside an expression ("by March 6" → "March").
_CORE_START = re.compile(
    r"\d|\b(?:"
    + "|".join(sorted([*MONTHS, *WEEKDAYS], key=len, reverse=True))
    + r"|weekend|christmas|new\s+year|easter|good\s+friday|thanksgiving|valentine"
    + r"|spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)
# "the coming Friday", "next Friday", "the hearing scheduled for May 2":
# ahead of the report, whatever the verb's tense.
_AHEAD_BEFORE = re.compile(
    r"\b(?:(?:this\s+)?coming|next|(?:scheduled|slated|fixed|set|due|planned|proposed)"
    r"\s+(?:for|on))\s+(?:(?:the|on)\s+)*\Z",
    re.IGNORECASE,
)
# Deadlines and ends of a state: "was remanded till April 1", "will decide
# by March 6". Weaker: a past perfect clause puts them behind ("had left by
# March 3"), and "by Friday's blast" names a day, not a deadline.
_DEADLINE_BEFORE = re.compile(r"\b(?:till|until|up\s+to|by)\s+(?:(?:the|on)\s+)*\Z", re.IGNORECASE)
_POSSESSIVE_END = re.compile(r"['’]s\W*\Z")
_PAST_PERFECT = re.compile(r"\bhad\b|\w['’]d\s+(?:been|\w+ed)\b", re.IGNORECASE)
# "from March 15 onwards": ahead.
_AHEAD_AFTER = re.compile(r"\A\W{0,2}\s*onwards?\b", re.IGNORECASE)
# "on Friday, the day the party plans to march" / "..., when the talks are
# due to open": the date's own apposition says what is still to come.
_APPOSITION_AFTER = re.compile(
    r"\A\s*,\s*(?:the\s+(?:day|date)|when)\b(?P<what>[^,;:.!?]*)", re.IGNORECASE
)
# "last March 3", "this past Friday"; Indian news style "on March 3 last":
# behind the report (not "March 3 last year", which names its own year).
_BEHIND_BEFORE = re.compile(r"\b(?:last|this\s+past|past)\s+(?:(?:the|on)\s+)*\Z", re.IGNORECASE)
_BEHIND_AFTER = re.compile(
    r"\A\s+last\b(?!\s+(?:week|month|year|night|time|weekend|summer|winter|spring|autumn))",
    re.IGNORECASE,
)


def _clause_before(sentence: str, start: int) -> str:
    """The clause of ``sentence`` that runs up to ``start`` (at most ``_FUTURE_REACH``)."""
    before = sentence[max(0, start - _FUTURE_REACH) : start]
    ends = list(_CLAUSE_END.finditer(before))
    return before[ends[-1].end() :] if ends else before


def _cue(text: str, start: int, end: int, sentence: str | None) -> int:
    """+1 when a cue puts the expression ``text`` (at ``start``-``end`` of
    ``sentence``) on or after publication, -1 when one puts it before, else 0."""
    core = _CORE_START.search(text)
    if core is None:
        return 0
    before = (sentence or "")[max(0, start - 40) : start] + text[: core.start()]
    after = (sentence or "")[end : end + 120] if sentence else ""
    if _BEHIND_BEFORE.search(before) or _BEHIND_AFTER.match(after):
        return -1
    if _AHEAD_BEFORE.search(before) or _AHEAD_AFTER.match(after):
        return 1
    if _DEADLINE_BEFORE.search(before) and not _POSSESSIVE_END.search(text):
        clause = _clause_before(sentence, start) if sentence else ""
        return -1 if _PAST_PERFECT.search(clause + before) else 1
    apposition = _APPOSITION_AFTER.match(after)
    if apposition is not None and _FUTURE.search(apposition.group("what")):
        return 1
    return 0


def _looks_ahead(
    text: str, start: int, end: int, sentence: str | None, tense: Tense | TenseOf | None
) -> bool:
    """Whether a date without its year is read on or after publication: a cue
    first, then the governing clause's tense, then (with the sentence) a
    future marker before it in its clause."""
    cue = _cue(text, start, end, sentence)
    if cue:
        return cue > 0
    known = tense(start, end) if callable(tense) else tense
    if known is not None:
        return known is Tense.FUTURE
    return bool(sentence) and _is_future(sentence or "", start)


def _with_ranges(
    expressions: list[tuple[str, int, int]], sentence: str
) -> list[tuple[str, int, int]]:
    """Add "from X to Y" / "between X and Y" spans built from an expression
    led by "from"/"between" and the expression right after the joining word."""
    out = list(expressions)
    for text, start, end in expressions:
        if not _RANGE_LEAD.match(text):
            lead = _LEAD_BEFORE.search(sentence, 0, start)
            if lead is None:
                continue
            start = lead.start()
        join = _RANGE_JOIN.match(sentence, end)
        if join is None or join.end() == end:
            continue
        rest = sentence[join.end() : join.end() + 40]
        nxt = next((e for e in find_expressions_relaxed(rest) if e.start == 0), None)
        if nxt is not None and nxt.kind in (KIND_DATE, "until"):
            stop = join.end() + nxt.end
            out.append((sentence[start:stop], start, stop))
    return out


def _anaphoric(text: str, anchor: EventDate) -> EventDate | None:
    """ "two days later", "the day before" counted from ``anchor`` (a DAY date)."""
    parsed = match_expression(text)
    if parsed is None or anchor.start is None or anchor.granularity is not Granularity.DAY:
        return None
    g = parsed.groups
    direction = _low(g.get("dir") or g.get("adj") or g.get("adjw"))
    sign = -1 if direction in ("earlier", "before", "previous") else 1
    if parsed.name == "anaphoric_n":
        n = _number(g.get("num"), None)
        if n is None:
            return None
        days = round(n * (7 if _low(g.get("unit")) == "week" else 1))
    else:
        days = 7 if g.get("adjw") else 1
    when = anchor.start + timedelta(days=sign * days)
    gran = Granularity.WEEK if g.get("adjw") else Granularity.DAY
    start, end, gran = _week_range(when) if g.get("adjw") else _day(when)
    return EventDate(start=start, end=end, granularity=gran, basis=DateBasis.EXPRESSION, text=text)


def event_date(
    expressions: Sequence[tuple[str, int, int]],
    published: date | None,
    *,
    trigger_offset: int | None = None,
    sentence: str | None = None,
    tense: Tense | TenseOf | None = None,
) -> EventDate:
    """The event's date from its sentence's temporal expressions.

    ``expressions`` are ``(text, start, end)`` spans in the sentence (from
    ``find_expressions`` and/or spaCy DATE entities; overlapping spans keep the
    longer one). Durations and "since"/"until" bounds are ignored. Among the
    expressions that resolve, the one nearest ``trigger_offset`` (a character
    offset in the same sentence) wins, ties going to the more specific; with
    no trigger the most specific wins, ties going to the first.

    With the ``sentence`` text, three more readings: "from X to Y" / "between
    X and Y" become one range; "the day before", "two days later" count
    from the nearest other day named in the sentence (with none, they give
    no date); and a date without its year (a weekday, weekend, month,
    calendar day, season or holiday) is read forward or back from its cue
    words ("till", "by", "next", "last", "from … onwards"), else from
    ``tense`` (one for the whole sentence, or a function giving the tense of
    the clause that governs the expression at (start, end)), else from a
    future marker before it in its clause ("will meet on Friday"); see the
    module docstring.

    Fallbacks: no usable expression and a publication date → the publication
    day (basis PUBLICATION, DAY); no publication date → ``EventDate`` with
    basis NONE (keeping the text and offsets of a relative expression, if the
    sentence had one, but never a date).
    """
    p = _as_date(published)
    spans = list(expressions)
    trigger_end = trigger_offset
    if sentence:
        spans = _with_ranges(spans, sentence)
        if trigger_offset is not None:
            # Distances run to the trigger word, not its first letter.
            word = _WORD.match(sentence, trigger_offset)
            trigger_end = word.end() - 1 if word is not None else trigger_offset
    resolved_list: list[tuple[int, int, EventDate]] = []
    anaphors: list[tuple[str, int, int]] = []
    for text, start, end in _drop_overlaps(spans):
        kind = expression_kind(text)
        if kind == KIND_ANAPHORIC:
            anaphors.append((text, start, end))
            continue
        if kind != KIND_DATE:
            continue
        ahead = _looks_ahead(text, start, end, sentence, tense)
        resolved = _resolve(text, p, ahead)
        if resolved is None:
            continue
        resolved_list.append(
            (start, end, replace(resolved, text=text, text_start=start, text_end=end))
        )
    days = [(s, e, r) for s, e, r in resolved_list if r.granularity is Granularity.DAY]
    for text, start, end in anaphors:
        if not days:
            break
        # The anchor: the nearest day named before the anaphor, else after it.
        earlier = [d for d in days if d[1] <= start]
        anchor = earlier[-1][2] if earlier else days[0][2]
        got = _anaphoric(text, anchor)
        if got is not None:
            resolved_list.append((start, end, replace(got, text_start=start, text_end=end)))
    best: tuple[tuple[int, ...], EventDate] | None = None
    unresolved: tuple[tuple[int, ...], EventDate] | None = None
    for start, end, resolved in resolved_list:
        rank = _RANK[resolved.granularity] if resolved.granularity is not None else 0
        if trigger_offset is not None:
            near = min(
                _distance(start, end, trigger_offset), _distance(start, end, trigger_end or 0)
            )
            key: tuple[int, ...] = (near, rank, start)
        else:
            key = (rank, start)
        if resolved.start is None:
            if unresolved is None or key < unresolved[0]:
                unresolved = (key, resolved)
        elif best is None or key < best[0]:
            best = (key, resolved)
    if best is not None:
        return best[1]
    if p is not None:
        return EventDate(start=p, end=p, granularity=Granularity.DAY, basis=DateBasis.PUBLICATION)
    if unresolved is not None:
        return unresolved[1]
    return EventDate(basis=DateBasis.NONE)


def date_sentence(
    sentence: str,
    published: date | None,
    *,
    trigger_offset: int | None = None,
    tense: Tense | TenseOf | None = None,
) -> EventDate:
    """The date of an event in ``sentence``: ``event_date`` over the sentence's
    own expressions (``find_expressions``), reading ranges, cue words and
    anaphoric offsets from the sentence text (``tense`` as in ``event_date``)."""
    return event_date(
        find_expressions(sentence),
        published,
        trigger_offset=trigger_offset,
        sentence=sentence,
        tense=tense,
    )
