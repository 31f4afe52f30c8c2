import random
from itertools import combinations

import pytest

from bedfellows.errors import ConfigError
from bedfellows.network.scores import adjusted_rand_index


def pair_confusion_ari(true, pred):
    """Reference ARI from the four pair counts (a different route to the same number)."""
    tp = fp = fn = tn = 0
    for i, j in combinations(range(len(true)), 2):
        same_true, same_pred = true[i] == true[j], pred[i] == pred[j]
        if same_true and same_pred:
            tp += 1
        elif same_pred:
            fp += 1
        elif same_true:
            fn += 1
        else:
            tn += 1
    if fn == 0 and fp == 0:
        return 1.0
    return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))


def test_identical_partitions_score_one_whatever_the_label_names():
    assert adjusted_rand_index([0, 0, 1, 1, 2], ["x", "x", "y", "y", "z"]) == 1.0


def test_known_values():
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)
    assert adjusted_rand_index([0, 0, 0, 0], [0, 1, 2, 3]) == pytest.approx(0.0)
    assert adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(4 / 7)


def test_degenerate_partitions():
    assert adjusted_rand_index([], []) == 1.0
    assert adjusted_rand_index(["a"], ["b"]) == 1.0
    assert adjusted_rand_index([1, 1, 1], [2, 2, 2]) == 1.0
    assert adjusted_rand_index([1, 2, 3], [4, 5, 6]) == 1.0
    assert adjusted_rand_index([1, 1, 1], [1, 2, 3]) == 0.0


def test_matches_pair_counting_reference_and_is_symmetric():
    rng = random.Random(7)
    for _ in range(30):
        n = rng.randint(2, 25)
        true = [rng.randint(0, 3) for _ in range(n)]
        pred = [rng.randint(0, 4) for _ in range(n)]
        expected = pair_confusion_ari(true, pred)
        assert adjusted_rand_index(true, pred) == pytest.approx(expected)
        assert adjusted_rand_index(pred, true) == pytest.approx(expected)


def test_lengths_must_match():
    with pytest.raises(ConfigError):
        adjusted_rand_index([0, 1], [0])
