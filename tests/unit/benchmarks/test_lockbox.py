"""Tune/lockbox partition and the aggregate-only lockbox output (no model, no ../shared)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

import pytest
from event_factory import make_event

from benchmarks import accuracy
from benchmarks.gold import GOLD_SETS, petrarch, synthetic_stories
from benchmarks.gold.common import (
    LOCKBOX,
    TUNE,
    GoldEvent,
    GoldRecord,
    aggregate_only,
    part_of,
    record_part,
    split_parts,
)


def test_partition_is_deterministic_and_a_pure_function_of_set_and_id():
    ids = [f"rec{i}" for i in range(200)]
    first = [part_of("some_set", i) for i in ids]
    assert first == [part_of("some_set", i) for i in ids]
    assert set(first) == {TUNE, LOCKBOX}
    digest = hashlib.sha256(b"some_set:rec7").hexdigest()
    expected = LOCKBOX if int(digest[:8], 16) % 3 == 0 else TUNE
    assert part_of("some_set", "rec7") == expected


def test_partition_puts_about_a_third_in_the_lockbox():
    n = 6000
    share = sum(part_of("synthetic_ids", f"id{i:05d}") == LOCKBOX for i in range(n)) / n
    assert abs(share - 1 / 3) < 0.025


def test_sets_split_independently():
    ids = [f"id{i}" for i in range(3000)]
    a = [part_of("set_a", i) == LOCKBOX for i in ids]
    b = [part_of("set_b", i) == LOCKBOX for i in ids]
    both = sum(x and y for x, y in zip(a, b, strict=True)) / len(ids)
    assert a != b
    assert abs(both - 1 / 9) < 0.03  # independent halves overlap by about a third of a third


def test_petrarch_stories_are_never_split():
    records = [
        GoldRecord(f"STORY{s}_{k}", petrarch.FILE, "t") for s in range(60) for k in range(1, 6)
    ]
    parts = split_parts(petrarch, records)
    by_story: dict[str, set[str]] = {}
    for part, recs in parts.items():
        for r in recs:
            by_story.setdefault(petrarch.partition_unit(r), set()).add(part)
    assert len(by_story) == 60
    assert all(len(p) == 1 for p in by_story.values())
    assert {p for ps in by_story.values() for p in ps} == {TUNE, LOCKBOX}
    assert record_part(petrarch, records[0]) == part_of(petrarch.NAME, "STORY0")


def test_split_parts_keeps_order_and_every_record_once():
    module = GOLD_SETS["conflibert_cameo_class"]
    records = [GoldRecord(f"cc{i:04d}", "f", "t") for i in range(1, 301)]
    parts = split_parts(module, records)
    assert sorted(r.record_id for p in parts.values() for r in p) == [r.record_id for r in records]
    for recs in parts.values():
        assert recs == [r for r in records if r in recs]


def test_synthetic_set_is_all_lockbox():
    rec = GoldRecord("syn0", "f", "t", events=(GoldEvent("ASSAULT"),))
    assert record_part(synthetic_stories, rec) == LOCKBOX


def test_aggregate_only_drops_ids_text_lists_and_confusion():
    scored = {
        "n_sentences": 3,
        "metrics": {"acc": 0.5, "flag": True},
        "rates": {},
        "counts": {"n": 3},
        "per_type": {"ASSAULT": {"f1": 0.5, "support": 2}},
        "confusion": {"ASSAULT": {"NONE": 1}},
        "coder_confusion": {"ASSAULT": {"NONE": 1}},
        "errors": {"rec1": "no event"},
        "by_record": {"rec2": 1.0, "rec3": {"x": 1}},
        "misses": ["rec1", "rec2"],
        "labels": {"0": "statement"},
        "note": "some sentence text",
    }
    out = aggregate_only(scored, {"rec1", "rec2", "rec3"})
    assert out == {
        "n_sentences": 3,
        "metrics": {"acc": 0.5, "flag": True},
        "rates": {},
        "counts": {"n": 3},
        "per_type": {"ASSAULT": {"f1": 0.5, "support": 2}},
    }


class _FakeSet:
    """A gold set module whose score leaks per-record detail, as some real ones do."""

    NAME = "fake_lockbox_set"
    HEADLINE = ("hit",)

    @staticmethod
    def score(records, predictions):
        hits = [bool(predictions.get(r.record_id)) for r in records]
        return {
            "n_sentences": len(records),
            "metrics": {"hit": sum(hits) / len(records)},
            "rates": {"events": sum(len(predictions.get(r.record_id, ())) for r in records)},
            "counts": {"sentences": len(records)},
            "errors": {r.record_id: r.text for r, h in zip(records, hits, strict=True) if not h},
            "misses": [r.record_id for r, h in zip(records, hits, strict=True) if not h],
            "examples": [r.text for r in records],
            "confusion": {"A": {"B": 1}},
        }


class _FakePipeline:
    """Codes an event for every third article; raises on one article of each part."""

    def code_articles(self, articles):
        for a in articles:
            if a.body.endswith("boom"):
                raise RuntimeError(f"cannot code {a.body}")
            n = int(a.article_id.rsplit("x", 1)[1])
            yield a, [make_event()] if n % 3 else []


def test_score_set_writes_no_lockbox_id_or_text(monkeypatch):
    monkeypatch.setitem(GOLD_SETS, _FakeSet.NAME, _FakeSet)
    records = [
        GoldRecord(f"fakex{i}", "f", f"SECRET TEXT {i}" + (" boom" if i in (5, 6) else ""))
        for i in range(60)
    ]
    parts = split_parts(_FakeSet, records)
    assert parts[TUNE] and parts[LOCKBOX]
    result, failed = accuracy.score_set(_FakeSet.NAME, records, _FakePipeline())
    assert failed == 2
    lock_ids = {r.record_id for r in parts[LOCKBOX]}
    tune_ids = {r.record_id for r in parts[TUNE]}
    tune_only = {k: v for k, v in result.items() if k != "tune"}
    dumped = json.dumps(tune_only)
    assert "SECRET" not in dumped and "boom" not in dumped
    assert not any(f'"{i}"' in dumped for i in lock_ids)
    # Per-record detail survives for the tune part only.
    tune_dump = json.dumps(result["tune"])
    assert not any(f'"{i}"' in tune_dump for i in lock_ids)
    assert set(result["tune"]["misses"]) <= tune_ids
    assert "confusion" in result["tune"] and "confusion" not in result["lockbox"]
    assert result["records_lockbox"] == len(lock_ids)
    assert result["lockbox"]["counts"]["sentences"] == len(lock_ids)
    assert set(result["failures"]) <= tune_ids
    assert result["failures_lockbox"] + len(result["failures"]) == 2
    t, lb = result["tune"]["metrics"]["hit"], result["lockbox"]["metrics"]["hit"]
    assert result["gap"]["metrics"]["hit"] == pytest.approx(lb - t)


def test_story_split_by_first_hex_digit_of_sha256():
    texts = [f"story number {i}" for i in range(400)]
    for text in texts:
        digit = hashlib.sha256(text.encode("utf-8")).hexdigest()[0]
        assert synthetic_stories.in_lockbox(text) == (digit in "01234567")
    share = sum(synthetic_stories.in_lockbox(t) for t in texts) / len(texts)
    assert 0.4 < share < 0.6


def test_synthetic_score_is_aggregate_only():
    records = [
        GoldRecord(f"syn{i}", "f", f"SECRET {i}", events=(GoldEvent(lab),), category=lab)
        for i, lab in enumerate(["ASSAULT", "ASSAULT", "CONSULT", "SANCTION"])
    ]
    preds = {
        "syn0": [make_event(plover_type="ASSAULT"), make_event(plover_type="")],
        "syn1": [make_event(plover_type="COERCE")],
        "syn2": [make_event(plover_type="CONSULT")],
    }
    out = synthetic_stories.score(records, preds)
    assert out["metrics"]["labelled_type_found"] == pytest.approx(0.5)
    assert out["rates"]["events_per_story"] == pytest.approx(1.0)
    assert out["rates"]["plover_events_per_story"] == pytest.approx(0.75)
    assert out["per_type"]["ASSAULT"]["labelled_type_found"] == pytest.approx(0.5)
    assert out["per_type"]["SANCTION"]["stories"] == 1
    dumped = json.dumps(out)
    assert "SECRET" not in dumped and "syn" not in dumped
    assert aggregate_only(out) == out


def test_fast_subset_of_the_synthetic_lockbox_is_every_fifth():
    assert accuracy.fast_subset(synthetic_stories.NAME, list(range(1000)))[:3] == [0, 5, 10]
    assert len(accuracy.fast_subset(synthetic_stories.NAME, list(range(1000)))) == 200


def test_counter_of_parts_on_real_looking_ids_is_roughly_a_third():
    counts = Counter(part_of("indiapolice_dev", f"ipe{i}") for i in range(1, 775))
    assert 0.28 < counts[LOCKBOX] / 774 < 0.39
