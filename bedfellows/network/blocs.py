"""Alliance blocs: partition a signed graph so that friends share a bloc and foes do not.

Method: correlation clustering of the signed graph, i.e. the partition that minimises the
weighted *frustration* — the sum of |weight| over negative edges inside blocs plus positive
edges between blocs (Doreian & Mrvar's signed blockmodelling criterion with equal
penalties). Minimising it exactly is NP-hard, so we run a relocation local search (move one
actor at a time to the bloc where its summed tie weight is largest, then merge any two blocs
whose mutual ties are net positive, repeat until nothing improves) from several
deterministic starting partitions and keep the best:

* the all-singletons partition, agglomerated greedily down to ``max_blocs`` when larger;
* one bloc holding everyone;
* spectral partitions from the signed Laplacian L̄ = D̄ − A (Kunegis et al. 2010, D̄ the
  diagonal of absolute degrees): for k = 2..max_blocs, a seeded k-means on the rows of its
  k − 1 smallest eigenvectors (k camps sit on a simplex of k − 1 dimensions; with k = 2 this
  is Kunegis's own two-camp split);

then an iterated local search: ten seeded kicks, each moving a tenth of the actors of the
best partition to random blocs before searching again, kept when better. Components of at
most eight actors are solved exactly instead, by trying every partition.

Why this method: it optimises exactly the quantity structural balance theory cares about, so
the number of blocs falls out of the objective (a split that cuts no net cooperation is
free, one that does costs its weight) and no k is needed; the spectral starts find the
global shape, the relocation search fixes what k-means gets wrong on noisy edges, and the
whole thing is numpy on a dense adjacency matrix, fast for a few hundred actors.

Conventions: edges of weight 0 and self-loops carry no structure and are ignored. Blocs are
found separately in each connected component of the signed edges — nothing links two
components, so putting them in one bloc would be arbitrary — and ``max_blocs`` caps the
number of blocs per component. Actors with no signed edge each form their own bloc. Among
starts of equal frustration the one with fewer blocs wins, then the earlier start.

A bloc is an alliance, so it needs cooperation to hold it together: each bloc of the best
partition is split into the groups its positive ties connect (``allied_groups``), while the
component's bloc count stays within ``max_blocs``. A common enemy alone makes no alliance:
balance theory's "the enemy of my enemy is my friend" is a hypothesis the ``bedfellows``
command reports (strange bedfellows), not evidence that the two cooperate. Splitting never
adds frustration: it moves no positive tie between blocs, and only takes negative ties out.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import numpy as np

from ..errors import ConfigError

METHOD = (
    "correlation clustering (min weighted frustration): relocation + merge local search "
    "(Doreian-Mrvar) from signed-Laplacian spectral, singleton and one-bloc starts, "
    "with seeded kicks; exact for components of <= 8 actors"
)

# Components this small are solved exactly by enumerating every partition.
EXACT_MAX_NODES = 8

# Kicks of the iterated local search: each moves a tenth of the nodes of the best
# partition to random blocs and searches again, keeping the result when it is better.
KICKS = 10

# Relative tolerance under which a gain counts as no gain: keeps the search from cycling
# on floating-point noise.
_TOL = 1e-9


@dataclass(frozen=True)
class BlocPartition:
    """A partition of the actors of a signed graph into blocs.

    ``labels`` maps every node to a bloc id 0.. (numbered by bloc size descending, ties by
    smallest node key); ``frustration`` is the summed |weight| of negative edges inside blocs
    and positive edges between blocs.
    """

    labels: dict[str, int]
    frustration: float
    n_blocs: int
    method: str

    def blocs(self) -> list[list[str]]:
        """The members of each bloc, sorted, in bloc-id order."""
        members: list[list[str]] = [[] for _ in range(self.n_blocs)]
        for node, bloc in self.labels.items():
            members[bloc].append(node)
        return [sorted(m, key=str) for m in members]


@dataclass(frozen=True)
class SignedEdges:
    """The signed structure of a graph: nodes sorted by key, non-zero edges by index."""

    nodes: list[str]
    edges: list[tuple[int, int, float]]  # (i, j, weight) with i < j, weight != 0

    def components(self) -> list[list[int]]:
        """Connected components over the signed edges (node indexes, sorted).

        Nodes with no signed edge form components of one node.
        """
        parent = list(range(len(self.nodes)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for i, j, _ in self.edges:
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
        groups: dict[int, list[int]] = {}
        for i in range(len(self.nodes)):
            groups.setdefault(find(i), []).append(i)
        return sorted(groups.values())


def edge_weight(data: dict, u: object, v: object) -> float:
    """The signed ``weight`` of one edge, checked to be a finite number."""
    w = data.get("weight")
    if type(w) is float and math.isfinite(w):  # the common case, checked cheaply
        return w
    if isinstance(w, bool) or not isinstance(w, int | float | np.integer | np.floating):
        raise ConfigError(f"signed graph: edge {u!r}-{v!r} has no numeric 'weight' ({w!r})")
    w = float(w)
    if not math.isfinite(w):
        raise ConfigError(f"signed graph: edge {u!r}-{v!r} has a non-finite weight ({w})")
    return w


def signed_edges(graph: nx.Graph) -> SignedEdges:
    """Read a signed graph (the network convention) into sorted nodes and non-zero edges.

    Raises ``ConfigError`` for a directed or multi-graph, or an edge without a finite
    numeric ``weight``.
    """
    if not isinstance(graph, nx.Graph) or graph.is_directed() or graph.is_multigraph():
        raise ConfigError(
            f"signed graph: expected an undirected networkx.Graph, got {type(graph).__name__}"
        )
    nodes = sorted(graph.nodes, key=str)
    index = {n: i for i, n in enumerate(nodes)}
    edges = []
    for u, v, data in graph.edges(data=True):
        w = edge_weight(data, u, v)
        if u == v or w == 0.0:
            continue
        i, j = sorted((index[u], index[v]))
        edges.append((i, j, w))
    edges.sort()
    return SignedEdges(nodes=nodes, edges=edges)


def frustration_of(edges: Iterable[tuple[int, int, float]], labels: np.ndarray) -> float:
    """Summed |weight| of negative edges inside blocs and positive edges between them."""
    total = 0.0
    for i, j, w in edges:
        same = labels[i] == labels[j]
        if (same and w < 0) or (not same and w > 0):
            total += abs(w)
    return total


def _matrix_frustration(a: np.ndarray, labels: np.ndarray) -> float:
    same = labels[:, None] == labels[None, :]
    return float(0.5 * np.where(same, np.maximum(-a, 0.0), np.maximum(a, 0.0)).sum())


def _compact(labels: np.ndarray) -> np.ndarray:
    """Renumber labels 0..K-1 in order of first appearance."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    order = np.argsort(np.argsort(first))
    return order[inverse].astype(np.int64)


