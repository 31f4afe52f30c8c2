"""An undated article's ``ArticleDating`` → ``article_dating`` rows with structured evidence.

``ArticleDating.evidence`` items are the dater's one-line descriptions
(``bedfellows.events.dating``); this module reads back what each one says, so
the store can hold the mention, its span in the body, the kind of evidence
and the bound it gives, next to the description itself. The formats read are:

- office: ``"<phrase>: <actor_id> <CODE> <start> – <end> (<note>) or ..."``
  (the date lies in one of the spells; the bound stored is their hull);
- former office: ``"<phrase>: after <actor_id> left office <spells>"``
  (no earlier than the first spell's end, or its start when the end is unknown);
- name: ``"'<name>' is named: no earlier than <date> (<source>)"``;
- past date: ``"'<text>' in the past: no earlier than <date>"``.

A description in none of these formats is kept whole as kind ``other`` with
no bound: never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..errors import StoreError
from ..schema import Article, ArticleDating
from ._rows import Row

_ISO = r"\d{4}-\d{2}-\d{2}"
_NAME = re.compile(
    rf"^'(?P<mention>.+)' is named: no earlier than (?P<since>{_ISO}) \((?P<detail>.*)\)$"
)
_PAST = re.compile(rf"^'(?P<mention>.+)' in the past: no earlier than (?P<since>{_ISO})$")
_FORMER = re.compile(r"^(?P<mention>.+?): after (?P<actor>\S+) left office (?P<spells>.+)$")
_OFFICE = re.compile(
    rf"^(?P<mention>.+?): (?P<actor>\S+) (?P<spells>\S+ (?:{_ISO}|start unknown) – .+)$"
)
_SPELL = re.compile(rf"(?:^| or )\S+ (?P<start>{_ISO}|start unknown) – (?P<end>{_ISO}|end unknown)")

KINDS = ("office", "former_office", "name", "past_date", "other")


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One piece of dating evidence, as stored (see ``ddl.ARTICLE_DATING_EVIDENCE``)."""

    kind: str
    description: str
    mention: str | None = None
    actor_id: str | None = None
    bound_start: date | None = None
    bound_end: date | None = None
    detail: str | None = None


def _day(text: str) -> date | None:
    return None if "unknown" in text else date.fromisoformat(text)


def _spells(text: str) -> list[tuple[date | None, date | None]]:
    return [(_day(m["start"]), _day(m["end"])) for m in _SPELL.finditer(text)]


def parse_evidence(description: str) -> EvidenceItem:
    """What one evidence description says: kind, mention, actor and bound."""
    if m := _NAME.match(description):
        since = date.fromisoformat(m["since"])
        return EvidenceItem("name", description, m["mention"], None, since, None, m["detail"])
    if m := _PAST.match(description):
        since = date.fromisoformat(m["since"])
        return EvidenceItem("past_date", description, m["mention"], None, since, None)
    if m := _FORMER.match(description):
        spells = _spells(m["spells"])
        # As the dater reads "former": after the first spell ended (or began, end unknown).
        afters = [end or start for start, end in spells if (end or start) is not None]
        if afters:
            return EvidenceItem(
                "former_office",
                description,
                m["mention"],
                m["actor"],
                min(afters),
                None,
                m["spells"],
            )
    if (m := _OFFICE.match(description)) and (spells := _spells(m["spells"])):
        starts = [s for s, _ in spells]
        ends = [e for _, e in spells]
        lo = None if None in starts else min(s for s in starts if s is not None)
        hi = None if None in ends else max(e for e in ends if e is not None)
        return EvidenceItem("office", description, m["mention"], m["actor"], lo, hi, m["spells"])
    return EvidenceItem("other", description)


def find_mention(body: str, mention: str | None) -> tuple[int | None, int | None]:
    """The first span of ``mention`` as a whole phrase in ``body``, else (None, None)."""
    if not mention:
        return None, None
    found = re.search(r"(?<!\w)" + re.escape(mention) + r"(?!\w)", body)
    return (found.start(), found.end()) if found else (None, None)


def dating_rows(article: Article, dating: ArticleDating, run_id: str) -> tuple[Row, list[Row]]:
    """The ``article_dating`` row and the ``article_dating_evidence`` rows of an article.

    Every evidence item is one row; conflicting items (``dating.conflicts``)
    are marked ``dropped``. A conflict not among the evidence is added as a
    dropped row of its own, so nothing the dater reported is lost.
    """
    dropped = set(dating.conflicts)
    descriptions = list(dating.evidence)
    descriptions += [c for c in dating.conflicts if c not in set(dating.evidence)]
    rows: list[Row] = []
    for position, description in enumerate(descriptions):
        item = parse_evidence(description)
        start, end = find_mention(article.body, item.mention)
        rows.append(
            (
                article.article_id,
                position,
                item.kind,
                item.mention,
                start,
                end,
                item.actor_id,
                item.bound_start,
                item.bound_end,
                item.detail,
                item.description,
                description in dropped,
                run_id,
            )
        )
    if dating.earliest and dating.latest and dating.earliest > dating.latest:
        raise StoreError(
            f"{article.source_path}: inferred window of {article.article_id} ends "
            f"({dating.latest}) before it starts ({dating.earliest})"
        )
    head = (
        article.article_id,
        dating.earliest,
        dating.latest,
        None if dating.granularity is None else str(dating.granularity),
        len(dating.evidence),
        sum(1 for d in descriptions if d in dropped),
        run_id,
    )
    return head, rows
