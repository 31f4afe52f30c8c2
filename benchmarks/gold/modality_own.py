"""Modality and claims: bedfellows' own test set (``benchmarks/cases/modality.tsv``).

About 200 sentences written by hand for this project (not copied from any
corpus), each naming a trigger word, a party and the expected value of every
PLOVER auxiliary mode (see ``bedfellows.schema.Event``): ``modality``
(asserted | negated | hypothetical | intended), ``historical`` and
``claimed`` (with the claimant's ISO3 country or name). ``load`` ignores
``shared``: the file is in the repository.

Definitions used by ``score``:

- **Event on the trigger**: a predicted event whose trigger span overlaps the
  first whole-word, case-insensitive occurrence of the record's trigger word.
  A trigger may list alternatives for one act ("held|talks": a light verb and
  its event noun, either of which a coder may take as the trigger); they are
  tried in order. Among several events, the first that has the record's party
  among its sources or targets, else the first. **event_found** is the share
  of sentences with one.
- **Modes**: negated, hypothetical and future (``Modality.INTENDED``) from
  ``modality``; ``historical``; ``claimed`` (``Event.claimed``). Each is a
  binary label per sentence. A refusal ("refused to send", "will not meet")
  is coded as an asserted REJECT on the refused act's trigger
  (``events.mode_codes``), so a CAMEO 12 event on the trigger also carries
  *negated*: the set's triggers are always the act itself, never a rejecting
  verb.
- **<mode> accuracy**: share of all sentences where the event on the trigger
  carries the mode exactly when gold says so; a sentence with no event on the
  trigger carries no mode (so it is wrong for every mode gold marks, and
  ``event_found`` reports detection itself). **<mode> accuracy, found**: the
  same over sentences whose event was found. **<mode> recall**: share of the
  sentences that gold marks with the mode whose event carries it;
  **precision**: share of the found events carrying the mode that gold marks
  with it.
- **all modes right**: the event is found and all five labels are right.
- **claimant right**: over gold-claimed sentences, the event is claimed and
  its ``reported_by`` has the gold country, or its name/text contains the
  gold name (case-insensitive).
- The set is split into a **dev** part and a **held**-back part (a fixed third
  of each mode, see ``read_cases``), held back while the rules were improved;
  per-mode accuracy is reported for each part, and recall for the held part.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bedfellows.schema import Event, Modality

from ..scoring import rate
from .common import GoldRecord, parse_date

NAME = "modality_own"
FILE = "modality.tsv"
#: Metrics the regression check guards (``benchmarks/accuracy.py``).
HEADLINE = (
    "event_found",
    "negated accuracy",
    "hypothetical accuracy",
    "future accuracy",
    "historical accuracy",
    "claimed accuracy",
)
#: ``--fast`` codes the whole set: about 200 short sentences.
FAST_EVERY = None
PATH = Path(__file__).resolve().parent.parent / "cases" / FILE

#: The modes scored, in table order.
MODES = ("negated", "hypothetical", "future", "historical", "claimed")
_MODALITY_MODE = {
    Modality.NEGATED: "negated",
    Modality.HYPOTHETICAL: "hypothetical",
    Modality.INTENDED: "future",
}
REJECT_ROOT = "12"
_COLUMNS = ("id", "published", "modality", "historical", "claimed", "claimant")
_COLUMNS += ("trigger", "party", "text")


@dataclass(frozen=True)
class ModalityRecord(GoldRecord):
    """A test sentence with the expected modes of the event on its trigger."""

    party: str = ""
    modes: frozenset[str] = frozenset()
    claimant: str | None = None

    @property
    def held_back(self) -> bool:
        """True for the held-back part (see ``read_cases``)."""
        return self.category == "held"


def _stratum(modes: set[str]) -> str:
    # The mode a sentence was written to test: claimed and historical ones
    # are the rarest, so they decide first.
    for mode in ("claimed", "historical", "negated", "hypothetical", "future"):
        if mode in modes:
            return mode
    return "asserted"


def _trigger_spans(text: str, words: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for word in words.split("|"):
        m = re.search(r"\b" + re.escape(word) + r"\b", text, flags=re.IGNORECASE)
        if m is None:
            raise ValueError(f"{FILE}: trigger {word!r} not in {text!r}")
        spans.append((m.start(), m.end()))
    return tuple(spans)


def read_cases(path: Path = PATH) -> list[ModalityRecord]:
    """The test set's records, in file order.

    The held-back part is every third sentence (the 3rd, 6th, ...) of each
    stratum in file order, the stratum being the first of claimed, historical,
    negated, hypothetical, future (or asserted) the sentence carries: a fixed
    third of every mode.

    RAISES ValueError: a line with a wrong column count, label or trigger.
    """
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or tuple(rows[0]) != _COLUMNS:
        raise ValueError(f"{path}: the header must be the columns {', '.join(_COLUMNS)}")
    records = []
    seen: dict[str, int] = {}
    for lineno, row in enumerate(rows[1:], start=2):
        if len(row) != len(_COLUMNS):
            raise ValueError(f"{path}: row {lineno} has {len(row)} columns")
        rec = dict(zip(_COLUMNS, row, strict=True))
        modality = Modality(rec["modality"])
        modes = {_MODALITY_MODE[modality]} if modality in _MODALITY_MODE else set()
        for flag in ("historical", "claimed"):
            if rec[flag] not in ("0", "1"):
                raise ValueError(f"{path}: row {lineno}: {flag} must be 0 or 1")
            if rec[flag] == "1":
                modes.add(flag)
        if ("claimed" in modes) != bool(rec["claimant"]):
            raise ValueError(f"{path}: row {lineno}: a claimant exactly when claimed")
        stratum = _stratum(modes)
        seen[stratum] = seen.get(stratum, 0) + 1
        records.append(
            ModalityRecord(
                record_id=f"modality_{rec['id']}",
                source_file=FILE,
                text=rec["text"],
                published=parse_date(rec["published"]),
                trigger_spans=_trigger_spans(rec["text"], rec["trigger"]),
                category="held" if seen[stratum] % 3 == 0 else "dev",
                party=rec["party"],
                modes=frozenset(modes),
                claimant=rec["claimant"] or None,
            )
        )
    return records


def load(shared: Path) -> list[GoldRecord]:
    """The test set (``shared`` is not used: the file is in the repository)."""
    return list(read_cases())


def modes_of(event: Event) -> frozenset[str]:
    """The PLOVER auxiliary modes an event carries (names as in ``MODES``)."""
    out = set()
    if event.modality in _MODALITY_MODE:
        out.add(_MODALITY_MODE[event.modality])
    if event.cameo_root == REJECT_ROOT:
        out.add("negated")  # the act refused (see the module docstring)
    if event.historical:
        out.add("historical")
    if event.claimed:
        out.add("claimed")
    return frozenset(out)


def event_on_trigger(record: ModalityRecord, events: Sequence[Event]) -> Event | None:
    """The predicted event on the record's trigger word (see the module docstring)."""
    for start, end in record.trigger_spans:
        on = [e for e in events if e.trigger_start < end and start < e.trigger_end]
        for e in on:
            if record.party in {a.country for a in (*e.sources, *e.targets)}:
                return e
        if on:
            return on[0]
    return None


