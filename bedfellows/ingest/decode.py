"""Bytes → text: size limit, binary sniffing and encoding detection."""

from __future__ import annotations

import codecs
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
# The usual legacy encoding of English web text; charset-normalizer often
# names an equivalent Central-European code page on short samples.
_PREFERRED_LEGACY = "cp1252"


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


def decode_bytes(data: bytes, *, source: str, record: int | None = None) -> str:
    """Decode ``data`` as UTF-8 (or its BOM's encoding), else the detected encoding.

    Raises ``DecodeError`` when no text encoding fits.
    """
    encoding = bom_encoding(data[:4]) or "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        pass
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise DecodeError(source, "bytes are not valid in any text encoding", record)
    best = min(matches, key=lambda m: m.chaos)
    if any(_PREFERRED_LEGACY in m.could_be_from_charset and m.chaos <= best.chaos for m in matches):
        try:
            return data.decode(_PREFERRED_LEGACY)
        except UnicodeDecodeError:
            pass  # a byte cp1252 leaves undefined: keep the detector's choice
    return str(best)


def read_text(path: Path, *, max_bytes: int) -> str:
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
    return decode_bytes(data, source=source)
