"""Bytes → text: size limit, binary sniffing, encoding detection and repair counts."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from bedfellows.errors import BinaryInput, DecodeError, EmptyInput, TooLargeInput, UnreadableInput

SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.10
# Control bytes that never occur in text (tab, LF, VT, FF, CR are fine).
_CONTROL = frozenset(range(0, 9)) | frozenset(range(14, 32)) | {127}
# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The usual legacy encoding of English web text, tried first for a file with no
# UTF-8 multibyte sequence at all.
_PREFERRED_LEGACY = "cp1252"
# Up to this share of invalid bytes in otherwise UTF-8 text is damage to
# replace (and report), not a sign of another encoding.
MAX_REPLACED_SHARE = 0.01
# Another single-byte codec is taken only when the detector sees no noise and
# its text is coherent: non-ASCII letters of one script, almost no symbols.
_MAX_CHAOS = 0.05
_MIN_SCRIPT_SHARE = 0.95
_MAX_SYMBOL_SHARE = 0.02
# Non-letters a cp1252/latin-1 text plausibly holds: typographic punctuation,
# currency, degrees, fractions, no-break space and soft hyphen.
_TYPOGRAPHIC = frozenset(
    "\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u00b7\u2020\u2021\u2030"
    "\u2039\u203a\u00ab\u00bb\u00a1\u00bf\u00b0\u00a3\u20ac\u00a5\u00a2\u00a9\u00ae\u2122"
    "\u00a7\u00b6\u00bd\u00bc\u00be\u00b1\u00b2\u00b3\u00b5\u00aa\u00ba\u00a0\u00ad"
)
_ESCAPED = re.compile("[\udc80-\udcff]")
_WORD = re.compile(r"[^\W\d_]+")

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the codec that produced it and how many bytes were replaced."""

    text: str
    encoding: str
    replaced: int = 0  # invalid UTF-8 bytes turned into U+FFFD


def bom_encoding(head: bytes) -> str | None:
    """Return the codec named by a byte-order mark at the start of ``head``, if any."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def looks_binary(head: bytes) -> bool:
    """True if the first bytes of a file look like binary data, not text."""
    if not head or bom_encoding(head) in {"utf-16", "utf-32"}:
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b in _CONTROL)
    return control / len(head) > _MAX_CONTROL_SHARE


def _plausible_latin(text: str) -> bool:
    """True if every non-ASCII character is one a Western European text would hold.

    Accented letters must sit in words with ASCII letters ("café", "Müller") or
    stand alone ("à"); a word wholly of non-ASCII letters ("Ìèíèñòð", which is
    Russian read as cp1252) or a stray symbol ("×", "¤") means another encoding.
    """
    for word in _WORD.findall(text):
        if len(word) > 1 and not any(ch.isascii() for ch in word):
            return False
    return all(
        ch.isascii() or ch.isalpha() or ch in _TYPOGRAPHIC for ch in text if not ch.isascii()
    )


def _script(ch: str) -> str:
    return unicodedata.name(ch, "UNKNOWN").split()[0]


def _coherent(text: str) -> bool:
    """True if the non-ASCII characters are letters of one script with few symbols."""
    extra = [ch for ch in text if not ch.isascii() and not ch.isspace()]
    if not extra:
        return True
    letters = [ch for ch in extra if ch.isalpha()]
    symbols = len(extra) - len(letters) - sum(ch in _TYPOGRAPHIC for ch in extra)
    if not letters or symbols / len(extra) > _MAX_SYMBOL_SHARE:
        return False
    _, top = Counter(_script(ch) for ch in letters).most_common(1)[0]
    return top / len(letters) >= _MIN_SCRIPT_SHARE


def _confident_legacy(data: bytes) -> Decoded | None:
    """The detector's single-byte decoding, if it is clean and coherent; else None."""
    matches = [m for m in charset_normalizer.from_bytes(data) if m.chaos <= _MAX_CHAOS]
    for match in sorted(matches, key=lambda m: m.chaos):
        text = str(match)
        if _coherent(text):
            return Decoded(text, match.encoding)
    return None


