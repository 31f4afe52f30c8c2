"""split_paragraphs: blank-line paragraphs with exact offsets."""

from __future__ import annotations

from bedfellows.ingest import split_paragraphs
from bedfellows.schema import Article, Comment
from bedfellows.util.hashing import article_id

BODY = (
    "First paragraph wrapped\nover two lines.\n\n"
    "  Second paragraph, indented.\n"
    " \n\n"
    "Third paragraph after a blank line holding a space."
)


def make(body=BODY, comments=()):
    return Article(article_id=article_id(body), source_path="t", body=body, comments=comments)


def test_offsets_are_exact():
    art = make()
    paras = split_paragraphs(art)
    assert [p.text for p in paras] == [
        "First paragraph wrapped\nover two lines.",
        "Second paragraph, indented.",
        "Third paragraph after a blank line holding a space.",
    ]
    for p in paras:
        assert art.body[p.start : p.start + len(p.text)] == p.text
        assert p.article_id == art.article_id
        assert not p.is_comment and p.comment_index is None
    assert [p.index for p in paras] == [0, 1, 2]


def test_comments_only_when_asked():
    comments = (
        Comment(index=0, text="Good.\n\nVery good."),
        Comment(index=1, text="Bad.", author="Kim"),
    )
    art = make(comments=comments)
    assert len(split_paragraphs(art)) == 3
    paras = split_paragraphs(art, include_comments=True)
    extra = paras[3:]
    assert [(p.index, p.text, p.comment_index, p.is_comment) for p in extra] == [
        (3, "Good.", 0, True),
        (4, "Very good.", 0, True),
        (5, "Bad.", 1, True),
    ]
    for p in extra:
        source = comments[p.comment_index].text
        assert source[p.start : p.start + len(p.text)] == p.text


def test_single_paragraph_and_empty_body():
    assert [p.start for p in split_paragraphs(make("  One line only.  "))] == [2]
    assert split_paragraphs(make("")) == []
