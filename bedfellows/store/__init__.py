"""DuckDB store: schema, idempotent atomic writes, queries and exports.

Depends only on ``bedfellows.errors``, ``bedfellows.thresholds`` and
``bedfellows.schema`` (never spaCy).
"""

from __future__ import annotations

from .database import Store
from .ddl import SCHEMA_VERSION
from .export import EXPORT_FORMATS, FORMATS, GDELT_COLUMNS, export
from .queries import EventFilter

__all__ = [
    "EXPORT_FORMATS",
    "FORMATS",
    "GDELT_COLUMNS",
    "SCHEMA_VERSION",
    "EventFilter",
    "Store",
    "export",
]
