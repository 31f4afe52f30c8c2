"""PLOVER gold-standard records (``data/gold/plover_gsr_dev.json``).

166 English sentences, one gold event each (the first JSON record is a header
and is skipped). Gold labels use the 2016 PLOVER names; they are mapped to the
current manual's names before scoring (``LABEL_MAP_2016``)::

    DEMAND      → REQUEST
    DISAPPROVE  → ACCUSE
    INVESTIGATE → ACCUSE
    FIGHT       → ASSAULT
    (all others unchanged)

Two gold actor codes are typos for ISO3 codes and are corrected
(``GOLD_CODE_FIXES``: JAP → JPN for Japan, ITL → ITA for Italy). The record
date "2000-01-01" is a placeholder, so articles are built undated.

``score_mentions`` measures the actor resolver alone: each gold actor's own
text ("actorText", e.g. "Iraqi Defense Minister") is resolved without its
sentence, undated, and its code compared with the gold code.

Definitions used by ``score``:

- **Primary event** of a sentence: among all predicted events (any modality),
  the one whose trigger span overlaps a gold EVT word of ``textInfo.markup``
  (or, when the markup gives none, a word of ``eventText``); ties and the
  no-overlap case go to the highest confidence, then to the earliest event.
  No event → the predicted type is ``"NONE"``.
- **PLOVER events**: only predicted events with a PLOVER type are scored.
  CAMEO 01 (statements) and 02 (appeals) have none (the PLOVER manual drops
  them), so they are counted (``events_without_plover_type``) but are never
  primary, spurious or coverage.
- **Actor codes** of a predicted actor: ``ActorRef.country`` when set, else the
  first three letters of ``ActorRef.cameo`` when they are a non-state code
  (IGO, NGO, IMG, MNC, UIS: "IGOUNO" → "IGO", as in gold); others (bare
  sectors like "GOV") are ignored. Gold entries with empty codes are ignored.
- **Source (target) accuracy**: the set of predicted source (target) codes of
  the primary event equals the set of gold codes; **overlap** is the lenient
  variant (the sets share a code). Only sentences with a gold source (target)
  are scored for it. **… event found**: the same, over sentences whose
  primary event is on a gold trigger word (actor accuracy where event
  detection succeeded).
- **Joint accuracy**: type, source and target all correct, over all
  sentences; a role with no gold actors counts as correct.
- **Macro-F1** averages per-type F1 over the types present in gold; the
  per-type table also lists predicted-only types (and ``NONE``).
- **Spurious events per sentence**: predicted events whose PLOVER type differs
  from the gold type, summed over sentences, divided by the number of sentences.
- **Coverage**: share of sentences with at least one predicted event.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from bedfellows.schema import ActorRef, Event

from ..scoring import accuracy, macro_f1, per_class_prf, rate, safe_div, set_match, set_overlap
from .common import (
    NON_STATE_CODES,
    GoldEvent,
    GoldRecord,
    clean_text,
    map_spans,
    parse_date,
)

NAME = "plover_gsr_dev"
FILE = "plover_gsr_dev.json"
PATH = Path("data") / "gold" / FILE

#: 2016 PLOVER labels in the gold file → names in the current PLOVER manual.
LABEL_MAP_2016 = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

#: Gold actor codes that are typos of ISO3 codes (checked against the actor text).
GOLD_CODE_FIXES = {"JAP": "JPN", "ITL": "ITA"}

#: The gold file's date on every record: not a real date.
PLACEHOLDER_DATE = "2000-01-01"

NO_EVENT = "NONE"


def map_label(label: str) -> str:
    """A gold PLOVER event type in the current manual's names."""
    label = label.strip().upper()
    return LABEL_MAP_2016.get(label, label)


def parse_markup(markup: str) -> tuple[str, list[tuple[str, int, int]]]:
    """Strip ``(TAG: words)`` markup, returning the plain text and tagged spans.

    Tags nest ("(LOC: in central (TAR: Iran))") and tagged words may hold
    parentheses of their own ("(TAR: Palestine Liberation Organization (PLO))"),
    so this is a small bracket-matching scanner, not a regex. Unbalanced
    closing parentheses are kept as text.

    RETURNS (tuple): plain text, and ``(tag, start, end)`` spans into it.
    """
    plain: list[str] = []
    spans: list[tuple[str, int, int]] = []
    # Stack entries: (tag, start offset in plain) for a tag, or None for a
    # literal "(" that must be closed by a literal ")".
    stack: list[tuple[str, int] | None] = []
    i, n = 0, len(markup)
    length = 0
    while i < n:
        ch = markup[i]
        if ch == "(":
            j = i + 1
            while j < n and (markup[j].isupper() or markup[j] == "/"):
                j += 1
            if j > i + 1 and markup.startswith(": ", j):
                stack.append((markup[i + 1 : j], length))
                i = j + 2
                continue
            stack.append(None)
        elif ch == ")" and stack:
            top = stack.pop()
            if top is not None:
                tag, start = top
                spans.append((tag, start, length))
                i += 1
                continue
        plain.append(ch)
        length += 1
        i += 1
    return "".join(plain), sorted(spans, key=lambda s: (s[1], s[2]))


