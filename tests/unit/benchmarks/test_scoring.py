"""Benchmark scoring on hand-made records and predictions (no model, no ../shared)."""

from __future__ import annotations

from datetime import date

import pytest
from event_factory import make_event

from bedfellows.schema import ActorRef, Event
from benchmarks.gold import common, petrarch, plover
from benchmarks.gold.common import GoldEvent, GoldRecord
from benchmarks.scoring import accuracy, macro_f1, per_class_prf, set_match, set_overlap


def actor(country: str | None, cameo: str | None = None, text: str = "x") -> ActorRef:
    return ActorRef(text=text, start=0, end=1, name=text, country=country, cameo=cameo)


def event(
    plover_type: str = "AGREE",
    cameo: str = "057",
    sources=(),
    targets=(),
    trigger=(0, 1),
    confidence: float = 0.5,
) -> Event:
    return make_event(
        cameo=cameo,
        plover_type=plover_type,
        trigger=trigger,
        sources=sources,
        targets=targets,
        confidence=confidence,
    )


# -- generic scoring ---------------------------------------------------------------


def test_scoring_accuracy_counts_equal_positions():
    assert accuracy(["A", "B", "C", "D"], ["A", "B", "X", "D"]) == pytest.approx(0.75)
    assert accuracy([], []) == 0.0
    with pytest.raises(ValueError):
        accuracy(["A"], [])


def test_scoring_macro_f1_counts_never_predicted_class_as_zero():
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", "A"]
    prf = per_class_prf(gold, pred)
    assert prf["A"]["precision"] == pytest.approx(0.5)
    assert prf["A"]["recall"] == pytest.approx(0.5)
    assert prf["B"]["precision"] == pytest.approx(0.5)
    assert prf["B"]["recall"] == pytest.approx(1.0)
    assert prf["B"]["f1"] == pytest.approx(2 / 3)
    assert prf["C"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1, "predicted": 0}
    assert macro_f1(gold, pred) == pytest.approx((0.5 + 2 / 3 + 0.0) / 3)


def test_scoring_macro_f1_averages_over_gold_labels_only():
    # "X" is predicted but never gold: it lowers A's recall, not the denominator.
    assert macro_f1(["A", "B"], ["A", "X"]) == pytest.approx(0.5)
    assert macro_f1(["A", "A"], ["A", "A"]) == pytest.approx(1.0)


def test_scoring_set_match_ignores_empty_codes():
    assert set_match(["USA", ""], {"USA"})
    assert not set_match(["USA", "IRN"], {"USA"})
    assert set_overlap(["USA", "IRN"], {"USA", "IRQ"})
    assert not set_overlap([""], {""})


# -- PLOVER ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("DEMAND", "REQUEST"),
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("FIGHT", "ASSAULT"),
        ("AGREE", "AGREE"),
        ("assault", "ASSAULT"),
    ],
)
def test_plover_label_mapping_to_current_manual(old, new):
    assert plover.map_label(old) == new


def test_plover_parse_markup_handles_nested_and_parenthesised_tags():
    plain, spans = plover.parse_markup(
        "(SRC: Zed Council (ZC)) (EVT: warned) troops (LOC: in north (TAR: Quux))."
    )
    assert plain == "Zed Council (ZC) warned troops in north Quux."
    got = {(tag, plain[s:e]) for tag, s, e in spans}
    assert got == {
        ("SRC", "Zed Council (ZC)"),
        ("EVT", "warned"),
        ("LOC", "in north Quux"),
        ("TAR", "Quux"),
    }


def test_common_map_spans_follows_edited_text():
    src = "The envoy of this state agreed to talks."
    dst = "The envoy of the state agreed to talks."
    start = src.index("agreed")
    [(s, e)] = common.map_spans([(start, start + 6)], src, dst)
    assert dst[s:e] == "agreed"