def decode_text(data: bytes, *, source: str, record: int | None = None) -> Decoded:
    """Decode ``data``: UTF-8 (or its BOM's codec), repaired UTF-8, or a legacy encoding.

    The policy, in order:

    1. valid UTF-8 (or text under a BOM) is taken as it is;
    2. bytes with no UTF-8 multibyte sequence that read as Western European
       text in cp1252 are cp1252 (a legacy "café – “quoted”" file);
    3. otherwise UTF-8 text with at most 1% invalid bytes keeps its UTF-8: each
       bad byte becomes U+FFFD, counted in ``replaced`` and logged as a warning;
    4. with no UTF-8 multibyte sequence and more damage, another single-byte
       encoding is used only when the detector finds a clean decoding whose
       non-ASCII letters are all of one script (Cyrillic text in cp1251, say);
    5. anything else raises ``DecodeError`` naming the reason: a text is never
       re-decoded whole with a guessed codec because of a few bad bytes.
    """
    where = source if record is None else f"{source}:{record}"
    bom = bom_encoding(data[:4])
    try:
        return Decoded(data.decode(bom or "utf-8"), bom or "utf-8")
    except UnicodeDecodeError as exc:
        if bom in {"utf-16", "utf-32"}:
            raise DecodeError(source, f"invalid {bom} text ({exc.reason})", record) from exc
    escaped = data.decode(bom or "utf-8", errors="surrogateescape")
    bad = len(_ESCAPED.findall(escaped))
    multibyte = sum(1 for ch in escaped if ord(ch) > 0x7F and not 0xDC80 <= ord(ch) <= 0xDCFF)
    if bom is None and not multibyte:
        try:
            legacy = data.decode(_PREFERRED_LEGACY)
        except UnicodeDecodeError:
            legacy = None  # a byte cp1252 leaves undefined
        if legacy is not None and _plausible_latin(legacy):
            return Decoded(legacy, _PREFERRED_LEGACY)
    if bad <= MAX_REPLACED_SHARE * len(data):
        logger.warning("%s: %d invalid UTF-8 bytes replaced", where, bad)
        return Decoded(_ESCAPED.sub("\ufffd", escaped), "utf-8", replaced=bad)
    if bom is None and not multibyte and (found := _confident_legacy(data)) is not None:
        return found
    kind = "with valid UTF-8 sequences among them" if multibyte or bom else "and no encoding fits"
    raise DecodeError(source, f"{bad} of {len(data)} bytes are not valid UTF-8, {kind}", record)


def decode_bytes(data: bytes, *, source: str, record: int | None = None) -> str:
    """The text of ``decode_text`` (see there for the policy); raises ``DecodeError``."""
    return decode_text(data, source=source, record=record).text


def read_text(path: Path, *, max_bytes: int) -> str:
    """The text of ``read_decoded`` (kept for callers that need no repair count)."""
    return read_decoded(path, max_bytes=max_bytes).text


def read_decoded(path: Path, *, max_bytes: int) -> Decoded:
    """Read a whole text file, checking size (before reading), binary content and encoding.

    Raises ``UnreadableInput``, ``EmptyInput``, ``TooLargeInput``,
    ``BinaryInput`` or ``DecodeError`` naming the file.
    """
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise TooLargeInput(source, f"{size} bytes is over the limit of {max_bytes}")
        if size == 0:
            raise EmptyInput(source, "file is empty")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise UnreadableInput(source, exc.strerror or str(exc)) from exc
    if len(data) > max_bytes:
        raise TooLargeInput(source, f"over the limit of {max_bytes} bytes")
    if looks_binary(data[:SNIFF_BYTES]):
        raise BinaryInput(source, "looks like a binary file (NUL or control bytes)")
    return decode_text(data, source=source)
