from datetime import date

from streams import ev, stream_store

from bedfellows.network import strange_bedfellows


def _stream():
    return [
        # Long-run: the US and Iran are hostile.
        ev("USA>IRN", "2010-03-01", 4),
        ev("IRN>USA", "2011-03-01", 3),
        ev("USA>IRN", "2012-03-01", 4),
        # June 2014: both fight ISIS; Iran and Iraq cooperate; the US and Iran
        # only talk about cooperating (hypothetical), against ISIS.
        ev("IRN>ISI", "2014-06-02", 4, event_id="f1"),
        ev("IRQ>ISI", "2014-06-03", 4, event_id="f2"),
        ev("IRN+IRQ", "2014-06-04", 2, against=("ISI",), event_id="p1"),
        ev("USA>IRN", "2014-06-05", 1, modality="hypothetical", against=("ISI",), event_id="t1"),
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
    assert us_iran["event_ids"] == [] and us_iran["discussed_event_ids"] == ["t1"]  # not n1
    assert "t1" in us_iran["enemy_event_ids"] and "f1" in us_iran["enemy_event_ids"]
    assert len(us_iran["hostile_event_ids"]) == 3
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
