"""normalize_text and article_id."""

from __future__ import annotations

import hashlib
import re
import textwrap

import pytest

from bedfellows.util.hashing import article_id, canonical_body, normalize_text


def test_curly_quotes_become_ascii():
    assert normalize_text("\u201cYes,\u201d she said, \u2018it\u2019s done.\u2019") == (
        "\"Yes,\" she said, 'it's done.'"
    )


def test_dashes_are_kept_but_odd_hyphens_and_spaces_are_not():
    text = normalize_text("regime\u2013is 10\u00a0km non\u2011stop \u2212 5\u202fkg")
    assert text == "regime\u2013is 10 km non-stop - 5 kg"


def test_nfc_and_invisible_characters():
    decomposed = "Cafe\u0301 ne\u00adgo\u200btiations\ufeff"
    assert normalize_text(decomposed) == "Caf\u00e9 negotiations"


def test_line_endings_trailing_spaces_and_blank_runs():
    text = "One  \r\nTwo\t\r\n\r\n\r\n\r\nThree\rFour   \n\n\n"
    assert normalize_text(text) == "One\nTwo\n\nThree\nFour\n\n"


def test_normalize_is_idempotent():
    once = normalize_text("A \u201cquote\u201d\r\n\r\n\r\n  indented line  ")
    assert normalize_text(once) == once


def test_article_id_format_and_stability():
    body = "The council approved the budget on Monday."
    aid = article_id(body)
    assert re.fullmatch(r"a_[0-9a-f]{16}", aid)
    assert article_id(body) == aid


def test_article_id_ignores_wrapping_case_and_quote_style():
    a = article_id('The mayor said "no" to the plan.\n\nTalks resume today.')
    b = article_id("the mayor said \u201cno\u201d to the plan.  Talks\nresume today.")
    assert a == b


def test_article_id_differs_for_different_text():
    assert article_id("The council approved the budget.") != article_id(
        "The council rejected the budget."
    )


HEADLINE = "Harbor council backs new ferry route"
BODY = (
    "The harbor council voted on Tuesday to approve a new ferry route between the northern "
    "pier and the island villages.\n\nCouncil members said the route would cut travel times."
)


@pytest.mark.parametrize(
    "text",
    [
        f"{HEADLINE}\n{BODY}",
        f"{HEADLINE}\n\n{BODY}",
        f"# {HEADLINE}\n\n{BODY}",
        f"{HEADLINE}\n\nA second, standing headline\n\n{BODY}",
    ],
)
def test_a_leading_headline_does_not_change_the_id(text):
    assert article_id(text) == article_id(BODY)


def test_a_body_without_a_headline_keeps_its_old_id():
    # The id before headlines were ignored: sha256 of the collapsed, casefolded body.
    old = "a_" + hashlib.sha256(" ".join(BODY.split()).casefold().encode()).hexdigest()[:16]
    assert article_id(BODY) == old


def test_re_wrapping_a_lede_does_not_drop_its_first_line():
    wrapped = textwrap.fill(BODY.split("\n\n")[0], width=40)
    assert canonical_body(wrapped) == " ".join(BODY.split("\n\n")[0].split()).casefold()
    assert article_id(wrapped + "\n\nCouncil members said the route would cut travel times.") == (
        article_id(BODY)
    )


def test_different_bodies_under_one_headline_differ():
    other = BODY.replace("approve", "reject")
    assert article_id(f"{HEADLINE}\n{BODY}") != article_id(f"{HEADLINE}\n{other}")


def test_a_text_of_short_lines_only_is_hashed_whole():
    assert canonical_body("Ceasefire holds\n\nTalks resume") == "ceasefire holds talks resume"
