"""Front matter, headline detection and publication dates."""

from __future__ import annotations

from datetime import date

import pytest

from bedfellows.errors import MalformedRecord
from bedfellows.ingest import read_articles
from bedfellows.ingest.frontmatter import split_front_matter, split_title
from bedfellows.ingest.pubdate import parse_published

BODY = (
    "The harbor council voted on Tuesday to approve a new ferry route between the northern "
    "pier and the island villages, ending a dispute that had lasted for two years."
)


def read_one(path):
    [item] = list(read_articles([str(path)]))
    return item


def test_yaml_front_matter(tmp_path):
    path = tmp_path / "ferry.md"
    path.write_text(
        "---\ntitle: Ferry Route Approved\ndate: 2021-03-14\nsource: The Coastal Ledger\n"
        "url: https://ledger.example.org/ferry\nid: led-42\n---\n" + BODY + "\n",
        encoding="utf-8",
    )
    art = read_one(path)
    assert art.title == "Ferry Route Approved"
    assert art.published == date(2021, 3, 14)
    assert art.source == "The Coastal Ledger"
    assert art.url == "https://ledger.example.org/ferry"
    assert art.external_id == "led-42"
    assert art.body == BODY


def test_key_value_front_matter_with_written_date(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(
        f"Title: Ferry Route Approved\nPublished: June 16, 2014\nSource: Ledger\n\n{BODY}\n"
    )
    art = read_one(path)
    assert (art.title, art.published, art.source) == (
        "Ferry Route Approved",
        date(2014, 6, 16),
        "Ledger",
    )
    assert art.body == BODY


def test_repeated_headline_is_dropped_from_body(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(f"title: Ferry Route Approved\n\nFerry Route Approved\n\n{BODY}\n")
    art = read_one(path)
    assert art.title == "Ferry Route Approved"
    assert art.body == BODY


def test_first_short_line_is_the_title(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_text(f"Ferry Route Approved After Two-Year Dispute\n\n{BODY}\n")
    art = read_one(path)
    assert art.title == "Ferry Route Approved After Two-Year Dispute"
    assert art.body == BODY
    assert art.published is None


def test_first_line_ending_in_period_is_body(tmp_path):
    first = "The vote was close."
    path = tmp_path / "pasted.txt"
    path.write_text(f"{first}\n\n{BODY}\n")
    art = read_one(path)
    assert art.title is None
    assert art.body.startswith(first)


def test_invalid_date_names_the_file(tmp_path):
    path = tmp_path / "bad-date.txt"
    path.write_text(f"---\ntitle: Ferry\ndate: sometime soon\n---\n{BODY}\n")
    err = read_one(path)
    assert isinstance(err, MalformedRecord)
    assert err.source == str(path)
    assert "sometime soon" in str(err)


def test_invalid_yaml_is_malformed(tmp_path):
    path = tmp_path / "bad-yaml.md"
    path.write_text(f"---\ntitle: [unclosed\n---\n{BODY}\n")
    err = read_one(path)
    assert isinstance(err, MalformedRecord)
    assert str(path) in str(err)


def test_split_front_matter_without_front_matter_returns_text():
    text = f"Not: a key we know\n\n{BODY}"
    assert split_front_matter(text, source="x") == ({}, text)


def test_key_lines_without_blank_line_are_not_front_matter():
    text = "Title: Ferry\nThe council met."
    assert split_front_matter(text, source="x") == ({}, text)


def test_split_title_needs_a_blank_line_and_a_rest():
    assert split_title("Ferry Route Approved\nThe council met.") == (
        None,
        "Ferry Route Approved\nThe council met.",
    )
    assert split_title("Ferry Route Approved\n\n") == (None, "Ferry Route Approved\n\n")
    assert split_title("# Ferry Route Approved\n\nThe council met.") == (
        "Ferry Route Approved",
        "The council met.",
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2014-06-16", date(2014, 6, 16)),
        ("2014-06-16T23:30:00-05:00", date(2014, 6, 16)),
        ("June 16, 2014", date(2014, 6, 16)),
        ("16 June 2014", date(2014, 6, 16)),
        ("Mon, 16 Jun 2014 10:00:00 GMT", date(2014, 6, 16)),
        (date(2014, 6, 16), date(2014, 6, 16)),
        ("", None),
        (None, None),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value, source="f.txt") == expected


@pytest.mark.parametrize("value", ["yesterday", "today", "June 2014", "Sunday", "banana", 2014])
def test_parse_published_never_guesses_from_today(value):
    with pytest.raises(MalformedRecord) as info:
        parse_published(value, source="f.txt", record=7)
    assert info.value.source == "f.txt"
    assert info.value.record == 7