def test_plover_record_from_json_builds_undated_record_with_fixed_codes():
    row = {
        "id": "SYN-1",
        "date": "2000-01-01",
        "event": "DEMAND",
        "eventText": "urged",
        "text": "Officials of Ruritania urged Japan to act.",
        "textInfo": {"markup": "Officials of (SRC: Ruritania) (EVT: urged) (TAR: Japan) to act."},
        "source": [{"actorText": "Ruritania", "code": "RUR"}, {"actorText": "", "code": ""}],
        "target": [{"actorText": "Japan", "code": "JAP"}],
    }
    rec = plover.record_from_json(row)
    assert rec.published is None
    mentions = (("source", "Ruritania", "RUR", ""), ("target", "Japan", "JPN", ""))
    assert rec.events == (GoldEvent("REQUEST", ("RUR",), ("JPN",), mentions),)
    assert [rec.text[s:e] for s, e in rec.trigger_spans] == ["urged"]
    assert common.to_article(rec).article_id == "gold_SYN-1"
    assert common.to_article(rec).source_path == "gold:plover_gsr_dev.json:SYN-1"
    # A target given as a string or "" means "no target".
    rec2 = plover.record_from_json({**row, "target": ""})
    assert rec2.events[0].targets == ()


def test_plover_primary_event_prefers_gold_trigger_over_confidence():
    on_trigger = event("REJECT", trigger=(10, 16), confidence=0.4)
    confident = event("AGREE", trigger=(0, 5), confidence=0.9)
    assert plover.primary_event([confident, on_trigger], [(10, 16)]) is on_trigger
    assert plover.primary_event([on_trigger, confident], [(30, 35)]) is confident
    assert plover.primary_event([], [(0, 1)]) is None


def test_plover_actor_code_uses_country_then_cameo_prefix():
    assert plover.actor_code(actor("IRN", "IRNMIL")) == "IRN"
    assert plover.actor_code(actor(None, "IGOUNO")) == "IGO"
    assert plover.actor_code(actor(None, None)) is None
    assert plover.actor_code(actor(None, "GOV")) is None  # a sector is not a country


def test_petrarch_actor_code_writes_countryless_sectors_as_petrarch_does():
    assert petrarch.actor_code(actor("IRN", "IRNMIL")) == "IRNMIL"
    assert petrarch.actor_code(actor(None, "REB")) == "---REB"
    assert petrarch.actor_code(actor(None, "IGO")) == "IGO"
    assert petrarch.actor_code(actor(None, "IGOUNO")) == "IGOUNO"
    assert petrarch.actor_code(actor("USA", None)) == "USA"
    assert petrarch.actor_code(actor(None, None)) == "---"


def _plover_records():
    return [
        GoldRecord(
            "r1", "f", "s1", (GoldEvent("AGREE", ("USA",), ("IRN",)),), trigger_spans=((0, 3),)
        ),
        GoldRecord("r2", "f", "s2", (GoldEvent("REQUEST", ("IRQ",), ()),), trigger_spans=((0, 3),)),
        GoldRecord("r3", "f", "s3", (GoldEvent("ASSAULT", ("SYR",), ("IRQ",)),)),
    ]


def test_plover_score_on_hand_made_predictions():
    preds = {
        # right type and actors, plus one spurious event
        "r1": [
            event("AGREE", sources=[actor("USA")], targets=[actor("IRN")], trigger=(0, 3)),
            event("CONSULT", sources=[actor("USA")], trigger=(5, 8), confidence=0.9),
        ],
        # wrong type, right source (no gold target: not scored for target)
        "r2": [event("ACCUSE", sources=[actor("IRQ"), actor(None, "IGOUNO")])],
        # r3: only an appeal (CAMEO 02, no PLOVER type): not a PLOVER event
        "r3": [event("", cameo="020", sources=[actor("SYR")], confidence=0.95)],
    }
    res = plover.score(_plover_records(), preds)
    m = res["metrics"]
    assert m["event_type_accuracy"] == pytest.approx(1 / 3)
    assert m["coverage"] == pytest.approx(2 / 3)
    assert m["source_country_accuracy"] == pytest.approx(1 / 3)  # r2 has an extra IGO
    assert m["source_country_overlap"] == pytest.approx(2 / 3)
    assert res["counts"]["sentences_scored_target"] == 2
    assert res["counts"]["events_without_plover_type"] == 1
    assert res["counts"]["predicted_events"] == 3
    assert m["target_country_accuracy"] == pytest.approx(1 / 2)
    assert m["joint_accuracy"] == pytest.approx(1 / 3)
    assert res["rates"]["spurious_events_per_sentence"] == pytest.approx(2 / 3)
    assert res["per_type"]["ASSAULT"]["f1"] == 0.0
    assert res["per_type"]["NONE"]["predicted"] == 1
    assert m["event_type_macro_f1"] == pytest.approx(1 / 3)  # AGREE 1, REQUEST 0, ASSAULT 0
    assert res["confusion"]["REQUEST"] == {"ACCUSE": 1}
    for value in m.values():
        assert 0.0 <= value <= 1.0


