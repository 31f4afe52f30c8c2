"""CI regression check: the fast accuracy subset must not fall more than 2 points
below the figures committed in ``benchmarks/results/accuracy_fast.json``.

Runs ``benchmarks/accuracy.py --fast`` in-process with the session pipeline.
A headline metric (each gold module's ``HEADLINE``) more than 0.02 below its
committed value fails the test, naming set and metric; sets or metrics the
committed file lacks are reported as warnings, not failures.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from benchmarks import accuracy

pytestmark = pytest.mark.slow

COMMITTED = Path(accuracy.DEFAULT_FAST_OUT)
TOLERANCE = 0.02


@pytest.fixture(scope="module")
def fast_results(shared, pipeline) -> dict:
    if not (shared / "data" / "gold").is_dir():
        pytest.skip("../shared/data/gold is not available")
    return accuracy.run(shared, fast=True, pipeline=pipeline)


def test_fast_subset_covers_every_set_with_headlines(fast_results):
    assert set(fast_results["sets"]) == set(accuracy.GOLD_SETS)
    assert fast_results["fast"] is True
    for name, res in fast_results["sets"].items():
        for metric in accuracy.headline(name):
            assert 0.0 <= res["metrics"][metric] <= 1.0, (name, metric)


def test_no_headline_metric_falls_more_than_two_points(fast_results):
    if not COMMITTED.is_file():
        pytest.skip(f"no committed {COMMITTED.name} to compare with")
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    failures, notes = accuracy.regressions(committed, fast_results, TOLERANCE)
    for note in notes:
        warnings.warn(f"accuracy regression check: {note}", stacklevel=1)
    assert not failures, "accuracy fell by more than 2 points:\n" + "\n".join(failures)
