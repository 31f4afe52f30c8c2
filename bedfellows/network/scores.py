"""Agreement scores between partitions (used to check recovered blocs against planted ones)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from math import comb

from ..errors import ConfigError


def adjusted_rand_index(labels_true: Sequence[Hashable], labels_pred: Sequence[Hashable]) -> float:
    """Adjusted Rand index (Hubert & Arabie 1985) of two labellings of the same items.

    1.0 for identical partitions (whatever the label names), about 0 for chance agreement,
    negative for worse than chance. Labels may be any hashable values; the i-th entries of
    both sequences label the same item. With no pair of items to compare, or when both
    partitions put every item in one cluster (or every item alone), the index is 1.0.
    Raises ``ConfigError`` when the sequences differ in length.
    """
    if len(labels_true) != len(labels_pred):
        raise ConfigError(
            f"adjusted_rand_index: {len(labels_true)} true labels but {len(labels_pred)} predicted"
        )
    n = len(labels_true)
    pairs = comb(n, 2)
    if pairs == 0:
        return 1.0
    # Exact integer pair counts; only the final ratio is a float.
    together = sum(comb(c, 2) for c in Counter(zip(labels_true, labels_pred, strict=True)).values())
    true_pairs = sum(comb(c, 2) for c in Counter(labels_true).values())
    pred_pairs = sum(comb(c, 2) for c in Counter(labels_pred).values())
    # ARI = (index - expected) / (max - expected), all scaled by 2 * pairs to stay integer.
    numerator = 2 * (pairs * together - true_pairs * pred_pairs)
    denominator = pairs * (true_pairs + pred_pairs) - 2 * true_pairs * pred_pairs
    if denominator == 0:
        return 1.0
    return numerator / denominator
