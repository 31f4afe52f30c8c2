"""Implicit roles: context country, location as target, reciprocal parties."""

from __future__ import annotations

from bedfellows.actors import ActorKB
from bedfellows.events.implicit import location_target, reciprocal_targets, with_context_country
from bedfellows.schema import ActorRef, Place


def _ref(text, country=None, sector=None, cameo=None, kind="unknown"):
    return ActorRef(text, 0, len(text), text, None, country, sector, cameo, kind)


def test_context_country_fills_a_bare_sector_only_when_unambiguous():
    kb = ActorKB.load()
    rebels = _ref("rebels", sector="REB", cameo="REB")
    amnesty = _ref("Amnesty International", sector="NGO", cameo="NGOHRIAMN", kind="group")
    named = _ref("Iraqi police", country="IRQ", sector="COP", cameo="IRQCOP")
    filled, kept_ngo, kept_named = with_context_country([rebels, amnesty, named], {"CIV"}, kb)
    assert (filled.country, filled.cameo, filled.basis) == ("CIV", "CIVREB", "context")
    assert kept_ngo == amnesty and kept_named == named
    assert with_context_country([rebels], {"CIV", "GHA"}, kb) == [rebels]
    assert with_context_country([rebels], set(), kb) == [rebels]


def test_a_peoples_armed_force_is_its_one_armed_group_of_the_place():
    kb = ActorKB.load()
    fighters = _ref("Kurdish fighters", sector="UAF", cameo="UAF")
    (in_syria,) = with_context_country([fighters], {"SYR"}, kb)
    assert (in_syria.actor_id, in_syria.kind, in_syria.basis) == ("ypg", "group", "context")
    assert in_syria.country == "SYR" and in_syria.text == "Kurdish fighters"
    # where the table names no single Kurdish armed group, the place's country as before
    (in_iraq,) = with_context_country([fighters], {"IRQ"}, kb)
    assert in_iraq.actor_id is None and in_iraq.country == "IRQ"
    # Kurdish civilians are no armed group
    (villagers,) = with_context_country([_ref("Kurdish villagers", sector="CVL")], {"SYR"}, kb)
    assert villagers.actor_id is None and villagers.country == "SYR"


def test_location_target_is_the_places_country():
    kb = ActorKB.load()
    place = Place("Beijing", 40, 47, "Beijing", "CHN")
    ref = location_target(place, kb)
    assert (ref.country, ref.cameo, ref.basis, ref.start) == ("CHN", "CHN", "location", 40)
    assert location_target(Place("Atlantis", 0, 8, "Atlantis", None), kb) is None
    assert location_target(None, kb) is None


def test_reciprocal_targets_for_joint_cooperation_only():
    parties = [_ref("Brazil", "BRA", cameo="BRA"), _ref("the United States", "USA", cameo="USA")]
    both = reciprocal_targets(parties, "040")
    assert [r.country for r in both] == ["BRA", "USA"]
    assert {r.basis for r in both} == {"reciprocal"}
    assert reciprocal_targets(parties, "190") == []  # fighting is not coded both ways
    assert reciprocal_targets(parties[:1], "040") == []
