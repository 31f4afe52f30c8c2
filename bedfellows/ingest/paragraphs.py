"""Article → paragraphs with exact character offsets, the unit fed to spaCy."""

from __future__ import annotations

import dataclasses
import re

from bedfellows.ingest.dateline import STORY_DATE, find_dateline
from bedfellows.schema import Article, Paragraph

# A paragraph break is a blank line (possibly holding spaces); a single newline
# is line wrapping inside one paragraph.
_BREAK = re.compile(r"\n[ \t]*\n\s*")

#: Longest paragraph handed to spaCy in one piece (characters). spaCy refuses
#: texts over ``nlp.max_length`` (1,000,000) and its parser and NER need memory in
#: proportion to the text (spaCy estimates about 1 GB per 100,000 characters for
#: the large models); 50,000 characters (several hundred sentences, far above any
#: real paragraph) keeps a piece's memory small while cutting so rarely that the
#: context a piece loses at its edges does not matter.
MAX_PARAGRAPH_CHARS = 50_000

# Where a piece of an over-long paragraph may end, best first: after a line
# break, after a sentence's closing punctuation (and any closing quote or
# bracket), after any whitespace. A cut falls in the second half of the window,
# so every piece but the last is at least half the limit.
_CUTS = (
    re.compile(r"\n"),
    re.compile(r"[.!?…][\"'”’)\]]*\s"),
    re.compile(r"\s"),
)


def _spans(text: str, max_chars: int | None = None) -> list[tuple[int, str]]:
    spans: list[tuple[int, str]] = []
    pos = 0
    for piece in [*_BREAK.finditer(text), None]:
        end = piece.start() if piece is not None else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            start = pos + chunk.index(stripped)
            if max_chars is not None and len(stripped) > max_chars:
                spans.extend((start + s, t) for s, t in split_long(stripped, max_chars))
            else:
                spans.append((start, stripped))
        if piece is not None:
            pos = piece.end()
    return spans


def split_long(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``max_chars`` characters, each with
    its offset in ``text`` (``text[s:s + len(t)] == t``), stripped of the
    whitespace around it.

    Cuts at the last line break in the second half of each window, else after
    the last sentence end there, else at the last whitespace, else (a run of
    ``max_chars`` characters without whitespace) hard at the limit.
    """
    if max_chars < 2:
        raise ValueError(f"max_chars must be at least 2, not {max_chars}")
    pieces: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text):
        if len(text) - pos <= max_chars:
            end = len(text)
        else:
            end = pos + max_chars
            lo = pos + max_chars // 2
            for cut in _CUTS:
                last = None
                for m in cut.finditer(text, lo, end):
                    last = m
                if last is not None:
                    end = last.end()
                    break
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            pieces.append((pos + chunk.index(stripped), stripped))
        pos = end
    return pieces


def _mark_dateline(paragraphs: list[Paragraph]) -> None:
    """Put the article's dateline (``find_dateline``) on the body paragraph that
    opens with it: the first, or the second when the first is only a "This story
    is from <date>" line (an archive page whose date was not cut off)."""
    for i, para in enumerate(paragraphs[:2]):
        found = find_dateline(para.text, para.start)
        if found is not None:
            paragraphs[i] = dataclasses.replace(para, dateline=found)
            return
        if STORY_DATE.fullmatch(para.text.strip()) is None:
            return


def split_paragraphs(
    article: Article, *, include_comments: bool = False, max_chars: int | None = None
) -> list[Paragraph]:
    """Split an article into paragraphs on blank lines.

    Body paragraphs come first; ``start`` is the exact offset into
    ``article.body`` (``body[p.start:p.start + len(p.text)] == p.text``). With
    ``include_comments``, each comment's paragraphs follow, with
    ``is_comment=True``, ``comment_index`` set and ``start`` an offset into that
    comment's text. ``index`` runs over the whole returned list.

    max_chars: a paragraph longer than this is cut (``split_long``) into
    consecutive pieces returned as paragraphs of their own, offsets still
    exact; the pipeline passes ``MAX_PARAGRAPH_CHARS``. None: never cut.

    The body paragraph that opens with the article's dateline ("NEW DELHI: …")
    carries it (``Paragraph.dateline``), so the coder never takes it for an actor.
    """
    paragraphs = [
        Paragraph(article_id=article.article_id, index=i, start=start, text=text)
        for i, (start, text) in enumerate(_spans(article.body, max_chars))
    ]
    _mark_dateline(paragraphs)
    if include_comments:
        for comment in article.comments:
            for start, text in _spans(comment.text, max_chars):
                paragraphs.append(
                    Paragraph(
                        article_id=article.article_id,
                        index=len(paragraphs),
                        start=start,
                        text=text,
                        is_comment=True,
                        comment_index=comment.index,
                    )
                )
    return paragraphs
