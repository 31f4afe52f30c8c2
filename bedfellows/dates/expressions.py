"""Find temporal expressions in a sentence with regular expressions.

spaCy's DATE/TIME entities miss or clip many of the expressions news uses
("on Sunday", "over the weekend", "earlier this month"), so this module scans
the sentence text itself. Every hit is a ``TimeExpression`` (text, start,
end); its ``kind`` says whether it dates something (``date``), only marks the
start or end of a state (``since``/``until``: "since 1979"), or is a length
of time that must not be used as a date (``duration``: "for eight years",
"the last ten years", "two-day visit").

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


def _alt(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first so prefixes never win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cased(words: list[str]) -> str:
    """Month names must be capitalised (or all caps): "may", "march" are verbs."""
    forms = [w.capitalize() for w in words] + [w.upper() for w in words]
    return "(?-i:" + _alt(forms) + ")"


_FULL_MONTHS = [m for m, _ in sorted(MONTHS.items(), key=lambda kv: kv[1]) if len(m) > 4] + [
    "may",
    "june",
    "july",
]
_FULL_MONTHS = sorted(set(_FULL_MONTHS))
_ABBR_MONTHS = sorted(set(MONTHS) - set(_FULL_MONTHS))

# A month anywhere a day or year follows: full names or abbreviations ("Jun. 16").
_MONTH = rf"(?P<month>{_cased(_FULL_MONTHS + _ABBR_MONTHS)})\.?"
# A month on its own ("in March"): full names only, "Jan"/"Mar" are too often names.
_MONTH_FULL = rf"(?P<month>{_cased(_FULL_MONTHS)})"
_WEEKDAY = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_DAY2 = r"(?:\s*(?:-|–|to|and)\s*(?P<day2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d,.]\d)\b"

_NUM_WORDS = [w for w in NUMBER_WORDS if " " not in w] + [
    "a couple of",
    "couple of",
    "a hundred",
]
_VAGUE = ["a few", "few", "several", "many", "some", "a number of", "dozens of", "hundreds of"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_NUM = (
    r"(?<![\d,.])(?P<num>\d+(?:\.\d+)?|(?:"
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


@dataclass(frozen=True, slots=True)
class _Pattern:
    name: str
    kind: str
    regex: re.Pattern[str]
    # Extra condition for hits found in running text (not for anchored matches).
    accept: Callable[[re.Match[str]], bool] | None = None


def _has(*groups: str, allowed: frozenset[str] | None = None) -> Callable[[re.Match[str]], bool]:
    def accept(m: re.Match[str]) -> bool:
        gd = m.groupdict()
        for g in groups:
            v = gd.get(g)
            if v is None:
                continue
            if g == "lead" and allowed is not None and _norm(v) not in allowed:
                continue
            return True
        return False

    return accept


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


_FLAGS = re.IGNORECASE

# Holiday and event names that end in a weekday name.
_NOT_WEEKDAY = "".join(
    f"(?<!{w} )"
    for w in ("Bloody", "Good", "Black", "Palm", "Easter", "Holy", "Ash", "Super", "Cyber")
)

# Ordered by priority: when two hits have the same length, the earlier one wins.
_PATTERNS: tuple[_Pattern, ...] = (
    _Pattern(
        "ago",
        KIND_DATE,
        re.compile(
            r"\b(?:(?:about|around|nearly|almost|some|just|only|more\s+than|less\s+than|over|"
            r"roughly|exactly|at\s+least)\s+)?"
            + _NUM
            + r"[\s-]+"
            + _UNIT
            + r"\s+ago\b",
            _FLAGS,
        ),
    ),
    _Pattern(
        "iso",
        KIND_DATE,
        re.compile(
            r"(?<![\w/.-])"
            + _lead()
            + r"(?P<year>(?:19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
            r"(?![\w/-])",
            _FLAGS,
        ),
    ),
    _Pattern(
        "numeric",
        KIND_DATE,
        re.compile(
            r"(?<![\w/.-])"
            + _lead()
            + r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)(?![\w/])",
            _FLAGS,
        ),
    ),
    _Pattern(
        "mdy",
        KIND_DATE,
        re.compile(
            _lead()
            + r"(?:"
            + _WEEKDAY
            + r",?\s+)?(?:(?P<q>early|late|mid)[\s-]+)?\b"
            + _MONTH
            + r"\s+"
            + _DAY
            + _DAY2
            + r"(?:,?\s+"
            + _YEAR
            + r")?",
            _FLAGS,
        ),
    ),
    _Pattern(
        "dmy",
        KIND_DATE,
        re.compile(
            _lead()
            + r"(?:"
            + _WEEKDAY
            + r",?\s+)?(?:the\s+)?\b"
            + _DAY
            + _DAY2
            + r"(?:\s+of)?\s+"
            + _MONTH
            + r"(?:,?\s+"
            + _YEAR
            + r")?",
            _FLAGS,
        ),
    ),
    _Pattern(
        "month_year",
        KIND_DATE,
        re.compile(
            _lead()
            + r"(?:"
            + _QUAL
            + r"[\s-]+)?\b"
            + _MONTH
            + r",?\s+(?:of\s+)?"
            + _YEAR,
            _FLAGS,
        ),
    ),
    _Pattern(
        "decade",
        KIND_DATE,
        re.compile(
            _lead(["of"])
            + r"(?:(?P<the>the)\s+)?(?:(?P<q>early|late|mid)[\s-]+)?"
            r"(?:\b(?P<century>1[89]|20)(?P<d>\d)0|(?P<apos>['’‘])?\b(?P<d2>\d)0)['’]?s\b",
            _FLAGS,
        ),
        # "80s" alone is too often an age or a temperature: need "the" or "'80s".
        accept=lambda m: m.group("century") is not None
        or m.group("the") is not None
        or m.group("apos") is not None,
    ),
    _Pattern(
        "year",
        KIND_DATE,
        re.compile(
            _lead()
            + r"(?:"
            + _QUAL
            + r"[\s-]+)?(?:the\s+year\s+)?(?<![\d,.$£€])\b"
            + _YEAR
            + r"(?!['’]?s\b)"
            + _NOT_A_YEAR,
            _FLAGS,
        ),
        accept=_has("lead", "q", allowed=_YEAR_LEADS),
    ),
    _Pattern(
        "weekend",
        KIND_DATE,
        re.compile(
            _lead(["across"])
            + r"\b(?P<rel>this\s+past|the\s+past|this|last|next|coming|the)\s+weekend\b",
            _FLAGS,
        ),
    ),
    _Pattern(
        "deictic",
        KIND_DATE,
        re.compile(
            _lead()
            + r"\b(?P<word>(?:earlier|later)\s+today|the\s+day\s+before\s+yesterday|"
            r"the\s+day\s+after\s+tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night|"
            r"(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?|today|tonight)\b",
            _FLAGS,
        ),
    ),
    _Pattern(
        "period",
        KIND_DATE,
        re.compile(
            _lead()
            + r"(?:\b(?P<q>earlier|later|early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)"
            r"[\s-]+)?\b(?P<rel>this\s+past|this|last|next)\s+(?P<unit>week|month|year)\b",
            _FLAGS,
        ),
    ),
    _Pattern(
        "period_in",
        KIND_DATE,
        re.compile(
            r"\b(?P<q>earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)\b",
            _FLAGS,
        ),
    ),
    _Pattern(
        "weekday",
        KIND_DATE,
        re.compile(
            r"(?:\b(?P<today>today|tonight),?\s+)?(?:\b(?P<q>late|early|earlier|later)\s+)?"
            + _lead()
            + r"(?:\b(?P<rel>this\s+past|last|next|this|coming|past)\s+)?"
            + _NOT_WEEKDAY
            + r"\b"
            + _WEEKDAY
            + r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
            _FLAGS,
        ),
    ),
    _Pattern(
        "month",
        KIND_DATE,
        re.compile(
            _lead(["of"])
            + r"(?:"
            + _QUAL
            + r"[\s-]+)?(?:(?P<rel>this\s+past|last|next|this)\s+)?\b"
            + _MONTH_FULL
            + r"\b(?!\s*\d)",
            _FLAGS,
        ),
        accept=_has("lead", "q", "rel", allowed=_MONTH_LEADS),
    ),
    # --- durations: recognised so that they are never read as dates ----------
    _Pattern(
        "duration",
        KIND_DURATION,
        re.compile(
            r"\b(?:(?:for|over|during|within|throughout|in|after|about|around|nearly|almost|"
            r"some|more\s+than|less\s+than|at\s+least|up\s+to|another|the)\s+)*"
            r"(?:(?:last|past|next|coming|first|previous|following|recent|final)\s+)?"
            + _NUM
            + r"(?:[\s-]+|\s+more\s+)"
            + _UNIT
            + r"(?:-(?:long|old))?\b",
            _FLAGS,
        ),
    ),
    _Pattern(
        "duration_the",
        KIND_DURATION,
        re.compile(
            r"\b(?:(?:for|over|during|within|throughout|in)\s+)?the\s+"
            r"(?:last|past|next|coming|previous|following)\s+"
            r"(?P<unit>day|week|month|year|decade|century)s?\b",
            _FLAGS,
        ),
    ),
    _Pattern(
        "duration_vague",
        KIND_DURATION,
        re.compile(
            r"\b(?:(?:for|in\s+recent|over\s+recent|in\s+the\s+coming|recent|coming)\s+)"
            r"(?P<unit>days|weeks|months|years|decades)\b",
            _FLAGS,
        ),
    ),
)


# Cheap pre-check: a sentence with none of these cannot hold an expression.
_TRIGGER = re.compile(
    r"\d|day\b|days\b|\bto(?:day|night|morrow)|yesterday|week|month|year|decade|centur|night|"
    r"morning|afternoon|evening|"
    + _cased(_FULL_MONTHS + _ABBR_MONTHS)
    + r"|['’‘]\d0s|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day",
    _FLAGS,
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
    groups: dict[str, str | None]


def _kind_of(pattern: _Pattern, m: re.Match[str]) -> str:
    if pattern.kind != KIND_DATE:
        return pattern.kind
    lead = m.groupdict().get("lead")
    if lead:
        lead = _norm(lead)
        if lead in ("since", "ever since"):
            return KIND_SINCE
        if lead in ("until", "till", "up to"):
            return KIND_UNTIL
    return KIND_DATE


def _scan(text: str, strict: bool) -> list[tuple[int, int, str]]:
    """All non-overlapping hits as (start, end, kind); the longest hit wins."""
    if not text or _TRIGGER.search(text) is None:
        return []
    hits: list[tuple[int, int, int, str]] = []
    for prio, p in enumerate(_PATTERNS):
        for m in p.regex.finditer(text):
            if m.end() == m.start():
                continue
            if strict and p.accept is not None and not p.accept(m):
                continue
            hits.append((m.start(), m.end(), prio, _kind_of(p, m)))
    if not hits:
        return []
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[2], h[0]))
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
    "the summer of 2013"), where "2013" alone is a year and not a count.
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
    for p in _PATTERNS:
        m = p.regex.fullmatch(t)
        if m is not None:
            return ParsedExpression(p.name, _kind_of(p, m), m.groupdict())
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
_STRIP = " \t\r\n,.;:!?()[]{}\"“”"


def _clean(text: str) -> str:
    t = text.strip(_STRIP)
    t = _POSSESSIVE.sub("", t)
    # Curly apostrophes in decades ("’80s") are matched as is; the rest is spacing.
    return " ".join(t.split())
