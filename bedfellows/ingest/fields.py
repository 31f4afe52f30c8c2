"""Which fields of a JSON or CSV record hold the text, id, date and title.

Corpora arrive with their own field names: IndiaPoliceEvents has ``doc_id``
and ``doc_text``, news APIs ``article`` and ``pub_date``, spreadsheets
``headline`` and ``body``. Without a mapping the common names below are tried
in order; a ``FieldMap`` names the fields of one corpus exactly (the CLI's
``--text-field``, ``--id-field``, ``--date-field`` and ``--title-field``), and
a record lacking a field named there is reported as malformed, naming the
field, rather than read from a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bedfellows.errors import ConfigError, MalformedRecord

__all__ = ["FieldMap", "TEXT_KEYS"]

#: Fields that may hold an article's text, tried in this order.
TEXT_KEYS = (
    "text", "body", "content", "doc_text", "article", "article_text", "full_text",
    "story", "maintext",
)  # fmt: skip

#: The canonical metadata key (``assemble.meta_from_fields``) of each mapped field.
_CANONICAL = {"id": "id", "date": "published", "title": "title"}


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Field names of one corpus; None means "try the common names"."""

    text: str | None = None
    id: str | None = None
    date: str | None = None
    title: str | None = None

    def __post_init__(self) -> None:
        for role in ("text", "id", "date", "title"):
            name = getattr(self, role)
            if name is not None and not name.strip():
                raise ConfigError(f"--{role}-field must name a field, got an empty string")

    @property
    def text_keys(self) -> tuple[str, ...]:
        """The fields the text is read from, in order."""
        return (self.text,) if self.text else TEXT_KEYS

    def describe_text(self) -> str:
        """How a record without text is reported: "no 'doc_text' (--text-field)"."""
        if self.text:
            return f"record has no {self.text!r} field (--text-field)"
        return "record has no text field (" + ", ".join(repr(k) for k in TEXT_KEYS) + ", 'html')"

    def remap(
        self, record: Mapping[str, Any], *, source: str, number: int | None
    ) -> dict[str, Any]:
        """The record with the named id, date and title fields under their canonical keys.

        Raises MalformedRecord naming the field when a named field is missing.
        """
        out = dict(record)
        for role, canonical in _CANONICAL.items():
            name = getattr(self, role)
            if name is None:
                continue
            if record.get(name) is None:
                raise MalformedRecord(
                    source, f"record has no {name!r} field (--{role}-field)", number
                )
            out[canonical] = record[name]
        return out
