"""The PETRARCH-2 validation sentences, lowercased (``petr2_gsr_validation_lower``).

Same records, scoring and headline metrics as :mod:`benchmarks.gold.petrarch`;
only the text is lowercased (:mod:`benchmarks.gold.recased`), to measure how
well actors are found in text that carries no case information.
"""

from __future__ import annotations

from pathlib import Path

from . import petrarch
from .common import GoldRecord
from .recased import lower, recased

NAME = f"{petrarch.NAME}_lower"
FILE = petrarch.FILE
score = petrarch.score
#: Actor countries first: what case-less text puts at risk.
HEADLINE = ("source_country_match", "target_country_match", "cameo_root_accuracy")
#: Every third record in --fast: the cased set is the full regression check.
FAST_EVERY = 3


def load(shared: Path) -> list[GoldRecord]:
    """The lowercased copies of :func:`benchmarks.gold.petrarch.load`'s records."""
    return recased(petrarch.load(shared), lower, "lower")
