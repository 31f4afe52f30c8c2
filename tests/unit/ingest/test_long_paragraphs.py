"""Over-long paragraphs are cut into pieces at line or sentence ends, offsets exact."""

from __future__ import annotations

import pytest

from bedfellows.ingest import split_paragraphs
from bedfellows.ingest.paragraphs import MAX_PARAGRAPH_CHARS, split_long
from bedfellows.schema import Article
from bedfellows.util.hashing import article_id


def make(body: str) -> Article:
    return Article(article_id=article_id(body), source_path="t", body=body)


def sentences(n: int) -> str:
    return " ".join(f"Sentence number {i} says that talks went on." for i in range(n))


def assert_exact(text: str, pieces: list[tuple[int, str]], limit: int) -> None:
    for start, piece in pieces:
        assert text[start : start + len(piece)] == piece
        assert 0 < len(piece) <= limit
        assert piece == piece.strip()
    # Nothing but whitespace is lost between pieces, and they are in order.
    ends = [0] + [s + len(p) for s, p in pieces]
    starts = [s for s, _ in pieces] + [len(text)]
    for end, start in zip(ends, starts, strict=True):
        assert start >= end and text[end:start].strip() == ""


def test_cuts_at_sentence_ends():
    text = sentences(40)
    pieces = split_long(text, 300)
    assert len(pieces) > 1
    assert_exact(text, pieces, 300)
    assert all(p.endswith(".") and p.startswith("Sentence") for _, p in pieces)


def test_a_line_break_is_preferred_to_a_sentence_end():
    text = sentences(3) + "\n" + sentences(3)
    pieces = split_long(text, len(text) - 5)
    assert [p for _, p in pieces] == [sentences(3), sentences(3)]


def test_text_without_whitespace_is_cut_hard():
    text = "x" * 1050
    pieces = split_long(text, 100)
    assert_exact(text, pieces, 100)
    assert "".join(p for _, p in pieces) == text


def test_words_without_sentence_ends_are_cut_at_spaces():
    text = " ".join(["word"] * 500)
    pieces = split_long(text, 101)
    assert_exact(text, pieces, 101)
    assert all(p.startswith("word") and p.endswith("word") for _, p in pieces)


def test_split_paragraphs_cuts_only_long_paragraphs_with_body_offsets():
    long = sentences(60)
    body = "A short lede.\n\n" + long + "\n\nA short end."
    art = make(body)
    paras = split_paragraphs(art, max_chars=500)
    assert paras[0].text == "A short lede." and paras[-1].text == "A short end."
    assert len(paras) > 4
    assert [p.index for p in paras] == list(range(len(paras)))
    for p in paras:
        assert body[p.start : p.start + len(p.text)] == p.text
        assert len(p.text) <= 500
    assert " ".join(p.text for p in paras[1:-1]) == long


def test_no_limit_and_short_paragraphs_are_unchanged():
    body = "One.\n\n" + sentences(30)
    art = make(body)
    assert split_paragraphs(art) == split_paragraphs(art, max_chars=len(body))
    assert len(split_paragraphs(art, max_chars=None)) == 2


def test_the_default_limit_is_far_below_spacys():
    assert 10_000 <= MAX_PARAGRAPH_CHARS < 1_000_000 // 4


def test_a_limit_below_two_is_refused():
    with pytest.raises(ValueError):
        split_long("abc", 1)
