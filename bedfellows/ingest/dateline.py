"""Datelines and "This story is from <date>" lines at the top of an article.

A wire story opens with where (and when) it was filed: "NEW DELHI: …",
"new delhi, march 3: …", "TEHRAN, July 23 (Reuters) - …", "WASHINGTON (AP) —
…", "(AFP) -- …", "LONDON — …". The rule (``find_dateline``), at the very
start of the text only (after blank space and any "This story is from" line):

* a place of one to five words in any case ("St. Louis", "port of spain"),
  none of them a pronoun, article, verb of saying or other function word, and
  optionally a region after a comma ("Springfield, Ill.");
* then optionally ", <date>" (a month and day, either order, with or without
  a year; or a weekday) and optionally "(<agency>)"; the place may be left
  out when an agency is given ("(AFP) --");
* then a separator: ":", or " -", " --", " —", " –"
  (spaces on both sides; an em or en dash may touch an all-capitals place:
  "WASHINGTON—").

Two exceptions keep ordinary prose out:

* a ":" followed by a first-person pronoun ("Iran: we will respond", 'Iran:
  "We will respond"') is a party's statement, not a dateline;
* a bare dash after a place not in capitals, with no date or agency, that
  comes again before the end of the first sentence opens an aside ("Hamas —
  the group that rules Gaza — fired …"), not a dateline.

Anything later in the text ("Washington: a city of contrasts" in the third
paragraph) is never a dateline.
"""

from __future__ import annotations

import re
from datetime import date