def _word_spans(words: Iterable[str], text: str) -> list[tuple[int, int]]:
    """Spans of whole-word occurrences of ``words`` in ``text`` (case-insensitive)."""
    out = []
    for word in words:
        word = word.strip(" ,.;:'\"")
        if len(word) < 2:
            continue
        for m in re.finditer(rf"\b{re.escape(word)}\b", text, flags=re.IGNORECASE):
            out.append(m.span())
    return sorted(set(out))


def _codes(actors) -> tuple[str, ...]:
    """Gold actor codes of one role (a list of dicts; str/None mean no actor)."""
    if not isinstance(actors, list):
        return ()
    codes = []
    for actor in actors:
        code = (actor.get("code") or "").strip().upper() if isinstance(actor, dict) else ""
        if code:
            codes.append(GOLD_CODE_FIXES.get(code, code))
    return tuple(dict.fromkeys(codes))


def _mentions(row: Mapping) -> tuple[tuple[str, str, str, str], ...]:
    """(role, actor text, code, sector) of each gold actor that has a text and a code."""
    out = []
    for role in ("source", "target"):
        actors = row.get(role)
        for actor in actors if isinstance(actors, list) else ():
            if not isinstance(actor, dict):
                continue
            text = clean_text(actor.get("actorText") or "")
            code = (actor.get("code") or "").strip().upper()
            sector = str(actor.get("sector") or "").strip().upper()
            if text and code:
                out.append((role, text, GOLD_CODE_FIXES.get(code, code), sector))
    return tuple(out)


#: Gold sectors of non-state armed actors (PLOVER: rebels, unidentified armed
#: forces, paramilitaries; "REBkur"-style suffixes are cut to three letters).
ARMED_SECTORS = frozenset({"REB", "UAF", "PRM", "INS"})


def score_mentions(
    records: Sequence[GoldRecord],
    resolve: Callable[[str], str | None],
    resolve_armed: Callable[[str], tuple[str | None, bool]] | None = None,
) -> dict[str, dict]:
    """Actor resolution alone: each gold actor text resolved out of context.

    resolve: actor text → gold-comparable code (see ``actor_code``) or None.
    resolve_armed: actor text → (country, is a non-state armed actor).
    RETURNS (dict): ``metrics``: ``mention_source_country_accuracy``,
        ``mention_target_country_accuracy`` and, with ``resolve_armed``,
        ``mention_armed_group_accuracy``: over the gold actors that are non-state
        armed groups (an armed sector, or the code IMG), the share resolved to a
        non-state armed actor of the gold country (of no country for IMG);
        ``counts``: ``armed_group_mentions``, their number (with ``resolve_armed``).
    """
    hits: dict[str, list[bool]] = {"source": [], "target": []}
    armed: list[bool] = []
    for rec in records:
        for event in rec.events:
            for role, text, code, sector in event.mentions:
                hits[role].append(resolve(text) == code)
                if resolve_armed is not None and (sector[:3] in ARMED_SECTORS or code == "IMG"):
                    country, is_armed = resolve_armed(text)
                    want = None if code == "IMG" else code
                    armed.append(is_armed and country == want)
    metrics: dict[str, float | None] = {
        "mention_source_country_accuracy": rate(hits["source"]),
        "mention_target_country_accuracy": rate(hits["target"]),
    }
    counts: dict[str, int] = {}
    if resolve_armed is not None:
        metrics["mention_armed_group_accuracy"] = rate(armed)
        counts["armed_group_mentions"] = len(armed)
    return {"metrics": metrics, "counts": counts}


def record_from_json(row: Mapping) -> GoldRecord:
    """One GoldRecord from a PLOVER JSON record."""
    text = clean_text(row["text"])
    markup = (row.get("textInfo") or {}).get("markup") or ""
    spans: list[tuple[int, int]] = []
    if markup:
        plain, tagged = parse_markup(clean_text(markup))
        evt = [(s, e) for tag, s, e in tagged if "EVT" in tag.split("/")]
        spans = map_spans(evt, plain, text) if evt else []
    if not spans:
        spans = _word_spans((row.get("eventText") or "").split(), text)
    date = row.get("date")
    return GoldRecord(
        record_id=row["id"],
        source_file=FILE,
        text=text,
        events=(
            GoldEvent(
                label=map_label(row["event"]),
                sources=_codes(row.get("source")),
                targets=_codes(row.get("target")),
                mentions=_mentions(row),
            ),
        ),
        published=None if date == PLACEHOLDER_DATE else parse_date(date),
        trigger_spans=tuple(spans),
        category=row["event"],
    )


def load(shared: Path) -> list[GoldRecord]:
    """The PLOVER gold sentences under ``shared`` (header record skipped)."""
    rows = json.loads((Path(shared) / PATH).read_text(encoding="utf-8"))
    return [record_from_json(row) for row in rows if row.get("event") != "DOCUMENT"]


# -- predictions ---------------------------------------------------------------


