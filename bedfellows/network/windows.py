"""Time windows written the way analysts say them: ``2014``, ``2014-06``,
``2014-06-16``, ``2014-Q2`` or a range ``2014-01..2014-06``."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..errors import ConfigError

_PART = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})(?:-(\d{1,2}))?|[Qq]([1-4])))?$")


def _bounds(text: str) -> tuple[date, date]:
    m = _PART.match(text.strip())
    if not m:
        raise ConfigError(
            f"window {text!r}: write a year (2014), month (2014-06), day (2014-06-16), "
            "quarter (2014-Q2) or a range (2014-01..2014-06)"
        )
    year, month, day, quarter = m.groups()
    y = int(year)
    try:
        if quarter:
            first = date(y, 3 * int(quarter) - 2, 1)
            return first, _month_end(y, 3 * int(quarter))
        if day:
            one = date(y, int(month), int(day))
            return one, one
        if month:
            return date(y, int(month), 1), _month_end(y, int(month))
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError as exc:  # month 13, day 31 of June, year 0
        raise ConfigError(f"window {text!r}: {exc}") from exc


def _month_end(year: int, month: int) -> date:
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def parse_window(text: str) -> tuple[date, date]:
    """The first and last day of the window ``text`` names (ConfigError if unreadable)."""
    first, sep, last = text.partition("..")
    start = _bounds(first)[0]
    end = _bounds(last if sep else first)[1]
    if start > end:
        raise ConfigError(f"window {text!r} ends before it starts")
    return start, end
