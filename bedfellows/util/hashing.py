"""Text normalisation and stable article ids.

Every ingest path (plain text, HTML, JSONL) runs its text through
``normalize_text`` and hashes the body with ``article_id``, so one article read
from different files gets one id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Curly quotes confuse spaCy's tokenizer and quote-aware rules less when they
# are ASCII; em/en dashes are left alone because spaCy already splits on them
# and turning "regime–is" into "regime-is" would fake a hyphenated compound.
_REPLACE: dict[str, str] = {
    "\u2018": "'",  # left single quote
    "\u2019": "'",  # right single quote / apostrophe
    "\u201a": "'",  # low single quote
    "\u201b": "'",  # reversed single quote
    "\u2032": "'",  # prime, often typed for an apostrophe
    "\u201c": '"',  # left double quote
    "\u201d": '"',  # right double quote
    "\u201e": '"',  # low double quote
    "\u201f": '"',  # reversed double quote
    "\u2033": '"',  # double prime
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2212": "-",  # minus sign
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u202f": " ",  # narrow no-break space
    "\u2000": " ",
    "\u2001": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2008": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u3000": " ",
    "\u200b": "",  # zero-width space
    "\u200c": "",  # zero-width non-joiner
    "\u200d": "",  # zero-width joiner
    "\u2060": "",  # word joiner
    "\u00ad": "",  # soft hyphen (invisible, splits words for the tokenizer)
    "\ufeff": "",  # byte-order mark / zero-width no-break space
    "\u2028": "\n",  # line separator
    "\u2029": "\n\n",  # paragraph separator
}
# One regex pass over the rare characters is far faster than str.translate
# with a dict, which does a Python-level lookup for every character.
_SPECIAL = re.compile("[" + "".join(_REPLACE) + "]")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def normalize_text(s: str) -> str:
    """Return ``s`` in the canonical form every ingest path stores.

    NFC normalisation, curly quotes to ASCII, exotic spaces to plain spaces,
    invisible characters removed, CRLF/CR to LF, trailing spaces stripped from
    each line and runs of three or more newlines collapsed to one blank line.
    """
    s = unicodedata.normalize("NFC", s)
    s = _SPECIAL.sub(lambda m: _REPLACE[m.group()], s)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = "\n".join(line.rstrip(" \t") for line in s.split("\n"))
    return _MANY_NEWLINES.sub("\n\n", s)


_HEADLINE_MAX_WORDS = 20  # as ingest.frontmatter.split_title
_CLOSERS = "\"')]»"


def _headline_like(line: str) -> bool:
    """A line a headline could be: short, with a letter, not ending a sentence with a period."""
    return (
        len(line.split()) <= _HEADLINE_MAX_WORDS
        and any(ch.isalpha() for ch in line)
        and not line.rstrip(_CLOSERS).endswith(".")
    )


def _stands_alone(line: str, following: str | None) -> bool:
    """True unless ``line`` may be the first line of a paragraph wrapped onto ``following``.

    Greedy wrapping moves a word to the next line only when it does not fit, so
    the lines after a wrapped line are never longer than it plus that word; a
    headline above a long line fails this test, a wrapped line passes it.
    """
    if following is None:  # a blank line or the end of the text follows
        return True
    first_word = following.split()[0]
    return len(following) >= len(line) + 1 + len(first_word)


def canonical_body(body: str) -> str:
    """The text an article id is computed from: the body without any leading headline.

    Every ingest path hashes its body through this one function, so the id does
    not depend on whether a title was declared (JSONL ``title``, front matter,
    HTML meta) or cut off by ``split_title``. Leading lines are dropped while
    each is headline-like (at most 20 words, has a letter, no final period)
    and stands alone: a blank line follows it, or the next line is too long
    to be its continuation under word wrapping. So ``"T\nBody"``,
    ``"T\n\nBody"`` and ``"Body"`` give the same text whenever ``T`` is a
    headline, while re-wrapping a paragraph changes nothing. A body with no
    such leading line is unchanged (its id is the same as before), and a body
    made only of such lines is kept whole. The result is whitespace-collapsed
    and casefolded.
    """
    lines = [" ".join(line.split()) for line in normalize_text(body).split("\n")]
    start = next((i for i, line in enumerate(lines) if line), len(lines))
    cut = start
    while cut < len(lines) and lines[cut]:
        following = lines[cut + 1] if cut + 1 < len(lines) and lines[cut + 1] else None
        if not (_headline_like(lines[cut]) and _stands_alone(lines[cut], following)):
            break
        cut += 1
        while cut < len(lines) and not lines[cut]:
            cut += 1
    if cut >= len(lines):  # nothing but headline-like lines: keep them all
        cut = start
    return " ".join(" ".join(lines[cut:]).split()).casefold()


def article_id(body: str) -> str:
    """Return the stable id of an article body: ``"a_"`` + 16 hex chars of sha256.

    The hash is of ``canonical_body(body)``: normalised, without a leading
    headline, whitespace-collapsed and casefolded, so the same article read
    from .txt, .html or JSONL (with or without its title, with different line
    wrapping or quote characters) gets the same id.
    """
    canonical = canonical_body(body)
    return "a_" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def legacy_article_id(body: str) -> str:
    """The id bedfellows gave ``body`` before ids ignored a leading headline (d8cf845).

    A database coded then holds such ids; a rerun checks this one too, so an
    article stored under its old id is not coded a second time.
    """
    canonical = " ".join(normalize_text(body).split()).casefold()
    return "a_" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
