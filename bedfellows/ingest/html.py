"""HTML → body text, reader comments and metadata, via trafilatura and lxml.

trafilatura keeps reader comments out of the body only with
``include_comments=False``, so the body comes from that extraction. It returns
comments as one run of lines, so individual comments are read from the
comment markup (WordPress-style ``li.comment`` items) with lxml, falling back
to trafilatura's own comment text, one comment per line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from bedfellows.errors import MalformedRecord
from bedfellows.schema import Comment

logger = logging.getLogger(__name__)

# Dates only from the page's markup and URL: the extensive search reads dates
# out of the article text, which are event dates, not publication dates.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_ITEM_ID = re.compile(r"comment-\d+")  # WordPress li ids; its inner "div-comment-N" is not
_CONTENT_CLASS = re.compile(r"comment[-_]?(?:content|text|body-text|message)|^(?:content|text)$")
_AUTHOR_CLASS = re.compile(r"^(?:fn|comment[-_]?author(?:[-_]name)?|author(?:[-_]name)?)$")
# Parts of a comment item that are not its text: author, date, reply link, avatar.
_META_CLASS = re.compile(r"author|meta|reply|footer|date|time|vcard|avatar|action|byline|fn")
_META_TAGS = frozenset({"footer", "header", "time", "form"})
_SAYS = re.compile(r"\s+(?:says|said|wrote)\s*:?\s*$", re.IGNORECASE)
# Markup that is never article text, dropped by the visible-text fallback.
_INVISIBLE_TAGS = (
    "script", "style", "noscript", "template", "head", "nav", "form", "button", "select",
    "textarea", "iframe", "svg", "header", "footer", "aside",
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "tr",
     "section", "article", "main", "pre", "dd", "dt", "figcaption", "br", "hr", "table"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What one HTML document yields before the text-level cutter runs."""

    body: str  # paragraphs separated by blank lines
    comments: tuple[Comment, ...]
    fields: dict[str, Any]  # title / published / url / source, when found


def _classes(el: etree._Element) -> list[str]:
    return (el.get("class") or "").split()


def _is_item(el: etree._Element) -> bool:
    if not isinstance(el.tag, str) or el.tag not in {"li", "article", "div"}:
        return False
    return "comment" in _classes(el) or bool(_ITEM_ID.fullmatch(el.get("id") or ""))


def _owner(el: etree._Element) -> etree._Element | None:
    """The nearest comment item containing ``el`` (or ``el`` itself)."""
    node = el
    while node is not None and not _is_item(node):
        node = node.getparent()
    return node


def _in_comment_area(item: etree._Element) -> bool:
    for anc in item.iterancestors():
        if anc.tag == "form":
            return False
        if "comment" in f"{anc.get('id') or ''} {anc.get('class') or ''}".lower():
            return True
    return False


def _text(el: etree._Element) -> str:
    return " ".join(el.text_content().split())


def _is_meta(el: etree._Element, item: etree._Element) -> bool:
    node = el
    while node is not None and node is not item:
        if node.tag in _META_TAGS or any(_META_CLASS.search(c) for c in _classes(node)):
            return True
        node = node.getparent()
    return False


def _item_comment(item: etree._Element, index: int) -> Comment | None:
    own = [el for el in item.iterdescendants() if isinstance(el.tag, str) and _owner(el) is item]
    containers = [el for el in own if any(_CONTENT_CLASS.search(c) for c in _classes(el))]
    scope = containers[0] if containers else item
    paragraphs = [_text(p) for p in scope.iter("p") if _owner(p) is item and not _is_meta(p, item)]
    if not paragraphs and containers:
        paragraphs = [_text(scope)]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return None
    authors = [el for el in own if any(_AUTHOR_CLASS.match(c) for c in _classes(el))]
    author = _SAYS.sub("", _text(authors[0])) if authors else None
    return Comment(index=index, text="\n\n".join(paragraphs), author=author or None)


def _markup_comments(html: str) -> list[Comment]:
    try:
        tree = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    # Nested replies are items of their own; _owner keeps their text out of the parent.
    items = [el for el in tree.iter() if _is_item(el) and _in_comment_area(el)]
    comments: list[Comment] = []
    for item in items:
        comment = _item_comment(item, len(comments))
        if comment is not None:
            comments.append(comment)
    return comments


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def _in_comment_block(el: etree._Element) -> bool:
    return any(
        "comment" in f"{node.get('id') or ''} {node.get('class') or ''}".lower()
        for node in (el, *el.iterancestors())
    )


def visible_lines(html: str) -> list[str]:
    """The document's visible text, one line per block element.

    The last resort when trafilatura finds no article in a small fragment or
    page: scripts, styles, navigation, forms, headers, footers, asides and
    reader-comment blocks are dropped; what is left is read as the body.
    """
    try:
        tree = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    etree.strip_elements(tree, *_INVISIBLE_TAGS, etree.Comment, with_tail=False)
    for el in [e for e in tree.iter() if isinstance(e.tag, str) and _in_comment_block(e)]:
        if el.getparent() is not None and not _in_comment_block(el.getparent()):
            el.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")  # a block ends a line
    # Lines without a letter are markup debris ("<<<>>>" parses as text), not prose.
    lines = (" ".join(line.split()) for line in _lines(tree.text_content()))
    return [line for line in lines if any(ch.isalpha() for ch in line)]


def extract_html(html: str, *, source: str, record: int | None = None) -> HtmlPage:
    """Extract body, comments and metadata from an HTML document.

    The body is trafilatura's extraction, else its baseline, else the
    document's visible text (``visible_lines``), so a short fragment is read.
    Raises ``MalformedRecord`` naming ``source`` (and ``record``) when no text
    can be extracted.
    """
    try:
        doc = trafilatura.bare_extraction(
            html,
            include_comments=False,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
        )
        lines = _lines(doc.text if doc is not None else None)
        from_baseline = not lines
        if from_baseline:  # trafilatura gave up: take every paragraph it can see
            lines = _lines(trafilatura.baseline(html)[1])
        if not lines:  # too small for either (a bare <p> fragment): the visible text
            lines = visible_lines(html)
    except Exception as exc:  # trafilatura/lxml raise many types on broken input
        raise MalformedRecord(source, f"HTML could not be parsed: {exc}", record) from exc
    if not lines:
        raise MalformedRecord(source, "HTML holds no extractable text", record)

    comments = _markup_comments(html)
    if not comments:
        try:
            with_comments = trafilatura.bare_extraction(html, include_comments=True)
        except Exception:  # the body is already safe; comments are a bonus
            logger.debug("%s: comment extraction failed", source, exc_info=True)
            with_comments = None
        extra = _lines(with_comments.comments if with_comments is not None else None)
        comments = [Comment(index=i, text=line) for i, line in enumerate(extra)]
    if from_baseline:  # the baseline does not know comments from body: drop theirs
        said = {" ".join(p.split()) for c in comments for p in c.text.split("\n\n")}
        lines = [line for line in lines if " ".join(line.split()) not in said]
        if not lines:
            raise MalformedRecord(source, "HTML holds no article text, only comments", record)

    fields: dict[str, Any] = {}
    if doc is not None:
        for key, value in (
            ("title", doc.title),
            ("published", doc.date),
            ("url", doc.url),
            ("source", doc.sitename),
        ):
            if value:
                fields[key] = value
    return HtmlPage(body="\n\n".join(lines), comments=tuple(comments), fields=fields)
