"""Scoring of the ConfliBERT, CASE 2021 and IndiaPoliceEvents sets on hand-made
records and predictions, plus the shared counting helpers (no model, no ../shared)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from event_factory import make_event

from bedfellows.schema import ActorRef, Event
from benchmarks.gold import GOLD_SETS, case2021, conflibert, conflibert_ner, indiapolice
from benchmarks.scoring import (
    confusion_counts,
    detection_prf,
    prf,
    span_overlap_counts,
    span_prf,
)


def actor(text: str = "x", start: int = 0, end: int = 1, sector=None, cameo=None) -> ActorRef:
    return ActorRef(text=text, start=start, end=end, name=text, sector=sector, cameo=cameo)


def event(
    cameo: str = "190",
    plover_type: str = "ASSAULT",
    trigger=(0, 1),
    sources=(),
    targets=(),
    confidence: float = 0.5,
) -> Event:
    return make_event(
        cameo=cameo,
        plover_type=plover_type,
        trigger=trigger,
        sources=sources,
        targets=targets,
        confidence=confidence,
        quad_class=4,
    )


# -- counting helpers ----------------------------------------------------------------


def test_prf_from_counts_and_zero_division():
    assert prf(2, 2, 0) == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": pytest.approx(2 / 3),
        "tp": 2,
        "fp": 2,
        "fn": 0,
    }
    assert prf(0, 0, 0)["f1"] == 0.0


def test_detection_prf_counts_flags():
    res = detection_prf([True, True, False, False], [True, False, True, False])
    assert (res["tp"], res["fp"], res["fn"]) == (1, 1, 1)
    assert res["f1"] == pytest.approx(0.5)
    with pytest.raises(ValueError):
        detection_prf([True], [])


def test_confusion_counts_by_gold_then_predicted():
    conf = confusion_counts(["A", "A", "B"], ["A", "NONE", "A"])
    assert conf == {"A": {"A": 1, "NONE": 1}, "B": {"A": 1}}


def test_span_overlap_counts_are_lenient_and_deduplicated():
    gold = [(0, 5), (10, 20)]
    pred = [(3, 8), (3, 8), (30, 35)]
    assert span_overlap_counts(gold, pred) == (1, 2, 1, 2)
    # touching half-open spans do not overlap
    assert span_overlap_counts([(0, 5)], [(5, 9)]) == (0, 1, 0, 1)
    res = span_prf(1, 2, 1, 2)
    assert res["precision"] == res["recall"] == res["f1"] == pytest.approx(0.5)


def test_new_sets_are_registered_with_headlines():
    for module in (conflibert, conflibert_ner, case2021, indiapolice):
        assert GOLD_SETS[module.NAME] is module
        assert module.HEADLINE


# -- ConfliBERT classes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        ("010", "0"),
        ("0214", "0"),
        ("036", "1"),
        ("057", "1"),
        ("061", "2"),
        ("0874", "2"),
        ("090", "3"),
        ("1123", "3"),
        ("130", "3"),
        ("141", "4"),
        ("163", "3"),  # reduce relations: verbal conflict (see the module docstring)
        ("150", "4"),
        ("173", "4"),
        ("204", "4"),
        ("", None),
        ("21", None),
    ],
)
def test_conflibert_penta_class_of_cameo_roots(code, cls):
    assert conflibert.penta_class(code) == cls


def test_conflibert_gdelt_bounds_put_reduced_relations_in_material_conflict():
    assert conflibert.penta_class("163", conflibert.GDELT_BOUNDS) == "4"
    assert conflibert.penta_class("130", conflibert.GDELT_BOUNDS) == "3"


def test_conflibert_parse_and_score():
    records = conflibert.parse("We met them.\t1\nThey bombed it.\t4\nNothing here.\t0\n")
    assert [r.events[0].label for r in records] == ["1", "4", "0"]
    preds = {
        records[0].record_id: [event("042", confidence=0.9), event("190", confidence=0.2)],
        records[1].record_id: [event("036", confidence=0.4), event("190", confidence=0.8)],
    }
    res = conflibert.score(records, preds)
    m = res["metrics"]
    assert m["class_accuracy"] == pytest.approx(2 / 3)
    assert m["coverage"] == pytest.approx(2 / 3)
    assert m["class_accuracy_covered"] == pytest.approx(1.0)
    assert res["confusion"]["0"] == {"NONE": 1}
    assert m["class_macro_f1"] == pytest.approx((1 + 1 + 0 + 0 + 0) / 5)


def test_conflibert_parse_rejects_bad_labels():
    with pytest.raises(ValueError):
        conflibert.parse("A sentence.\t7\n")


# -- ConfliBERT actor spans -----------------------------------------------------------


def test_conflibert_ner_detokenize_and_bio():
    tokens = ["The", "EU", "’", "s", "pro", "-", "Kyiv", "envoy", "(", "Ms", "X", ")", "said", "."]
    text, offs = conflibert_ner.detokenize(tokens)
    assert text == "The EU’s pro-Kyiv envoy (Ms X) said."
    assert all(text[s:e] == t for t, (s, e) in zip(tokens, offs, strict=True))
    assert conflibert_ner.bio_spans(["B-S", "I-S", "O", "I-T", "B-R", "B-R"]) == [
        ("S", 0, 2),
        ("T", 3, 4),
        ("R", 4, 5),
        ("R", 5, 6),
    ]


def test_conflibert_ner_score_roles_and_reciprocal():
    conll = "Iran B-R\nand O\nIraq B-R\nmet O\nTurkey B-T\n. O\n\nThe B-S\narmy I-S\nleft O\n"
    recs = conflibert_ner.parse(conll)
    assert recs[0].text == "Iran and Iraq met Turkey."
    # first sentence: Iran (0-4) source, Turkey (18-24) target; Iraq not found
    preds = {
        recs[0].record_id: [
            event(sources=[actor(start=0, end=4)], targets=[actor(start=18, end=24)])
        ],
        recs[1].record_id: [
            event(sources=[actor(start=4, end=8)], targets=[actor(start=0, end=3)])
        ],
    }
    m = conflibert_ner.score(recs, preds)["metrics"]
    # sources: gold Iran, Iraq (R) + "The army"; predicted Iran, "army" → P 2/2, R 2/3
    assert m["source_span_precision"] == pytest.approx(1.0)
    assert m["source_span_recall"] == pytest.approx(2 / 3)
    # targets: gold Iran, Iraq, Turkey; predicted Turkey and "The" (a false target)
    assert m["target_span_precision"] == pytest.approx(0.5)
    assert m["target_span_recall"] == pytest.approx(1 / 3)
    assert m["reciprocal_span_recall"] == pytest.approx(0.5)


# -- CASE 2021 -------------------------------------------------------------------------


def test_case2021_crosswalk_targets_are_plover_types():
    plover_types = {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
    assert {v for v in case2021.ACLED_TO_PLOVER.values() if v} <= plover_types
    assert set(case2021.ACLED_TO_PLOVER) >= case2021.NON_EVENT_TYPES


def test_case2021_parse_and_score():
    tsv = "id\tEventSnippet\tSubType\n1\tA\tARMED_CLASH\n3\tB\tARREST\n5\tC\tNATURAL_DISASTER\n"
    types = [k for k, v in case2021.ACLED_TO_PLOVER.items() if k != "NATURAL_DISASTER"]
    recs = case2021.parse(tsv, types)
    assert [r.events[0].label for r in recs] == ["ASSAULT", "COERCE", ""]
    preds = {
        "case1": [event("190", "ASSAULT", confidence=0.6), event("010", "", confidence=0.9)],
        "case3": [event("190", "ASSAULT")],
        "case5": [event("190", "ASSAULT")],
    }
    res = case2021.score(recs, preds)
    assert res["metrics"]["coder_plover_type_accuracy"] == pytest.approx(0.5)
    # Three snippets, three folds: each model is trained on two snippets of
    # two different types, and "A"/"B" appear once each (below the feature
    # minimum), so only the shared event features decide.
    assert 0.0 <= res["metrics"]["plover_type_accuracy"] <= 1.0
    assert res["counts"]["excluded_records"] == 1
    assert res["metrics"]["disaster_snippets_with_events"] == 1.0
    assert res["per_subtype"]["ARREST"] == {"accuracy": 0.0, "n": 1}


def _case_tsv(texts_and_types) -> str:
    rows = [f"{2 * i + 1}\t{text}\t{kind}" for i, (text, kind) in enumerate(texts_and_types)]
    return "id\tEventSnippet\tSubType\n" + "\n".join(rows) + "\n"


def test_case2021_model_never_predicts_a_snippet_it_was_trained_on():
    # Snippets 0 and 5 are the only arrests and share fold 0 (i mod 5): the
    # model that predicts them never saw an arrest, so it cannot answer ARREST,
    # although their words give them away to a model trained on everything.
    snippets = [("militia clash with army", "ARMED_CLASH")] * 10
    snippets[0] = snippets[5] = ("police detained the activists", "ARREST")
    recs = case2021.parse(_case_tsv(snippets), list(case2021.ACLED_TO_PLOVER))
    preds = {r.record_id: [] for r in recs}
    out = case2021.cross_validated_types(recs, preds)
    assert set(out) == {r.record_id for r in recs}
    assert out[recs[0].record_id] == out[recs[5].record_id] == "ARMED_CLASH"
    assert all(out[r.record_id] == "ARMED_CLASH" for r in recs)
    # Trained on all of them, the same words are recognised.
    model = case2021.acled_type.train(
        [(case2021.lede.features(r.text, []), r.category) for r in recs]
    )
    assert model.classify(recs[0].text, []).subtype == "ARREST"


def test_case2021_model_scores_cross_validated_types_through_the_crosswalk():
    snippets = [("protesters marched peacefully downtown", "PEACE_PROTEST")] * 5
    snippets += [("police detained the activists", "ARREST")] * 5
    recs = case2021.parse(_case_tsv(snippets), list(case2021.ACLED_TO_PLOVER))
    res = case2021.score(recs, {r.record_id: [] for r in recs})
    assert res["metrics"]["plover_type_accuracy"] == 1.0
    assert res["metrics"]["acled_subtype_accuracy"] == 1.0
    assert res["metrics"]["coder_plover_type_accuracy"] == 0.0  # no events coded
    assert res["confusion"] == {"COERCE": {"COERCE": 5}, "PROTEST": {"PROTEST": 5}}


def test_case2021_parse_rejects_unknown_type():
    with pytest.raises(ValueError):
        case2021.parse("id\tEventSnippet\tSubType\n1\tA\tNOT_A_TYPE\n", [])


# -- IndiaPoliceEvents ------------------------------------------------------------------


def _ipe_records():
    doc = "police arrested two men. a mob burnt a shop. police fired in the air."
    docs = [{"doc_id": 7, "doc_text": doc}]
    sents = [
        {"doc_id": 7, "sent_id": i, "sent_text": t, "sent_labels": labs}
        for i, (t, labs) in enumerate(
            [
                ("police arrested two men.", ["ARREST", "ANY_ACTION"]),
                ("a mob burnt a shop.", []),
                ("police fired in the air.", ["FORCE"]),
            ]
        )
    ]
    return indiapolice.build(docs, sents, [{"doc_id": 7, "date": "2002-03-04"}]), doc


def test_indiapolice_build_places_sentences():
    (rec,), doc = _ipe_records()
    assert rec.published == date(2002, 3, 4)
    assert [doc[s:e] for s, e, _ in rec.sentences][1] == "a mob burnt a shop."
    with pytest.raises(ValueError):
        indiapolice.build(
            [{"doc_id": 1, "doc_text": "abc"}],
            [{"doc_id": 1, "sent_id": 0, "sent_text": "xyz", "sent_labels": []}],
            [],
        )


def test_indiapolice_score_police_and_any_source():
    (rec,), doc = _ipe_records()
    cop = actor("police", sector="COP", cameo="COP")
    mob = actor("a mob", sector="CVL", cameo="CVL")
    at = doc.index
    preds = {
        rec.record_id: [
            event("173", "COERCE", (at("arrested"), at("arrested") + 8), sources=[cop]),
            event("180", "ASSAULT", (at("burnt"), at("burnt") + 5), sources=[mob]),
            event("190", "ASSAULT", (at("fired"), at("fired") + 5), sources=[cop]),
        ]
    }
    m = indiapolice.score([rec], preds)["metrics"]
    assert m["arrest_f1"] == pytest.approx(1.0)
    assert m["kill_force_precision"] == pytest.approx(1.0)
    assert m["kill_force_recall"] == pytest.approx(1.0)
    # without the police condition the mob's arson is a false positive
    assert m["kill_force_precision_any_source"] == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("sector", "cameo", "police"),
    [
        ("COP", None, True),
        (None, "INDCOP", True),
        ("GOV", "INDGOV", False),
        (None, "COPXXX", True),
        (None, "ICOPX", False),
    ],
)
def test_indiapolice_is_police(sector, cameo, police):
    assert indiapolice.is_police(actor(sector=sector, cameo=cameo)) is police


def test_indiapolice_force_codes():
    assert indiapolice.is_kill_force(event("1753", "COERCE"))
    assert indiapolice.is_kill_force(event("186", ""))
    assert not indiapolice.is_kill_force(event("173", "COERCE"))
    assert indiapolice.is_arrest(event("173", "COERCE"))
    assert not indiapolice.is_arrest(event("172", "COERCE"))


def test_results_are_json_serialisable():
    (rec,), _ = _ipe_records()
    json.dumps(indiapolice.score([rec], {}))
    json.dumps(conflibert.score(conflibert.parse("A.\t0\n"), {}))


def test_case2021_shuffled_folds_cover_every_snippet_and_repeat():
    snippets = [("protesters marched peacefully downtown", "PEACE_PROTEST")] * 6
    snippets += [("police detained the activists", "ARREST")] * 6
    recs = case2021.parse(_case_tsv(snippets), list(case2021.ACLED_TO_PLOVER))
    preds = {r.record_id: [] for r in recs}
    first = case2021.cross_validated_types(recs, preds, shuffle_seed=3)
    assert set(first) == {r.record_id for r in recs}
    assert first == case2021.cross_validated_types(recs, preds, shuffle_seed=3)
    assert first == {r.record_id: r.category for r in recs}  # separable: all right
