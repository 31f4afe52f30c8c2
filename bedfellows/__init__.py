"""bedfellows: news into political event data (CAMEO, PLOVER) and alliance networks.

``bedfellows.code_texts`` and ``bedfellows.code_files`` code text and files
(``bedfellows.api``); ``bedfellows.network`` turns a database of events into the
alliance picture. Importing ``bedfellows`` alone loads neither spaCy nor DuckDB:
the API is imported on first use.
"""

from __future__ import annotations

from typing import Any

from bedfellows.about import __version__

__all__ = ["__version__", "code_files", "code_texts"]


def __getattr__(name: str) -> Any:
    if name in ("code_files", "code_texts"):
        from bedfellows import api

        return getattr(api, name)
    raise AttributeError(f"module 'bedfellows' has no attribute {name!r}")
