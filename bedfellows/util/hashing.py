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


def article_id(body: str) -> str:
    """Return the stable id of an article body: ``"a_"`` + 16 hex chars of sha256.

    The body is normalised, whitespace-collapsed and casefolded first, so the
    same article read from .txt, .html or JSONL (with different line wrapping
    or quote characters) gets the same id.
    """
    canonical = " ".join(normalize_text(body).split()).casefold()
    return "a_" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
