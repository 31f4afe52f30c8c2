"""Make untrusted text safe to show on a terminal.

File names, article text, titles and actor names come from outside: an ESC
in them would drive the terminal (colours, cursor moves, hyperlinks, window
titles), a CR or LF would forge extra lines of output, and a Unicode bidi
override would show the rest of the line reversed. Everything the CLI prints
that holds such text goes through ``printable`` (plain lines), ``cell``
(rich tables, which strip only BEL/BS/VT/FF/CR and would read ``[...]`` as
markup) or ``json_text`` (JSON lines written with ``ensure_ascii=False``).
"""

from __future__ import annotations

import json
import re
from typing import Any

import click
from rich.text import Text

__all__ = ["cell", "json_text", "printable", "say"]

# C0 controls, DEL, C1 controls; bidi embeddings, overrides and isolates, the
# implicit direction marks; the Unicode line and paragraph separators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _SHORT:
        return _SHORT[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(value: object) -> str:
    """``str(value)`` on one line with every control, line-break and bidi character
    escaped as ``\\x1b``, ``\\n``, ``\\u202e`` ... (everything else unchanged)."""
    return _UNSAFE.sub(_escape, str(value))


def say(line: object, *, err: bool = False) -> None:
    """Echo one line, made printable (so untrusted text in it cannot add lines)."""
    click.echo(printable(line), err=err)


def cell(value: object, style: str = "") -> Text:
    """A rich table cell showing ``value`` literally: printable, never read as markup."""
    return Text(printable(value), style=style)


# What json.dumps leaves raw: it escapes C0 controls itself (and an indent adds
# real newlines between values, which must stay).
_JSON_RAW = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_text(obj: Any, **kwargs: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False, ...)`` with the characters JSON leaves
    raw (C1 controls, bidi, line separators) written as ``\\uXXXX`` escapes.

    Those characters can only occur inside JSON strings, where the escape means
    the same character, so the result is still the same JSON value.
    """
    return _JSON_RAW.sub(_json_escape, json.dumps(obj, ensure_ascii=False, **kwargs))
