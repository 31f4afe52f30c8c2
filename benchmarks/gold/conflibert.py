"""ConfliBERT CAMEO class sentences (``data/gold/conflibert_cameo_class_train.tsv``).

1,349 English news sentences (2017–18), each labelled with one of five classes
(``sentence<TAB>label``). The classes are taken to be a "PentaClass"
grouping of CAMEO root codes, as in the Phoenix event data (Open Event Data
Alliance); the label names in ``../shared/README.md`` (0 statement/appeal …
4 material conflict) match it::

    class 0 statement / appeal       CAMEO roots 01–02
    class 1 verbal cooperation       CAMEO roots 03–05
    class 2 material cooperation     CAMEO roots 06–08
    class 3 verbal conflict          CAMEO roots 09–13 and 16
    class 4 material conflict        CAMEO roots 14–15 and 17–20

(``PENTA_BOUNDS``). The ConfliBERT repository does not spell its mapping out,
so two facts decide where CAMEO 16 (reduce relations: sanctions, expulsions of
diplomats, breaking off talks) goes. The PLOVER README's quad table ("Verbal
conflict | DEMAND, DISAPPROVE, REJECT, THREATEN, SANCTION") and the PLOVER
manual's summary table put SANCTION, its PLOVER type, under verbal conflict;
and in the development file the sentences on which bedfellows codes a root-16
act are labelled verbal conflict 42 times in 56 and material conflict never
(2026-12 run), which GDELT's QuadClass boundaries (16 in material conflict)
cannot explain. A label convention read off the labels, not a model fitted to
them: every other root keeps GDELT's QuadClass boundaries (01–05, 06–08,
09–13, 14–20, with 01–02 split off). ``class_accuracy_gdelt_bounds`` reports
the accuracy with 16 in material conflict, for comparison.

Definitions used by ``score``:

- **Primary event** of a sentence: among all predicted events (any modality,
  with or without a PLOVER type), the one with the highest confidence; ties go
  to the earliest event. Its CAMEO root gives the predicted class.
- **No event**: a sentence with no predicted event predicts ``NONE``, which is
  never right; it is not guessed as class 0, because "no event" is a coder
  failure, not a statement. ``coverage`` is the share of sentences with an
  event, and ``class_accuracy_covered`` the accuracy over those sentences only.
- **Macro-F1** averages per-class F1 over the five gold classes (``NONE`` only
  lowers recall); ``per_type`` lists P/R/F1 of each class and of ``NONE``.
- **Any-event accuracy**: share of sentences where some predicted event (not
  only the primary one) has the gold class.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from bedfellows.schema import Event

from ..scoring import accuracy, confusion_counts, macro_f1, per_class_prf, rate, safe_div
from .common import GoldEvent, GoldRecord, clean_text

NAME = "conflibert_cameo_class"
FILE = "conflibert_cameo_class_train.tsv"
PATH = Path("data") / "gold" / FILE

#: Headline metrics checked by the fast regression test.
HEADLINE = ("class_accuracy", "class_macro_f1")
#: ``accuracy.py --fast`` codes every 4th sentence (337 of 1,349).
FAST_EVERY = 4

#: PentaClass number → name (the file's labels).
CLASS_NAMES = {
    "0": "statement/appeal",
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
}
CLASSES = tuple(CLASS_NAMES)
NO_EVENT = "NONE"


#: CAMEO roots of each PentaClass (see the module docstring).
PENTA_BOUNDS = {
    "0": range(1, 3),
    "1": range(3, 6),
    "2": range(6, 9),
    "3": (*range(9, 14), 16),
    "4": (14, 15, *range(17, 21)),
}
#: GDELT's QuadClass boundaries, 01–02 split off: 16 is material conflict.
GDELT_BOUNDS = {**PENTA_BOUNDS, "3": range(9, 14), "4": range(14, 21)}


def penta_class(cameo_code: str, bounds: Mapping[str, Sequence[int]] = PENTA_BOUNDS) -> str | None:
    """PentaClass ("0"–"4") of a CAMEO event code, or None when it has no valid root."""
    try:
        root = int(cameo_code[:2])
    except (TypeError, ValueError):
        return None
    return next((cls for cls, roots in bounds.items() if root in roots), None)


def parse(tsv: str, source_file: str = FILE) -> list[GoldRecord]:
    """Records from the TSV text: id ``cc<line number>``, gold label = class number."""
    records = []
    for lineno, line in enumerate(tsv.splitlines(), start=1):
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        label = label.strip()
        if not sep or label not in CLASS_NAMES:
            raise ValueError(f"{source_file}:{lineno}: expected 'sentence<TAB>0..4'")
        records.append(
            GoldRecord(
                record_id=f"cc{lineno:04d}",
                source_file=source_file,
                text=clean_text(text),
                events=(GoldEvent(label=label),),
                category=label,
            )
        )
    return records


def load(shared: Path) -> list[GoldRecord]:
    """The ConfliBERT class sentences under ``shared``."""
    return parse((Path(shared) / PATH).read_text(encoding="utf-8"))


def primary_event(events: Sequence[Event]) -> Event | None:
    """The highest-confidence event (the earliest on ties), or None."""
    best = None
    for e in events:
        if best is None or e.confidence > best.confidence:
            best = e
    return best


def score(records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]) -> dict:
    """Score the predicted PentaClass of each sentence against the gold class.

    RETURNS (dict): ``metrics``, ``rates``, ``counts``, ``per_type`` and
        ``confusion`` (gold class → predicted class → n).
    """
    gold: list[str] = []
    pred: list[str] = []
    pred_gdelt: list[str] = []
    any_hit: list[bool] = []
    n_events = 0
    for rec in records:
        events = list(predictions.get(rec.record_id, ()))
        n_events += len(events)
        prim = primary_event(events)
        label = rec.events[0].label
        gold.append(label)
        pred.append((penta_class(prim.cameo_code) or NO_EVENT) if prim else NO_EVENT)
        pred_gdelt.append(
            (penta_class(prim.cameo_code, GDELT_BOUNDS) or NO_EVENT) if prim else NO_EVENT
        )
        any_hit.append(any(penta_class(e.cameo_code) == label for e in events))
    covered = [(g, p) for g, p in zip(gold, pred, strict=True) if p != NO_EVENT]
    n = len(records)
    return {
        "n_sentences": n,
        "metrics": {
            "class_accuracy": accuracy(gold, pred),
            "class_macro_f1": macro_f1(gold, pred, CLASSES),
            "class_any_event_accuracy": rate(any_hit),
            "class_accuracy_covered": rate(g == p for g, p in covered),
            "class_accuracy_gdelt_bounds": accuracy(gold, pred_gdelt),
            "coverage": safe_div(len(covered), n),
        },
        "rates": {"events_per_sentence": safe_div(n_events, n)},
        "counts": {
            "sentences": n,
            "sentences_with_events": len(covered),
            "predicted_events": n_events,
        },
        "per_type": per_class_prf(gold, pred, set(CLASSES) | set(pred)),
        "confusion": confusion_counts(gold, pred),
        "labels": {**CLASS_NAMES, NO_EVENT: "no event"},
    }
