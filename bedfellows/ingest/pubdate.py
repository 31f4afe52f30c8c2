"""Publication dates from metadata fields (front matter, JSONL, HTML meta)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bedfellows.errors import MalformedRecord

# Only absolute dates with day, month and year: a relative word ("yesterday")
# or a partial date ("June 2014") would otherwise be completed from today's
# date, and a wrong publication date silently misdates every event.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "RELATIVE_BASE": datetime(2000, 1, 1),
    "PREFER_DAY_OF_MONTH": "first",
}


def _parse_string(value: str) -> date | None:
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser  # slow import, needed only for non-ISO dates

    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed is not None else None


def parse_published(value: Any, *, source: str, record: int | None = None) -> date | None:
    """Turn a metadata date value into a ``date`` (``None`` if empty).

    Accepts ``date``/``datetime`` objects (YAML gives these), ISO strings and
    written dates such as "June 16, 2014"; the calendar date is taken as
    written, with no time-zone shift. Anything else raises ``MalformedRecord``
    naming ``source`` (and ``record``).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = _parse_string(value) if isinstance(value, str) else None
    if parsed is None:
        raise MalformedRecord(source, f"unparseable publication date {value!r}", record)
    return parsed
