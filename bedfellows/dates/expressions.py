"""Find temporal expressions in a sentence with regular expressions.

spaCy's DATE/TIME entities miss or clip many of the expressions news uses
("on Sunday", "over the weekend", "earlier this month"), so this module scans
the sentence text itself. Every hit is a ``TimeExpression`` (text, start,
end); its ``kind`` says whether it dates something (``date``), only marks the
start or end of a state (``since``/``until``: "since 1979"), or is a length
of time that must not be used as a date (``duration``: "for eight years",
"the last ten years", "two-day visit"), or counts from another date of the
same sentence (``anaphoric``: "the day before", "two days later").

The same patterns are used, anchored, by ``match_expression`` to read one
expression (for example a spaCy entity's text) in ``resolve``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "KIND_ANAPHORIC",
    "KIND_DATE",
    "KIND_DURATION",
    "KIND_SINCE",
    "KIND_UNTIL",
    "MONTHS",
    "NUMBER_WORDS",
    "WEEKDAYS",
    "ParsedExpression",
    "TimeExpression",
    "expression_kind",
    "find_expressions",
    "match_expression",
]

KIND_DATE = "date"
KIND_DURATION = "duration"
KIND_SINCE = "since"  # "since 1979": when a state began, not when the event happened
KIND_UNTIL = "until"  # "until 2016": when a state ends
KIND_ANAPHORIC = "anaphoric"  # "the day before", "two days later": counts from another date

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a couple of": 2,
    "couple of": 2,
    "a couple": 2,
}


# --- building blocks ---------------------------------------------------------
#
# Patterns run on an ASCII-lowercased copy of the text (same length, same
# offsets) without re.IGNORECASE, which is several times slower in CPython.
# Each pattern is split in two: a ``core`` that starts with a literal or a
# digit (so the regex engine can skip ahead quickly: "weekend", "ago", a month
# name, a year) and an optional or required ``prefix`` ("on", "last", "for the
# past ten") that is matched backwards from the core, only where a core hit.


def _alt(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first so prefixes never win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FULL_MONTHS = sorted(m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july"))
_ABBR_MONTHS = sorted(set(MONTHS) - set(_FULL_MONTHS))

# A month anywhere a day or year follows: full names or abbreviations ("Jun. 16").
_MONTH = (
    rf"(?P<month>{_alt(_FULL_MONTHS + _ABBR_MONTHS)})\b"
    # The full stop of an abbreviation ("Jun. 16"), not a sentence's ("on 1 April.").
    r"(?:(?<=jan|feb|mar|apr|jun|jul|aug|sep|ept|oct|nov|dec)\.)?"
)
# A month on its own ("in March"): full names only, "Jan"/"Mar" are too often names.
_MONTH_FULL = rf"(?P<month>{_alt(_FULL_MONTHS)})\b"
_WEEKDAY = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?P<day>[12]\d|3[01]|0[1-9]|[1-9])(?:st|nd|rd|th)?\b"
_DAY2 = r"(?:\s*(?:-|–|to|and)\s*(?P<day2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d,.]\d)\b"

_NUM_WORDS = [w for w in NUMBER_WORDS if " " not in w] + ["a couple of", "couple of", "a hundred"]
_VAGUE = ["a few", "few", "several", "many", "some", "a number of", "dozens of", "hundreds of"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_NUM = (
    r"(?<![\w,.])(?P<num>\d+(?:\.\d+)?|(?:"
    + _alt(_TENS)
    + r")[\s-](?:"
    + _alt(_ONES)
    + r")\b|"
    + _alt(_VAGUE + _NUM_WORDS)
    + r")(?P<half>\s+and\s+a\s+half)?"
)
_UNIT = r"(?P<unit>minute|hour|day|week|month|year|decade|century|centuries)s?"

_LEADS = [
    "ever since",
    "since",
    "until",
    "till",
    "up to",
    "as of",
    "on",
    "in",
    "during",
    "from",
    "before",
    "after",
    "by",
    "through",
    "throughout",
    "around",
    "circa",
    "over",
    "at",
]


def _lead(extra: list[str] | None = None) -> str:
    """An optional leading preposition, kept in the span ("on Sunday", "since 1979")."""
    words = _LEADS + (extra or [])
    return rf"(?:\b(?P<lead>{_alt(words)})\s+)?"


# Prepositions that make a bare year or month a date expression in running
# text ("in 2013", "since March"); "of"/"for"/"at"/"over" are left out because
# "a total of 2000", "for 2000 people" are counts.
_YEAR_LEADS = frozenset(
    {
        "ever since",
        "since",
        "until",
        "till",
        "up to",
        "as of",
        "in",
        "during",
        "from",
        "before",
        "after",
        "by",
        "through",
        "throughout",
        "around",
        "circa",
    }
)
_MONTH_LEADS = _YEAR_LEADS | {"of"}

_SEASONS = r"spring|summer|autumn|fall|winter"
_QUAL = (
    r"(?P<q>early|late|mid|the\s+(?:end|beginning|start|middle|"
    + _SEASONS
    + r")\s+of|(?:"
    + _SEASONS
    + r")(?:\s+of)?)"
)

# Counted things that follow a number that only looks like a year.
_NOT_A_YEAR = (
    r"(?!\s*(?:%|percent|per\b|people|persons|troops|soldiers|civilians|fighters|members|"
    r"militants|refugees|dollars|euros|pounds|tons|tonnes|km|kilomet|miles|men|women|children|"
    r"families|homes|houses|votes|seats|deaths|dead|casualties|times|units|barrels|cases))"
)

# Holiday and event names that end in a weekday name.
_NOT_WEEKDAY = "".join(
    f"(?<!{w} )"
    for w in ("bloody", "good", "black", "palm", "easter", "holy", "ash", "super", "cyber")
)

_DIGIT = re.compile(r"\d")
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_WINDOW = 48  # how far back a prefix may reach from its core

_Groups = dict[str, str | None]


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


@dataclass(frozen=True, slots=True)
class _Pattern:
    name: str
    kind: str
    prefix: str  # regex matched right before the core (may match empty)
    core: str  # regex starting with a literal, a month name or a digit
    gate: str  # name of a cheap test (in _GATES) the lowered text must pass
    # Extra condition for hits found in running text (not for anchored matches).
    accept: Callable[[_Groups], bool] | None = None


def _has(*groups: str, allowed: frozenset[str] | None = None) -> Callable[[_Groups], bool]:
    def accept(gd: _Groups) -> bool:
        for g in groups:
            v = gd.get(g)
            if v is None:
                continue
            if g == "lead" and allowed is not None and _norm(v) not in allowed:
                continue
            return True
        return False

    return accept


# Cheap tests on the lowered text: a pattern runs only if its gate matches.
_GATES: dict[str, re.Pattern[str]] = {
    "digit": re.compile(r"\d"),
    "month": re.compile(_alt(_FULL_MONTHS + _ABBR_MONTHS)),
    "unit": re.compile(r"minute|hour|day|week|month|year|decade|centur"),
    "period": re.compile(r"week|month|year"),
    "weekday": re.compile(r"day"),
    "deictic": re.compile(r"today|tonight|yesterday|tomorrow|morning|afternoon|evening|night"),
    "weekend": re.compile(r"weekend"),
    "ago": re.compile(r"ago"),
    "holiday": re.compile(r"christmas|new year|easter|good friday|thanksgiving|valentine"),
    "season": re.compile(r"spring|summer|autumn|fall|winter"),
    "anaphoric": re.compile(r"before|after|previous|next|following|later|earlier"),
}

# Ordered by priority: when two hits have the same length, the earlier one wins.
_PATTERNS: tuple[_Pattern, ...] = (
    _Pattern(
        "ago",
        KIND_DATE,
        r"\b(?:(?:about|around|nearly|almost|some|just|only|more\s+than|less\s+than|over|"
        r"roughly|exactly|at\s+least)\s+)?" + _NUM + r"[\s-]+" + _UNIT + r"\s+",
        r"ago\b",
        "ago",
    ),
    _Pattern(
        "iso",
        KIND_DATE,
        _lead() + r"(?<![\w/.-])",
        r"(?P<year>(?:19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\w/-])",
        "digit",
    ),
    _Pattern(
        "numeric",
        KIND_DATE,
        _lead() + r"(?<![\w/.-])",
        r"(?P<a>\d\d?)(?P<sep>[/.])(?P<b>\d\d?)(?P=sep)(?P<year>(?:19|20)\d\d)(?![\w/])",
        "digit",
    ),
    _Pattern(
        "mdy",
        KIND_DATE,
        _lead() + r"(?:\b" + _WEEKDAY + r",?\s+)?(?:\b(?P<q>early|late|mid)[\s-]+)?(?<!\w)",
        _MONTH + r"\s+" + _DAY + _DAY2 + r"(?:,?\s+" + _YEAR + r")?",
        "month",
    ),
    _Pattern(
        "dmy",
        KIND_DATE,
        _lead() + r"(?:\b" + _WEEKDAY + r",?\s+)?(?:\bthe\s+)?(?<![\w,.])",
        _DAY + _DAY2 + r"(?:\s+of)?\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?",
        "digit",
    ),
    _Pattern(
        "month_year",
        KIND_DATE,
        _lead() + r"(?:\b" + _QUAL + r"[\s-]+)?(?<!\w)",
        _MONTH + r",?\s+(?:of\s+)?" + _YEAR,
        "month",
    ),
    _Pattern(
        "decade",
        KIND_DATE,
        _lead(["of"])
        + r"(?:\b(?P<the>the)\s+)?(?:\b(?P<q>early|late|mid)[\s-]+)?"
        + r"(?:(?<![\w'’‘])(?P<century>1[89]|20)|(?P<apos>['’‘])|(?<![\w'’‘]))",
        r"(?P<d2>\d)0['’]?s\b",
        "digit",
        # "80s" alone is too often an age or a temperature: need "the" or "'80s".
        accept=lambda g: any(g.get(k) is not None for k in ("century", "the", "apos")),
    ),
    _Pattern(
        "year",
        KIND_DATE,
        _lead() + r"(?:\b" + _QUAL + r"[\s-]+)?(?:\bthe\s+year\s+)?(?<![\w,.$£€])",
        _YEAR + r"(?!['’]?s\b)" + _NOT_A_YEAR,
        "digit",
        accept=_has("lead", "q", allowed=_YEAR_LEADS),
    ),
    _Pattern(
        "weekend",
        KIND_DATE,
        _lead(["across"]) + r"\b(?P<rel>this\s+past|the\s+past|this|last|next|coming|the)\s+",
        r"weekend\b",
        "weekend",
    ),
    _Pattern(
        "deictic",
        KIND_DATE,
        _lead() + r"(?<!\w)",
        r"(?P<word>earlier\s+today|later\s+today|the\s+day\s+before\s+yesterday|"
        r"the\s+day\s+after\s+tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night|"
        r"(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?|today|tonight)\b",
        "deictic",
    ),
    _Pattern(
        "period",
        KIND_DATE,
        _lead()
        + r"(?:\b(?P<q>earlier|later|early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)"
        + r"[\s-]+)?(?<!\w)",
        r"(?P<rel>this\s+past|this|last|next)\s+(?P<unit>week|month|year)\b",
        "period",
    ),
    _Pattern(
        "period_in",
        KIND_DATE,
        r"(?<!\w)",
        r"(?P<q>earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)\b",
        "period",
    ),
    _Pattern(
        "weekday",
        KIND_DATE,
        r"(?:\b(?P<today>today|tonight),?\s+)?(?:\b(?P<q>late|early|earlier|later)\s+)?"
        + _lead()
        + r"(?:\b(?P<rel>this\s+past|last|next|this|coming|past)\s+)?"
        + _NOT_WEEKDAY
        + r"(?<!\w)",
        _WEEKDAY + r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
        "weekday",
    ),
    _Pattern(
        "holiday",
        KIND_DATE,
        _lead(["over"]) + r"(?:\b(?P<rel>this\s+past|last|next|this|coming)\s+)?(?<!\w)",
        r"(?P<hol>christmas(?:\s+(?:day|eve))?|new\s+year['’]?s\s+(?:day|eve)|"
        r"easter(?:\s+(?:sunday|monday))?|good\s+friday|thanksgiving(?:\s+day)?|"
        r"valentine['’]?s\s+day)\b",
        "holiday",
        # "Christmas" alone is a season as often as a day: only with a preposition.
        accept=_has("lead", "rel"),
    ),
    _Pattern(
        "season",
        KIND_DATE,
        _lead(["across"])
        + r"(?:\b(?P<rel>this\s+past|the\s+past|the\s+coming|this|last|next|coming|the)\s+)"
        + r"(?:\b(?P<q>early|late|mid)[\s-]+)?(?<!\w)",
        # "the fall of Mosul" is no season; "the fall of 2012" is (read by "year").
        r"(?P<season>spring|summer|autumn|fall|winter)\b(?!\s+of\b)(?![\s-]*(?:19|20)\d\d)",
        "season",
    ),
    _Pattern(
        "anaphoric_n",
        KIND_ANAPHORIC,
        r"\b(?P<num>\d+|" + _alt(_NUM_WORDS) + r")[\s-]+(?P<unit>day|week)s?\s+",
        # "before"/"after" only at a clause end: "two days after the vote" counts
        # from the vote, not from a date.
        r"(?P<dir>later|earlier|(?:before|after)(?=\s*(?:[,.;:!?)]|\Z)))\b",
        "anaphoric",
    ),
    _Pattern(
        "anaphoric_the",
        KIND_ANAPHORIC,
        r"\bthe\s+",
        r"(?:(?P<unit>day|night)\s+(?P<dir>before|after)(?=\s*(?:[,.;:!?)]|\Z))|"
        r"(?P<adj>previous|next|following)\s+"
        r"(?P<unit2>day|night|morning|evening)|(?P<adjw>previous|following)\s+week)\b",
        "anaphoric",
    ),
    _Pattern(
        "month",
        KIND_DATE,
        _lead(["of"])
        + r"(?:\b"
        + _QUAL
        + r"[\s-]+)?(?:\b(?P<rel>this\s+past|last|next|this)\s+)?(?<!\w)",
        _MONTH_FULL + r"(?!\s*\d)",
        "month",
        accept=_has("lead", "q", "rel", allowed=_MONTH_LEADS),
    ),
    # --- durations: recognised so that they are never read as dates ----------
    _Pattern(
        "duration",
        KIND_DURATION,
        r"\b(?:(?:for|over|during|within|throughout|in|after|about|around|nearly|almost|"
        r"some|more\s+than|less\s+than|at\s+least|up\s+to|another|the)\s+)*"
        r"(?:\b(?:last|past|next|coming|first|previous|following|recent|final)\s+)?"
        + _NUM
        + r"(?:[\s-]+|\s+more\s+)",
        _UNIT + r"(?:-(?:long|old))?\b",
        "unit",
    ),
    _Pattern(
        "duration_the",
        KIND_DURATION,
        r"\b(?:(?:for|over|during|within|throughout|in)\s+)?the\s+"
        r"(?:last|past|next|coming|previous|following)\s+",
        r"(?P<unit>day|week|month|year|decade|century)s?\b",
        "unit",
    ),
    _Pattern(
        "duration_vague",
        KIND_DURATION,
        r"\b(?:for|in\s+recent|over\s+recent|in\s+the\s+coming|recent|coming)\s+",
        r"(?P<unit>days|weeks|months|years|decades)\b",
        "unit",
    ),
)


# (pattern, core, prefix anchored at its end, whole pattern, gate), compiled once.
_COMPILED: tuple[
    tuple[_Pattern, re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]], ...
] = tuple(
    (
        p,
        re.compile(p.core),
        re.compile("(?:" + p.prefix + r")\Z"),
        re.compile("(?:" + p.prefix + ")" + p.core),
        _GATES[p.gate],
    )
    for p in _PATTERNS
)


class TimeExpression(NamedTuple):
    """A temporal expression found in a text: its text and character offsets.

    It unpacks like the plain ``(text, start, end)`` tuples ``resolve.event_date``
    takes; ``kind`` tells dates from durations and "since"/"until" bounds.
    """

    text: str
    start: int
    end: int

    @property
    def kind(self) -> str:
        """``date``, ``duration``, ``since`` or ``until`` (see module docstring)."""
        return expression_kind(self.text)

    @property
    def is_duration(self) -> bool:
        """True for lengths of time ("for eight years") that are not dates."""
        return self.kind == KIND_DURATION

    @property
    def is_since(self) -> bool:
        """True for "since ..." expressions, which date the start of a state."""
        return self.kind == KIND_SINCE


@dataclass(frozen=True, slots=True)
class ParsedExpression:
    """One expression read by an anchored pattern: its pattern name, kind, groups."""

    name: str
    kind: str
    groups: _Groups


def _kind_of(pattern: _Pattern, groups: _Groups) -> str:
    if pattern.kind != KIND_DATE:
        return pattern.kind
    lead = groups.get("lead")
    if lead:
        lead = _norm(lead)
        if lead in ("since", "ever since"):
            return KIND_SINCE
        if lead in ("until", "till", "up to"):
            return KIND_UNTIL
    return KIND_DATE


# A lower-case month ("march 15", "by march 6") is still a date in text that
# has lost its case (a lower-cased corpus, where only some words are recased),
# when a day number is attached and the number counts nothing ("march 5 miles").
_LOWER_MONTHS = frozenset(m for m in _FULL_MONTHS if m != "may")
_COUNTED_AFTER = re.compile(
    r"(?i)\s*(?:%|percent|per\b|people|persons|troops|soldiers|civilians|men|women|children|"
    r"km|kms|kilomet|miles?\b|metres?\b|meters?\b|feet|hours?\b|minutes?\b|days?\b|"
    r"weeks?\b|months?\b|years?\b|times\b|rounds?\b|steps?\b|crore|lakh|rs\b)"
)
_ORDINAL_DAY = re.compile(r"\d(?:st|nd|rd|th)\b")


def _month_cased(original: str, m: re.Match[str], lead: str | None = None) -> bool:
    """Month names must be capitalised in the original: "may", "march" are verbs.

    Except a full month name with its day ("march 15", "15th march", "march
    2002"): in lower-cased news "by march 6" is a date. "may" (a modal) then
    needs a leading preposition ("on may 5"); a day before the month needs an
    ordinal or a preposition ("on 6 march", "6th march", not "20 march in
    protest"); and the number must not count something ("march 5 miles").
    """
    if "month" not in m.re.groupindex:
        return True
    at = m.start("month")
    if at < 0 or original[at].isupper():
        return True
    groups = m.groupdict()
    month = (groups.get("month") or "").lower()
    if groups.get("year"):
        return month in _FULL_MONTHS
    day_at = m.start("day") if "day" in m.re.groupindex else -1
    if day_at < 0 or not (month in _LOWER_MONTHS or (month == "may" and lead)):
        return False
    if day_at < at:  # day first: "6th march", "on 6 march"
        return bool(lead) or _ORDINAL_DAY.match(original, day_at) is not None
    return _COUNTED_AFTER.match(original, m.end()) is None


def _scan(text: str, strict: bool) -> list[tuple[int, int, str]]:
    """All non-overlapping hits as (start, end, kind); the longest hit wins."""
    if not text:
        return []
    low = text.translate(_LOWER)
    gates: dict[int, bool] = {}
    hits: list[tuple[int, int, int, str]] = []
    for prio, (p, core_re, prefix_re, _full, gate) in enumerate(_COMPILED):
        key = id(gate)
        passed = gates.get(key)
        if passed is None:
            passed = gates[key] = gate.search(low) is not None
        if not passed:
            continue
        for m in core_re.finditer(low):
            start = m.start()
            pm = prefix_re.search(low, max(0, start - _WINDOW), start)
            if pm is None:
                continue
            if not _month_cased(text, m, pm.groupdict().get("lead")):
                continue
            if p.accept is None and p.kind != KIND_DATE:
                kind = p.kind
            else:
                groups = {**pm.groupdict(), **m.groupdict()}
                if strict and p.accept is not None and not p.accept(groups):
                    continue
                kind = _kind_of(p, groups)
            hits.append((pm.start(), m.end(), prio, kind))
    if not hits:
        return []
    if len(hits) == 1:
        return [(hits[0][0], hits[0][1], hits[0][3])]
    hits.sort(key=lambda h: (h[0] - h[1], h[2], h[0]))
    taken: list[tuple[int, int, str]] = []
    for start, end, _prio, kind in hits:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, kind))
    taken.sort()
    return taken


def find_expressions(text: str) -> list[TimeExpression]:
    """Find the temporal expressions in ``text`` (usually one sentence).

    Returns non-overlapping ``TimeExpression(text, start, end)`` spans in text
    order; where two candidate readings overlap the longer wins (so "the last
    ten years" is one duration, never "last ... year"). Durations are returned
    too, with ``kind == "duration"``, so callers can see them and skip them.
    """
    return [TimeExpression(text[s:e], s, e) for s, e, _ in _scan(text, strict=True)]


def find_expressions_relaxed(text: str) -> list[TimeExpression]:
    """Like ``find_expressions`` but also accepting bare years and months.

    Used inside text already known to be a date (a spaCy DATE entity such as
    "2013 and 2014"), where "2013" alone is a year and not a count.
    """
    return [TimeExpression(text[s:e], s, e) for s, e, _ in _scan(text, strict=False)]


@lru_cache(maxsize=65536)
def match_expression(text: str) -> ParsedExpression | None:
    """Read ``text`` as exactly one expression (anchored), or None.

    Surrounding whitespace, punctuation and a possessive "'s" are ignored, so
    spaCy entity texts like "Sunday's" or "last week," are read too.
    """
    t = _clean(text)
    if not t:
        return None
    low = t.translate(_LOWER)
    for p, _core, _prefix, full_re, _gate in _COMPILED:
        m = full_re.fullmatch(low)
        if m is not None and _month_cased(t, m, m.groupdict().get("lead")):
            groups = m.groupdict()
            return ParsedExpression(p.name, _kind_of(p, groups), groups)
    return None


@lru_cache(maxsize=65536)
def expression_kind(text: str) -> str:
    """``date``, ``duration``, ``since`` or ``until`` for one expression's text.

    Text that is no known expression (an odd spaCy entity) counts as ``date``
    if it holds a dating expression, else as ``duration`` if it holds only
    durations; text with nothing recognisable is ``date`` (resolution decides).
    """
    parsed = match_expression(text)
    if parsed is not None:
        return parsed.kind
    kinds = {kind for _s, _e, kind in _scan(text, strict=False)}
    if not kinds or KIND_DATE in kinds:
        return KIND_DATE
    for k in (KIND_SINCE, KIND_UNTIL, KIND_DURATION):
        if k in kinds:
            return k
    return KIND_DATE


_POSSESSIVE = re.compile(r"(?<=[A-Za-z])['’]s$")
_STRIP = ' \t\r\n,.;:!?()[]{}"“”'


def _clean(text: str) -> str:
    t = text.strip(_STRIP)
    t = _POSSESSIVE.sub("", t)
    return " ".join(t.split())
