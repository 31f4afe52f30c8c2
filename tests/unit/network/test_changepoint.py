"""PELT change points: exactness against brute force, detection, false alarms, errors."""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np
import pytest

from bedfellows.errors import ConfigError
from bedfellows.network.changepoint import ChangePoint, change_points, noise_sigma, pelt


def _cost(x: np.ndarray, bounds: list[int]) -> float:
    """Sum of squared deviations from each segment's own mean, computed directly."""
    return sum(
        float(((x[a:b] - x[a:b].mean()) ** 2).sum())
        for a, b in zip(bounds, bounds[1:], strict=False)
    )


def _objective(x: np.ndarray, changes: list[int], penalty: float) -> float:
    return _cost(x, [0, *changes, len(x)]) + penalty * len(changes)


def _brute_force(x: np.ndarray, penalty: float, min_size: int) -> list[int]:
    """The best segmentation found by trying every set of change positions."""
    n = len(x)
    best, best_val = [], _objective(x, [], penalty)
    for k in range(1, n):
        for changes in combinations(range(1, n), k):
            bounds = [0, *changes, n]
            if min(b - a for a, b in zip(bounds, bounds[1:], strict=False)) < min_size:
                continue
            val = _objective(x, list(changes), penalty)
            if val < best_val - 1e-12:
                best, best_val = list(changes), val
    return best


def _segment_costs(x: np.ndarray) -> np.ndarray:
    """cost[s, t]: squared deviations of x[s:t] from its mean, computed directly."""
    n = len(x)
    cost = np.full((n + 1, n + 1), np.nan)
    for s in range(n):
        for t in range(s + 1, n + 1):
            cost[s, t] = ((x[s:t] - x[s:t].mean()) ** 2).sum()
    return cost


def _optimal_partitioning(cost: np.ndarray, penalty: float, min_size: int) -> list[int]:
    """Unpruned O(n^2) dynamic programme (Jackson et al. 2005) over all segmentations."""
    n = cost.shape[0] - 1
    f = [math.inf] * (n + 1)
    f[0] = -penalty
    last = [0] * (n + 1)
    for t in range(min_size, n + 1):
        for s in range(0, t - min_size + 1):
            val = f[s] + cost[s, t] + penalty
            if val < f[t]:
                f[t], last[t] = val, s
    out, t = [], n
    while t > 0:
        if last[t]:
            out.append(last[t])
        t = last[t]
    return sorted(out)


def _default_penalty(x: np.ndarray) -> float:
    return 3.0 * noise_sigma(x) ** 2 * math.log(len(x))


# --- detection -------------------------------------------------------------------


def test_clean_step_is_found_within_one_index():
    rng = np.random.default_rng(1)
    x = np.concatenate([rng.normal(3, 1, 20), rng.normal(-3, 1, 20)])
    found = pelt(x)
    assert len(found) == 1 and abs(found[0] - 20) <= 1
    (cp,) = change_points(x)
    assert cp.index == found[0]
    assert cp.delta < -4 and cp.z < -10
    assert cp.n_before + cp.n_after == 40


def test_two_steps_are_both_found():
    rng = np.random.default_rng(2)
    x = np.concatenate([rng.normal(0, 1, 25), rng.normal(4, 1, 30), rng.normal(1, 1, 25)])
    found = pelt(x)
    assert len(found) == 2
    # The second move is only 3 noise sds: its best location can be off by 2 (~4% of draws).
    assert abs(found[0] - 25) <= 2 and abs(found[1] - 55) <= 2
    deltas = [cp.delta for cp in change_points(x)]
    assert deltas[0] > 0 > deltas[1]


def test_noise_free_step_is_found_exactly():
    x = [2.0] * 15 + [-1.0] * 9
    assert pelt(x) == [15]
    (cp,) = change_points(x)
    assert (cp.mean_before, cp.mean_after, cp.n_before, cp.n_after) == (2.0, -1.0, 15, 9)
    assert cp.delta == -3.0 and cp.z < -2


