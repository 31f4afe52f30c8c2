import itertools
import math

import networkx as nx
import numpy as np
import pytest

from bedfellows.network.balance import structural_balance, triads


def signed(edges, nodes=()):
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for a, b, w in edges:
        g.add_edge(a, b, weight=w)
    return g


def triangle(prefix, wab, wac, wbc):
    a, b, c = (f"{prefix}{x}" for x in "abc")
    return [(a, b, wab), (a, c, wac), (b, c, wbc)]


def test_triad_signs_and_balance():
    g = signed(
        triangle("p", 1, 1, 1)  # +++ balanced
        + triangle("q", 1, -1, -1)  # +-- balanced
        + triangle("r", 1, 1, -1)  # ++- unbalanced
        + triangle("s", -1, -1, -1)  # --- unbalanced
    )
    found = {t.nodes[0][0]: t for t in triads(g)}
    assert set(found) == {"p", "q", "r", "s"}
    assert found["q"].nodes == ("qa", "qb", "qc") and found["q"].signs == (1, -1, -1)
    assert {k: t.balanced for k, t in found.items()} == {
        "p": True,
        "q": True,
        "r": False,
        "s": False,
    }
    b = structural_balance(g)
    assert (b.n_triads, b.n_balanced, b.share_balanced) == (4, 2, 0.5)
    # Weak balance (Davis) also accepts three mutual enemies: only ++- breaks it.
    assert (b.n_weakly_balanced, b.weak_share_balanced) == (3, 0.75)


def test_weighted_share_uses_geometric_mean():
    # Balanced triad of weights 1, 1, 8 (geometric mean 2); unbalanced 1, 1, 1 (mean 1).
    g = signed(triangle("p", 1.0, -1.0, -8.0) + triangle("r", 1.0, 1.0, -1.0))
    assert structural_balance(g).weighted_share_balanced == pytest.approx(2 / 3)


def test_balanced_graph_has_no_frustration():
    left, right = ["A", "B", "C"], ["D", "E"]
    edges = [(a, b, 1.0) for a, b in itertools.combinations(left, 2)]
    edges += [("D", "E", 2.0)] + [(a, b, -1.0) for a in left for b in right]
    b = structural_balance(signed(edges))
    assert b.frustration == 0 and b.frustration_weighted == 0.0
    assert b.normalized_frustration == 1.0 and b.share_balanced == 1.0
    assert b.camps == {"A": 0, "B": 0, "C": 0, "D": 1, "E": 1}


@pytest.mark.parametrize("weights", [(1.0, 1.0, -1.0), (-1.0, -1.0, -1.0)])
def test_unbalanced_triangle_has_frustration_one(weights):
    b = structural_balance(signed(triangle("t", *weights)))
    assert b.frustration == 1
    assert b.normalized_frustration == pytest.approx(1 - 1 / 3)
    assert b.n_triads == 1 and b.n_balanced == 0


def test_weighted_frustration_leaves_the_weakest_edge_frustrated():
    # Two strong friendships and one weak quarrel: everyone in one camp, the quarrel
    # (weight 0.5) is the frustrated edge.
    b = structural_balance(signed(triangle("t", 5.0, 4.0, -0.5)))
    assert b.frustration_weighted == pytest.approx(0.5)
    assert set(b.camps.values()) == {0}


def test_zero_weights_isolated_nodes_and_empty_graph():
    g = signed(triangle("t", 1.0, 1.0, 0.0), nodes=["lonely"])
    assert triads(g) == []
    b = structural_balance(g)
    assert b.n_triads == 0 and b.share_balanced == 1.0
    assert "lonely" not in b.camps and set(b.camps) == {"ta", "tb", "tc"}
    empty = structural_balance(nx.Graph())
    assert (empty.n_triads, empty.frustration, empty.normalized_frustration) == (0, 0, 1.0)
    assert empty.camps == {}


def test_trace_counts_agree_with_enumeration_and_brute_force_frustration():
    rng = np.random.default_rng(4)
    g = nx.Graph()
    names = [f"K{i}" for i in range(9)]
    for a, b in itertools.combinations(names, 2):
        if rng.random() < 0.6:
            g.add_edge(a, b, weight=float(rng.choice([-1, 1]) * rng.uniform(0.2, 3.0)))
    listed = triads(g)
    b = structural_balance(g)
    assert b.n_triads == len(listed) > 0
    assert b.n_balanced == sum(t.balanced for t in listed)
    weight = {frozenset((u, v)): abs(w) for u, v, w in g.edges(data="weight")}

    def geo(t):
        pairs = itertools.combinations(t.nodes, 2)
        return math.prod(weight[frozenset(p)] for p in pairs) ** (1 / 3)

    expected = sum(geo(t) for t in listed if t.balanced) / sum(geo(t) for t in listed)
    assert b.weighted_share_balanced == pytest.approx(expected)

    # Exact line index by trying every two-camp split of 9 nodes.
    def frustrated(mask, weighted):
        def camp(node):
            return (mask >> names.index(node)) & 1

        return sum(
            abs(w) if weighted else 1
            for u, v, w in g.edges(data="weight")
            if (camp(u) != camp(v) and w > 0) or (camp(u) == camp(v) and w < 0)
        )

    masks = range(2 ** len(names))
    assert b.frustration_weighted == pytest.approx(min(frustrated(m, True) for m in masks))
    best = min(frustrated(m, False) for m in masks)
    assert b.frustration == best


def test_complete_graph_of_two_hundred_nodes():
    rng = np.random.default_rng(0)
    g = nx.Graph()
    for a, b in itertools.combinations(range(200), 2):
        g.add_edge(f"N{a:03d}", f"N{b:03d}", weight=float(rng.choice([-1.0, 1.0])))
    b = structural_balance(g)
    assert b.n_triads == math.comb(200, 3)
    assert 0.4 < b.share_balanced < 0.6  # random signs: about half the triads balanced
