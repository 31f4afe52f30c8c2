from datetime import date

from streams import ev, stream_store

from bedfellows.network import strange_bedfellows


def _stream():
    return [
        # Long-run: the US and Iran are hostile, twelve hostile acts in 2010-2012.
        *(
            ev("USA>IRN" if i % 2 else "IRN>USA", f"{2010 + i // 4}-{i % 4 * 3 + 1:02d}-01", 4)
            for i in range(12)
        ),
        # June 2014: both fight ISIS; Iran and Iraq cooperate; the US and Iran
        # only talk about cooperating (hypothetical), against ISIS.
        ev("IRN>ISI", "2014-06-02", 4, event_id="f1"),
        ev("IRQ>ISI", "2014-06-03", 4, event_id="f2"),
        ev("IRN+IRQ", "2014-06-04", 2, against=("ISI",), event_id="p1"),
        ev("USA>IRN", "2014-06-05", 1, modality="hypothetical", against=("ISI",), event_id="t1"),
        ev("IRN>USA", "2014-06-08", 1, modality="hypothetical", event_id="t2"),
        ev("USA>IRN", "2014-06-06", 2, modality="negated", event_id="n1"),
        # Friends who share no enemy are not listed.
        ev("FRA>DEU", "2014-06-07", 2),
    ]


def test_strange_and_ordinary_bedfellows_with_their_evidence():
    s = stream_store(_stream())
    out = strange_bedfellows(s, start=date(2014, 6, 1), end=date(2014, 6, 30))
    pairs = {(r["a"], r["b"]): r for r in out.to_dicts()}
    assert set(pairs) == {("IRN", "USA"), ("IRN", "IRQ")}
    us_iran = pairs[("IRN", "USA")]
    assert us_iran["strange"] and us_iran["relation"] == "hostile"
    assert us_iran["cooperation"] == "discussed" and us_iran["enemies"] == ["IMGMUSISI"]
    assert us_iran["event_ids"] == [] and us_iran["discussed_event_ids"] == ["t1", "t2"]  # not n1
    assert us_iran["p_value"] < 0.05  # two cooperative links against a 1-in-14 long-run share
    assert "t1" in us_iran["enemy_event_ids"] and "f1" in us_iran["enemy_event_ids"]
    assert len(us_iran["hostile_event_ids"]) == 12
    iran_iraq = pairs[("IRN", "IRQ")]
    assert not iran_iraq["strange"] and iran_iraq["cooperation"] == "cooperating"
    assert iran_iraq["enemies"] == ["IMGMUSISI"] and iran_iraq["event_ids"] == ["p1"]
    assert iran_iraq["discussed_event_ids"] == []
    assert out["a"].to_list()[0] == "IRN" and out["strange"].to_list() == [True, False]
    only = strange_bedfellows(s, start=date(2014, 6, 1), end=date(2014, 6, 30), strange_only=True)
    assert only.height == 1
    s.close()


def test_no_common_enemy_no_bedfellows():
    stream = [e for e in _stream() if e.event_id not in {"f2", "p1", "t1"}]
    s = stream_store(stream + [ev("IRN>IRQ", "2014-06-04", 2)])
    out = strange_bedfellows(s, start=date(2014, 6, 1), end=date(2014, 6, 30))
    assert out.height == 0
    s.close()


def test_whole_period_when_no_window():
    s = stream_store(_stream())
    out = strange_bedfellows(s)
    # Over all time the US-Iran conflict also sits in the "window", so the pair
    # is hostile there and only discusses cooperation: still listed, as strange.
    row = out.filter((out["a"] == "IRN") & (out["b"] == "USA")).row(0, named=True)
    assert row["strange"] and row["cooperation"] == "discussed"
    s.close()


def test_one_cooperative_link_of_a_hostile_pair_is_within_its_usual_noise():
    stream = [e for e in _stream() if e.event_id != "t2"]
    s = stream_store(stream)
    window = {"start": date(2014, 6, 1), "end": date(2014, 6, 30)}
    pairs = {(r["a"], r["b"]) for r in strange_bedfellows(s, **window).to_dicts()}
    assert ("IRN", "USA") not in pairs and ("IRN", "IRQ") in pairs
    loose = strange_bedfellows(s, **window, max_p=1.0)
    assert ("IRN", "USA") in set(zip(loose["a"], loose["b"], strict=True))
    s.close()


def test_a_loosely_dated_link_splits_between_the_window_and_the_long_run():
    # Iran and Iraq cooperate against ISIS sometime in 2014 (an undated article's
    # inferred year); in a June window that counts 30/365 inside, the rest outside.
    s = stream_store(
        [
            ev("IRN>ISI", "2014-06-02", 4),
            ev("IRQ>ISI", "2014-06-03", 4),
            ev("IRN+IRQ", "2014", 2, against=("ISI",), event_id="y1"),
        ]
    )
    june = strange_bedfellows(s, start=date(2014, 6, 1), end=date(2014, 6, 30))
    (row,) = [r for r in june.to_dicts() if (r["a"], r["b"]) == ("IRN", "IRQ")]
    assert row["cooperation"] == "cooperating" and row["event_ids"] == ["y1"]
    assert abs(row["cooperation_weight"] - 30 / 365) < 1e-9
    assert row["long_run_net"] > 0  # the other 335 days of the year count outside
    s.close()
