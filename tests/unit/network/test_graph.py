import json
from datetime import date

import networkx as nx
import pytest
from streams import ev, stream_store

from bedfellows.errors import ConfigError
from bedfellows.network import network_series, signed_network, write_graph


@pytest.fixture
def store():
    s = stream_store(
        [
            ev("IRN>IRQ", "2014-01-10", 2, event_id="c1"),
            ev("IRQ>IRN", "2014-02-10", 1, event_id="c2"),
            ev("USA>IRN", "2014-01-05", 4, event_id="h1"),
            ev("USA>IRN", "2015-01-05", 4, event_id="h2"),
            ev("USA>IRN", "2015-01-06", 2, confidence=0.5, event_id="c3"),
        ]
    )
    yield s
    s.close()


def test_edges_are_signed_net_cooperation_with_evidence(store):
    g = signed_network(store)
    assert g["IRN"]["IRQ"]["weight"] == 2.0
    usa = g["IRN"]["USA"]
    assert usa["weight"] == pytest.approx(-1.5)
    assert (usa["cooperation"], usa["conflict"], usa["n_events"]) == (0.5, 2.0, 3)
    assert sorted(usa["event_ids"]) == ["c3", "h1", "h2"]
    assert g.graph["level"] == "country"


def test_window_and_goldstein_measure(store):
    g = signed_network(store, start=date(2015, 1, 1), end=date(2015, 12, 31))
    assert sorted(g.edges) == [("IRN", "USA")]
    g = signed_network(store, measure="goldstein")
    assert g["IRN"]["IRQ"]["weight"] == pytest.approx((7.0 + 3.0) / 10)
    with pytest.raises(ConfigError):
        signed_network(store, measure="vibes")


def test_decay_halves_an_event_one_half_life_old(store):
    g = signed_network(store, end=date(2015, 1, 5), half_life_days=365)
    # h1 is 365 days old at the window's end: half weight; h2 full; c3 is after the end.
    assert g["IRN"]["USA"]["conflict"] == pytest.approx(1.5)
    with pytest.raises(ConfigError, match="half-life"):
        signed_network(store, half_life_days=0)


def test_monthly_network_series(store):
    graphs = network_series(store, freq="month")
    assert sorted(graphs) == [date(2014, 1, 1), date(2014, 2, 1), date(2015, 1, 1)]
    jan = graphs[date(2014, 1, 1)]
    assert sorted(jan.edges) == [("IRN", "IRQ"), ("IRN", "USA")]
    assert jan.graph["end"] == date(2014, 1, 31)
    assert graphs[date(2015, 1, 1)]["IRN"]["USA"]["weight"] == pytest.approx(-0.5)


def test_exports_round_trip(store, tmp_path):
    g = signed_network(store)
    write_graph(g, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back["IRN"]["USA"]["weight"] == pytest.approx(-1.5)
    assert sorted(back["IRN"]["USA"]["event_ids"].split()) == ["c3", "h1", "h2"]
    write_graph(g, tmp_path / "g.gexf")
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == 2
    write_graph(g, tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text())
    edge = next(e for e in data["edges"] if {e["source"], e["target"]} == {"IRN", "USA"})
    assert sorted(edge["event_ids"]) == ["c3", "h1", "h2"]
    assert {n["id"]: n["label"] for n in data["nodes"]}["USA"] == "United States"
    with pytest.raises(ConfigError, match="format"):
        write_graph(g, tmp_path / "g.png")