def test_constant_series_and_floating_point_dust_give_nothing():
    assert pelt([4.0] * 30) == [] and change_points([4.0] * 30) == []
    assert pelt([4.0] * 30, penalty=0.0) == []
    dust = [0.1 + 0.2] * 10 + [0.3] * 10  # 0.30000000000000004 vs 0.3
    assert pelt(dust) == [] and pelt(dust, penalty=0.0) == []
    assert change_points(dust, penalty=0.0) == []


def test_empty_and_short_series_give_nothing():
    assert pelt([]) == [] and change_points([]) == []
    assert pelt([1.0]) == []
    assert pelt([0.0, 0.0, 9.0], min_size=2) == []  # fewer than 2 * min_size values


def test_pure_noise_rarely_shows_a_change():
    # A statistical check of the default penalty, seeded so the outcome is fixed.
    rng = np.random.default_rng(0)
    series = [rng.normal(0, 1, 48) for _ in range(200)]
    with_change = sum(1 for x in series if pelt(x))
    assert with_change / len(series) < 0.05
    assert sum(1 for x in series if change_points(x)) <= with_change


def test_noise_level_does_not_matter_only_its_ratio_to_the_shift():
    rng = np.random.default_rng(3)
    base = np.concatenate([rng.normal(0, 1, 30), rng.normal(5, 1, 30)])
    for scale in (1e-3, 1.0, 1e4):
        assert pelt(base * scale + 7.0) == pelt(base)


def test_sparse_counts_do_not_get_a_change_at_every_spike():
    # Mostly-zero monthly counts make the MAD of the differences 0; the fallback
    # sigma must not shrink the penalty to nothing.
    x = np.zeros(48)
    x[[5, 17, 30, 41]] = 1.0
    assert pelt(x) == []
    x[24:] += 3.0  # a real move on top is still found
    assert pelt(x) == [24]


def test_noise_sigma_is_robust_to_level_shifts():
    rng = np.random.default_rng(4)
    noise = rng.normal(0, 2, 120)
    shifted = noise + np.repeat([0.0, 15.0, -10.0], 40)
    assert abs(noise_sigma(shifted) - 2.0) < 0.4
    assert np.std(shifted) > 8  # what a non-robust estimate would see
    assert noise_sigma([5.0] * 10) == 0.0 and noise_sigma([1.0]) == 0.0


# --- min_size and penalty ----------------------------------------------------------


@pytest.mark.parametrize("min_size", [1, 2, 3, 5])
def test_min_size_is_honoured(min_size):
    rng = np.random.default_rng(10 + min_size)
    x = rng.normal(0, 1, 60)
    # Penalty 0 makes every split profitable: segments shrink to the allowed minimum.
    found = pelt(x, penalty=0.0, min_size=min_size)
    bounds = [0, *found, 60]
    sizes = [b - a for a, b in zip(bounds, bounds[1:], strict=False)]
    assert min(sizes) >= min_size
    assert max(sizes) < 2 * min_size  # otherwise another split would still lower the cost


def test_single_outlier_is_not_isolated_when_min_size_forbids_it():
    x = np.zeros(30)
    x[12] = 50.0
    assert pelt(x, penalty=1.0, min_size=1) == [12, 13]
    for cut in pelt(x, penalty=1.0, min_size=3):
        assert 3 <= cut <= 27


def test_larger_penalty_never_gives_more_changes():
    rng = np.random.default_rng(5)
    x = rng.normal(0, 1, 80) + np.repeat([0, 1.5, -1, 2], 20)
    counts = [len(pelt(x, penalty=p)) for p in (0.5, 2, 5, 10, 20, 50, 200)]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1]


