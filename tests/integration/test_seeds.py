"""Acceptance on the seed articles: the events analysts expect, none from comments."""

from __future__ import annotations

import pytest

from bedfellows.ingest import read_articles

pytestmark = pytest.mark.slow


def countries(actors) -> set[str]:
    return {a.country for a in actors if a.country}


@pytest.fixture(scope="module")
def seeds(shared, pipeline):
    arts = [a for a in read_articles([str(shared / "seeds")]) if not isinstance(a, Exception)]
    assert len(arts) == 2
    coded = dict(
        (art.source_path.rsplit("/", 1)[-1], (art, events))
        for art, events in pipeline.code_articles(arts)
    )
    return coded


@pytest.fixture(scope="module")
def pact(seeds):
    return seeds["iran-iraq-pact.txt"]


@pytest.fixture(scope="module")
def partnership(seeds):
    return seeds["us-iran-partnership.txt"]


def test_seed_defence_agreement_between_iran_and_iraq(pact):
    _, events = pact
    agree = [
        e
        for e in events
        if e.plover_type == "AGREE"
        and e.cameo_root == "05"
        and {"IRN", "IRQ"} <= countries(e.sources) | countries(e.targets)
    ]
    assert agree, "no Iran–Iraq AGREE/05x event"
    assert any(e.place and "Tehran" in e.place.name for e in agree)


def test_seed_us_threat_to_iran_north_korea_syria(pact):
    _, events = pact
    threats = [e for e in events if e.plover_type == "THREATEN" and e.cameo_root == "13"]
    assert any(
        "USA" in countries(e.sources) and {"IRN", "PRK", "SYR"} <= countries(e.targets)
        for e in threats
    )


def test_seed_iran_sends_forces_to_support_iraq(partnership):
    _, events = partnership
    assert any(
        "IRN" in countries(e.sources)
        and "IRQ" in countries(e.targets)
        and e.quad_class == 2
        and e.modality == "asserted"
        for e in events
    )


def test_seed_pentagon_rules_out_coordination_with_iran(partnership):
    _, events = partnership
    usa_irn_coop = [
        e
        for e in events
        if "USA" in countries(e.sources)
        and "IRN" in countries(e.targets)
        and e.quad_class in (1, 2)
    ]
    assert any(e.modality == "negated" and e.cameo_root == "06" for e in usa_irn_coop)
    assert not [
        e for e in usa_irn_coop if e.modality == "asserted" and e.plover_type == "COOPERATE"
    ]


def test_seed_us_iran_cooperation_is_hypothetical(partnership):
    _, events = partnership
    assert any(
        {"USA", "IRN"} <= countries(e.sources) | countries(e.targets)
        and e.modality == "hypothetical"
        for e in events
    )


def test_seed_no_events_from_comments_or_boilerplate(seeds):
    for art, events in seeds.values():
        for e in events:
            assert not e.is_comment
            assert art.body[e.sentence_start : e.sentence_start + len(e.sentence)] == e.sentence
            for comment in art.comments:
                assert e.sentence not in comment.text
            for block in art.boilerplate:
                assert e.sentence not in block


def test_seed_undated_articles_give_undated_events(seeds):
    for art, events in seeds.values():
        assert art.published is None
        assert events
        for e in events:
            # No date of their own: the article's inferred window (test_dating_seeds.py).
            assert e.date.basis == "inferred" and e.date.start is not None


def test_seed_spans_point_at_evidence(seeds):
    for art, events in seeds.values():
        for e in events:
            assert art.body[e.trigger_start : e.trigger_end] == e.trigger
            for actor in (*e.sources, *e.targets):
                assert art.body[actor.start : actor.end] == actor.text


def _refs(coded):
    _art, events = coded
    return [a for e in events for a in (*e.sources, *e.targets, e.reported_by) if a is not None]


def test_seed_defence_ministers_are_government_and_military(pact):
    by_id = {a.actor_id: a for a in _refs(pact)}
    dehghan, hiyali = by_id["hossein_dehghan"], by_id["erfan_al_hiyali"]
    assert (dehghan.country, dehghan.sector, dehghan.cameo) == ("IRN", "GOV", "IRNGOVMIL")
    assert (hiyali.country, hiyali.sector, hiyali.cameo) == ("IRQ", "GOV", "IRQGOVMIL")


def test_seed_isis_names_are_one_actor(pact, partnership):
    refs = _refs(pact) + _refs(partnership)
    for alias in ("ISIS", "ISIL", "Islamic State"):
        named = {a.actor_id for a in refs if alias in a.text.split(" in ")[0]}
        assert named == {"islamic_state"}, (alias, named)


def test_seed_obama_is_the_us_government_in_the_2014_article(partnership):
    obama = [a for a in _refs(partnership) if a.actor_id == "barack_obama"]
    assert obama
    # Undated, but named "President Obama": every mention holds the office.
    assert {(a.country, a.sector) for a in obama} == {("USA", "GOV")}


def test_seed_capital_and_seat_of_power(partnership):
    by_text = {a.text: a for a in _refs(partnership)}
    assert (by_text["Tehran"].country, by_text["Tehran"].sector) == ("IRN", "GOV")
    assert (by_text["the Pentagon"].country, by_text["the Pentagon"].sector) == ("USA", "MIL")
