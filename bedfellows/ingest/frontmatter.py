"""Front matter and headline at the top of a plain-text article.

Two front-matter forms are read: YAML between ``---`` lines, or leading
``Key: value`` lines (title, date, published, source, url, …) ended by a blank
line. Without a title there, a short first line followed by a blank line is
taken as the headline.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from bedfellows.errors import MalformedRecord
from bedfellows.ingest import patterns

_YAML_OPEN = "---"
_YAML_CLOSE = ("---", "...")
_YAML_MAX_LINES = 200  # a "---" rule deep in a page is not front matter
_KEY_LINE = re.compile(
    r"(?P<key>title|headline|date|published|publication[ _]date|source|publisher|url|link"
    r"|author|byline|language|lang|id)\s*:\s*(?P<value>.*)",
    re.IGNORECASE,
)
_TITLE_MAX_WORDS = 20
_MD_HEADING = re.compile(r"#{1,6}\s+")


def _yaml_block(lines: list[str], source: str) -> tuple[dict[str, Any], int] | None:
    if not lines or lines[0].strip() != _YAML_OPEN:
        return None
    for end in range(1, min(len(lines), _YAML_MAX_LINES)):
        if lines[end].strip() in _YAML_CLOSE:
            break
    else:
        return None
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as exc:
        raise MalformedRecord(source, f"invalid YAML front matter: {exc}") from exc
    except (RecursionError, MemoryError) as exc:  # "[[[[…" far deeper than any metadata
        raise MalformedRecord(source, "YAML front matter is nested too deeply") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None  # "---" around plain prose: a horizontal rule, not metadata
    return {str(k).strip().lower(): v for k, v in data.items()}, end + 1


def _key_block(lines: list[str]) -> tuple[dict[str, Any], int] | None:
    fields: dict[str, Any] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            return (fields, i + 1) if fields else None
        m = _KEY_LINE.fullmatch(line.strip())
        if m is None:
            return None
        key = m["key"].lower().replace(" ", "_")
        fields[key] = m["value"].strip()
    return None  # the whole file is key lines: no blank line ends the block


def split_front_matter(text: str, *, source: str) -> tuple[dict[str, Any], str]:
    """Return ``(fields, rest)``: front-matter fields (lower-cased keys) and the text after it.

    ``fields`` is empty and ``rest`` is ``text`` when there is no front matter.
    Invalid YAML raises ``MalformedRecord`` naming ``source``.
    """
    lines = text.lstrip("\n").split("\n")
    found = _yaml_block(lines, source) or _key_block(lines)
    if found is None:
        return {}, text
    fields, consumed = found
    return fields, "\n".join(lines[consumed:])


def split_title(text: str) -> tuple[str | None, str]:
    """Take a headline off the top of a pasted page: ``(title, rest)``.

    The first line is a headline if it has at most 20 words, no final period,
    is not page furniture, and is followed by a blank line; otherwise
    ``(None, text)``. A Markdown "# " marker is dropped from the headline.
    """
    lines = text.lstrip("\n").split("\n")
    first = _MD_HEADING.sub("", lines[0].strip(), count=1)
    if (
        len(lines) < 3
        or lines[1].strip()
        or not first
        or len(first.split()) > _TITLE_MAX_WORDS
        or first.endswith(".")
        or not any(ch.isalpha() for ch in first)
        or patterns.is_boilerplate_line(first)
        or not "\n".join(lines[2:]).strip()
    ):
        return None, text
    return first, "\n".join(lines[2:])