# --- exactness ----------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(12))
def test_equals_brute_force_on_small_series(seed):
    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(4, 12))
    x = rng.normal(0, 1, n) + np.where(np.arange(n) >= n // 2, rng.normal(0, 2), 0.0)
    for min_size in (1, 2, 3):
        for penalty in (_default_penalty(x), 0.3, 1.5, 6.0):
            got = pelt(x, penalty=penalty, min_size=min_size)
            want = _brute_force(x, penalty, min_size)
            assert got == want, (n, min_size, penalty)


@pytest.mark.parametrize("seed", range(6))
def test_equals_unpruned_dynamic_programme_on_longer_series(seed):
    rng = np.random.default_rng(200 + seed)
    n = 60
    x = rng.normal(0, 1, n) + np.repeat(rng.normal(0, 2, 6), 10)
    cost = _segment_costs(x)
    for min_size in (1, 2, 4):
        for penalty in (_default_penalty(x), 0.5, 3.0, 12.0):
            got = pelt(x, penalty=penalty, min_size=min_size)
            want = _optimal_partitioning(cost, penalty, min_size)
            assert got == want, (min_size, penalty)
            assert _objective(x, got, penalty) == pytest.approx(_objective(x, want, penalty))


# --- change_points ---------------------------------------------------------------------


def test_change_points_report_adjacent_segments_and_z():
    rng = np.random.default_rng(6)
    x = np.concatenate([rng.normal(0, 1, 20), rng.normal(6, 1, 10), rng.normal(2, 1, 20)])
    cps = change_points(x, min_z=0.0)
    assert [cp.index for cp in cps] == pelt(x)
    sigma = noise_sigma(x)
    bounds = [0, *[cp.index for cp in cps], len(x)]
    for i, cp in enumerate(cps):
        assert isinstance(cp, ChangePoint)
        before, after = x[bounds[i] : cp.index], x[cp.index : bounds[i + 2]]
        assert (cp.n_before, cp.n_after) == (len(before), len(after))
        assert cp.mean_before == pytest.approx(before.mean())
        assert cp.mean_after == pytest.approx(after.mean())
        assert cp.delta == pytest.approx(after.mean() - before.mean())
        se = sigma * math.sqrt(1 / len(before) + 1 / len(after))
        assert cp.z == pytest.approx(cp.delta / se)


def test_min_z_drops_weak_changes_without_moving_the_others():
    rng = np.random.default_rng(7)
    x = np.concatenate([rng.normal(0, 1, 30), rng.normal(1.2, 1, 30), rng.normal(9, 1, 30)])
    everything = change_points(x, penalty=2.0, min_z=0.0)
    strong = change_points(x, penalty=2.0, min_z=8.0)
    assert strong and len(strong) < len(everything)
    assert all(abs(cp.z) >= 8.0 for cp in strong)
    assert set(strong) <= set(everything)
    assert change_points(x, min_z=1e9) == []


# --- errors and speed ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "kwargs"),
    [
        ([[1.0, 2.0], [3.0, 4.0]], {}),
        ([1.0, float("nan"), 2.0, 3.0], {}),
        ([1.0, float("inf"), 2.0, 3.0], {}),
        (["a", "b"], {}),
        ([1.0, 2.0, 3.0, 4.0], {"min_size": 0}),
        ([1.0, 2.0, 3.0, 4.0], {"min_size": 1.5}),
        ([1.0, 2.0, 3.0, 4.0], {"penalty": -1.0}),
        ([1.0, 2.0, 3.0, 4.0], {"penalty": float("nan")}),
        ([1.0, 2.0, 3.0, 4.0], {"penalty": "3"}),
    ],
)
def test_bad_input_raises_config_error(values, kwargs):
    with pytest.raises(ConfigError):
        pelt(values, **kwargs)
    with pytest.raises(ConfigError):
        change_points(values, **kwargs)


def test_long_series_with_ten_levels():
    rng = np.random.default_rng(8)
    with_shifts = rng.normal(0, 1, 1000) + np.repeat(rng.normal(0, 3, 10), 100)
    found = pelt(with_shifts)
    assert 5 <= len(found) <= 15
