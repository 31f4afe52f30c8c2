"""Datelines ("NEW DELHI: …", "TEHRAN, July 23 (Reuters) - …") and "This story is
from <date>" lines: found at the top of an article only, kept out of the title,
and used for the publication date only when it is certain."""

from __future__ import annotations

from datetime import date

import pytest

from bedfellows.ingest import split_paragraphs
from bedfellows.ingest.assemble import Meta, build_article
from bedfellows.ingest.dateline import dateline_date, find_dateline, take_story_date
from bedfellows.schema import Article
from bedfellows.util.hashing import article_id

# (text, place, date as written, agency): every form, each in three cases.
FORMS = [
    ("NEW DELHI: The council asked the ministry for funds.", "NEW DELHI", None, None),
    ("New Delhi: The council asked the ministry for funds.", "New Delhi", None, None),
    ("new delhi: the council asked the ministry for funds.", "new delhi", None, None),
    ("NEW DELHI, MARCH 3: The council met.", "NEW DELHI", "MARCH 3", None),
    ("New Delhi, March 3: The council met.", "New Delhi", "March 3", None),
    ("new delhi, march 3: the council met.", "new delhi", "march 3", None),
    ("TEHRAN, JULY 23 (REUTERS) - The envoy left.", "TEHRAN", "JULY 23", "REUTERS"),
    ("Tehran, July 23 (Reuters) - The envoy left.", "Tehran", "July 23", "Reuters"),
    ("tehran, july 23 (reuters) - the envoy left.", "tehran", "july 23", "reuters"),
    ("WASHINGTON (AP) — The senator spoke.", "WASHINGTON", None, "AP"),
    ("Washington (AP) — The senator spoke.", "Washington", None, "AP"),
    ("washington (ap) — the senator spoke.", "washington", None, "ap"),
    ("(AFP) -- The rebels withdrew.", None, None, "AFP"),
    ("(Afp) -- The rebels withdrew.", None, None, "Afp"),
    ("(afp) -- the rebels withdrew.", None, None, "afp"),
    ("LONDON — The union struck.", "LONDON", None, None),
    ("London — The union struck.", "London", None, None),
    ("london — the union struck.", "london", None, None),
    ("LONDON – The union struck.", "LONDON", None, None),
    ("WASHINGTON—The bank raised rates.", "WASHINGTON", None, None),
    ("SPRINGFIELD, Ill. (AP) — The mayor resigned.", "SPRINGFIELD, Ill.", None, "AP"),
    ("PORT OF SPAIN, Friday (AP) — Police said.", "PORT OF SPAIN", "Friday", "AP"),
    ("mumbai:the assembly met.", "mumbai", None, None),
    ("north town/south town: the two councils met.", "north town/south town", None, None),
]


@pytest.mark.parametrize(("text", "place", "when", "agency"), FORMS)
def test_each_form_in_each_case(text, place, when, agency):
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.date_text, found.agency) == (place, when, agency)
    # The span ends after the separator: the story itself starts after it.
    assert text[found.end :].strip()[0].isalpha()
    assert text[found.end :].lstrip()[:3].lower() in {"the", "pol", "ass"}
    if place is not None:
        assert text[found.place_start : found.place_end] == place


@pytest.mark.parametrize(
    "text",
    [
        # Not at the very start.
        "The mayor spoke at length.\n\nWashington: a city of contrasts, she said.",
        "The mayor spoke. Washington: a city of contrasts.",
        # A party's statement: first person after the colon.
        "Iran: we will respond to any attack.",
        'Iran: "We will respond to any attack," the minister said.',
        "IRAN: WE WILL RESPOND.",
        # Ordinary sentences and headlines.
        "The minister said: the talks failed.",
        "He told reporters: no deal.",
        "Ministry rejects the claim - officials say it is false.",
        "Hamas — the group that rules the strip — fired rockets.",
        "Freedonia–Sylvania ties improved this year.",
        "http://example.org/story is the address.",
        "Cutting across party lines, the deputies voted.",
        "NEW DELHI:",  # nothing after the separator
    ],
)
def test_not_a_dateline(text):
    assert find_dateline(text) is None


