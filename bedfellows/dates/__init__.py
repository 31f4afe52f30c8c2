"""Temporal expressions → ``EventDate`` with a granularity and a basis.

``find_expressions`` finds expressions in a sentence, ``resolve_expression``
reads one against the publication date, and ``event_date`` picks the event's
date among a sentence's expressions with the publication fallbacks.
"""

from bedfellows.dates.expressions import TimeExpression, find_expressions
from bedfellows.dates.resolve import (
    Tense,
    TenseOf,
    date_sentence,
    event_date,
    resolve_expression,
)

__all__ = [
    "Tense",
    "TenseOf",
    "TimeExpression",
    "date_sentence",
    "event_date",
    "find_expressions",
    "resolve_expression",
]
