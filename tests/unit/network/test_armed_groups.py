"""Armed groups are their own nodes; ``roll_up="patrons"`` folds them into their patrons."""

from datetime import date

import pytest
from streams import ev, stream_store

from bedfellows.actors.armed import ArmedGroup, PatronSpell
from bedfellows.errors import ConfigError
from bedfellows.network import LinkOptions, dyad_series, signed_network, strange_bedfellows
from bedfellows.network import links as links_module


def _group(group_id: str, *patrons: PatronSpell) -> ArmedGroup:
    return ArmedGroup(
        group_id, group_id, (group_id,), ("LBN",), "MENA", "REB", "LBNREB",
        None, None, None, tuple(patrons), (), ("test",), "",
    )  # fmt: skip


@pytest.fixture
def table(monkeypatch):
    """A two-group table: one backed by IRN from 2012 to 2015, one with no patron."""
    groups = {
        "proxy_brigade": _group(
            "proxy_brigade", PatronSpell("IRN", date(2012, 1, 1), date(2015, 12, 31))
        ),
        "lone_front": _group("lone_front"),
    }
    monkeypatch.setattr(links_module, "armed_groups", lambda: groups)
    return groups


def test_a_group_is_its_own_node_not_its_country():
    s = stream_store([ev("al_shabaab@SOM>KEN", "2014-06-03", 4), ev("SOM>KEN", "2014-06-04", 1)])
    g = signed_network(s)
    assert sorted(g.nodes) == ["AL_SHABAAB", "KEN", "SOM"]
    assert g.edges["AL_SHABAAB", "KEN"]["conflict"] > 0
    assert g.edges["KEN", "SOM"]["conflict"] == 0
    assert g.nodes["AL_SHABAAB"]["label"] == "Al Shabaab"
    # sector level too; the actor level keeps knowledge-base ids
    assert "AL_SHABAAB" in signed_network(s, options=LinkOptions(level="sector")).nodes
    assert "al_shabaab" in signed_network(s, options=LinkOptions(level="actor")).nodes
    s.close()


def test_a_group_in_a_government_role_is_its_country():
    s = stream_store(
        [ev("taliban@AFG/GOV>PAK", "2023-01-05", 3), ev("taliban@AFG>USA", "2019-01-05", 4)]
    )
    g = signed_network(s)
    assert ("AFG", "PAK") in {tuple(sorted(e)) for e in g.edges}
    assert ("TALIBAN", "USA") in {tuple(sorted(e)) for e in g.edges}
    s.close()


def test_roll_up_uses_the_patron_spell_that_covers_the_event(table):
    s = stream_store(
        [
            ev("proxy_brigade@LBN>ISR", "2014-06-03", 4, event_id="in_spell"),
            ev("proxy_brigade@LBN>ISR", "2019-06-03", 4, event_id="after_spell"),
            ev("lone_front@LBN>ISR", "2014-06-03", 4, event_id="no_patron"),
        ]
    )
    rolled = signed_network(s, options=LinkOptions(roll_up="patrons"))
    assert rolled.edges["IRN", "ISR"]["event_ids"] == ["in_spell"]
    assert rolled.edges["ISR", "PROXY_BRIGADE"]["event_ids"] == ["after_spell"]
    assert "LONE_FRONT" in rolled.nodes
    apart = signed_network(s)
    assert "IRN" not in apart.nodes
    s.close()


def test_an_undated_event_takes_the_first_patron(table):
    s = stream_store([ev("proxy_brigade@LBN>ISR", None, 4)])
    rolled = signed_network(s, options=LinkOptions(roll_up="patrons"))
    assert sorted(rolled.nodes) == ["IRN", "ISR"]
    s.close()


def test_proxies_roll_up_to_the_state_named_as_backing_them(table):
    s = stream_store([ev("backed_by:IRN@IRQ>USA", "2020-01-03", 4)])
    assert sorted(signed_network(s).nodes) == ["BACKED_BY:IRN", "USA"]
    rolled = dyad_series(s, "IRN", "USA", freq="all", options=LinkOptions(roll_up="patrons"))
    forward = rolled.filter(rolled["direction"] == "IRN->USA")
    assert forward["events"].to_list() == [1]
    s.close()


def test_rolled_up_dyad_queries_and_common_enemies(table):
    s = stream_store(
        [
            ev("proxy_brigade@LBN+SYR>ISI", "2014-06-03", 2, against=("ISI",)),
            ev("IRN+SYR", "2014-06-05", 2, against=("ISI",)),
        ]
    )
    options = LinkOptions(roll_up="patrons")
    rows = strange_bedfellows(s, options=options)
    pairs = {(r["a"], r["b"]) for r in rows.iter_rows(named=True)}
    assert ("IRN", "SYR") in pairs
    s.close()


def test_unknown_roll_up_is_a_config_error():
    with pytest.raises(ConfigError, match="roll-up"):
        LinkOptions(roll_up="parents")
