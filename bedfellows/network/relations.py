"""Friends, enemies and shared enemies of the actors of a signed graph.

A friend is a neighbour over an edge of positive weight (net cooperation), an enemy one over
a negative edge (net conflict); edges of weight 0 and self-loops count as absent. Lists are
sorted by |weight| descending, then key. Shared enemies of a and b are the actors both are
hostile to, sorted by the weaker of the two hostilities (an enemy is only as "shared" as
its weaker tie), then the stronger, then key.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

from ..errors import ConfigError
from .blocs import edge_weight, signed_edges


@dataclass(frozen=True)
class ActorRelations:
    """One actor's friends, enemies, and for each other actor the enemies they share."""

    actor: str
    friends: list[str]
    enemies: list[str]
    shared_enemies: dict[str, list[str]]


def _ties(graph: nx.Graph, node: str) -> dict[str, float]:
    """Non-zero weights of the edges of ``node`` (self-loop excluded)."""
    if node not in graph:
        raise ConfigError(f"signed graph: actor {node!r} is not in the graph")
    out = {}
    for other, data in graph.adj[node].items():
        w = edge_weight(data, node, other)
        if other != node and w != 0.0:
            out[other] = w
    return out


def _ranked(ties: dict[str, float], positive: bool) -> list[str]:
    chosen = [(n, w) for n, w in ties.items() if (w > 0) == positive]
    return [n for n, _ in sorted(chosen, key=lambda nw: (-abs(nw[1]), str(nw[0])))]


def _shared(hostile_a: dict[str, float], hostile_b: dict[str, float], a: str, b: str) -> list[str]:
    common = (hostile_a.keys() & hostile_b.keys()) - {a, b}

    def key(e: str) -> tuple[float, float, str]:
        wa, wb = abs(hostile_a[e]), abs(hostile_b[e])
        return (-min(wa, wb), -max(wa, wb), str(e))

    return sorted(common, key=key)


def friends(graph: nx.Graph, node: str) -> list[str]:
    """Actors with a net cooperative (positive) tie to ``node``, strongest first.

    Raises ``ConfigError`` when ``node`` is not in the graph.
    """
    return _ranked(_ties(graph, node), positive=True)


def enemies(graph: nx.Graph, node: str) -> list[str]:
    """Actors with a net hostile (negative) tie to ``node``, strongest first.

    Raises ``ConfigError`` when ``node`` is not in the graph.
    """
    return _ranked(_ties(graph, node), positive=False)


def shared_enemies(graph: nx.Graph, a: str, b: str) -> list[str]:
    """Actors both ``a`` and ``b`` are hostile to (never ``a`` or ``b`` themselves).

    Raises ``ConfigError`` when ``a`` or ``b`` is not in the graph.
    """
    hostile_a = {n: w for n, w in _ties(graph, a).items() if w < 0}
    hostile_b = {n: w for n, w in _ties(graph, b).items() if w < 0}
    return _shared(hostile_a, hostile_b, a, b)


def actor_relations(graph: nx.Graph) -> list[ActorRelations]:
    """Friends, enemies and shared enemies of every actor, in key order.

    ``shared_enemies`` maps each other actor to the enemies both have, and holds only
    actors with at least one.
    """
    signed = signed_edges(graph)  # validates the graph and weights once
    ties: dict[str, dict[str, float]] = {n: {} for n in signed.nodes}
    for i, j, w in signed.edges:
        a, b = signed.nodes[i], signed.nodes[j]
        ties[a][b] = w
        ties[b][a] = w
    shared: dict[str, dict[str, list[str]]] = {n: {} for n in signed.nodes}
    # Hostility magnitudes as a matrix: per pair, the shared enemies and their sort keys
    # come from two rows at once (nodes are in key order, so index order breaks ties).
    nodes = signed.nodes
    hostility = np.zeros((len(nodes), len(nodes)))
    for i, j, w in signed.edges:
        if w < 0:
            hostility[i, j] = hostility[j, i] = -w
    with_enemies = np.flatnonzero(hostility.any(axis=1))
    hostile = hostility > 0
    for x, a in enumerate(with_enemies):
        rest = with_enemies[x + 1 :]
        # Number of shared enemies of a with each later actor; skip pairs with none.
        counts = (hostile[rest] & hostile[a]).sum(axis=1)
        for b in rest[counts > 0]:
            common = np.flatnonzero(hostile[a] & hostile[b])
            wa, wb = hostility[a, common], hostility[b, common]
            order = np.lexsort((common, -np.maximum(wa, wb), -np.minimum(wa, wb)))
            names = [nodes[k] for k in common[order].tolist()]
            shared[nodes[a]][nodes[b]] = names
            shared[nodes[b]][nodes[a]] = list(names)
    return [
        ActorRelations(
            actor=n,
            friends=_ranked(ties[n], positive=True),
            enemies=_ranked(ties[n], positive=False),
            shared_enemies=dict(sorted(shared[n].items())),
        )
        for n in signed.nodes
    ]
