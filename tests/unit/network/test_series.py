from datetime import date

import pytest
from streams import ev, stream_store

from bedfellows.errors import ConfigError
from bedfellows.network import LinkOptions, dyad_series, dyad_type_counts


@pytest.fixture
def store():
    s = stream_store(
        [
            ev("IRN>IRQ", "2014-06-03", 2, confidence=0.5),
            ev("IRQ>IRN", "2014-06-20", 1),
            ev("IRN+IRQ", "2014-07-02", 2),  # joint act: both directions, counted once in "both"
            ev("IRN>IRQ", "2014-07", 4),  # known to the month
            ev("IRN>IRQ", "2014", 3),  # known to the year only
            ev("IRN>IRQ", "2014-07-09", 2, modality="hypothetical"),
            ev("IRN>IRQ", "2014-07-09", 2, modality="negated"),
            ev("IRN>IRQ", "2014-07-10", 2, is_comment=True),
            ev("USA>IRN", "2014-06-03", 4),
        ]
    )
    yield s
    s.close()


def _row(frame, period, direction):
    hits = [r for r in frame.to_dicts() if r["period"] == period and r["direction"] == direction]
    assert len(hits) == 1, (period, direction, frame)
    return hits[0]


def test_monthly_series_by_direction_weights_by_confidence_and_share(store):
    s = dyad_series(store, "irn", "IRQ", freq="month")
    june, july = date(2014, 6, 1), date(2014, 7, 1)
    # the year-only threat counts in every month of 2014, by its days there
    assert set(s["period"]) == {date(2014, m, 1) for m in range(1, 13)}
    january = _row(s, date(2014, 1, 1), "both")
    assert january["events"] == 1 and january["verbal_conflict"] == pytest.approx(31 / 365)
    fwd = _row(s, june, "IRN->IRQ")
    assert fwd["events"] == 2 and fwd["material_cooperation"] == 0.5
    assert fwd["verbal_conflict"] == pytest.approx(30 / 365)
    assert fwd["goldstein_sum"] == pytest.approx(0.5 * 7 - 4 * 30 / 365)
    both_june = _row(s, june, "both")
    assert both_june["events"] == 3 and both_june["cooperation"] == 1.5
    assert both_june["goldstein_mean"] == pytest.approx(
        (0.5 * 7 + 3 - 4 * 30 / 365) / (1.5 + 30 / 365)
    )
    # July: the joint act runs both ways but is one event in "both"; the monthly
    # conflict counts whole; hypothetical, negated and comment events do not.
    assert _row(s, july, "IRN->IRQ")["events"] == 3
    assert _row(s, july, "IRQ->IRN")["events"] == 1
    both_july = _row(s, july, "both")
    assert both_july["events"] == 3
    assert both_july["cooperation"] == 1.0
    assert both_july["conflict"] == pytest.approx(1 + 31 / 365)
    assert both_july["material_conflict"] == 1.0


def test_weekly_series_splits_a_month_by_its_days(store):
    s = dyad_series(store, "IRN", "IRQ", freq="week", start=date(2014, 7, 1), end=date(2014, 7, 31))
    fwd = s.filter(s["direction"] == "IRN->IRQ")
    # the act known to July 2014 counts in each week by its July days: 31 days in all
    assert fwd["material_conflict"].sum() == pytest.approx(1.0)
    assert fwd["period"].min() == date(2014, 6, 30) and fwd["period"].max() == date(2014, 7, 28)


def test_period_all_counts_every_dated_or_not_link_and_includes_on_request(store):
    s = dyad_series(store, "IRN", "IRQ", freq="all")
    assert _row(s, None, "both")["events"] == 5
    wide = LinkOptions(modalities={"asserted", "intended", "hypothetical", "negated"})
    s = dyad_series(store, "IRN", "IRQ", freq="all", options=wide)
    assert _row(s, None, "both")["events"] == 7
    s = dyad_series(store, "IRN", "IRQ", freq="all", options=LinkOptions(include_comments=True))
    assert _row(s, None, "both")["events"] == 6


def test_window_weights_each_link_by_the_share_of_its_range_inside(store):
    s = dyad_series(store, "IRN", "IRQ", freq="all", start=date(2014, 6, 1), end=date(2014, 6, 30))
    both = _row(s, None, "both")
    # the two June days whole, the year-only conflict by 30 of its 365 days
    assert both["events"] == 3
    assert both["cooperation"] == pytest.approx(1.5)
    assert both["conflict"] == pytest.approx(30 / 365)
    assert both["verbal_conflict"] == pytest.approx(30 / 365)


def test_type_counts_split_by_plover_type(store):
    t = dyad_type_counts(store, "IRN", "IRQ", freq="month")
    july_both = t.filter((t["period"] == date(2014, 7, 1)) & (t["direction"] == "both"))
    assert dict(zip(july_both["plover_type"], july_both["events"], strict=True)) == {
        "AID": 1,
        "ASSAULT": 1,
        "THREATEN": 1,  # the year-only threat, by its share of July
    }


def test_bad_arguments_raise_config_errors(store):
    with pytest.raises(ConfigError, match="period"):
        dyad_series(store, "IRN", "IRQ", freq="fortnight")
    with pytest.raises(ConfigError, match="two different"):
        dyad_series(store, "IRN", "irn")
    with pytest.raises(ConfigError, match="after its end"):
        dyad_series(store, "IRN", "IRQ", start=date(2015, 1, 1), end=date(2014, 1, 1))
    with pytest.raises(ConfigError, match="level"):
        LinkOptions(level="planet")
    with pytest.raises(ConfigError, match="modality"):
        LinkOptions(modalities={"rumoured"})