def actor_code(actor: ActorRef) -> str | None:
    """The gold-comparable code of a predicted actor: ISO3, or IGO/NGO/IMG/….

    A country-less actor counts only when its CAMEO code starts with a
    non-state code ("IGOUNO" → "IGO"); a bare sector ("GOV") has no code.
    """
    if actor.country:
        return actor.country
    prefix = (actor.cameo or "").strip().upper()[:3]
    return prefix if prefix in NON_STATE_CODES else None


def actor_codes(actors: Iterable[ActorRef]) -> set[str]:
    """Codes of the predicted actors of one role, actors without a code dropped."""
    return {c for c in (actor_code(a) for a in actors) if c}


def overlaps(event: Event, spans: Iterable[tuple[int, int]]) -> bool:
    """True when the event's trigger span overlaps any of ``spans``."""
    return any(event.trigger_start < end and start < event.trigger_end for start, end in spans)


def primary_event(events: Sequence[Event], spans: Sequence[tuple[int, int]]) -> Event | None:
    """The predicted event scored against the sentence's one gold event.

    Prefers events on a gold trigger word, then higher confidence, then the
    earliest event.
    """
    if not events:
        return None
    pool = [e for e in events if overlaps(e, spans)] or list(events)
    best = pool[0]
    for e in pool[1:]:
        if e.confidence > best.confidence:
            best = e
    return best


def score(records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]) -> dict:
    """Score predicted events against the PLOVER gold records.

    records (Sequence[GoldRecord]): the gold sentences, as loaded.
    predictions (Mapping): record id → predicted events (missing = none);
        events without a PLOVER type are counted, not scored.
    RETURNS (dict): ``metrics`` (shares in [0, 1]), ``rates``, ``counts``,
        ``per_type`` (P/R/F1/support) and ``confusion`` (gold → predicted → n).
    """
    gold_types: list[str] = []
    pred_types: list[str] = []
    type_any: list[bool] = []
    on_trigger: list[bool] = []
    src_found: list[bool] = []  # where the primary event is on a gold trigger
    tgt_found: list[bool] = []
    src_exact: list[bool] = []
    src_any: list[bool] = []
    tgt_exact: list[bool] = []
    tgt_any: list[bool] = []
    joint: list[bool] = []
    covered: list[bool] = []
    spurious = 0
    n_events = 0
    untyped = 0
    confusion: dict[str, Counter] = {}
    for rec in records:
        gold = rec.events[0]
        all_events = list(predictions.get(rec.record_id, ()))
        events = [e for e in all_events if e.plover_type]
        untyped += len(all_events) - len(events)
        n_events += len(events)
        covered.append(bool(events))
        spurious += sum(e.plover_type != gold.label for e in events)
        type_any.append(any(e.plover_type == gold.label for e in events))
        prim = primary_event(events, rec.trigger_spans)
        on_trigger.append(prim is not None and overlaps(prim, rec.trigger_spans))
        ptype = prim.plover_type if prim is not None else NO_EVENT
        gold_types.append(gold.label)
        pred_types.append(ptype)
        confusion.setdefault(gold.label, Counter())[ptype] += 1
        psrc = actor_codes(prim.sources) if prim is not None else set()
        ptgt = actor_codes(prim.targets) if prim is not None else set()
        ok_src = ok_tgt = True
        found = on_trigger[-1]
        if gold.sources:
            ok_src = set_match(gold.sources, psrc)
            src_exact.append(ok_src)
            src_any.append(set_overlap(gold.sources, psrc))
            if found:
                src_found.append(ok_src)
        if gold.targets:
            ok_tgt = set_match(gold.targets, ptgt)
            tgt_exact.append(ok_tgt)
            tgt_any.append(set_overlap(gold.targets, ptgt))
            if found:
                tgt_found.append(ok_tgt)
        joint.append(ptype == gold.label and ok_src and ok_tgt)

    n = len(records)
    labels = sorted(set(gold_types))
    return {
        "n_sentences": n,
        "metrics": {
            "event_type_accuracy": accuracy(gold_types, pred_types),
            "event_type_macro_f1": macro_f1(gold_types, pred_types, labels),
            "event_type_any_event_accuracy": rate(type_any),
            "source_country_accuracy": rate(src_exact),
            "source_country_overlap": rate(src_any),
            "target_country_accuracy": rate(tgt_exact),
            "target_country_overlap": rate(tgt_any),
            "source_country_accuracy_event_found": rate(src_found),
            "target_country_accuracy_event_found": rate(tgt_found),
            "joint_accuracy": rate(joint),
            "coverage": rate(covered),
            "primary_on_gold_trigger": rate(on_trigger),
        },
        "rates": {
            "spurious_events_per_sentence": safe_div(spurious, n),
            "events_per_sentence": safe_div(n_events, n),
        },
        "counts": {
            "sentences": n,
            "sentences_scored_source": len(src_exact),
            "sentences_scored_target": len(tgt_exact),
            "predicted_events": n_events,
            "events_without_plover_type": untyped,
            "spurious_events": spurious,
            "gold_events": n,
        },
        "per_type": per_class_prf(gold_types, pred_types, set(gold_types) | set(pred_types)),
        "macro_f1_labels": labels,
        "confusion": {g: dict(sorted(c.items())) for g, c in sorted(confusion.items())},
    }