def claimant_right(record: ModalityRecord, event: Event | None) -> bool:
    """Whether the event's source is the gold claimant (country, or name in its name/text)."""
    if event is None or event.reported_by is None or record.claimant is None:
        return False
    ref = event.reported_by
    want = record.claimant.lower()
    return ref.country == record.claimant or want in ref.name.lower() or want in ref.text.lower()


def score(records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]) -> dict:
    """Score the modes of the event on each record's trigger.

    records (Sequence[GoldRecord]): ``ModalityRecord``s from ``load``.
    predictions (Mapping): record id → predicted events (missing = none).
    RETURNS (dict): ``metrics`` (shares), ``counts`` and ``errors`` (record id →
        the modes gold and prediction disagree on, or "no event").
    """
    found: list[bool] = []
    right_found: dict[str, list[bool]] = {m: [] for m in MODES}
    right: dict[str, dict[str, list[bool]]] = {
        p: {m: [] for m in MODES} for p in ("all", "dev", "held")
    }
    recall: dict[str, list[bool]] = {m: [] for m in MODES}
    part_recall: dict[str, dict[str, list[bool]]] = {
        p: {m: [] for m in MODES} for p in ("dev", "held")
    }
    precision: dict[str, list[bool]] = {m: [] for m in MODES}
    all_right: list[bool] = []
    claimant: list[bool] = []
    errors: dict[str, str] = {}
    for rec in records:
        assert isinstance(rec, ModalityRecord)
        event = event_on_trigger(rec, predictions.get(rec.record_id, ()))
        found.append(event is not None)
        got = modes_of(event) if event is not None else frozenset()
        part = "held" if rec.held_back else "dev"
        for m in MODES:
            ok = (m in got) == (m in rec.modes)
            right["all"][m].append(ok)
            right[part][m].append(ok)
            if event is not None:
                right_found[m].append(ok)
            if m in rec.modes:
                recall[m].append(m in got)
                part_recall[part][m].append(m in got)
            if m in got:
                precision[m].append(m in rec.modes)
        all_right.append(event is not None and got == rec.modes)
        if "claimed" in rec.modes:
            claimant.append(claimant_right(rec, event))
        if event is None:
            errors[rec.record_id] = "no event"
        elif got != rec.modes:
            missed = sorted(rec.modes - got)
            extra = sorted(got - rec.modes)
            errors[rec.record_id] = " ".join(
                [*(f"-{m}" for m in missed), *(f"+{m}" for m in extra)]
            )

    metrics: dict[str, float] = {"event_found": rate(found)}
    for m in MODES:
        metrics[f"{m} accuracy"] = rate(right["all"][m])
        metrics[f"{m} accuracy, found"] = rate(right_found[m])
        metrics[f"{m} recall"] = rate(recall[m])
        metrics[f"{m} precision"] = rate(precision[m])
    metrics["all modes right"] = rate(all_right)
    metrics["claimant right"] = rate(claimant)
    for part in ("dev", "held"):
        for m in MODES:
            metrics[f"{part}: {m} accuracy"] = rate(right[part][m])
    for m in MODES:
        metrics[f"held: {m} recall"] = rate(part_recall["held"][m])
    n_held = sum(1 for r in records if isinstance(r, ModalityRecord) and r.held_back)
    counts = {
        "sentences": len(records),
        "dev sentences": len(records) - n_held,
        "held-back sentences": n_held,
        **{f"gold {m}": len(recall[m]) for m in MODES},
    }
    return {
        "n_sentences": len(records),
        "metrics": metrics,
        "rates": {},
        "counts": counts,
        "errors": errors,
    }
