"""Helpers of benchmarks/accuracy.py: fast subset, headlines, confusion PNGs (no model)."""

from __future__ import annotations

import logging
import sys

import pytest
from event_factory import make_event

from bedfellows.schema import Event
from benchmarks import accuracy
from benchmarks.gold import GOLD_SETS, petrarch
from benchmarks.gold.common import GoldEvent, GoldRecord


def event(cameo: str, confidence: float = 0.5) -> Event:
    return make_event(cameo=cameo, plover_type="", confidence=confidence)


def test_every_registered_set_has_a_headline_of_its_own_or_a_default():
    for name in ("plover_gsr_dev", "petr2_gsr_validation", "case2021_task2_dev"):
        assert accuracy.headline(name)
    assert accuracy.headline("no_such_set") == ()


def test_fast_subset_takes_every_kth_record(monkeypatch):
    module = GOLD_SETS["indiapolice_dev"]
    monkeypatch.setattr(module, "FAST_EVERY", 12)
    records = list(range(100))
    assert accuracy.fast_subset("indiapolice_dev", records) == [0, 12, 24, 36, 48, 60, 72, 84, 96]
    monkeypatch.setattr(module, "FAST_EVERY", None)
    assert accuracy.fast_subset("indiapolice_dev", records) == records


def test_petrarch_root_confusion_uses_best_match_and_no_event_sentences():
    recs = [
        GoldRecord("p1", "f", "t", events=(GoldEvent("190", ("USA",), ("IRQ",)),)),
        GoldRecord("p2", "f", "t"),
        GoldRecord("p3", "f", "t", events=(GoldEvent("042", ("USA",), ("IRQ",)),)),
    ]
    preds = {"p1": [event("190"), event("036")], "p2": [event("111", confidence=0.9)]}
    conf = accuracy.CONFUSION_ADAPTERS[petrarch.NAME](recs, preds)
    assert conf == {"04": {"NONE": 1}, "19": {"19": 1}, "NONE": {"11": 1}}


def test_confusion_png_skipped_with_a_warning_without_matplotlib(tmp_path, monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import fails
    with caplog.at_level(logging.WARNING):
        ok = accuracy.write_confusion_png("x", {"A": {"A": 1}}, tmp_path / "c.png")
    assert ok is False
    assert "matplotlib" in caplog.text
    assert not (tmp_path / "c.png").exists()


def test_confusion_png_written(tmp_path):
    pytest.importorskip("matplotlib")
    confusion = {"A": {"A": 3, "B": 1}, "B": {"NONE": 2}}
    # Drawn from the tune part only: a lockbox (or all-records) table is never drawn.
    doc = {
        "sets": {
            "s1": {"tune": {"confusion": confusion}},
            "s2": {},
            "s3": {"confusion": confusion, "tune": None, "lockbox": {"confusion": confusion}},
        }
    }
    paths = accuracy.write_plots(doc, tmp_path)
    assert paths == [tmp_path / "confusion_s1.png"]
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_regressions_fail_only_beyond_tolerance_and_report_new_sets():
    coder = {"coder_plover_type_accuracy": 0.6, "coder_plover_type_macro_f1": 0.5}
    committed = {
        "sets": {
            "case2021_task2_dev": {
                "metrics": {"plover_type_accuracy": 0.50, "plover_type_macro_f1": 0.40, **coder}
            }
        }
    }
    current = {
        "sets": {
            "case2021_task2_dev": {
                "metrics": {"plover_type_accuracy": 0.481, "plover_type_macro_f1": 0.37, **coder}
            },
            "indiapolice_dev": {"metrics": {"arrest_f1": 0.1, "kill_force_f1": 0.2}},
        }
    }
    failures, notes = accuracy.regressions(committed, current)
    assert failures == ["case2021_task2_dev: plover_type_macro_f1 fell from 0.400 to 0.370"]
    assert notes == ["indiapolice_dev: not in the committed figures"]
    current["sets"]["case2021_task2_dev"]["metrics"]["plover_type_macro_f1"] = 0.38
    assert accuracy.regressions(committed, current)[0] == []


def test_event_changes_counts_what_a_stage_drops_adds_and_changes():
    from dataclasses import replace

    from bedfellows.schema import Modality

    kept = make_event(trigger=(0, 4))
    retyped = make_event(trigger=(10, 14), cameo="040", plover_type="CONSULT")
    with_stage = {"r1": [kept, retyped], "r2": [make_event(trigger=(3, 5))]}
    without = {
        "r1": [kept, replace(retyped, cameo_code="042")],  # same trigger, other code
        "r3": [make_event(trigger=(0, 4))],  # coded only with the stage off
    }
    assert accuracy.event_changes(with_stage, without) == {
        "events": 3,
        "events_without": 3,
        "added": 1,
        "dropped": 1,
        "changed": 1,
        "modality_changed": 0,
    }
    negated = {"r1": [replace(kept, modality=Modality.NEGATED), retyped]}
    counts = accuracy.event_changes({"r1": [kept, retyped]}, negated)
    assert counts["modality_changed"] == 1 and counts["changed"] == 0
    assert accuracy.event_changes(with_stage, with_stage)["changed"] == 0


def test_ablation_runs_only_its_sets(tmp_path):
    shared = tmp_path / "shared"
    (shared / "data" / "gold").mkdir(parents=True)
    with pytest.raises(SystemExit):
        accuracy.main(["--shared", str(shared), "--ablation", "--sets", "dates_own"])
