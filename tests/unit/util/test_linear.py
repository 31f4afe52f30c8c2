"""The shared linear model: deterministic training, probabilities, the table round trip."""

from __future__ import annotations

import numpy as np
import pytest

from bedfellows.errors import DataFileError
from bedfellows.util import linear
from bedfellows.util.linear import BIAS, LinearModel


def _samples():
    hot = [frozenset({"sun", "beach"}), frozenset({"sun", "desert"}), frozenset({"heat"})]
    cold = [frozenset({"snow", "ice"}), frozenset({"snow", "pole"}), frozenset({"ice"})]
    return [(f, "hot") for f in hot] * 3 + [(f, "cold") for f in cold] * 3


def test_training_is_deterministic_and_learns_the_separation():
    a = linear.train(_samples(), l2=1e-4, steps=200, min_count=2)
    b = linear.train(_samples(), l2=1e-4, steps=200, min_count=2)
    assert a.rows() == b.rows()
    assert a.best({"snow"})[0] == "cold"
    assert a.best({"sun"})[0] == "hot"
    p = a.scores({"sun", "snow"})
    assert p.sum() == pytest.approx(1.0)
    assert a.probability({"sun"}, "hot") > 0.5


def test_rare_features_are_left_out_and_unknown_features_are_ignored():
    model = linear.train(_samples(), l2=1e-4, steps=50, min_count=4)
    assert "beach" not in model.weights  # seen in 3 samples
    assert "sun" in model.weights
    assert np.allclose(model.scores({"never-seen"}), model.scores(set()))


def test_table_round_trip_predicts_the_same():
    model = linear.train(_samples(), l2=1e-4, steps=100, min_count=2)
    rows = model.rows()
    assert rows[0]["feature"] == BIAS
    assert [r["feature"] for r in rows[1:]] == sorted(r["feature"] for r in rows[1:])
    again = LinearModel.from_rows(rows)
    assert np.allclose(again.scores({"sun", "ice"}), model.scores({"sun", "ice"}))


def test_malformed_table_names_the_file():
    with pytest.raises(DataFileError, match="weights.tsv"):
        LinearModel.from_rows([{"feature": "x", "a": "1"}], "weights.tsv")
    with pytest.raises(DataFileError, match="weights.tsv"):
        LinearModel.from_rows([{"feature": BIAS, "a": "one"}], "weights.tsv")
