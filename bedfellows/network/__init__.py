"""Alliance picture from the event stream (first version: dyad summary)."""

from .dyads import DyadSummary, dyad_summary

__all__ = ["DyadSummary", "dyad_summary"]
