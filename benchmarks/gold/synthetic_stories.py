"""Synthetic-story lockbox (``data/training/ngec_synthetic_stories.csv.zip``).

4,500 machine-written wire-style stories (ahalterman/NGEC-2025, MIT), each
labelled with the PLOVER event type (and mode) its prompt asked for. Columns:
``disclaimer, text, title, source, prompt, label, mode``; ``title`` is the
headline template ("… {country_1} …"), ``prompt`` the filled headline and the
wire dateline the story continues from, ``text`` the story. The labels are
already the current PLOVER names (the 16 types of the manual); they are
mapped through ``plover.map_label`` anyway, so a 2016 name would be carried
over the same way as in ``plover_gsr_dev``. Labels are noisy by construction.

**The split** is fixed by the story itself: ``sha256(text)`` (UTF-8) whose
first hex digit is 0–7 puts the story in the **lockbox**, 8–f in the
**training half** (``training_half``). Nobody has tuned on these stories.

- The lockbox is scored **in aggregate only**: never read, print or log a
  lockbox story, its coded events or which stories failed. ``score`` returns
  shares and counts, nothing per story.
- The training half is the only part that may be inspected, and may be used
  for anything learned (``training_half``).

**The sample** (``load``): the lockbox stories sorted by their sha256 hex
digest, the first ``SAMPLE`` (1,000). Deterministic without a random number
generator, and independent of the file's row order. ``accuracy.py --fast``
takes every ``FAST_EVERY``-th (5th) of them: 200 stories.

**The article** coded for a story is its ``text`` alone (``to_article``: one
article, undated, the whole story as body): the prompt's headline is not
added, because the labelled event is what the story reports.

Definitions used by ``score`` (over the sampled stories):

- **labelled_type_found**: share of stories whose coded events (any
  modality) include one of the labelled PLOVER type. The headline figure.
- **labelled_type_found_asserted**: the same, counting asserted events only.
- **per_type**: both shares and the number of stories, per labelled type.
- **events_per_story**: coded events per story (all events, with or without
  a PLOVER type); **plover_events_per_story** those with a PLOVER type.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from bedfellows.schema import Event, Modality

from ..scoring import rate, safe_div
from .common import GoldEvent, GoldRecord, clean_text
from .plover import map_label

NAME = "synthetic_lockbox"
FILE = "ngec_synthetic_stories.csv.zip"
PATH = Path("data") / "training" / FILE
#: Metrics checked by the fast regression test.
HEADLINE = ("labelled_type_found",)
#: Lockbox stories scored (the first ``SAMPLE`` by sha256 of the text).
SAMPLE = 1000
#: ``accuracy.py --fast`` scores every 5th sampled story (200).
FAST_EVERY = 5
#: Every record of this set is in the lockbox (``accuracy.py`` reads this).
ALL_LOCKBOX = True
#: First hex digits of sha256(text) that put a story in the lockbox.
LOCKBOX_DIGITS = frozenset("01234567")


def story_hash(text: str) -> str:
    """The sha256 hex digest of a story's ``text`` field (UTF-8), which fixes its half."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def in_lockbox(text: str) -> bool:
    """True when the story with this ``text`` is in the lockbox (first hex digit 0–7)."""
    return story_hash(text)[0] in LOCKBOX_DIGITS


def _rows(shared: Path) -> Iterator[dict[str, str]]:
    """The CSV rows of the zipped story file (its one member)."""
    with zipfile.ZipFile(Path(shared) / PATH) as archive:
        members = [n for n in archive.namelist() if n.endswith(".csv")]
        if len(members) != 1:
            raise ValueError(f"{FILE}: expected one CSV member, found {members}")
        with archive.open(members[0]) as raw:
            yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))


def _record(row: Mapping[str, str], digest: str) -> GoldRecord:
    label = map_label(row.get("label") or "")
    return GoldRecord(
        record_id=f"syn{digest[:16]}",
        source_file=FILE,
        text=clean_paragraphs(row["text"]),
        events=(GoldEvent(label=label),),
        category=label,
    )


def clean_paragraphs(text: str) -> str:
    """Story text as coded: each paragraph normalised (``clean_text``), blank lines kept."""
    paras = (clean_text(p) for p in text.replace("\r\n", "\n").split("\n\n"))
    return "\n\n".join(p for p in paras if p)


def _split(shared: Path, lockbox: bool) -> list[GoldRecord]:
    rows = []
    for row in _rows(shared):
        digest = story_hash(row["text"])
        if (digest[0] in LOCKBOX_DIGITS) == lockbox:
            rows.append((digest, row))
    rows.sort(key=lambda dr: dr[0])
    return [_record(row, digest) for digest, row in rows]


def load(shared: Path) -> list[GoldRecord]:
    """The lockbox sample: the first ``SAMPLE`` lockbox stories by sha256 of their text.

    Never inspect these records: score them in aggregate only.
    """
    return _split(shared, lockbox=True)[:SAMPLE]


def training_half(shared: Path) -> list[GoldRecord]:
    """Every story of the training half (first hex digit of sha256(text) 8–f), sha256 order.

    The only part of the synthetic stories that may be read, printed and used
    to fit learned components.
    """
    return _split(shared, lockbox=False)


def score(records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]) -> dict:
    """Share of stories whose coded events include the labelled type: aggregate figures only.

    RETURNS (dict): ``metrics`` (overall shares), ``rates`` (events per
        story), ``counts`` and ``per_type`` (label → shares and stories). No
        record ids, no text, nothing per story.
    """
    found: list[bool] = []
    found_asserted: list[bool] = []
    by_type: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    n_events = n_plover = 0
    for rec in records:
        label = rec.events[0].label
        events = list(predictions.get(rec.record_id, ()))
        n_events += len(events)
        n_plover += sum(1 for e in events if e.plover_type)
        hit = any(e.plover_type == label for e in events)
        hit_asserted = any(
            e.plover_type == label and e.modality is Modality.ASSERTED for e in events
        )
        found.append(hit)
        found_asserted.append(hit_asserted)
        by_type[label].append((hit, hit_asserted))
    n = len(records)
    return {
        "n_sentences": n,
        "metrics": {
            "labelled_type_found": rate(found),
            "labelled_type_found_asserted": rate(found_asserted),
            "coverage": rate(bool(predictions.get(r.record_id)) for r in records),
        },
        "rates": {
            "events_per_story": safe_div(n_events, n),
            "plover_events_per_story": safe_div(n_plover, n),
        },
        "counts": {"stories": n, "predicted_events": n_events, "types": len(by_type)},
        "per_type": {
            label: {
                "labelled_type_found": rate(h for h, _ in flags),
                "labelled_type_found_asserted": rate(a for _, a in flags),
                "stories": len(flags),
            }
            for label, flags in sorted(by_type.items())
        },
    }
