"""Inferred date windows for articles without a publication date.

An undated article still says when it was written, within limits:

- **offices**: "President Obama", "Secretary of State John Kerry",
  "the Trump administration" — a person named with a title and no "then-"
  (news style marks past holders "then-" or "former") held the office when
  the article was written, so the date lies in one of the knowledge base's
  spells whose note names that office (``office_spells``; spells without a
  note give no evidence). "former", "ex-" and "late" put the date after the
  spell ended (or, with an unknown end, after it began). "then-", "-elect",
  "-designate" say nothing about the article's date and are skipped; so are
  mentions in a sentence that dates itself ("In 2014, President Obama ...")
  and names that do not fit the KB person (another first name).
- **names**: an organisation named by a name that did not exist before a
  known month (``actor_name_dates.tsv``: ISIL, April 2013) dates the article
  no earlier than that month.
- **past events**: an absolute date or year of a past-tense clause ("the war
  of the 1980s was ...") or a "since" bound ("since 1979") means the article
  is no older than the start of that date.

Each piece of evidence is a set of intervals the date must lie in; the
window is their intersection. An open end (a spell whose end is unknown)
never narrows the window. When the evidence conflicts (a mis-resolved
person), every largest consistent subset is kept and the window is the hull
of their windows: widened and logged, never guessed.

``infer_window`` is the pure logic; ``ArticleDater`` collects evidence from
the parsed sentences of an article and dates its undated events
(``DateBasis.INFERRED``, granularity from the window's width).
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import combinations

from bedfellows.actors import ActorKB, resolve_phrase
from bedfellows.actors.kb import ActorEntry, Spell
from bedfellows.actors.normalize import key_of
from bedfellows.data import read_tsv
from bedfellows.dates import find_expressions, resolve_expression
from bedfellows.dates.expressions import KIND_DATE, KIND_SINCE
from bedfellows.nlp.spans import EntityIndex
from bedfellows.schema import Article, ArticleDating, DateBasis, Event, EventDate, Granularity

__all__ = ["ArticleDater", "Evidence", "infer_window", "window_granularity"]

log = logging.getLogger(__name__)

_Interval = tuple[date, date]
_LO, _HI = date.min, date.max

_FORMER = frozenset({"former", "ex", "late"})
# Titles that do not say the person held the office when the article was written.
_NOT_NOW = frozenset({"then", "elect", "designate", "nominee", "candidate", "hopeful", "future"})
_FILLER = frozenset({"the", "a", "an", "of", "s", "mr", "mrs", "ms", "dr", "and", "for", "to"})
# Words of the head-of-government titles an "X administration" stands for.
_HEADS = frozenset({"president", "prime", "premier", "chancellor"})
# Ranks below an office: a note with one fits only a title with it.
_RANKS = frozenset({"vice", "deputy", "assistant", "under"})
_SPELLING = {"defense": "defence", "organization": "organisation"}
_WORD = re.compile(r"[a-z]+")
_MAX_DROPPED = 3  # conflicting evidence: try leaving out up to this many items
_KEEP_WINDOWS = 10_000  # windows kept for lookup by article id


@dataclass(frozen=True, slots=True)
class Evidence:
    """One piece of dating evidence: the article's date lies in one of ``spans``.

    ``spans`` are (start, end) pairs, inclusive, with None for an open side.
    """

    text: str
    spans: tuple[tuple[date | None, date | None], ...]

    def intervals(self) -> list[_Interval]:
        """The spans with open sides made explicit (date.min / date.max)."""
        return [(s or _LO, e or _HI) for s, e in self.spans if (s or _LO) <= (e or _HI)]


def window_granularity(earliest: date, latest: date) -> Granularity:
    """Granularity of a window from its width: a day, a week, a month, up to
    two years (YEAR) or more (DECADE)."""
    days = (latest - earliest).days + 1
    if days <= 1:
        return Granularity.DAY
    if days <= 7:
        return Granularity.WEEK
    if days <= 31:
        return Granularity.MONTH
    if days <= 731:  # up to two years: known to about a year
        return Granularity.YEAR
    return Granularity.DECADE


def _intersect(a: list[_Interval], b: list[_Interval]) -> list[_Interval]:
    out = []
    for s1, e1 in a:
        for s2, e2 in b:
            s, e = max(s1, s2), min(e1, e2)
            if s <= e:
                out.append((s, e))
    return out


def _combine(items: Iterable[Evidence]) -> list[_Interval]:
    current: list[_Interval] = [(_LO, _HI)]
    for item in items:
        current = _intersect(current, item.intervals())
        if not current:
            break
    return current


def _hull(intervals: list[_Interval]) -> _Interval:
    return min(s for s, _ in intervals), max(e for _, e in intervals)


def infer_window(evidence: Sequence[Evidence]) -> ArticleDating:
    """The article's date window from ``evidence`` (see the module docstring).

    Repeated evidence (the same spans) counts once. With no evidence, or none
    that bounds the date, the window is open (None) on that side.
    """
    unique: dict[tuple, Evidence] = {}
    for item in evidence:
        unique.setdefault(item.spans, item)
    items = [i for i in unique.values() if i.intervals()]
    if not items:
        return ArticleDating()
    conflicts: list[str] = []
    full = _combine(items)
    if full:
        lo, hi = _hull(full)
    else:
        lo = hi = None
        for k in range(1, min(_MAX_DROPPED, len(items) - 1) + 1):
            windows = []
            dropped: set[int] = set()
            for left_out in combinations(range(len(items)), k):
                kept = [x for i, x in enumerate(items) if i not in left_out]
                got = _combine(kept)
                if got:
                    windows.append(_hull(got))
                    dropped.update(left_out)
            if windows:
                lo, hi = _hull(windows)
                conflicts = [items[i].text for i in sorted(dropped)]
                break
        if lo is None or hi is None:
            conflicts = [i.text for i in items]
            log.warning("dating evidence conflicts beyond repair: %s", "; ".join(conflicts))
            return ArticleDating(evidence=tuple(i.text for i in items), conflicts=tuple(conflicts))
        log.warning("dating evidence conflicts; window widened over: %s", "; ".join(conflicts))
    earliest = None if lo == _LO else lo
    latest = None if hi == _HI else hi
    gran = window_granularity(earliest, latest) if earliest and latest else None
    return ArticleDating(
        earliest=earliest,
        latest=latest,
        granularity=gran,
        evidence=tuple(i.text for i in items),
        conflicts=tuple(conflicts),
    )


# --- evidence from the text -------------------------------------------------


@lru_cache(maxsize=1)
def _name_dates() -> tuple[tuple[re.Pattern[str], str, date, str], ...]:
    """(pattern, name, since, source) per name of ``actor_name_dates.tsv``."""
    out = []
    for row in read_tsv("actor_name_dates.tsv"):
        pattern = re.compile(r"(?<![\w-])" + re.escape(row["name"]) + r"(?![\w-])")
        out.append((pattern, row["name"], date.fromisoformat(row["since"]), row["source"]))
    return tuple(out)


def name_evidence(text: str) -> list[Evidence]:
    """Evidence from organisation names in ``text`` that did not exist before a month."""
    out = []
    for pattern, name, since, source in _name_dates():
        if pattern.search(text):
            out.append(
                Evidence(f"'{name}' is named: no earlier than {since} ({source})", ((since, None),))
            )
    return out


def _words(text: str) -> set[str]:
    return {_SPELLING.get(w, w) for w in _WORD.findall(text.lower())}


def _span_text(spell: Spell) -> str:
    end = spell.end.isoformat() if spell.end is not None else "end unknown"
    start = spell.start.isoformat() if spell.start is not None else "start unknown"
    note = f" ({spell.note})" if spell.note else ""
    return f"{spell.cameo or spell.sector} {start} – {end}{note}"


def office_spells(person: ActorEntry, title: set[str]) -> list[Spell]:
    """The person's dated spells whose note names the office of the title words.

    Every title word must be in the spell's note ("Defense Minister" fits
    "Minister of Defence", "President" fits "44th President"), and a rank the
    note adds ("Vice President") must be in the title too. "administration"
    fits any head of state or government. Spells without a note (most
    PETRARCH records, whose lists of offices are incomplete) never fit:
    better no evidence than a wrong one.
    """
    wanted = {_SPELLING.get(w, w) for w in title} - _FILLER
    admin = "administration" in wanted
    wanted.discard("administration")
    if not wanted and not admin:
        return []
    out = []
    for spell in person.spells:
        note = _words(spell.note or "")
        if spell.default or not note or (note & _RANKS) - wanted:
            continue
        if (admin and note & _HEADS and wanted <= note) or (not admin and wanted <= note):
            out.append(spell)
    return out


def office_evidence(phrase: str, person: ActorEntry, title: set[str]) -> Evidence | None:
    """Evidence from a person named with an office title, or None."""
    if title & _NOT_NOW:
        return None
    former = bool(title & _FORMER)
    spells = office_spells(person, title - _FORMER)
    if not spells:
        return None
    if former:
        # After the office ended; with an unknown end, at least after it began.
        after = min((s.end or s.start or _LO) for s in spells)
        if after == _LO:
            return None
        return Evidence(
            f"{phrase}: after {person.actor_id} left office "
            + " or ".join(_span_text(s) for s in spells),
            ((after, None),),
        )
    return Evidence(
        f"{phrase}: {person.actor_id} " + " or ".join(_span_text(s) for s in spells),
        tuple((s.start, s.end) for s in spells),
    )


def _verb_of(tok):
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _is_past(tok) -> bool:
    """True when the clause governing ``tok`` is in a past tense."""
    verb = _verb_of(tok)
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children) or any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )


class ArticleDater:
    """Collects dating evidence from an undated article's sentences and dates its events."""

    def __init__(self, kb: ActorKB) -> None:
        self.kb = kb
        self._evidence: dict[str, list[Evidence]] = {}
        self.windows: OrderedDict[str, ArticleDating] = OrderedDict()

    def observe(self, doc, article: Article, ents: EntityIndex | None = None) -> None:
        """Read one parsed paragraph of ``article`` (only undated articles are read).

        ents: the Doc's ``EntityIndex`` when the caller has one (built here if not).
        """
        if article.published is not None:
            return
        found = self._evidence.setdefault(article.article_id, [])
        ents = ents if ents is not None else EntityIndex(doc)
        for sent in doc.sents:
            dated = self._past_dates(sent, found)
            if not dated:
                self._offices(ents.within(sent), found)

    def _past_dates(self, sent, found: list[Evidence]) -> bool:
        """Add lower bounds from past absolute dates; True when the sentence has one."""
        dated = False
        for expr in find_expressions(sent.text):
            if expr.kind not in (KIND_DATE, KIND_SINCE):
                continue
            got = resolve_expression(expr.text, None)
            if got is None or got.start is None:
                continue
            dated = True
            span = sent.char_span(expr.start, expr.end, alignment_mode="expand")
            if span is None:
                continue
            if expr.kind == KIND_SINCE or _is_past(span.root):
                found.append(
                    Evidence(
                        f"'{expr.text}' in the past: no earlier than {got.start}",
                        ((got.start, None),),
                    )
                )
        return dated

    def _offices(self, sent_ents: list, found: list[Evidence]) -> None:
        for ent in sent_ents:
            if ent.label_ != "PERSON":
                continue
            # The name's last word: "President Petro" tagged apart from "Poroshenko"
            # is one name, "Petro Poroshenko".
            name_end = ent.root
            while (
                name_end.dep_ == "compound"
                and name_end.head.pos_ == "PROPN"
                and name_end.head.i > name_end.i
            ):
                name_end = name_end.head
            admin = name_end.dep_ == "compound" and name_end.head.lower_ == "administration"
            last = name_end.head if admin else name_end
            left = [t for t in last.subtree if t.i <= last.i]
            # The contiguous run of the phrase that ends at the name (or "administration").
            run = []
            for tok in reversed(left):
                if run and tok.i != run[-1].i - 1:
                    break
                run.append(tok)
            run.reverse()
            words = [t.text for t in run if not t.is_punct or t.text == "-"]
            if admin:
                name = [t.text for t in run if t.i < last.i and t.dep_ != "det"]
                res = resolve_phrase(name, None, kb=self.kb)
            else:
                # The whole phrase names the person: "Ukrainian President Petro
                # Poroshenko", not the "President Petro" inside it.
                res = resolve_phrase(words, None, kb=self.kb)
            if res is None or res.kind != "person" or not res.actor_id:
                continue
            person = self.kb.get(res.actor_id)
            if self._other_first_name(run, last if not admin else name_end, person):
                continue  # "Rod Rosenstein" is not the KB's "Jaime Daremblum Rosenstein"
            # The title: words of the phrase that are not the name (the canonical
            # name's words, not every alias's: PETRARCH aliases carry titles,
            # "PRIME_MINISTER_NOURI_AL_MALIKI") nor a country ("U.S.", "Iraqi").
            names = _words(person.name)
            title: set[str] = set()
            for tok in run:
                if not self.kb.match_place(key_of(tok.text), tok.text):
                    title |= {w for w in _words(tok.text) if w not in names}
            phrase = ent.doc[run[0].i : run[-1].i + 1].text
            item = office_evidence(phrase, person, title)
            if item is not None:
                found.append(item)

    def _other_first_name(self, run, name_end, person: ActorEntry) -> bool:
        """True when the word before the person's names is a name the KB does not
        give this person (a surname match on someone else)."""
        known = self.kb.alias_words([person]) | _words(person.name)
        for tok in reversed([t for t in run if t.i < name_end.i]):
            if tok.text == "-" or tok.lower_ in known:
                continue
            if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
                return False
            key = key_of(tok.text)
            return self.kb.match_agent(key) is None and not self.kb.match_place(key, tok.text)
        return False

    def forget(self, article_id: str) -> None:
        """Drop what was read of an article that will not be finished (it failed,
        or is read again from its start)."""
        self._evidence.pop(article_id, None)

    def finish(self, article: Article) -> ArticleDating:
        """The article's window (also kept in ``windows`` under its id)."""
        found = self._evidence.pop(article.article_id, [])
        found = found + name_evidence(article.body)
        dating = infer_window(found)
        self.windows[article.article_id] = dating
        while len(self.windows) > _KEEP_WINDOWS:
            self.windows.popitem(last=False)
        return dating

    def date_events(self, events: list[Event], article: Article) -> list[Event]:
        """Undated events of an undated article take its closed window (INFERRED)."""
        if article.published is not None:
            return events
        dating = self.finish(article)
        if not dating.closed:
            return events
        out = []
        for ev in events:
            if ev.date.start is not None:
                out.append(ev)
                continue
            edate = EventDate(
                start=dating.earliest,
                end=dating.latest,
                granularity=dating.granularity,
                basis=DateBasis.INFERRED,
                text=ev.date.text,
                text_start=ev.date.text_start,
                text_end=ev.date.text_end,
            )
            out.append(replace(ev, date=edate))
        return out