from bedfellows.ingest.pubdate import EARLIEST, latest_allowed, parse_date_text
from bedfellows.schema import Dateline

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|2\d)\d\d"
_DATE = (
    rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
    rf"|{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?)"
    rf"|{_WEEKDAY}"
)
# A word of a place name: a letter, then letters and the marks names carry
# ("St.", "D.C.", "Port-au-Prince", "N'Djamena"); a slash joins the places of a
# story filed from two ("new delhi/ayodhya:").
_WORD = r"[^\W\d_][\w.'&/-]*"
# Small words inside multi-word names ("Bosnia and Herzegovina", "Rio de Janeiro").
_JOINER = r"(?:and|of|de|del|della|da|do|dos|das|du|des|la|le|las|los|el|al|am|upon|sur|y)"
_PLACE = rf"{_WORD}(?:[ \t]+(?:{_JOINER}[ \t]+)?{_WORD}){{0,3}}"
_REGION = rf"(?!{_MONTH}\b|{_WEEKDAY}\b){_WORD}(?:[ \t]+{_WORD}){{0,2}}"
_AGENCY = r"\([ \t]*(?P<agency>[^\W\d_][^()\d\n]{0,30}?)[ \t]*\)"
# A colon may touch the next word ("mumbai:the …"), but not "//" (a web address).
_SEPARATOR = r"""(?P<sep>[ \t]*:(?!//)(?=[\s\w"'“‘])|[ \t]+(?:--?|—|–)(?=\s)|[ \t]*[—–])"""
_DATELINE = re.compile(
    rf"""(?:(?P<place>{_PLACE})(?:,[ \t]*(?P<region>{_REGION}))??
            (?:,[ \t]*(?P<date>{_DATE}))?)?
        (?:[ \t]*{_AGENCY})?
        {_SEPARATOR}""",
    re.IGNORECASE | re.VERBOSE,
)
# Words that never occur in a place name but start ordinary sentences ("He
# said: …", "The minister told reporters: …").
_NOT_PLACE_WORDS = frozenset({
    "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
    "those", "his", "her", "their", "its", "our", "my", "your", "who", "what", "why",
    "how", "when", "where", "which", "said", "says", "say", "told", "tells", "tell",
    "is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "must", "not", "to", "in", "at", "for", "by", "with",
    "from", "but", "if", "as", "or", "so",
})  # fmt: skip
_FIRST_PERSON = re.compile(r"""\s*["'“‘]?[ \t]*(?:we|i|our|us|my|me)\b""", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")

# "This story is from March 16, 2002": the line news sites put over an archived
# story (its publication date).
STORY_DATE = re.compile(
    r"this[ \t]+story[ \t]+is[ \t]+from[ \t]+(?P<date>[^\n]{4,40}?)\.?[ \t]*(?=\n|\Z)",
    re.IGNORECASE,
)
_STORY_LINES = 4  # the line is looked for among the first non-blank lines only


def _place_ok(place: str) -> bool:
    words = place.replace(",", " ").split()
    if any(w.casefold().rstrip(".") in _NOT_PLACE_WORDS for w in words):
        return False
    if words[0].casefold() == "the" and len(words) == 1:
        return False
    # A name's words share one case ("New Delhi", "NEW DELHI", "new delhi");
    # mixed case is a clause ("Iran rejects US sanctions - …").
    named = [w for w in words if not re.fullmatch(_JOINER, w, re.IGNORECASE)]
    return all(w[0].isupper() for w in named) or all(w.islower() for w in named)


def _is_aside(text: str, m: re.Match) -> bool:
    """A bare dash after a name not in capitals that comes again in the first
    sentence: "Hamas — the group that rules Gaza — fired …"."""
    if m["date"] or m["agency"] or m["place"].isupper():
        return False
    end = _SENTENCE_END.search(text, m.end())
    first = text[m.end() : end.start() if end else len(text)]
    dash = m["sep"].strip()
    # A spaced hyphen only: "curfew-bound" is no second dash.
    return (f" {dash} " if dash.startswith("-") else dash) in first


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def find_dateline(text: str, offset: int = 0) -> Dateline | None:
    """The dateline that opens ``text``, if any (the rule is in the module docstring).

    A leading "This story is from <date>" line is passed over. offset (int):
    added to every position, so a paragraph's offset gives offsets into the body.
    """
    pos = _skip_space(text, 0)
    story = STORY_DATE.match(text, pos)
    if story is not None:
        pos = _skip_space(text, story.end())
    m = _DATELINE.match(text, pos)
    if m is None or not (m["place"] or m["agency"]) or not text[m.end() :].strip():
        return None
    place = m["place"]
    if place is not None and not _place_ok(place):
        return None
    colon = m["sep"].strip() == ":"
    if colon and _FIRST_PERSON.match(text, m.end()):
        return None  # "Iran: we will respond" is Iran speaking
    if place is not None and not colon and _is_aside(text, m):
        return None
    # A dash touching both words joins them ("Iran–Iraq ties"), except after a
    # place in capitals ("WASHINGTON—The Fed said").
    touching = not m["sep"][0].isspace() and not text[m.end() : m.end() + 1].isspace()
    if touching and not colon and (place is None or not place.isupper()):
        return None
    place_end = m.end("region") if m["region"] else m.end("place")
    return Dateline(
        start=m.start() + offset,
        end=m.end() + offset,
        place=text[m.start("place") : place_end] if place is not None else None,
        place_start=m.start("place") + offset if place is not None else None,
        place_end=place_end + offset if place is not None else None,
        date_text=m["date"],
        agency=m["agency"],
    )


def _checked(value: date | None) -> date | None:
    # Text, not a metadata field: an impossible date is no date, not a bad record.
    if value is None or not EARLIEST <= value <= latest_allowed():
        return None
    return value


def dateline_date(dateline: Dateline) -> date | None:
    """The dateline's date when it names day, month and year ("TEHRAN, July 23,
    2014 (Reuters) -"); None without a year ("July 23"), which is never guessed."""
    if dateline.date_text is None:
        return None
    return _checked(parse_date_text(dateline.date_text))


def take_story_date(text: str) -> tuple[date | None, str]:
    """Find a "This story is from <date>" line among the first non-blank lines of
    ``text`` and cut it out: ``(its date, the text without the line)``.

    The line is the archive's publication date, never the headline. A line whose
    date has no year or does not parse is still cut out, with date None.
    ``(None, text)`` when there is no such line.
    """
    lines = text.split("\n")
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = STORY_DATE.fullmatch(line.strip())
        if m is not None:
            rest = lines[:i] + lines[i + 1 :]
            return _checked(parse_date_text(m["date"])), "\n".join(rest)
        seen += 1
        if seen >= _STORY_LINES:
            break
    return None, text
