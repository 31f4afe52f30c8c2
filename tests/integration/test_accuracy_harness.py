"""The accuracy benchmark harness end to end, on the first 20 records of each gold set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.gold import GOLD_SETS

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]

REQUIRED_METRICS = {
    "plover_gsr_dev": [
        "event_type_accuracy",
        "event_type_macro_f1",
        "source_country_accuracy",
        "source_country_overlap",
        "target_country_accuracy",
        "target_country_overlap",
        "joint_accuracy",
        "coverage",
    ],
    "petr2_gsr_validation": [
        "cameo_exact_accuracy",
        "cameo_root_accuracy",
        "source_code_match",
        "source_country_match",
        "target_code_match",
        "target_country_match",
        "joint_accuracy",
        "no_event_sentences_with_events",
    ],
}
REQUIRED_COUNTS = {
    "plover_gsr_dev": ["predicted_events", "spurious_events"],
    "petr2_gsr_validation": ["gold_events", "predicted_events", "false_positive_events"],
}


@pytest.fixture(scope="module")
def results(shared, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("bench") / "accuracy.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "accuracy.py"),
            "--shared",
            str(shared),
            "--limit",
            "20",
            "--out",
            str(out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "event_type_accuracy" in proc.stdout  # the table was printed
    return json.loads(out.read_text(encoding="utf-8"))


def test_accuracy_harness_provenance(results):
    for key in ("bedfellows_version", "data_manifest_sha256", "command", "seconds", "sets"):
        assert results[key] not in (None, "")
    assert results["limit"] == 20
    assert set(results["sets"]) == set(GOLD_SETS)


@pytest.mark.parametrize("name", sorted(REQUIRED_METRICS))
def test_accuracy_harness_figures_are_shares(results, name):
    res = results["sets"][name]
    assert res["n_sentences"] == 20
    assert set(REQUIRED_METRICS[name]) <= set(res["metrics"])
    assert set(REQUIRED_COUNTS[name]) <= set(res["counts"])
    for key, value in res["metrics"].items():
        assert 0.0 <= value <= 1.0, key
    for label, prf in res.get("per_type", {}).items():
        for k in ("precision", "recall", "f1"):
            assert 0.0 <= prf[k] <= 1.0, (label, k)
    for key, value in res["rates"].items():
        assert value >= 0.0, key


@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_accuracy_harness_json_holds_no_sentences(results, shared, name):
    text = json.dumps(results)
    # A count, not the offending text: these records include lockbox records,
    # which must never be shown (not even in an assertion message).
    leaked = sum(rec.text[:40] in text for rec in GOLD_SETS[name].load(shared)[:20])
    assert leaked == 0
