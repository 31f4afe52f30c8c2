"""The PETRARCH-2 validation sentences, all-caps (``petr2_gsr_validation_upper``).

Same records, scoring and headline metrics as :mod:`benchmarks.gold.petrarch`;
only the text is all-caps (:mod:`benchmarks.gold.recased`), to measure how
well actors are found in text that carries no case information.
"""

from __future__ import annotations

from pathlib import Path

from . import petrarch
from .common import GoldRecord
from .recased import recased, upper

NAME = f"{petrarch.NAME}_upper"
FILE = petrarch.FILE
score = petrarch.score
#: Actor countries first: what case-less text puts at risk.
HEADLINE = ("source_country_match", "target_country_match", "cameo_root_accuracy")
#: Every third record in --fast: the cased set is the full regression check.
FAST_EVERY = 3


def load(shared: Path) -> list[GoldRecord]:
    """The all-caps copies of :func:`benchmarks.gold.petrarch.load`'s records."""
    return recased(petrarch.load(shared), upper, "upper")