def test_at_start_even_when_not_a_place():
    # The rule is positional: a short name and a colon that open an article are
    # a dateline whatever the name (it only keeps the name from being an actor).
    found = find_dateline("Washington: a city of contrasts, and of old rivalries.")
    assert found is not None and found.place == "Washington"


def test_offset_and_story_line_passed_over():
    text = "This story is from March 10, 2002\n\nlucknow: the committee met."
    found = find_dateline(text, offset=100)
    assert found is not None
    assert found.place == "lucknow"
    assert (found.place_start, found.place_end) == (100 + 35, 100 + 42)
    assert found.covers(100 + 35) and not found.covers(found.end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TEHRAN, July 23, 2014 (Reuters) - The envoy left.", date(2014, 7, 23)),
        ("tehran, 23 july 2014 (reuters) - the envoy left.", date(2014, 7, 23)),
        # No year: never completed from today or guessed.
        ("TEHRAN, July 23 (Reuters) - The envoy left.", None),
        ("new delhi, march 3: the council met.", None),
        ("LONDON — The union struck.", None),
    ],
)
def test_dateline_date_needs_a_year(text, expected):
    found = find_dateline(text)
    assert found is not None
    assert dateline_date(found) == expected


def test_take_story_date():
    got, rest = take_story_date("This story is from March 16, 2002\n\nThe council met.")
    assert got == date(2002, 3, 16)
    assert "story is from" not in rest and "The council met." in rest
    got, rest = take_story_date("Headline\n\nthis story is from march 16, 2002.\n\nBody.")
    assert got == date(2002, 3, 16) and rest.split() == ["Headline", "Body."]
    # Deep in the text it is the story's own words, not the archive's line.
    deep = "One.\n\nTwo.\n\nThree.\n\nFour.\n\nThis story is from March 16, 2002"
    assert take_story_date(deep) == (None, deep)


def test_story_line_dates_the_article_and_is_no_title():
    text = "This story is from March 16, 2002\n\nlucknow: the council asked for funds."
    art = build_article(text, source="t.txt")
    assert art.published == date(2002, 3, 16)
    assert art.title is None
    assert art.body.startswith("lucknow:")


def test_story_line_under_a_headline():
    text = "Council seeks funds\n\nThis story is from March 16, 2002\n\nlucknow: the council met."
    art = build_article(text, source="t.txt")
    assert art.title == "Council seeks funds"
    assert art.published == date(2002, 3, 16)


def test_metadata_date_wins():
    text = "This story is from March 16, 2002\n\nTEHRAN, July 23, 2014 (Reuters) - Talks began."
    art = build_article(text, source="t.txt", meta=Meta(published=date(2002, 3, 17)))
    assert art.published == date(2002, 3, 17)


def test_dateline_with_year_dates_the_article():
    art = build_article("TEHRAN, July 23, 2014 (Reuters) - Talks began today.", source="t")
    assert art.published == date(2014, 7, 23)
    art = build_article("TEHRAN, July 23 (Reuters) - Talks began today.", source="t")
    assert art.published is None


def _article(body: str) -> Article:
    return Article(article_id=article_id(body), source_path="t", body=body)


def test_paragraph_carries_the_dateline():
    body = "NEW DELHI: The council asked the ministry.\n\nLONDON — The union struck."
    paras = split_paragraphs(_article(body))
    first, second = paras
    assert first.dateline is not None and second.dateline is None
    dl = first.dateline
    assert body[dl.place_start : dl.place_end] == "NEW DELHI"


def test_dateline_after_a_story_paragraph():
    body = "This story is from March 10, 2002\n\nlucknow: the committee met.\n\nmore text."
    paras = split_paragraphs(_article(body))
    assert paras[0].dateline is None
    dl = paras[1].dateline
    assert dl is not None and body[dl.place_start : dl.place_end] == "lucknow"
    assert paras[2].dateline is None


def test_no_dateline_in_later_paragraphs():
    body = "The mayor spoke.\n\nWashington: a city of contrasts."
    assert all(p.dateline is None for p in split_paragraphs(_article(body)))
