"""The PLOVER gold sentences, lowercased (``plover_gsr_dev_lower``).

Same records, scoring and headline metrics as :mod:`benchmarks.gold.plover`;
only the text is lowercased (:mod:`benchmarks.gold.recased`), to measure how
well actors are found in text that carries no case information.
"""

from __future__ import annotations

from pathlib import Path

from . import plover
from .common import GoldRecord
from .recased import lower, recased

NAME = f"{plover.NAME}_lower"
FILE = plover.FILE
score = plover.score
#: Actor countries first: what case-less text puts at risk.
HEADLINE = ("source_country_accuracy", "target_country_accuracy", "event_type_accuracy")
#: Every third record in --fast: the cased set is the full regression check.
FAST_EVERY = 3


def load(shared: Path) -> list[GoldRecord]:
    """The lowercased copies of :func:`benchmarks.gold.plover.load`'s records."""
    return recased(plover.load(shared), lower, "lower")
