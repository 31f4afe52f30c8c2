"""Publication dates: placeholder and impossible dates are refused in every input path."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from bedfellows.errors import MalformedRecord
from bedfellows.ingest import read_articles
from bedfellows.ingest.pubdate import parse_published
from bedfellows.schema import Article

BODY = (
    "The harbor council voted on Tuesday to approve a new ferry route between the northern "
    "pier and the island villages, ending a dispute that had lasted for two years."
)


@pytest.mark.parametrize(
    "value",
    [
        "0001-01-01",
        "9999-12-31",
        "1799-12-31",
        date(1, 1, 1),
        datetime(9999, 12, 31, 23, 59),
        (date.today() + timedelta(days=400)).isoformat(),
    ],
)
def test_dates_outside_the_plausible_range_are_refused(value):
    with pytest.raises(MalformedRecord) as info:
        parse_published(value, source="wire.jsonl", record=3, field="published")
    err = info.value
    assert (err.source, err.record) == ("wire.jsonl", 3)
    assert "'published'" in err.reason and str(value)[:10] in err.reason


@pytest.mark.parametrize(
    "value", ["1800-01-01", "1914-07-28", date.today().isoformat(), date(2014, 6, 16)]
)
def test_dates_inside_the_range_are_kept(value):
    expected = value if isinstance(value, date) else date.fromisoformat(value)
    assert parse_published(value, source="f.txt") == expected


def test_a_far_future_date_in_jsonl_skips_that_line_only(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"date": "9999-12-31", "text": BODY}),
        json.dumps({"date": "2014-06-16", "text": BODY.replace("Tuesday", "Friday")}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    bad, good = list(read_articles([str(path)]))
    assert isinstance(bad, MalformedRecord) and bad.record == 1
    assert "'date'" in bad.reason and "9999-12-31" in bad.reason
    assert isinstance(good, Article) and good.published == date(2014, 6, 16)


@pytest.mark.parametrize(
    "front", ["---\ntitle: Ferry\ndate: 0001-01-01\n---\n", "Title: Ferry\nDate: 0001-01-01\n"]
)
def test_a_placeholder_date_in_front_matter_is_reported(tmp_path, front):
    path = tmp_path / "ferry.txt"
    path.write_text(front + "\n" + BODY + "\n", encoding="utf-8")
    [err] = list(read_articles([str(path)]))
    assert isinstance(err, MalformedRecord)
    assert err.source == str(path) and "0001-01-01" in err.reason
