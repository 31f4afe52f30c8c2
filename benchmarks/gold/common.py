"""Records shared by the gold-set modules, and the Article built from each.

Each gold module exposes ``load(shared) -> list[GoldRecord]`` and
``score(records, predictions) -> dict``, where ``predictions`` maps a record id
to the list of ``bedfellows.schema.Event`` coded from that record's sentence.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime

from bedfellows.schema import Article
from bedfellows.util.hashing import normalize_text

#: CAMEO first-position codes for actors that are not states (international
#: and non-governmental organisations, militarised groups, multinationals,
#: unidentified states). A country-less predicted CAMEO code that starts with
#: one of these is comparable with gold; any other country-less code is a bare
#: sector ("GOV", "REB") and stands for "no country".
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS"})

_COMPACT_DATE = re.compile(r"\d{8}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class GoldEvent:
    """One gold event: its label and the gold codes of its sources and targets."""

    label: str  # PLOVER event type (mapped to the current manual) or CAMEO code
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    # (role, actor text, gold code) for gold actors whose text is given
    mentions: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class GoldRecord:
    """One gold sentence with its events (none for a no-event sentence).

    ``text`` is exactly the ``Article.body`` that is coded, so character spans
    (``trigger_spans``) index both.
    """

    record_id: str
    source_file: str
    text: str
    events: tuple[GoldEvent, ...] = ()
    published: date | None = None
    trigger_spans: tuple[tuple[int, int], ...] = ()  # gold trigger words in ``text``
    category: str | None = None

    @property
    def article_id(self) -> str:
        """The id of the Article built for this record."""
        return f"gold_{self.record_id}"


def clean_text(text: str) -> str:
    """Gold sentence text as coded: ingest's normalisation, whitespace collapsed.

    Collapsing matters for wrapped sentences (PETRARCH's ``<Text>`` blocks),
    which would otherwise be split into paragraphs mid-sentence.
    """
    return " ".join(normalize_text(text).split())


def parse_date(value: str | None) -> date | None:
    """A record date ``YYYYMMDD`` or ``YYYY-MM-DD``, or None when it is not a real date.

    PETRARCH-2 has one six-digit date ("121108") that is not a calendar day in
    either reading that could be trusted, so it is left undated.
    """
    if not value:
        return None
    for pattern, fmt in ((_COMPACT_DATE, "%Y%m%d"), (_ISO_DATE, "%Y-%m-%d")):
        if pattern.fullmatch(value):
            try:
                return datetime.strptime(value, fmt).date()
            except ValueError:
                return None
    return None


def to_article(record: GoldRecord) -> Article:
    """The Article coded for ``record``: one sentence, id ``gold_<record id>``."""
    return Article(
        article_id=record.article_id,
        source_path=f"gold:{record.source_file}:{record.record_id}",
        body=record.text,
        published=record.published,
    )


def map_spans(spans: list[tuple[int, int]], from_text: str, to_text: str) -> list[tuple[int, int]]:
    """Carry character spans from ``from_text`` over to a near-identical ``to_text``.

    The PLOVER markup's plain text differs from the record text in a few words
    (typos fixed in one but not the other), so spans are mapped through a
    character alignment; a span that falls entirely in changed text is mapped
    to the changed region of ``to_text``. Empty results are dropped.
    """
    if from_text == to_text:
        return [s for s in spans if s[1] > s[0]]
    ops = difflib.SequenceMatcher(None, from_text, to_text, autojunk=False).get_opcodes()

    def carry(pos: int, is_end: bool) -> int:
        for tag, i1, i2, j1, j2 in ops:
            if i1 <= pos < i2 or (is_end and i1 < pos == i2):
                if tag == "equal":
                    return j1 + (pos - i1)
                return j2 if is_end else j1
        return len(to_text) if pos >= len(from_text) else 0

    out = []
    for start, end in spans:
        s, e = carry(start, False), carry(end, True)
        if e > s:
            out.append((s, e))
    return out