# -- PETRARCH ----------------------------------------------------------------------

# A synthetic snippet in the validation file's almost-XML layout (fictional text).
PETR_SNIPPET = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
#  header comment lines with # marks
<Sentences>
<Sentence category="TEST" date="20150609" id="SYN_1" evaluate="true"/>
<EventCoding eventcode="0352" sourcecode="ARNGOV" targetcode="GON" />
<EventCoding eventcode="0352" sourcecode="GON" targetcode="ARNGOV" />
<Text>
The government of Arnor and Gondor
agreed to ease curbs on trade.
</Text>
<Parse>
1	The	the	DET	DT	_	2	det	_	_
</Parse>
</Sentence>

<Sentence category="TEST" date="20150609" id="SYN_2" evaluate="true">
<!-- Discard event on "1994" -->
<EventCoding noevents="True" />
<Text>
Nothing happened in 1994.
</Text>
<Parse>
1	Nothing	nothing	PRON	NN	_	2	nsubj	_	_
</Parse></Sentence>

<Sentence category="AFP" date="121108" id="SYN_3" evaluate="true"/>
<!-- PATTERN * TALKS   [046:046]     # HOLD-->
<EventCoding eventcode="190" sourcecode="---REB" targetcode="---" />
<Text>
</Text>
<Parse>
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	fought	fight	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_
</Parse>
</Sentence>
</Sentences>
</Validation>
"""


def test_petrarch_parse_reads_almost_xml_with_regex():
    recs = petrarch.parse(PETR_SNIPPET)
    assert [r.record_id for r in recs] == ["SYN_1", "SYN_2", "SYN_3"]
    first, second, third = recs
    assert first.text == "The government of Arnor and Gondor agreed to ease curbs on trade."
    assert first.published == date(2015, 6, 9)
    assert first.events == (
        GoldEvent("0352", ("ARNGOV",), ("GON",)),
        GoldEvent("0352", ("GON",), ("ARNGOV",)),
    )
    assert second.events == ()
    assert third.published is None  # "121108" is not a YYYYMMDD date
    assert third.text == "Rebels fought."  # empty <Text>: rebuilt from the parse
    assert third.events == (GoldEvent("190", ("---REB",), ("---",)),)
    assert common.to_article(first).published == date(2015, 6, 9)


def test_petrarch_best_match_prefers_countries_then_root():
    gold = GoldEvent("0352", ("ARNGOV",), ("GON",))
    wrong_dyad = event(cameo="0352", sources=[actor("ZZZ", "ZZZ")], confidence=0.9)
    right_dyad = event(cameo="036", sources=[actor("ARN", "ARNGOV")], targets=[actor("GON", "GON")])
    right_both = event(
        cameo="0352", sources=[actor("ARN", "ARNMIL")], targets=[actor("GON", "GON")]
    )
    best, flags = petrarch.best_match(gold, [wrong_dyad, right_dyad])
    assert best is right_dyad
    assert flags["source_country"] and flags["target_country"] and flags["source_code"]
    assert flags["root"] and not flags["code"]
    best, flags = petrarch.best_match(gold, [right_dyad, right_both])
    assert best is right_both
    assert flags["code"] and not flags["source_code"]
    assert petrarch.best_match(gold, [])[0] is None


def test_petrarch_score_counts_false_positives_and_compound_actors():
    recs = petrarch.parse(PETR_SNIPPET)
    compound = event(
        cameo="0352",
        sources=[actor("ARN", "ARNGOV"), actor("GON", "GON")],
        targets=[],
    )
    rebels = event(cameo="193", sources=[actor(None, "REB")], targets=[])
    preds = {"SYN_1": [compound], "SYN_2": [event(), event()], "SYN_3": [rebels]}
    res = petrarch.score(recs, preds)
    m, c = res["metrics"], res["counts"]
    assert c["gold_events"] == 3 and c["predicted_events"] == 4
    assert c["false_positive_events"] == 2 and m["no_event_sentences_with_events"] == 1.0
    assert m["cameo_exact_accuracy"] == pytest.approx(2 / 3)
    assert m["cameo_root_accuracy"] == pytest.approx(1.0)
    assert m["source_country_match"] == pytest.approx(1.0)
    # The compound source serves both reciprocal gold events; "REB" with no
    # country is PETRARCH's "---REB".
    assert m["source_code_match"] == pytest.approx(1.0)
    assert m["target_code_match"] == pytest.approx(1 / 3)
    assert m["target_country_match"] == pytest.approx(1 / 3)  # only SYN_3's "---"
    assert m["joint_accuracy"] == pytest.approx(1 / 3)
    for value in m.values():
        assert 0.0 <= value <= 1.0


@pytest.mark.parametrize(
    ("code", "quad"), [("036", 1), ("0352", 1), ("073", 2), ("112", 3), ("190", 4), ("xx", None)]
)
def test_petrarch_quad_class_from_root(code, quad):
    assert petrarch.quad_class(code) == quad


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20080806", date(2008, 8, 6)),
        ("2008-08-06", date(2008, 8, 6)),
        ("121108", None),
        ("20081306", None),
        ("", None),
        (None, None),
    ],
)
def test_common_parse_date_only_real_dates(value, expected):
    assert common.parse_date(value) == expected


def test_plover_score_mentions_compares_each_gold_actor_text():
    rec = plover.record_from_json(
        {
            "id": "SYN-2",
            "event": "ACCUSE",
            "text": "Ruritania accused Japan.",
            "source": [{"actorText": "Ruritania", "code": "RUR"}],
            "target": [{"actorText": "Japan", "code": "JAP"}],
        }
    )
    table = {"Ruritania": "RUR", "Japan": "CHN"}
    scored = plover.score_mentions([rec], table.get)["metrics"]
    assert scored["mention_source_country_accuracy"] == 1.0
    assert scored["mention_target_country_accuracy"] == 0.0


def test_plover_score_mentions_scores_armed_groups_when_asked():
    rec = plover.record_from_json(
        {
            "id": "SYN-3",
            "event": "ASSAULT",
            "text": "The Red Front attacked Ruritanian rebels and the Blue Brigade.",
            "source": [{"actorText": "The Red Front", "code": "RUR", "sector": "REB"}],
            "target": [
                {"actorText": "Ruritanian rebels", "code": "RUR", "sector": "REBkur"},
                {"actorText": "the Blue Brigade", "code": "IMG"},
            ],
        }
    )
    armed = {
        "The Red Front": ("RUR", True),
        "Ruritanian rebels": ("RUR", False),
        "the Blue Brigade": (None, True),
    }
    scored = plover.score_mentions([rec], lambda text: None, armed.get)
    assert scored["counts"]["armed_group_mentions"] == 3
    assert scored["metrics"]["mention_armed_group_accuracy"] == 2 / 3
    plain = plover.score_mentions([rec], lambda text: None)
    assert "mention_armed_group_accuracy" not in plain["metrics"] and not plain["counts"]


def test_petrarch_armed_codes_and_matches():
    from benchmarks.gold import petrarch

    assert petrarch.is_armed_code("PSEREBHMS") and petrarch.is_armed_code("---REB")
    assert petrarch.is_armed_code("IMGMUSISI") and not petrarch.is_armed_code("IRQMIL")
    assert petrarch.armed_match("SOMUAF", {"SOMREB"})  # an armed actor of Somalia
    assert not petrarch.armed_match("SOMREB", {"SOM", "KENMIL"})
    assert not petrarch.armed_match("IMGMUSISI", {"IMGMUSALQ"})