def _bloc_ties(a: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """B[p, q] = summed weight of the edges between blocs p and q."""
    h = np.zeros((a.shape[0], k))
    h[np.arange(a.shape[0]), labels] = 1.0
    return h.T @ a @ h


def _merge(a: np.ndarray, labels: np.ndarray, max_k: int, tol: float) -> tuple[np.ndarray, bool]:
    """Merge bloc pairs: forced (least harm first) while over ``max_k``, then while it helps.

    Merging blocs p and q changes the frustration by −B[p, q], so a net-positive pair is
    always worth merging. Returns the compacted labels and whether anything merged.
    """
    labels = _compact(labels)
    k = int(labels.max()) + 1
    b = _bloc_ties(a, labels, k)
    alive = np.ones(k, dtype=bool)
    n_alive = k
    merged = False
    while n_alive > 1:
        masked = np.where(np.outer(alive, alive), b, -np.inf)
        np.fill_diagonal(masked, -np.inf)
        flat = int(np.argmax(masked))
        p, q = divmod(flat, k)
        if n_alive <= max_k and masked[p, q] <= tol:
            break
        p, q = min(p, q), max(p, q)
        # Fold q into p: ties of the union are the sums of ties of its parts.
        b[p, :] += b[q, :]
        b[:, p] += b[:, q]
        alive[q] = False
        labels[labels == q] = p
        n_alive -= 1
        merged = True
    return _compact(labels), merged


def _relocate(
    a: np.ndarray, labels: np.ndarray, max_k: int, rng: np.random.Generator, tol: float
) -> tuple[np.ndarray, bool]:
    """Move single nodes to the bloc with the largest summed tie weight until none gains.

    A node in bloc c costs (positive degree − S[i, c]) where S = A·H sums its ties to each
    bloc, so moving it to d gains S[i, d] − S[i, c]; an empty column of S stands for a new
    bloc (gain −S[i, c]) while fewer than ``max_k`` blocs exist. Every move strictly lowers
    the frustration, so the loop ends.
    """
    n = a.shape[0]
    labels = labels.copy()
    k = max(max_k, int(labels.max()) + 1)
    h = np.zeros((n, k))
    h[np.arange(n), labels] = 1.0
    s = a @ h
    sizes = np.bincount(labels, minlength=k)
    moved_any = False
    for _ in range(10 * n + 10):  # passes; a safety bound, never reached in practice
        own = s[np.arange(n), labels]
        can_open = np.count_nonzero(sizes) < max_k
        # Vectorised screen: only nodes with some positive gain enter the Python loop.
        open_gain = np.where(can_open, -own, -np.inf)
        best_existing = np.where(sizes[None, :] > 0, s, -np.inf).max(axis=1) - own
        candidates = np.flatnonzero(np.maximum(best_existing, open_gain) > tol)
        if candidates.size == 0:
            break
        moved = False
        for i in rng.permutation(candidates):
            c = labels[i]
            row = s[i]
            gains = np.where(sizes > 0, row - row[c], -np.inf)
            gains[c] = -np.inf
            d = int(np.argmax(gains))
            gain = gains[d]
            if np.count_nonzero(sizes) < max_k and sizes[c] > 1 and -row[c] > gain:
                d = int(np.flatnonzero(sizes == 0)[0])
                gain = -row[c]
            if gain <= tol:
                continue
            s[:, c] -= a[:, i]
            s[:, d] += a[:, i]
            sizes[c] -= 1
            sizes[d] += 1
            labels[i] = d
            moved = True
        if not moved:
            break
        moved_any = True
    return _compact(labels), moved_any


def _local_search(
    a: np.ndarray, labels: np.ndarray, max_k: int, rng: np.random.Generator, tol: float
) -> np.ndarray:
    labels, _ = _merge(a, labels, max_k, tol)
    while True:
        labels, _ = _relocate(a, labels, max_k, rng, tol)
        labels, merged = _merge(a, labels, max_k, tol)
        if not merged:
            return labels


def _kmeans(
    x: np.ndarray, k: int, rng: np.random.Generator, n_init: int = 4, max_iter: int = 100
) -> np.ndarray:
    """Seeded Lloyd k-means with k-means++ seeding; the best of ``n_init`` runs."""
    n = x.shape[0]
    best_labels, best_inertia = np.zeros(n, dtype=np.int64), np.inf
    for _ in range(n_init):
        centers = np.empty((k, x.shape[1]))
        centers[0] = x[rng.integers(n)]
        d2 = ((x - centers[0]) ** 2).sum(axis=1)
        for c in range(1, k):
            total = d2.sum()
            pick = rng.choice(n, p=d2 / total) if total > 0 else rng.integers(n)
            centers[c] = x[pick]
            d2 = np.minimum(d2, ((x - centers[c]) ** 2).sum(axis=1))
        labels = np.full(n, -1)
        for _ in range(max_iter):
            dist = ((x[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
            new = dist.argmin(axis=1)
            if np.array_equal(new, labels):
                break
            labels = new
            for c in range(k):
                members = labels == c
                if members.any():
                    centers[c] = x[members].mean(axis=0)
                else:  # an empty cluster restarts at the worst-served point
                    centers[c] = x[dist.min(axis=1).argmax()]
        inertia = float(((x - centers[labels]) ** 2).sum())
        if inertia < best_inertia - 1e-12:
            best_labels, best_inertia = labels.copy(), inertia
    return best_labels


def _spectral_starts(a: np.ndarray, max_k: int, rng: np.random.Generator) -> list[np.ndarray]:
    n = a.shape[0]
    laplacian = np.diag(np.abs(a).sum(axis=1)) - a
    _, vectors = np.linalg.eigh(laplacian)  # eigenvalues ascending
    starts = []
    for k in range(2, min(max_k, n) + 1):
        starts.append(_kmeans(vectors[:, : k - 1], k, rng))
    return starts


@functools.lru_cache(maxsize=16)
def _set_partitions(n: int) -> np.ndarray:
    """Every partition of n items as restricted growth strings (one row each), Bell(n) rows."""
    rows = [[0]]
    for _ in range(n - 1):
        rows = [r + [b] for r in rows for b in range(max(r) + 2)]
    return np.array(rows, dtype=np.int64)


def _exact_partition(a: np.ndarray, max_blocs: int) -> np.ndarray:
    """The partition of least frustration (ties: fewer blocs, then enumeration order)."""
    every = _set_partitions(a.shape[0])
    n_blocs = every.max(axis=1) + 1
    every, n_blocs = every[n_blocs <= max_blocs], n_blocs[n_blocs <= max_blocs]
    same = every[:, :, None] == every[:, None, :]
    cost = 0.5 * np.where(same, np.maximum(-a, 0.0), np.maximum(a, 0.0)).sum(axis=(1, 2))
    tol = _TOL * max(1.0, float(np.abs(a).max()))
    near_best = np.flatnonzero(cost <= cost.min() + tol)
    return every[near_best[np.argmin(n_blocs[near_best])]].copy()


def partition_matrix(
    a: np.ndarray, *, max_blocs: int, seed: int = 0, exact_max_nodes: int = EXACT_MAX_NODES
) -> np.ndarray:
    """Best partition found for one connected signed adjacency matrix (symmetric, zero diagonal).

    Components of at most ``exact_max_nodes`` nodes are solved exactly by trying every
    partition (Bell(8) = 4140 of them); larger ones by the local search from several starts.
    Returns bloc labels 0..K-1 (K ≤ ``max_blocs``) in an arbitrary order.
    """
    n = a.shape[0]
    if n <= 1:
        return np.zeros(n, dtype=np.int64)
    if n <= exact_max_nodes:
        return _exact_partition(a, max_blocs)
    rng = np.random.default_rng(seed)
    tol = _TOL * max(1.0, float(np.abs(a).max()))
    starts = [np.arange(n), np.zeros(n, dtype=np.int64)]
    starts += _spectral_starts(a, max_blocs, rng)
    best = _local_search(a, starts[0], max_blocs, rng, tol)
    best_cost, best_k = _matrix_frustration(a, best), int(best.max()) + 1
    for start in starts[1:]:
        labels = _local_search(a, start, max_blocs, rng, tol)
        cost, k = _matrix_frustration(a, labels), int(labels.max()) + 1
        # Strictly better, or as good with fewer blocs; otherwise the earlier start stays.
        if cost < best_cost - tol or (cost <= best_cost + tol and k < best_k):
            best, best_cost, best_k = labels, cost, k
    for _ in range(KICKS):
        kicked = best.copy()
        chosen = rng.choice(n, size=max(2, n // 10), replace=False)
        kicked[chosen] = rng.integers(max_blocs, size=len(chosen))
        labels = _local_search(a, kicked, max_blocs, rng, tol)
        cost, k = _matrix_frustration(a, labels), int(labels.max()) + 1
        if cost < best_cost - tol or (cost <= best_cost + tol and k < best_k):
            best, best_cost, best_k = labels, cost, k
    return best


def partition_components(
    signed: SignedEdges, *, max_blocs: int, seed: int = 0
) -> list[tuple[list[int], np.ndarray]]:
    """Partition each connected component of ``signed``: (node indexes, local labels) pairs."""
    if max_blocs < 1:
        raise ConfigError(f"find_blocs: max_blocs must be at least 1, got {max_blocs}")
    n = len(signed.nodes)
    ends = np.array([(i, j) for i, j, _ in signed.edges], dtype=np.int64).reshape(-1, 2)
    weights = np.array([w for _, _, w in signed.edges], dtype=float)
    out = []
    position = np.full(n, -1, dtype=np.int64)
    component = np.full(n, -1, dtype=np.int64)
    comps = signed.components()
    for c, members in enumerate(comps):
        position[members] = np.arange(len(members))
        component[members] = c
    edge_comp = component[ends[:, 0]] if len(ends) else np.zeros(0, dtype=np.int64)
    for c, members in enumerate(comps):
        mask = edge_comp == c
        i, j = position[ends[mask, 0]], position[ends[mask, 1]]
        a = np.zeros((len(members), len(members)))
        np.add.at(a, (i, j), weights[mask])
        a = a + a.T
        out.append((members, partition_matrix(a, max_blocs=max_blocs, seed=seed)))
    return out


def allied_groups(bloc: list[int], edges: Iterable[tuple[int, int, float]]) -> list[list[int]]:
    """The groups of ``bloc`` that its positive ties connect (each sorted, by first member)."""
    inside = set(bloc)
    friends: dict[int, list[int]] = {i: [] for i in bloc}
    for i, j, w in edges:
        if w > 0 and i in inside and j in inside:
            friends[i].append(j)
            friends[j].append(i)
    seen: set[int] = set()
    out = []
    for start in sorted(bloc):
        if start in seen:
            continue
        group, stack = [], [start]
        seen.add(start)
        while stack:
            node = stack.pop()
            group.append(node)
            for other in friends[node]:
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        out.append(sorted(group))
    return out


def find_blocs(graph: nx.Graph, *, max_blocs: int = 8, seed: int = 0) -> BlocPartition:
    """Split the actors of a signed graph into blocs that minimise weighted frustration.

    ``max_blocs`` caps the number of blocs in each connected component of the signed
    edges; actors without signed edges are blocs of their own. The same graph and seed
    always give the same partition. See the module docstring for the method.
    """
    signed = signed_edges(graph)
    groups: list[list[int]] = []
    for members, local in partition_components(signed, max_blocs=max_blocs, seed=seed):
        found = [
            [members[p] for p in np.flatnonzero(local == bloc)]
            for bloc in range(int(local.max()) + 1 if len(members) else 0)
        ]
        allied = [part for bloc in found for part in allied_groups(bloc, signed.edges)]
        groups.extend(allied if len(allied) <= max_blocs else found)
    # Members are node indexes in key order, so the smallest index is the smallest key.
    groups.sort(key=lambda g: (-len(g), min(g)))
    labels = np.empty(len(signed.nodes), dtype=np.int64)
    for bloc, group in enumerate(groups):
        labels[group] = bloc
    return BlocPartition(
        labels={node: int(labels[i]) for i, node in enumerate(signed.nodes)},
        frustration=frustration_of(signed.edges, labels),
        n_blocs=len(groups),
        method=METHOD,
    )
