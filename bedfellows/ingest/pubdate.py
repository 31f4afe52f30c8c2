"""Publication dates from metadata fields (front matter, JSONL, HTML meta)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
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
# Printed news begins around 1800; a date outside [EARLIEST, today + a year] is
# a placeholder (0001-01-01, 9999-12-31) or a broken field, and would date every
# event of the article wrongly.
EARLIEST = date(1800, 1, 1)
_FUTURE_MARGIN = timedelta(days=366)


def latest_allowed(today: date | None = None) -> date:
    """The latest publication date accepted: a year (366 days) after ``today``."""
    return (today or date.today()) + _FUTURE_MARGIN


def _parse_string(value: str) -> date | None:
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser  # slow import, needed only for non-ISO dates

    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed is not None else None


def parse_date_text(text: str) -> date | None:
    """A written date with day, month and year ("March 16, 2002", "23 July 2014")
    as a ``date``; None for anything less (no year: never completed) or unparseable.

    For dates found in article text, which (unlike a metadata field) may simply
    not be a date: nothing is raised, and the caller checks the range.
    """
    try:
        return _parse_string(text)
    except (ValueError, OverflowError):
        return None


def parse_published(
    value: Any, *, source: str, record: int | None = None, field: str = "date"
) -> date | None:
    """Turn a metadata date value into a ``date`` (``None`` if empty).

    Accepts ``date``/``datetime`` objects (YAML gives these), ISO strings and
    written dates such as "June 16, 2014"; the calendar date is taken as
    written, with no time-zone shift. Anything else, and a date before
    1800-01-01 or more than a year after today, raises ``MalformedRecord``
    naming ``source`` (and ``record``), ``field`` and the value. The record is
    skipped rather than kept undated: like an unparseable date, an impossible
    one means the record's fields are not what they claim, and the skip is
    reported (a silently dropped date would leave no trace).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        parsed: date | None = value.date()
    elif isinstance(value, date):
        parsed = value
    else:
        parsed = _parse_string(value) if isinstance(value, str) else None
    if parsed is None:
        raise MalformedRecord(
            source, f"unparseable publication date {value!r} in field {field!r}", record
        )
    latest = latest_allowed()
    if not EARLIEST <= parsed <= latest:
        shown = repr(value) if isinstance(value, str) else repr(value.isoformat())
        raise MalformedRecord(
            source,
            f"publication date {shown} in field {field!r} is outside "
            f"{EARLIEST.isoformat()} .. {latest.isoformat()}",
            record,
        )
    return parsed
