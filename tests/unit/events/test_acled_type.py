"""The ACLED sub-event type model: features, deterministic training, the weight
table's round trip and the packaged model (no spaCy, no ../shared)."""

from __future__ import annotations

import numpy as np
import pytest

from bedfellows.data import read_tsv
from bedfellows.errors import DataFileError
from bedfellows.events import acled_type
from bedfellows.events.acled_type import AcledTypeModel, train
from bedfellows.events.lede import features, primary_event
from bedfellows.schema import AcledType, Event


def event(code: str, plover: str, confidence: float = 0.5) -> Event:
    return Event(
        event_id=f"e{code}{confidence}",
        article_id="a",
        sentence_index=0,
        sentence="",
        sentence_start=0,
        sources=(),
        targets=(),
        trigger="t",
        trigger_start=0,
        trigger_end=1,
        cameo_code=code,
        cameo_root=code[:2],
        quad_class=4,
        goldstein=0.0,
        plover_type=plover,
        confidence=confidence,
    )


def test_features_hold_words_pairs_and_the_coded_events():
    events = [event("010", ""), event("173", "COERCE", 0.6), event("190", "ASSAULT", 0.8)]
    feats = features("Police ARRESTED 12 protesters.", events)
    assert {"police", "arrested", "protesters", "police_arrested"} <= feats
    assert "arrested_protesters" in feats  # the number is no word, so the pair closes up
    assert {"type=COERCE", "type=ASSAULT", "root=17", "root=19"} <= feats
    assert {"primary=ASSAULT", "primary_code=190"} <= feats
    assert not any(f.startswith("type=") and f.endswith("=") for f in feats)  # 010 untyped
    assert "no_event" in features("Nothing happened.", [event("010", "")])


def test_primary_event_is_the_most_confident_typed_one_earliest_on_ties():
    first, second = event("190", "ASSAULT", 0.7), event("173", "COERCE", 0.7)
    assert primary_event([event("010", "", 0.9), first, second]) is first
    assert primary_event([event("010", "")]) is None


def _toy_samples():
    clash = ["fighters clashed with troops", "heavy clashes between troops and rebels"]
    arrest = ["police detained the activists", "police arrested two activists"]
    samples = [(features(t, [event("190", "ASSAULT")]), "ARMED_CLASH") for t in clash]
    samples += [(features(t, [event("173", "COERCE")]), "ARREST") for t in arrest]
    return samples * 3


def test_training_is_deterministic_and_learns_the_toy_types():
    a, b = train(_toy_samples()), train(_toy_samples())
    assert a.rows() == b.rows()
    assert a.types == ("ARMED_CLASH", "ARREST")
    got = a.classify("rebels clashed again", [event("190", "ASSAULT")])
    assert got.subtype == "ARMED_CLASH" and 0.5 < got.probability <= 1.0
    # The coded event alone decides a passage whose words the model never saw.
    assert a.classify("unheard words", [event("173", "COERCE")]).subtype == "ARREST"


def test_rare_features_are_left_out():
    samples = [(frozenset({"common", "once"}), "A"), (frozenset({"common"}), "B")]
    model = train(samples, min_count=2)
    assert set(model.weights) == {"common"}


def test_written_rows_rebuild_the_same_model():
    model = train(_toy_samples())
    rows = model.rows()
    assert rows[0]["feature"] == acled_type.BIAS
    assert [r["feature"] for r in rows[1:]] == sorted(model.weights)
    again = AcledTypeModel.from_rows(rows)
    feats = features("police clashed with activists", [event("173", "COERCE")])
    assert np.allclose(again.scores(feats), model.scores(feats))
    assert again.rows() == rows


@pytest.mark.parametrize(
    "rows",
    [
        [],
        [{"feature": "word", "A": "1"}],  # no bias row
        [{"feature": acled_type.BIAS, "A": "0"}, {"feature": "word", "A": "one"}],
    ],
)
def test_malformed_tables_are_refused(rows):
    with pytest.raises(DataFileError, match=acled_type.WEIGHTS_FILE):
        AcledTypeModel.from_rows(rows)


def test_packaged_model_is_a_distribution_over_the_acled_types():
    model = acled_type.load_model()
    header = read_tsv(acled_type.WEIGHTS_FILE)[0]
    assert list(model.types) == [k for k in header if k != "feature"]
    assert {"ARMED_CLASH", "AGREEMENT", "PEACE_PROTEST", "AIR_STRIKE"} <= set(model.types)
    scores = model.scores(features("", []))
    assert scores.shape == (len(model.types),) and scores.sum() == pytest.approx(1.0)
    assert isinstance(model.classify("", []), AcledType)
