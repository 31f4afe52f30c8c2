"""Untrusted text reaches the terminal as one printable line."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bedfellows.cli.render import print_events
from bedfellows.cli.safe_text import json_text, printable

BIDI_CONTROLS = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
NASTY = "a\x1b[31mred\x1b]0;title\x07\nskipped forged\r\u202eevil\x9b[2J\t[/dim][link=x]"


def test_printable_escapes_controls_line_breaks_and_bidi() -> None:
    out = printable(NASTY)
    assert out == (
        "a\\x1b[31mred\\x1b]0;title\\x07\\nskipped forged\\r\\u202eevil\\x9b[2J\\t[/dim][link=x]"
    )
    assert printable("Kyiv – Київ, naïve ✓") == "Kyiv – Київ, naïve ✓"


@given(st.text())
def test_printable_output_is_one_safe_line(text: str) -> None:
    out = printable(text)
    assert len(out.splitlines()) <= 1
    assert not any(unicodedata.category(ch) == "Cc" for ch in out)
    assert not any(unicodedata.bidirectional(ch) in BIDI_CONTROLS for ch in out)


def test_json_text_is_the_same_json_without_raw_controls() -> None:
    for kwargs in ({}, {"indent": 2}):
        line = json_text({"t": NASTY}, **kwargs)
        assert json.loads(line) == {"t": NASTY}
        assert not any(ch in line for ch in "\x1b\x9b\u202e")


def _event(sentence: str, text: str) -> dict:
    actor = {"cameo": None, "country": None, "text": text}
    return {
        "plover_type": "ASSAULT",
        "cameo_code": "190",
        "sources": [actor],
        "targets": [],
        "article_id": "a1",
        "sentence_index": 0,
        "trigger_start": 0,
        "trigger_end": 3,
        "trigger": "hit\x1b[2J",
        "sentence": sentence,
        "date_start": None,
    }


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv"])
def test_event_output_shows_article_text_literally(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # rich strips only BEL/BS/VT/FF/CR itself, and reads [/dim] as markup (an error).
    print_events([_event(NASTY, "Evil\x1b]8;;http://x\x07Corp")], fmt, wide=True)
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x9b" not in out
    assert "[/dim][link=x]" in out  # shown, not read as markup
