"""Calibration summaries (reliability, ECE, Brier, precision-recall) and event labels."""

from __future__ import annotations

import pytest
from event_factory import make_event

from bedfellows.schema import ActorRef
from benchmarks import calibration
from benchmarks.gold import event_labels
from benchmarks.gold.common import GoldEvent, GoldRecord


def test_a_calibrated_set_has_no_gap_and_a_miscalibrated_one_does():
    good = [(0.25, True)] + [(0.25, False)] * 3 + [(0.75, True)] * 3 + [(0.75, False)]
    s = calibration.summary(good)
    assert s["ece"] == pytest.approx(0.0)
    assert s["events"] == 8 and s["right"] == 4
    assert s["brier"] == pytest.approx(0.1875)
    bins = {b["low"]: b for b in s["reliability"] if b["events"]}
    assert bins[0.2]["share_right"] == 0.25 and bins[0.7]["share_right"] == 0.75
    bad = calibration.summary([(0.9, False)] * 4 + [(0.9, True)])
    assert bad["ece"] == pytest.approx(0.7)


def test_precision_rises_and_recall_falls_with_the_threshold():
    pairs = [(0.1, False), (0.2, False), (0.4, True), (0.6, False), (0.8, True), (0.9, True)]
    curve = {p["threshold"]: p for p in calibration.summary(pairs)["precision_recall"]}
    assert curve[0.0]["precision"] == 0.5 and curve[0.0]["recall"] == 1.0
    assert curve[0.5]["events"] == 3 and curve[0.5]["precision"] == pytest.approx(0.667)
    assert curve[0.7]["precision"] == 1.0 and curve[0.7]["recall"] == pytest.approx(0.667)
    assert calibration.choose_threshold(list(curve.values()), 0.9) == 0.65
    assert calibration.choose_threshold(list(curve.values()), 1.01) is None


def _actor(country: str) -> ActorRef:
    return ActorRef(text=country, start=0, end=3, name="", country=country, kind="country")


def test_a_plover_event_is_right_only_with_its_type_source_and_target():
    rec = GoldRecord(
        record_id="r",
        source_file="f",
        text="t",
        events=(GoldEvent(label="ASSAULT", sources=("IRN",), targets=("IRQ",)),),
    )
    ok = make_event(sources=[_actor("IRN")], targets=[_actor("IRQ")])
    assert event_labels.plover_right(rec, ok)
    assert not event_labels.plover_right(rec, make_event(sources=[_actor("IRN")]))
    assert not event_labels.plover_right(
        rec, make_event(plover_type="COERCE", sources=[_actor("IRN")], targets=[_actor("IRQ")])
    )
    pairs = event_labels.labelled_events("plover_gsr_dev", [rec], {"r": [ok]})
    assert pairs == [(ok, True)]
