import math

import networkx as nx
import numpy as np
import pytest

from bedfellows.errors import ConfigError
from bedfellows.network.blocs import BlocPartition, find_blocs, partition_matrix
from bedfellows.network.scores import adjusted_rand_index


def signed(edges, nodes=()):
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for a, b, w in edges:
        g.add_edge(a, b, weight=w)
    return g


def members(partition: BlocPartition) -> set[frozenset]:
    return {frozenset(b) for b in partition.blocs()}


def recount_frustration(graph, labels):
    """The definition, edge by edge, independent of the module's own bookkeeping."""
    total = 0.0
    for a, b, w in graph.edges(data="weight"):
        if a == b:
            continue
        same = labels[a] == labels[b]
        if (same and w < 0) or (not same and w > 0):
            total += abs(w)
    return total


def two_camps(noisy=False):
    left, right = ["L1", "L2", "L3", "L4"], ["R1", "R2", "R3"]
    edges = []
    for group in (left, right):
        edges += [(a, b, 2.0) for i, a in enumerate(group) for b in group[i + 1 :]]
    edges += [(a, b, -1.5) for a in left for b in right]
    if noisy:  # one cross-camp handshake against the grain
        edges = [(a, b, 0.8 if (a, b) == ("L2", "R3") else w) for a, b, w in edges]
    return signed(edges)


@pytest.mark.parametrize("noisy", [False, True])
def test_two_camps_recovered_exactly(noisy):
    p = find_blocs(two_camps(noisy))
    assert members(p) == {frozenset({"L1", "L2", "L3", "L4"}), frozenset({"R1", "R2", "R3"})}
    assert p.n_blocs == 2
    # The larger bloc is bloc 0.
    assert p.labels["L1"] == 0 and p.labels["R1"] == 1
    assert p.frustration == pytest.approx(0.8 if noisy else 0.0)


def test_all_positive_graph_is_one_bloc():
    g = signed([("A", "B", 1.0), ("B", "C", 0.5), ("C", "D", 3.0), ("A", "D", 0.2)])
    p = find_blocs(g)
    assert p.n_blocs == 1 and set(p.labels.values()) == {0}
    assert p.frustration == 0.0


def test_mutual_enemies_and_common_enemy():
    hostile = find_blocs(signed([("A", "B", -1.0), ("B", "C", -1.0), ("A", "C", -2.0)]))
    assert hostile.n_blocs == 3 and hostile.frustration == 0.0
    # Two actors with a common enemy and no tie of their own: no alliance, two blocs.
    common = find_blocs(signed([("A", "C", -1.0), ("B", "C", -1.0)]))
    assert members(common) == {frozenset({"A"}), frozenset({"B"}), frozenset({"C"})}
    assert common.frustration == 0.0
    # With a tie of their own they are one bloc.
    allied = find_blocs(signed([("A", "C", -1.0), ("B", "C", -1.0), ("A", "B", 0.5)]))
    assert members(allied) == {frozenset({"A", "B"}), frozenset({"C"})}


def test_a_bloc_is_held_together_by_positive_ties():
    # A–B and C–D are allies, both against E; A and C never cooperate.
    g = signed([("A", "B", 1.0), ("C", "D", 1.0), ("A", "E", -1.0), ("C", "E", -1.0)])
    assert members(find_blocs(g)) == {
        frozenset({"A", "B"}),
        frozenset({"C", "D"}),
        frozenset({"E"}),
    }
    # The cap on blocs is kept: the unsplit partition when splitting would exceed it.
    assert find_blocs(g, max_blocs=2).n_blocs == 2


def test_max_blocs_caps_the_number_of_blocs():
    g = signed([("A", "B", -1.0), ("B", "C", -3.0), ("A", "C", -2.0)])
    p = find_blocs(g, max_blocs=2)
    assert p.n_blocs == 2
    # The cheapest edge to leave frustrated is A-B.
    assert p.labels["A"] == p.labels["B"] and p.frustration == pytest.approx(1.0)
    with pytest.raises(ConfigError):
        find_blocs(g, max_blocs=0)


def test_isolated_and_zero_weight_nodes_are_blocs_of_their_own():
    g = signed([("A", "B", 1.0), ("B", "C", 1.0), ("X", "Y", 0.0)], nodes=["Z"])
    g.add_edge("A", "A", weight=-5.0)  # a self-loop carries no structure
    p = find_blocs(g)
    assert members(p) == {
        frozenset({"A", "B", "C"}),
        frozenset({"X"}),
        frozenset({"Y"}),
        frozenset({"Z"}),
    }
    # Size first, then smallest key among equal sizes.
    assert [p.labels[n] for n in ("A", "X", "Y", "Z")] == [0, 1, 2, 3]
    assert p.frustration == 0.0


