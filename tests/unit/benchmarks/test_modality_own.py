"""The own modality test set: its file is well formed and scoring follows the docstring.

No model: predictions are hand-made Events.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from bedfellows.schema import ActorRef, Event, Modality
from benchmarks.gold import GOLD_SETS, modality_own
from benchmarks.gold.modality_own import MODES, ModalityRecord, read_cases, score


def _ref(country: str | None, name: str = "x") -> ActorRef:
    return ActorRef(text=name, start=0, end=1, name=name, country=country)


def _event(start: int, end: int, *, party: str = "PER", **fields) -> Event:
    base = Event(
        event_id=f"e{start}",
        article_id="a",
        sentence_index=0,
        sentence="",
        sentence_start=0,
        sources=(_ref(party),),
        targets=(),
        trigger="t",
        trigger_start=start,
        trigger_end=end,
        cameo_code="040",
        cameo_root="04",
        quad_class=1,
        goldstein=1.0,
        plover_type="CONSULT",
    )
    return replace(base, **fields)


def _record(rid: int, text: str, word: str, modes=(), claimant=None, held=False):
    start = text.index(word)
    return ModalityRecord(
        record_id=f"modality_{rid}",
        source_file="modality.tsv",
        text=text,
        trigger_spans=((start, start + len(word)),),
        category="held" if held else "dev",
        party="PER",
        modes=frozenset(modes),
        claimant=claimant,
    )


def test_the_set_is_registered_large_and_balanced() -> None:
    assert GOLD_SETS["modality_own"] is modality_own
    records = read_cases()
    assert len(records) >= 150
    assert len({r.text for r in records}) == len(records)  # no sentence twice
    per_mode = Counter(m for r in records for m in r.modes)
    assert all(per_mode[m] >= 25 for m in MODES), per_mode
    assert sum(1 for r in records if not r.modes) >= 30  # plenty of plain asserted ones
    held = [r for r in records if r.held_back]
    assert abs(len(held) - len(records) / 3) < 5
    held_modes = Counter(m for r in held for m in r.modes)
    assert all(held_modes[m] >= 8 for m in MODES), held_modes
    claimed = [r for r in records if "claimed" in r.modes]
    assert all(r.claimant for r in claimed)
    assert all(r.claimant is None for r in records if "claimed" not in r.modes)


def test_read_cases_rejects_a_claim_without_claimant(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    header = "\t".join(("id", "published", "modality", "historical", "claimed", "claimant"))
    header += "\ttrigger\tparty\ttext\n"
    bad.write_text(header + "1\t\tasserted\t0\t1\t\tmet\tPER\tPeru met Chile.\n")
    with pytest.raises(ValueError, match="claimant"):
        read_cases(bad)
    bad.write_text(header + "1\t\tasserted\t0\t0\t\tsigned\tPER\tPeru met Chile.\n")
    with pytest.raises(ValueError, match="trigger"):
        read_cases(bad)


def test_score_per_mode() -> None:
    recs = [
        _record(1, "Peru did not meet Chile.", "meet", {"negated"}),
        _record(2, "Peru met Chile in 1990, Lima said.", "met", {"historical", "claimed"}, "PER"),
        _record(3, "Peru will meet Chile.", "meet", {"future"}, held=True),
        _record(4, "Peru met Chile.", "met"),
    ]
    preds = {
        # negated, and on the right trigger
        "modality_1": [_event(13, 17, modality=Modality.NEGATED)],
        # historical but the claim is missed
        "modality_2": [_event(5, 8, historical=True)],
        # no event on the trigger ("Peru" is no trigger)
        "modality_3": [_event(0, 4, modality=Modality.INTENDED)],
        # a refusal recoded as a REJECT carries the negation
        "modality_4": [_event(5, 8, cameo_code="120", cameo_root="12")],
    }
    res = score(recs, preds)
    m = res["metrics"]
    assert m["event_found"] == 0.75
    assert m["negated accuracy"] == 0.75 and m["negated precision"] == 0.5
    assert m["claimed recall"] == 0.0 and m["historical recall"] == 1.0
    assert m["future recall"] == 0.0 and m["future accuracy"] == 0.75
    assert m["future accuracy, found"] == 1.0
    assert m["held: future accuracy"] == 0.0 and m["dev: future accuracy"] == 1.0
    assert m["all modes right"] == 0.25 and m["claimant right"] == 0.0
    assert res["errors"] == {
        "modality_2": "-claimed",
        "modality_3": "no event",
        "modality_4": "+negated",
    }
    assert res["counts"]["gold claimed"] == 1 and res["counts"]["held-back sentences"] == 1


def test_claimant_by_country_or_name() -> None:
    rec = _record(1, "Peru met Chile, Reuters said.", "met", {"claimed"}, "Reuters")
    named = _event(5, 8, reported_by=_ref(None, "Reuters"))
    assert score([rec], {"modality_1": [named]})["metrics"]["claimant right"] == 1.0
    rec = replace(rec, claimant="CHL")
    wrong = _event(5, 8, reported_by=_ref("PER", "Lima"))
    assert score([rec], {"modality_1": [wrong]})["metrics"]["claimant right"] == 0.0
