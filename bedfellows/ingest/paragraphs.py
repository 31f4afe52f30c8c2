"""Article → paragraphs with exact character offsets, the unit fed to spaCy."""

from __future__ import annotations

import re

from bedfellows.schema import Article, Paragraph

# A paragraph break is a blank line (possibly holding spaces); a single newline
# is line wrapping inside one paragraph.
_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _spans(text: str) -> list[tuple[int, str]]:
    spans: list[tuple[int, str]] = []
    pos = 0
    for piece in [*_BREAK.finditer(text), None]:
        end = piece.start() if piece is not None else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            spans.append((pos + chunk.index(stripped), stripped))
        if piece is not None:
            pos = piece.end()
    return spans


def split_paragraphs(article: Article, *, include_comments: bool = False) -> list[Paragraph]:
    """Split an article into paragraphs on blank lines.

    Body paragraphs come first; ``start`` is the exact offset into
    ``article.body`` (``body[p.start:p.start + len(p.text)] == p.text``). With
    ``include_comments``, each comment's paragraphs follow, with
    ``is_comment=True``, ``comment_index`` set and ``start`` an offset into that
    comment's text. ``index`` runs over the whole returned list.
    """
    paragraphs = [
        Paragraph(article_id=article.article_id, index=i, start=start, text=text)
        for i, (start, text) in enumerate(_spans(article.body))
    ]
    if include_comments:
        for comment in article.comments:
            for start, text in _spans(comment.text):
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
