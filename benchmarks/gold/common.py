"""Records shared by the gold-set modules, and the Article built from each.

Each gold module exposes ``load(shared) -> list[GoldRecord]`` and
``score(records, predictions) -> dict``, where ``predictions`` maps a record id
to the list of ``bedfellows.schema.Event`` coded from that record's sentence.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable, Mapping
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

#: The two parts of every gold set (see ``part_of``).
TUNE = "tune"
LOCKBOX = "lockbox"
#: One record in ``LOCKBOX_MODULUS`` units goes to the lockbox (about a third).
LOCKBOX_MODULUS = 3

_COMPACT_DATE = re.compile(r"\d{8}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class GoldEvent:
    """One gold event: its label and the gold codes of its sources and targets."""

    label: str  # PLOVER event type (mapped to the current manual) or CAMEO code
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    # (role, actor text, gold code, gold sector or "") for gold actors whose text is given
    mentions: tuple[tuple[str, str, str, str], ...] = ()


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


def part_of(set_name: str, unit_id: str) -> str:
    """The part, ``"tune"`` or ``"lockbox"``, of a gold set's scored unit.

    Fixed by a hash, so it never depends on file order, on which records a run
    loads (``--limit``, ``--fast``) or on the coder: the first 8 hex digits of
    ``sha256("<set name>:<unit id>")`` (UTF-8), read as an integer, modulo
    ``LOCKBOX_MODULUS`` (3); 0 is the lockbox, about one unit in three. The
    set name is hashed too, so the sets split independently of each other.

    The unit is what a set scores as one piece (``partition_unit``): the
    record id for most sets, the document for sets whose sentence records
    belong to documents, so a document never straddles the two parts.

    The lockbox rule: never read, print or log a lockbox record or its
    per-record errors; only aggregate figures of a lockbox may be seen.
    """
    digest = hashlib.sha256(f"{set_name}:{unit_id}".encode()).hexdigest()
    return LOCKBOX if int(digest[:8], 16) % LOCKBOX_MODULUS == 0 else TUNE


def partition_unit(module, record: GoldRecord) -> str:
    """The unit id ``part_of`` splits a record of ``module``'s set by.

    A module whose sentence records are grouped in documents defines
    ``partition_unit(record)`` (the document id); otherwise it is the record
    id (for IndiaPoliceEvents that is the document: one record per document).
    """
    unit = getattr(module, "partition_unit", None)
    return unit(record) if unit is not None else record.record_id


def record_part(module, record: GoldRecord) -> str:
    """The part of one record of a gold set module (``part_of`` on its unit).

    A module with ``ALL_LOCKBOX = True`` (the synthetic-story lockbox) has no
    tune part: every record is in the lockbox; one with its own ``record_part``
    (a recased copy, ``gold.recased``) decides by it.
    """
    if getattr(module, "ALL_LOCKBOX", False):
        return LOCKBOX
    own = getattr(module, "record_part", None)  # a copy of a set splits as its original
    if own is not None:
        return own(record)
    return part_of(module.NAME, partition_unit(module, record))


def split_parts(module, records: Iterable[GoldRecord]) -> dict[str, list[GoldRecord]]:
    """The records of a set, in their order, by part: ``{"tune": [...], "lockbox": [...]}``."""
    parts: dict[str, list[GoldRecord]] = {TUNE: [], LOCKBOX: []}
    for rec in records:
        parts[record_part(module, rec)].append(rec)
    return parts


def aggregate_only(scored: Mapping, record_ids: Iterable[str] = ()) -> dict:
    """The aggregate figures of a ``score`` result: what a lockbox may show.

    Kept: numbers (int, float, bool, None) and mappings of them, nested. Dropped:
    strings, lists and tuples (record ids, labels, examples), any key that is
    one of ``record_ids`` (and the mapping under it), and confusion tables
    (keys starting with ``confusion`` or ending in ``_confusion``), which are
    drawn only for the tune part. A mapping emptied by these rules is dropped
    (one that was empty to begin with is kept).
    """
    ids = set(record_ids)

    def keep(key) -> bool:
        k = str(key)
        return k not in ids and not k.startswith("confusion") and not k.endswith("_confusion")

    def clean(value):
        if value is None or isinstance(value, bool | int | float):
            return value, True
        if isinstance(value, Mapping):
            out = {}
            for k, v in value.items():
                if keep(k):
                    v2, ok = clean(v)
                    if ok:
                        out[k] = v2
            return out, bool(out) or not value  # an empty mapping stays, an emptied one goes
        return None, False

    out, _ = clean(scored)
    return out or {}


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
