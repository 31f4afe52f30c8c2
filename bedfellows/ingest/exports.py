"""News-database exports: one text file holding many articles, split into articles.

Analysts download search results from LexisNexis (Nexis Uni) and Factiva as
one text file. Neither format is documented as a standard, so this is a
heuristic, applied only when a file carries its markers at least twice (one
marker in an ordinary article proves nothing):

- **LexisNexis**: each article ends with a line ``End of Document``; older
  exports open each with ``N of M DOCUMENTS``. Metadata lines
  (``Length: 523 words``, ``Byline:``, ``Section:``, ``Load-Date:``,
  ``Language:``, ``Copyright``, a lone ``Body``) are dropped.
- **Factiva**: each article ends with a line ``Document <id>`` (an id of ten
  or more letters and digits). The ``523 words`` line, a lone language line
  (``English``) and ``(c)``/``Copyright`` lines are dropped.

In both, a line near the top that is only a date ("June 17, 2014 Tuesday",
"17 June 2014") gives the publication date, and the first remaining line the
title. Articles are numbered from 1 in messages and ``source_path``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

__all__ = ["ExportedArticle", "split_export"]

_LEXIS_END = re.compile(r"^\s*End of Document\s*$", re.MULTILINE)
_LEXIS_HEAD = re.compile(r"^\s*\d+ of \d+ DOCUMENTS\s*$", re.MULTILINE)
_FACTIVA_END = re.compile(r"^\s*Document [A-Za-z0-9]{10,}\s*$", re.MULTILINE)
_META = re.compile(
    r"^\s*(?:(?:Length|Byline|Section|Load-Date|Language|Publication-Type|Document-Type|"
    r"Graphic|Highlight|Journal Code|Correction-Date|Notes|Classification|Subject|"
    r"Geographic|Organization|Industry|Person)\s*:.*|Body|Copyright\b.*|\(c\)\s.*|©.*"
    r"|\d[\d,]* words|English)\s*$",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(
    r"^\s*(?P<date>(?:[A-Z][a-z]+ \d{1,2}, \d{4})|(?:\d{1,2} [A-Z][a-z]+ \d{4}))"
    r"(?:,?\s+[A-Z][a-z]+day)?\s*$"
)
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")
_HEAD_LINES = 15  # the date line is among an article's first lines


@dataclass(frozen=True, slots=True)
class ExportedArticle:
    """One article cut from an export: its text, and the date its header gave."""

    text: str
    published: date | None = None


def _pieces(text: str) -> list[str] | None:
    if len(_LEXIS_END.findall(text)) >= 2:
        return _LEXIS_END.split(text)
    if len(_LEXIS_HEAD.findall(text)) >= 2:
        return _LEXIS_HEAD.split(text)
    if len(_FACTIVA_END.findall(text)) >= 2:
        return _FACTIVA_END.split(text)
    return None


def _date(line: str) -> date | None:
    m = _DATE_LINE.match(line)
    if not m:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(m.group("date"), fmt).date()
        except ValueError:
            continue
    return None


def _article(piece: str) -> ExportedArticle | None:
    lines = piece.splitlines()
    published = None
    kept: list[str] = []
    for number, line in enumerate(lines):
        if published is None and number < _HEAD_LINES and (found := _date(line)):
            published = found
            continue
        if _META.match(line):
            continue
        kept.append(line)
    body = "\n".join(kept).strip()
    return ExportedArticle(body, published) if body else None


def split_export(text: str) -> list[ExportedArticle] | None:
    """The articles of a LexisNexis or Factiva export, or None for any other text."""
    pieces = _pieces(text)
    if pieces is None:
        return None
    return [a for a in map(_article, pieces) if a is not None]
