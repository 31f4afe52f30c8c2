"""The confidence threshold below which stored events are left out of the alliance
measures and the exports.

Each stored event has a ``confidence`` in [0, 1], meant as the probability that
the event is right (its type and its actors). ``DEFAULT_MIN_CONFIDENCE`` is the
one default of every ``min_confidence`` argument and ``--min-confidence`` option;
change it here and nowhere else. A threshold of 0 keeps every event.

Depends only on ``bedfellows.errors`` (the store imports it).
"""

from __future__ import annotations

import math
from numbers import Real

from bedfellows.errors import ConfigError

__all__ = ["DEFAULT_MIN_CONFIDENCE", "check_min_confidence"]

# The lowest threshold at which the events of the PLOVER and PETRARCH-2 tune parts
# are right at least 70 % of the time (``benchmarks/accuracy.py``: the tune part's
# precision-recall curve, ``calibration.suggested_min_confidence`` in
# benchmarks/results/accuracy.json); the lockbox figures at it are in the README.
DEFAULT_MIN_CONFIDENCE: float = 0.3


def check_min_confidence(value: object) -> float:
    """``value`` as a float threshold in [0, 1]; ConfigError otherwise.

    Booleans, strings, NaN and infinities are refused (a threshold of ``True``
    or ``"0.5"`` is a caller's mistake, not a number to guess at).
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ConfigError(f"min_confidence must be a number in [0, 1], got {value!r}")
    number = float(value)
    if not math.isfinite(number) or not 0.0 <= number <= 1.0:
        raise ConfigError(f"min_confidence must be between 0 and 1, got {value!r}")
    return number
