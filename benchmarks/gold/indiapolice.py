"""IndiaPoliceEvents development documents (``data/gold/indiapolice_*_dev.jsonl``).

774 Times of India articles of 1–15 March 2002, split into ~12.9k
sentences, each labelled with what the police did in it: KILL, ARREST, FAIL,
FORCE, ANY_ACTION (police as the actor; lower-cased text, with the source's
mojibake left as it is). ``indiapolice_docs_dev.jsonl`` gives each document's
text, ``indiapolice_sents_dev.jsonl`` its sentences (in order; each is found
verbatim in the document text, which is how its character span is fixed),
``indiapolice_metadata_dev.jsonl`` its date.

**One record per document**: the whole document text is coded as one Article
with its date as ``published``, so pronouns, "the police" and relative dates
resolve in context. A predicted event belongs to the gold sentence whose span
holds the event's trigger start.

Definitions used by ``score`` (per gold sentence, pooled over documents):

- **Arrest**: gold ARREST ↔ a predicted event of PLOVER COERCE with CAMEO
  code 173 ("arrest, detain, or charge with legal action").
- **Kill/force**: gold KILL or FORCE ↔ a predicted event of PLOVER ASSAULT,
  or of a CAMEO code under root 18 (assault), 19 (fight) or 20 (mass
  violence), or CAMEO 175 ("use tactics of violent repression", which the
  CAMEO→PLOVER table also maps to ASSAULT: lathi charges, tear gas, firing
  on crowds).
- **Police variant (headline)**: the predicted event must also have a police
  source: an actor whose sector is ``COP`` or whose CAMEO code holds the
  ``COP`` role ("INDCOP"), because the gold labels are police-as-actor.
  The **any-source variant** (``*_any_source``) drops that condition.
- Only events that happened count: asserted ones, reported or not (a claim by
  the police is still the police's act). Negated, hypothetical and intended
  events ("should be apprehended", "may be put under house arrest", "did not
  fire", "will arrest") do not: the gold labels say what the police did, not
  what was asked for, feared, planned or denied. Precision, recall and F1 are over sentences.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bedfellows.schema import ActorRef, Event, Modality

from ..scoring import detection_prf, rate, safe_div
from .common import GoldRecord, parse_date

NAME = "indiapolice_dev"
FILE = "indiapolice_docs_dev.jsonl"
SENTS_FILE = "indiapolice_sents_dev.jsonl"
META_FILE = "indiapolice_metadata_dev.jsonl"
GOLD_DIR = Path("data") / "gold"

#: Headline metrics checked by the fast regression test.
HEADLINE = ("arrest_f1", "kill_force_f1")
#: ``accuracy.py --fast`` codes every 12th document (65 of 774).
FAST_EVERY = 12

ARREST_LABELS = frozenset({"ARREST"})
KILL_FORCE_LABELS = frozenset({"KILL", "FORCE"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
POLICE = "COP"
#: Modalities of acts that did not (yet) happen: not detections.
_NOT_DONE = frozenset({Modality.NEGATED, Modality.HYPOTHETICAL, Modality.INTENDED})


@dataclass(frozen=True)
class DocRecord(GoldRecord):
    """A document with its gold sentences: (start, end, labels) spans in ``text``."""

    sentences: tuple[tuple[int, int, frozenset[str]], ...] = ()


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def build(docs: Sequence[Mapping], sents: Sequence[Mapping], meta: Sequence[Mapping]) -> list:
    """Document records from the three parsed JSONL files (document order kept).

    Raises ValueError when a gold sentence is not found, in order, in its document.
    """
    by_doc: dict[int, list[Mapping]] = {}
    for s in sents:
        by_doc.setdefault(s["doc_id"], []).append(s)
    dates = {m["doc_id"]: m.get("date") for m in meta}
    records = []
    for doc in docs:
        text = doc["doc_text"]
        spans = []
        pos = 0
        for s in sorted(by_doc.get(doc["doc_id"], ()), key=lambda s: s["sent_id"]):
            start = text.find(s["sent_text"], pos)
            if start < 0:
                raise ValueError(
                    f"{SENTS_FILE}: doc {doc['doc_id']} sentence {s['sent_id']} not in {FILE}"
                )
            pos = start + len(s["sent_text"])
            spans.append((start, pos, frozenset(s.get("sent_labels") or ())))
        records.append(
            DocRecord(
                record_id=f"ipe{doc['doc_id']}",
                source_file=FILE,
                text=text,
                published=parse_date(dates.get(doc["doc_id"])),
                sentences=tuple(spans),
            )
        )
    return records


def load(shared: Path) -> list[DocRecord]:
    """The IndiaPoliceEvents development documents under ``shared``."""
    base = Path(shared) / GOLD_DIR
    return build(_jsonl(base / FILE), _jsonl(base / SENTS_FILE), _jsonl(base / META_FILE))


def is_police(actor: ActorRef) -> bool:
    """True when the actor is police: sector COP or a CAMEO code with the COP role."""
    if (actor.sector or "").upper() == POLICE:
        return True
    code = (actor.cameo or "").upper()
    return any(code[i : i + 3] == POLICE for i in range(0, len(code), 3))


def is_arrest(event: Event) -> bool:
    """COERCE with CAMEO 173 (arrest, detain)."""
    return event.plover_type == "COERCE" and event.cameo_code.startswith("173")


def is_kill_force(event: Event) -> bool:
    """ASSAULT, CAMEO roots 18–20, or CAMEO 175 (violent repression)."""
    return (
        event.plover_type == "ASSAULT"
        or event.cameo_root in FORCE_ROOTS
        or event.cameo_code.startswith("175")
    )


def sentence_flags(
    record: GoldRecord, events: Sequence[Event]
) -> list[tuple[frozenset[str], dict[str, bool]]]:
    """Per gold sentence: its labels, and which predicted kinds fall in it."""
    sents = getattr(record, "sentences", ())
    starts = [s for s, _, _ in sents]
    flags = [
        {"arrest": False, "kill_force": False, "arrest_any": False, "kill_force_any": False}
        for _ in sents
    ]
    for e in events:
        if e.modality in _NOT_DONE:
            continue
        i = bisect.bisect_right(starts, e.trigger_start) - 1
        if i < 0 or e.trigger_start >= sents[i][1]:
            continue  # between gold sentences (e.g. the dateline)
        police = any(is_police(a) for a in e.sources)
        if is_arrest(e):
            flags[i]["arrest_any"] = True
            flags[i]["arrest"] |= police
        if is_kill_force(e):
            flags[i]["kill_force_any"] = True
            flags[i]["kill_force"] |= police
    return [(labels, f) for (_, _, labels), f in zip(sents, flags, strict=True)]


def score(records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]) -> dict:
    """Sentence-level detection of police arrests and killings/force.

    RETURNS (dict): ``metrics`` (P/R/F1 for both kinds, police and any-source
        variants), ``rates`` and ``counts``.
    """
    gold = {"arrest": [], "kill_force": []}
    pred = {k: [] for k in ("arrest", "kill_force", "arrest_any", "kill_force_any")}
    n_events = 0
    placed = 0
    for rec in records:
        events = list(predictions.get(rec.record_id, ()))
        n_events += len(events)
        rows = sentence_flags(rec, events)
        for labels, f in rows:
            gold["arrest"].append(bool(labels & ARREST_LABELS))
            gold["kill_force"].append(bool(labels & KILL_FORCE_LABELS))
            for k in pred:
                pred[k].append(f[k])
        placed += len(rows)
    metrics: dict[str, float] = {
        "documents_with_events": rate(bool(predictions.get(r.record_id)) for r in records)
    }
    counts: dict[str, int] = {}
    for kind in ("arrest", "kill_force"):
        for suffix in ("", "_any"):
            res = detection_prf(gold[kind], pred[kind + suffix])
            tag = "" if not suffix else "_any_source"
            for m in ("f1", "precision", "recall"):
                metrics[f"{kind}_{m}{tag}"] = res[m]
        counts[f"gold_{kind}_sentences"] = sum(gold[kind])
        counts[f"predicted_{kind}_sentences"] = sum(pred[kind])
        counts[f"predicted_{kind}_sentences_any_source"] = sum(pred[kind + "_any"])
    return {
        "n_sentences": placed,
        "metrics": metrics,
        "rates": {"events_per_document": safe_div(n_events, len(records))},
        "counts": {
            "documents": len(records),
            "sentences": placed,
            "dated_documents": sum(r.published is not None for r in records),
            "predicted_events": n_events,
            **counts,
        },
    }
