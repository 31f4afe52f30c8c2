"""Text-level cutter for pasted web pages: body, reader comments, boilerplate.

HTML extractors cannot help with text that was copied out of a browser, so the
page is cut line by line: the body runs until a section header ("N thoughts on
…", "Leave a Reply", "Latest from …"); comment sections are split into
comments; form and widget sections, and furniture lines anywhere, become
boilerplate.
"""

from __future__ import annotations

import re

from bedfellows.ingest import patterns
from bedfellows.schema import Comment

# Section headers only count once the body has had a real paragraph: blog themes
# print "3 Comments" or "Leave a comment" under the title, before the article.
_PROSE_WORDS = 20
_BLANK_RUNS = re.compile(r"\n{3,}")


def _header_kind(line: str) -> str | None:
    if patterns.is_comments_header(line):
        return "comments"
    if patterns.is_form_header(line):
        return "form"
    if patterns.is_tail_header(line):
        return "tail"
    return None


def split_page(text: str) -> tuple[str, list[Comment], list[str]]:
    """Cut a pasted page into ``(body, comments, boilerplate)``.

    ``body`` keeps the article's paragraphs (blank-line separated, lines
    stripped); ``comments`` are the reader comments, indexed from 0;
    ``boilerplate`` lists every removed line (headers, form prompts, share
    bars, newsletter blurbs) in page order.
    """
    body: list[str] = []
    boilerplate: list[str] = []
    comments: list[Comment] = []
    section: list[str] = []  # raw lines of the open comments section
    state = "body"
    seen_prose = False
    paragraph_words = 0

    def close_section() -> None:
        found, removed = parse_comments(section, first_index=len(comments))
        comments.extend(found)
        boilerplate.extend(removed)
        section.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        kind = _header_kind(line) if line else None
        if kind is not None:
            if seen_prose:
                if state == "comments":
                    close_section()
                state = kind
            boilerplate.append(line)
        elif state == "body":
            if line and patterns.is_boilerplate_line(line):
                boilerplate.append(line)
                continue
            body.append(line)
            paragraph_words = paragraph_words + len(line.split()) if line else 0
            seen_prose = seen_prose or paragraph_words >= _PROSE_WORDS
        elif state == "comments":
            section.append(raw)
        elif line:
            boilerplate.append(line)
    if state == "comments":
        close_section()
    body_text = _BLANK_RUNS.sub("\n\n", "\n".join(body)).strip()
    return body_text, comments, boilerplate


def _blocks(lines: list[str], removed: list[str]) -> list[list[str]]:
    """Group lines into blank-line separated blocks, dropping furniture lines."""
    blocks: list[list[str]] = [[]]
    for raw in lines:
        line = raw.strip()
        if not line:
            if blocks[-1]:
                blocks.append([])
        elif patterns.is_boilerplate_line(line) or patterns.is_comment_meta(line):
            removed.append(line)
        else:
            blocks[-1].append(line)
    return [b for b in blocks if b]


def _author(line: str) -> str | None:
    m = patterns.COMMENT_AUTHOR.fullmatch(line)
    if m is None or len(m["name"].split()) > 6:
        return None
    return m["name"].strip()


def parse_comments(lines: list[str], *, first_index: int = 0) -> tuple[list[Comment], list[str]]:
    """Split the lines of one comments section into comments.

    A pasted comment list is numbered ("1. …", "2. …": each number in sequence
    starts a comment, unnumbered blocks continue it), or carries author lines
    ("Jane says:": each starts a comment), or is neither (each blank-line
    separated block is a comment). Returns the comments and the removed lines.
    """
    removed: list[str] = []
    blocks = _blocks(lines, removed)
    numbered = any(patterns.NUMBERED.fullmatch(b[0]) for b in blocks)
    by_author = not numbered and any(_author(b[0]) for b in blocks)
    drafts: list[tuple[str | None, list[str]]] = []  # (author, paragraphs)
    expected: int | None = None

    for block in blocks:
        starts = not numbered and not by_author
        m = patterns.NUMBERED.fullmatch(block[0]) if numbered else None
        if m and (expected is None or int(m["num"]) == expected):
            expected = int(m["num"]) + 1
            block = [m["rest"], *block[1:]]
            starts = True
        author = _author(block[0])
        if author is not None:
            block = block[1:]
            if by_author or (drafts and drafts[-1][1] and not starts):
                starts = True
        if starts or not drafts:
            drafts.append((author, []))
        elif author is not None and drafts[-1][0] is None:
            drafts[-1] = (author, drafts[-1][1])
        if block:
            drafts[-1][1].append("\n".join(block))

    comments = [
        Comment(index=first_index + i, text="\n\n".join(paras), author=author)
        for i, (author, paras) in enumerate(d for d in drafts if d[1])
    ]
    return comments, removed
