"""Text normalisation shared by the actor tables' build script and the runtime KB.

Aliases are stored, and phrases are looked up, as *keys*: lowercase ASCII
tokens joined by single spaces. The same function builds both sides, so the
build script (``scripts/build_data/build_actors.py``) and ``ActorKB`` can never
disagree about what "al-Maliki", "al Maliki" or "AL_MALIKI_" mean.

Rules, in order:

- Unicode is decomposed and combining marks dropped ("Wörner" → "worner");
  curly quotes and primes become ``'``.
- Whitespace, hyphens, dashes, slashes and underscores separate tokens, so
  "al-Maliki", "al - Maliki" (spaCy's tokens) and "AL_MALIKI" give the same key.
- A possessive ``'s`` (or the lone ``'`` of "Iraqis'") is removed.
- Surrounding punctuation is stripped. Dotted acronyms keep their dots and
  always end in one ("U.S" and "U.S." → "u.s."), so "U.S." never collides with
  the pronoun "us"; any other trailing dot is dropped ("Mr." → "mr").
- "&" becomes "and"; tokens with no letter or digit are dropped.

A leading "the" is dropped by :func:`key_of` (not by :func:`tokens`), so
"the Pentagon" and "Pentagon" share a key while "Hague" keeps working inside
longer names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["Token", "key_of", "cased_key_of", "tokens"]

_SPLIT_RE = re.compile(r"[\s\-\u2010-\u2015\u2212/_]+")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
    }
)
_ACRONYM_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]\.?")
_STRIP_CHARS = ",;:!?\"()[]{}<>*'`|+=~^$%#@"


class Token(tuple):
    """One normalised token: ``(cased, lower)``.

    ``cased`` keeps the letters' case (for case-sensitive aliases such as "IS"
    or "US"); ``lower`` is the key form.
    """

    __slots__ = ()

    def __new__(cls, cased: str, lower: str) -> Token:
        return tuple.__new__(cls, (cased, lower))

    @property
    def cased(self) -> str:
        """The token with its original letter case."""
        return self[0]

    @property
    def lower(self) -> str:
        """The lowercase key form of the token."""
        return self[1]


def _fold(text: str) -> str:
    """Decompose, drop combining marks and normalise quotes."""
    text = text.translate(_QUOTES)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _clean_piece(piece: str) -> str:
    """Strip possessives and surrounding punctuation from one raw piece."""
    if piece.endswith(("'s", "'S")) and len(piece) > 2:
        piece = piece[:-2]
    piece = piece.strip(_STRIP_CHARS)
    if not piece:
        return ""
    if piece == "&":
        return "and"
    if _ACRONYM_RE.fullmatch(piece):
        return piece if piece.endswith(".") else piece + "."
    piece = piece.rstrip(".").lstrip(".").strip(_STRIP_CHARS)
    if not any(ch.isalnum() for ch in piece):
        return ""
    return piece


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[Token, ...]:
    """Split ``text`` into normalised tokens (see the module docstring).

    Results are cached: the same words recur across phrases and articles.
    """
    out: list[Token] = []
    for raw in _SPLIT_RE.split(_fold(text)):
        if not raw:
            continue
        if raw == "&":
            out.append(Token("and", "and"))
            continue
        piece = _clean_piece(raw)
        if piece:
            out.append(Token(piece, piece.lower()))
    return tuple(out)


@lru_cache(maxsize=262144)
def key_of(text: str) -> str:
    """Return the lookup key of ``text``: lowercase tokens, leading "the" dropped."""
    toks = tokens(text)
    if len(toks) > 1 and toks[0].lower == "the":
        toks = toks[1:]
    return " ".join(t.lower for t in toks)


@lru_cache(maxsize=65536)
def cased_key_of(text: str) -> str:
    """Return the case-preserving key of ``text`` (for case-sensitive aliases)."""
    toks = tokens(text)
    if len(toks) > 1 and toks[0].lower == "the":
        toks = toks[1:]
    return " ".join(t.cased for t in toks)
