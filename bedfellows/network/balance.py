"""Structural balance of a signed graph: balanced triads and the frustration index.

A triad (three actors tied pairwise by signed edges) is balanced when the product of its
three signs is positive: all friends (+,+,+) or two friends with a common enemy (+,−,−).
"The friend of my enemy" (+,+,−) and three mutual enemies (−,−,−) are unbalanced (Heider;
Cartwright & Harary 1956). This is strong balance: a world of three or more mutually hostile
blocs has unbalanced (−,−,−) triads although it is perfectly clusterable (Davis's weak
balance), so read the share together with ``find_blocs``; ``weak_share_balanced`` also
counts (−,−,−) triads as balanced (Davis 1967: only "the friend of my enemy" breaks it).
The weighted share weighs each triad by the geometric mean of its three |weights|.
Triad counts use traces of matrix powers (trace(S³)/6 is balanced minus unbalanced
triads), one dense matrix product per connected component, not a Python loop per triangle.

The frustration index (Harary's line index) is the least number of edges whose sign
disagrees with some split of the actors into two camps: negative inside a camp or positive
across. Computing it exactly is NP-hard, so we report the best split found by the bloc
search of ``bedfellows.network.blocs`` limited to two blocs — an upper bound on the true
index, exact for components of at most eight actors (every split is tried) and on
balanced graphs. ``frustration`` minimises the count (every
edge weighs 1), ``frustration_weighted`` runs the same search on the weighted graph, and
``camps`` is that weighted split (strong ties matter more than weak ones for the camps):
only actors with a signed edge, and in each connected component the larger side is camp 0.
``normalized_frustration`` is 1 − frustration / n_signed_edges (1 = perfectly balanced; note
that Aref & Wilson divide by half the edge count instead). Edges of weight 0 and self-loops
count as absent; a graph with no triad or no signed edge is vacuously balanced (shares and
normalised frustration 1.0).
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

from .blocs import SignedEdges, frustration_of, partition_components, signed_edges

METHOD = (
    "triads by matrix traces; frustration = best two-camp split found by the bloc "
    "local search (upper bound, exact frustration is NP-hard)"
)


@dataclass(frozen=True)
class Triad:
    """Three actors with pairwise signed edges; signs are of (a-b, a-c, b-c) for nodes (a, b, c)."""

    nodes: tuple[str, str, str]
    signs: tuple[int, int, int]
    balanced: bool


@dataclass(frozen=True)
class Balance:
    """How far a signed graph is from structural balance (see the module docstring)."""

    n_triads: int
    n_balanced: int
    share_balanced: float
    weighted_share_balanced: float
    n_weakly_balanced: int
    weak_share_balanced: float
    frustration: int
    frustration_weighted: float
    normalized_frustration: float
    camps: dict[str, int]
    method: str


def _sign(w: float) -> int:
    return 1 if w > 0 else -1


def triads(graph: nx.Graph) -> list[Triad]:
    """Every triangle of signed (non-zero) edges, nodes in key order, sorted by nodes.

    A dense graph has many: a complete graph of 200 actors has 1,313,400 triads.
    ``structural_balance`` counts them without listing them.
    """
    signed = signed_edges(graph)
    n = len(signed.nodes)
    if not signed.edges:
        return []
    sign = np.zeros((n, n), dtype=np.int8)
    for i, j, w in signed.edges:
        sign[i, j] = sign[j, i] = _sign(w)
    tied = sign != 0
    firsts, seconds, thirds = [], [], []
    for a in range(n):
        # Each triangle is found once, from its lowest node a: pairs b < c of a's higher
        # neighbours that are tied to each other.
        higher = np.flatnonzero(tied[a, a + 1 :]) + a + 1
        if len(higher) < 2:
            continue
        b, c = np.nonzero(np.triu(tied[np.ix_(higher, higher)], 1))
        firsts.append(np.full(len(b), a))
        seconds.append(higher[b])
        thirds.append(higher[c])
    if not firsts:
        return []
    a_idx, b_idx, c_idx = (np.concatenate(x) for x in (firsts, seconds, thirds))
    s_ab, s_ac, s_bc = sign[a_idx, b_idx], sign[a_idx, c_idx], sign[b_idx, c_idx]
    balanced = (s_ab.astype(np.int64) * s_ac * s_bc) > 0
    nodes = signed.nodes
    return [
        Triad(nodes=(nodes[a], nodes[b], nodes[c]), signs=(x, y, z), balanced=ok)
        for a, b, c, x, y, z, ok in zip(
            a_idx.tolist(),
            b_idx.tolist(),
            c_idx.tolist(),
            s_ab.tolist(),
            s_ac.tolist(),
            s_bc.tolist(),
            balanced.tolist(),
            strict=True,
        )
    ]


def _cycles(m: np.ndarray) -> float:
    """Sum over triangles of the product of their three entries: trace(M³) / 6."""
    return float(((m @ m) * m).sum() / 6.0)


def _triad_counts(signed: SignedEdges) -> tuple[int, int, float, int]:
    """(triads, balanced triads, weighted share balanced, all-negative triads) from
    matrix traces.

    Triangles never span two components, so each component of three or more nodes gets
    its own small dense matrix (many small components cost little).
    """
    component = np.full(len(signed.nodes), -1, dtype=np.int64)
    position = np.zeros(len(signed.nodes), dtype=np.int64)
    sizes = []
    for c, members in enumerate(signed.components()):
        component[members] = c
        position[members] = np.arange(len(members))
        sizes.append(len(members))
    by_component: dict[int, list[tuple[int, int, float]]] = {}
    for i, j, w in signed.edges:
        if sizes[component[i]] >= 3:
            by_component.setdefault(int(component[i]), []).append((i, j, w))
    n_triads, signed_sum, total, weighted_signed, all_negative = 0.0, 0.0, 0.0, 0.0, 0.0
    for c, edges in by_component.items():
        n = sizes[c]
        rows = position[[i for i, _, _ in edges]]
        cols = position[[j for _, j, _ in edges]]
        weights = np.array([w for _, _, w in edges])
        sign = np.zeros((n, n))
        sign[rows, cols] = np.sign(weights)
        sign += sign.T
        # Cube roots make the product of a triangle's three entries its geometric mean.
        root = np.zeros((n, n))
        root[rows, cols] = np.sign(weights) * np.cbrt(np.abs(weights))
        root += root.T
        n_triads += _cycles(np.abs(sign))
        signed_sum += _cycles(sign)
        total += _cycles(np.abs(root))
        weighted_signed += _cycles(root)
        all_negative += _cycles((sign < 0).astype(float))
    count = int(round(n_triads))
    balanced = int(round((n_triads + signed_sum) / 2))
    weighted = (total + weighted_signed) / (2 * total) if count else 1.0
    return count, balanced, weighted, int(round(all_negative))


def _two_camps(signed: SignedEdges, *, unweighted: bool) -> np.ndarray:
    """Camp (0 or 1) of every node; nodes without signed edges get -1."""
    if unweighted:
        signed = SignedEdges(
            nodes=signed.nodes, edges=[(i, j, float(_sign(w))) for i, j, w in signed.edges]
        )
    camps = np.full(len(signed.nodes), -1, dtype=np.int64)
    for members, local in partition_components(signed, max_blocs=2, seed=0):
        if len(members) < 2:
            continue
        # Components are independent; in each, the larger side (ties: the side holding the
        # smallest key) is camp 0.
        sizes = np.bincount(local, minlength=2)
        first = 0 if sizes[0] > sizes[1] or (sizes[0] == sizes[1] and local[0] == 0) else 1
        camps[members] = np.where(local == first, 0, 1)
    return camps


def structural_balance(graph: nx.Graph) -> Balance:
    """Balanced-triad shares and the (approximate) frustration index of a signed graph.

    Raises ``ConfigError`` for a graph that is not an undirected ``networkx.Graph`` with a
    finite numeric ``weight`` on every edge.
    """
    signed = signed_edges(graph)
    n_triads, n_balanced, weighted_share, n_all_negative = _triad_counts(signed)
    count_camps = _two_camps(signed, unweighted=True)
    weight_camps = _two_camps(signed, unweighted=False)
    frustration = int(
        round(frustration_of(((i, j, _sign(w)) for i, j, w in signed.edges), count_camps))
    )
    n_edges = len(signed.edges)
    return Balance(
        n_triads=n_triads,
        n_balanced=n_balanced,
        share_balanced=n_balanced / n_triads if n_triads else 1.0,
        weighted_share_balanced=weighted_share,
        n_weakly_balanced=n_balanced + n_all_negative,
        weak_share_balanced=(n_balanced + n_all_negative) / n_triads if n_triads else 1.0,
        frustration=frustration,
        frustration_weighted=frustration_of(signed.edges, weight_camps),
        normalized_frustration=1.0 - frustration / n_edges if n_edges else 1.0,
        camps={
            node: int(camp)
            for node, camp in zip(signed.nodes, weight_camps, strict=True)
            if camp >= 0
        },
        method=METHOD,
    )
