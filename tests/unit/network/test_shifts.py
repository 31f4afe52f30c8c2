from datetime import date

from streams import ev, stream_store

from bedfellows.network import shifts


def _month(i: int) -> str:
    return f"{2012 + i // 12}-{i % 12 + 1:02d}-15"


def test_a_clean_shift_is_found_at_its_month_with_the_events_around_it():
    events = []
    for i in range(24):
        quad = 2 if i < 12 else 4  # friends for a year, then enemies
        events += [ev("IRN>IRQ", _month(i), quad), ev("IRQ>IRN", _month(i), quad)]
        events.append(ev("USA>GBR", _month(i), 1))  # steady: no shift
    s = stream_store(events)
    out = shifts(s, freq="month")
    assert out.height == 1
    row = out.row(0, named=True)
    assert (row["a"], row["b"]) == ("IRN", "IRQ")
    assert row["period"] == date(2013, 1, 1) and row["previous_period"] == date(2012, 12, 1)
    assert row["change"] == "cooling" and row["mean_before"] > 0 > row["mean_after"]
    assert len(row["event_ids"]) == 4
    assert (row["events_before"], row["events_after"]) == (24, 24) and row["z"] < -3
    assert shifts(s, a="USA", b="GBR").height == 0
    assert shifts(s, a="irq").height == 1
    assert shifts(s, min_events=100).height == 0
    s.close()


def test_two_noisy_links_do_not_make_a_shift():
    events = [ev("IRN>IRQ", _month(i), 4) for i in range(24)]
    events[10] = ev("IRN>IRQ", _month(10), 2)
    events[11] = ev("IRN>IRQ", _month(11), 2)  # two friendly months in a hostile run
    s = stream_store(events)
    assert shifts(s, min_events=5).height == 0
    s.close()