def test_unrelated_components_are_not_merged():
    g = signed([("A", "B", 1.0), ("C", "D", 1.0)])
    assert members(find_blocs(g)) == {frozenset({"A", "B"}), frozenset({"C", "D"})}


def test_bloc_ids_with_equal_sizes_follow_the_smallest_key():
    g = signed([("M", "N", 1.0), ("B", "Z", 1.0), ("M", "B", -1.0), ("N", "Z", -1.0)])
    p = find_blocs(g)
    assert p.blocs() == [["B", "Z"], ["M", "N"]]
    assert p.labels["B"] == 0 and p.labels["M"] == 1


def test_empty_graph():
    p = find_blocs(nx.Graph())
    assert (p.labels, p.n_blocs, p.frustration, p.blocs()) == ({}, 0, 0.0, [])


def test_bad_graphs_raise_config_error():
    with pytest.raises(ConfigError):
        find_blocs(nx.DiGraph([("A", "B")]))
    g = nx.Graph()
    g.add_edge("A", "B")
    with pytest.raises(ConfigError, match="weight"):
        find_blocs(g)
    with pytest.raises(ConfigError, match="non-finite"):
        find_blocs(signed([("A", "B", math.nan)]))


def planted(n, k, density, noise, seed):
    """Random planted blocs: + inside, - between, a share ``noise`` of signs flipped."""
    rng = np.random.default_rng(seed)
    truth = rng.integers(k, size=n)
    g = nx.Graph()
    g.add_nodes_from(f"N{i:03d}" for i in range(n))
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < density:
                sign = 1.0 if truth[i] == truth[j] else -1.0
                if rng.random() < noise:
                    sign = -sign
                g.add_edge(f"N{i:03d}", f"N{j:03d}", weight=sign * rng.uniform(0.5, 2.0))
    return g, [int(t) for t in truth]


def test_planted_four_blocs_with_ten_percent_noise():
    g, truth = planted(n=80, k=4, density=0.5, noise=0.1, seed=3)
    p = find_blocs(g)
    predicted = [p.labels[f"N{i:03d}"] for i in range(80)]
    assert adjusted_rand_index(truth, predicted) >= 0.9
    assert p.frustration == pytest.approx(recount_frustration(g, p.labels))
    # The planted partition itself is no better than what the search found.
    assert p.frustration <= recount_frustration(g, {f"N{i:03d}": t for i, t in enumerate(truth)})


def test_same_seed_same_labels():
    g, _ = planted(n=40, k=3, density=0.4, noise=0.25, seed=11)
    first = find_blocs(g, seed=5)
    assert find_blocs(g, seed=5) == first
    assert first.frustration == pytest.approx(recount_frustration(g, first.labels))


def test_two_hundred_nodes_dense_graph():
    g, truth = planted(n=200, k=4, density=1.0, noise=0.1, seed=1)
    assert g.number_of_edges() > 19_000
    p = find_blocs(g)
    assert adjusted_rand_index(truth, [p.labels[f"N{i:03d}"] for i in range(200)]) >= 0.9


def test_local_search_finds_the_exhaustive_optimum_on_small_planted_graphs():
    def frustration(a, labels):
        same = labels[:, None] == labels[None, :]
        return 0.5 * np.where(same, np.maximum(-a, 0), np.maximum(a, 0)).sum()

    for seed in range(30):
        rng = np.random.default_rng(seed)
        truth = rng.integers(3, size=8)
        sign = np.where(truth[:, None] == truth[None, :], 1.0, -1.0)
        sign = np.where(rng.random((8, 8)) < 0.2, -sign, sign)  # 20% sign noise
        present = rng.random((8, 8)) < 0.7
        a = np.triu(sign * present * rng.uniform(0.5, 2.0, (8, 8)), 1)
        a = a + a.T
        for cap in (2, 3, 8):
            exact = partition_matrix(a, max_blocs=cap, exact_max_nodes=8)
            searched = partition_matrix(a, max_blocs=cap, exact_max_nodes=0)
            assert searched.max() + 1 <= cap and exact.max() + 1 <= cap
            assert frustration(a, searched) == pytest.approx(frustration(a, exact))


def test_cap_holds_on_the_local_search_path():
    g, _ = planted(n=60, k=4, density=0.5, noise=0.1, seed=8)
    p = find_blocs(g, max_blocs=2)
    assert p.n_blocs == 2
    assert p.frustration == pytest.approx(recount_frustration(g, p.labels))
