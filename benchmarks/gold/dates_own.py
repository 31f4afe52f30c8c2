"""bedfellows' own date test set (``benchmarks/cases/dates.tsv``).

134 sentences written for bedfellows (not copied from anywhere), each with a
reference (publication) date and the expected event date: start, end and
granularity, or "none" where the sentence gives no date of its own (durations
such as "for eight years" or "a 30-day ceasefire", ages, clock times, counts
that look like years, "since"/"until" bounds, "the day before" with nothing to
count from). Categories: weekdays, weekends, deictic words, relative periods,
"ago", months, calendar dates, years, decades, seasons, holidays, anaphoric
offsets ("two days later"), ranges, durations, distractors, since/until.

``load`` ignores ``shared``: the file is in this repository.

Definitions used by ``score``:

- The **date layer** is scored directly, not through coded events (many of
  the sentences have no codable event): each sentence goes to
  ``bedfellows.dates.date_sentence`` with its reference date and, where the
  case names one, the offset of its trigger word. A prediction with basis
  EXPRESSION is a date; anything else (the publication-date fallback) is
  "no date".
- **Pipeline events** (a check of the coder's use of the date layer, with
  spaCy's DATE entities and its own triggers): over the events the pipeline
  coded from the sentences (only the trigger's, where the case names one),
  the share whose date is the expected one (for a "none" case: the
  publication-date fallback). Reported, not a target.
- **Exact day**: start and end both equal the expected ones (for a "none"
  case: no date predicted). **Granularity**: the predicted granularity equals
  the expected one ("none" equals "none").
- Fixed split: ids divisible by 3 are the held-back **test** part, the rest
  the **dev** part used while improving the rules. Figures are given for
  both, overall, and per category (``per_category``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from bedfellows.schema import DateBasis, Event

from ..scoring import safe_div
from .common import GoldRecord

NAME = "dates_own"
FILE = "dates.tsv"
PATH = Path(__file__).resolve().parent.parent / "cases" / FILE
#: Headline metrics checked by the fast regression test.
HEADLINE = ("exact_day", "granularity")
#: ``accuracy.py --fast`` scores all cases (no model needed for most of the work).
FAST_EVERY = None

_COLUMNS = ("id", "category", "reference", "trigger", "start", "end", "granularity", "sentence")


@dataclass(frozen=True)
class DateCase:
    """One case of the date test set."""

    case_id: int
    category: str
    reference: date | None
    trigger: str | None
    start: date | None
    end: date | None
    granularity: str  # day | week | month | year | decade | none
    sentence: str

    @property
    def held_back(self) -> bool:
        """True for the test part (ids divisible by 3)."""
        return self.case_id % 3 == 0

    @property
    def record_id(self) -> str:
        """The gold record id of this case."""
        return f"dates_{self.case_id}"


def _day(value: str) -> date | None:
    return None if value == "-" else date.fromisoformat(value)


@lru_cache(maxsize=4)
def read_cases(path: Path = PATH) -> tuple[DateCase, ...]:
    """Read the cases file (``#`` lines are comments; the first other line is the header)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    header, rows = lines[0].split("\t"), lines[1:]
    if tuple(header) != _COLUMNS:
        raise ValueError(f"{path}: header must be {_COLUMNS}, not {tuple(header)}")
    out = []
    for number, line in enumerate(rows, start=2):
        cols = line.split("\t")
        if len(cols) != len(_COLUMNS):
            raise ValueError(f"{path}: line {number} has {len(cols)} columns")
        cid, cat, ref, trig, start, end, gran, sentence = cols
        out.append(
            DateCase(
                int(cid),
                cat,
                _day(ref),
                None if trig == "-" else trig,
                _day(start),
                _day(end),
                gran,
                sentence,
            )
        )
    return tuple(out)


def load(shared: Path | None = None) -> list[GoldRecord]:
    """The cases as gold records (``shared`` is not used: the file is ours)."""
    return [
        GoldRecord(
            record_id=c.record_id,
            source_file=FILE,
            text=c.sentence,
            published=c.reference,
            category=c.category,
        )
        for c in read_cases()
    ]


def predict(case: DateCase) -> tuple[date | None, date | None, str]:
    """The date layer's answer for one case: (start, end, granularity or "none")."""
    from bedfellows.dates import date_sentence

    offset = None
    if case.trigger:
        at = case.sentence.find(case.trigger)
        offset = at if at >= 0 else None
    got = date_sentence(case.sentence, case.reference, trigger_offset=offset)
    if got.basis is not DateBasis.EXPRESSION or got.start is None:
        return None, None, "none"
    return got.start, got.end, str(got.granularity) if got.granularity else "none"


def _shares(flags: list[tuple[bool, bool]]) -> dict[str, float]:
    return {
        "exact_day": safe_div(sum(e for e, _ in flags), len(flags)),
        "granularity": safe_div(sum(g for _, g in flags), len(flags)),
    }


def score(records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]) -> dict:
    """Score the date layer on the cases of ``records`` (``predictions`` unused).

    RETURNS (dict): ``metrics`` (exact day and granularity overall, dev and
    test), ``counts``, ``per_category`` and ``misses`` (record ids of the dev
    cases that fail; held-back misses are only counted).
    """
    wanted = {r.record_id for r in records}
    cases = [c for c in read_cases() if c.record_id in wanted]
    parts: dict[str, list[tuple[bool, bool]]] = {"all": [], "dev": [], "test": []}
    per_cat: dict[str, list[tuple[bool, bool]]] = {}
    misses: list[str] = []
    event_flags: list[bool] = []
    for case in cases:
        for ev in predictions.get(case.record_id, ()):
            if case.trigger and ev.trigger != case.trigger:
                continue  # another event of the sentence, with a date of its own
            if case.granularity == "none":
                event_flags.append(ev.date.basis is DateBasis.PUBLICATION)
            else:
                got = (ev.date.start, ev.date.end)
                event_flags.append(
                    ev.date.basis is DateBasis.EXPRESSION and got == (case.start, case.end)
                )
        start, end, gran = predict(case)
        exact = (start, end) == (case.start, case.end)
        flag = (exact, gran == case.granularity)
        parts["all"].append(flag)
        parts["test" if case.held_back else "dev"].append(flag)
        per_cat.setdefault(case.category, []).append(flag)
        if not all(flag) and not case.held_back:
            misses.append(case.record_id)
    metrics: dict[str, float] = {}
    for part, flags in parts.items():
        for key, value in _shares(flags).items():
            metrics[key if part == "all" else f"{key} ({part})"] = value
    metrics["pipeline events exact_day"] = safe_div(sum(event_flags), len(event_flags))
    return {
        "n_sentences": len(cases),
        "metrics": metrics,
        "rates": {},
        "counts": {
            **{part: len(flags) for part, flags in parts.items()},
            "pipeline events": len(event_flags),
        },
        "per_category": {
            cat: {**_shares(flags), "n": len(flags)} for cat, flags in sorted(per_cat.items())
        },
        "misses": misses,
    }
