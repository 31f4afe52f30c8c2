import itertools

import networkx as nx
import pytest

from bedfellows.errors import ConfigError
from bedfellows.network.relations import actor_relations, enemies, friends, shared_enemies


def signed(edges, nodes=()):
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for a, b, w in edges:
        g.add_edge(a, b, weight=w)
    return g


@pytest.fixture
def region():
    # Made-up keys: two rival states (AAA, BBB), an armed group (GRP) both fight, and a
    # state (DDD) friendly with both rivals; EEE has only a zero-weight tie.
    return signed(
        [
            ("AAA", "BBB", -3.0),
            ("AAA", "GRP", -5.0),
            ("BBB", "GRP", -4.0),
            ("DDD", "GRP", -6.0),
            ("AAA", "DDD", 2.0),
            ("BBB", "DDD", 3.0),
            ("AAA", "EEE", 0.0),
        ]
    )


def test_friends_and_enemies_strongest_first(region):
    assert friends(region, "AAA") == ["DDD"]
    assert enemies(region, "AAA") == ["GRP", "BBB"]
    assert friends(region, "DDD") == ["BBB", "AAA"]
    assert enemies(region, "GRP") == ["DDD", "AAA", "BBB"]
    assert friends(region, "EEE") == [] and enemies(region, "EEE") == []


def test_shared_enemies(region):
    # Rivals with a common enemy: the strange bedfellows pattern.
    assert shared_enemies(region, "AAA", "BBB") == ["GRP"]
    assert shared_enemies(region, "BBB", "AAA") == ["GRP"]
    assert shared_enemies(region, "AAA", "DDD") == ["GRP"]
    # AAA and GRP are both hostile to BBB; neither counts itself.
    assert shared_enemies(region, "AAA", "GRP") == ["BBB"]
    assert shared_enemies(region, "AAA", "EEE") == []


def test_equal_weights_break_ties_by_key_and_shared_enemies_by_weaker_tie():
    g = signed(
        [
            ("X", "P", -5.0),
            ("Y", "P", -1.0),  # P: shared, but Y's hostility is weak
            ("X", "Q", -2.0),
            ("Y", "Q", -2.0),  # Q: both moderately hostile
            ("X", "C", 1.0),
            ("X", "B", 1.0),
        ]
    )
    assert shared_enemies(g, "X", "Y") == ["Q", "P"]
    assert friends(g, "X") == ["B", "C"]


def test_self_loops_are_ignored():
    g = signed([("A", "A", -1.0), ("A", "B", -1.0), ("B", "B", -2.0)])
    assert enemies(g, "A") == ["B"]
    assert shared_enemies(g, "A", "B") == []


def test_unknown_actor_raises(region):
    with pytest.raises(ConfigError, match="ZZZ"):
        friends(region, "ZZZ")
    with pytest.raises(ConfigError):
        shared_enemies(region, "AAA", "ZZZ")


def test_actor_relations_agree_with_the_single_queries(region):
    region.add_node("LONE")
    rel = {r.actor: r for r in actor_relations(region)}
    assert list(rel) == sorted(region.nodes)
    assert rel["AAA"].shared_enemies == {"BBB": ["GRP"], "DDD": ["GRP"], "GRP": ["BBB"]}
    assert rel["LONE"].friends == rel["LONE"].enemies == [] and rel["LONE"].shared_enemies == {}
    for a, b in itertools.permutations(region.nodes, 2):
        expected = shared_enemies(region, a, b)
        assert rel[a].shared_enemies.get(b, []) == expected
        if not expected:
            assert b not in rel[a].shared_enemies  # only non-empty entries
    for node, r in rel.items():
        assert r.friends == friends(region, node) and r.enemies == enemies(region, node)
