"""Calibrated event confidence: the candidate's features, the probability bounds,
the parse features of a trigger, and the packaged model on coded text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bedfellows.events import confidence
from bedfellows.schema import ActorRef, Event, Modality


def event(pattern: str = "verb:attack", **kw) -> Event:
    base = Event(
        event_id="e1",
        article_id="a",
        sentence_index=0,
        sentence="",
        sentence_start=0,
        sources=(),
        targets=(),
        trigger="attacked",
        trigger_start=20,
        trigger_end=28,
        cameo_code="190",
        cameo_root="19",
        quad_class=4,
        goldstein=-10.0,
        plover_type="ASSAULT",
        confidence=0.7,
        pattern=pattern,
    )
    return replace(base, **kw)


def actor(start: int, end: int, basis: str = "text", country: str | None = "IRN") -> ActorRef:
    return ActorRef(
        text="x", start=start, end=end, name="", country=country, kind="country", basis=basis
    )


def test_rule_kind_tells_a_bare_verb_from_a_pattern():
    assert "rule=verb_default" in confidence.features(event("verb:attack"))
    pattern = confidence.features(event("verb:sign:&TREATY"))
    assert "rule=verb" in pattern and "parts=1" in pattern
    assert "rule=noun" in confidence.features(event("noun:attack"))


def test_actor_features_say_basis_country_and_distance():
    near = event(sources=(actor(0, 18),), targets=(actor(40, 45, basis="context", country=None),))
    feats = confidence.features(near)
    assert {"src=text:country", "src_country=True", "tgt=context:country"} <= feats
    assert "tgt_country=False" in feats
    assert "dist=1" in feats  # 2 characters between source and trigger
    far = confidence.features(event(sources=(actor(300, 310),)))
    assert "dist=4" in far
    assert "src=none" in confidence.features(event()) and "tgt=none" in confidence.features(event())


def test_modality_crowding_and_lede_are_features():
    feats = confidence.features(event(modality=Modality.NEGATED, sentence_index=3), in_sentence=6)
    assert {"mod=negated", "lede=False", "crowd=4"} <= feats
    assert "lede=True" in confidence.features(event())


def test_calibrate_sets_a_probability_within_bounds():
    model = confidence.train(
        [(frozenset({"rule=verb", "good"}), True)] * 6
        + [(frozenset({"rule=noun", "bad"}), False)] * 6
    )
    events = [event("verb:sign:&TREATY"), event("noun:attack", event_id="e2", trigger_start=50)]
    parses = {confidence.trigger_key(events[0]): frozenset({"good"})}
    out = confidence.calibrate(events, parses, model)
    assert [e.event_id for e in out] == ["e1", "e2"]
    assert all(confidence.FLOOR <= e.confidence <= confidence.CEILING for e in out)
    assert out[0].confidence > 0.5 > out[1].confidence
    assert all(round(e.confidence, 2) == e.confidence for e in out)


@pytest.mark.usefixtures("pipeline")
def test_token_features_read_the_trigger_in_the_parse(pipeline):
    doc = pipeline.nlp("Rebels attacked the convoy near the border.")
    ev = event(trigger_start=7 + 100, trigger_end=15 + 100)  # paragraph at offset 100
    feats = confidence.token_features(doc, 100, [ev])[confidence.trigger_key(ev)]
    assert {"pos=VERB", "dep=ROOT", "has_subject", "has_object"} <= feats
    outside = event(trigger_start=5000, trigger_end=5008)
    assert confidence.token_features(doc, 100, [outside]) == {}


def test_packaged_model_gives_coded_events_calibrated_confidences(code_text):
    _, events = code_text("Iranian forces attacked Iraqi Kurdish positions on Monday.")
    assert events
    assert all(confidence.FLOOR <= e.confidence <= confidence.CEILING for e in events)
    model = confidence.load_model()
    assert set(model.classes) == {confidence.RIGHT, confidence.WRONG}
