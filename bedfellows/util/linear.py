"""A small multinomial logistic regression over binary features, kept as a plain table.

The learned parts of bedfellows (the ACLED sub-event type of a lede, the PLOVER
type of an article's main event, the probability that a coded event is right)
are linear models over sparse binary features. One implementation serves
them all:

- inputs are the present features of a sample, scaled to unit length;
- a softmax over the classes with an L2 penalty, fitted by full-batch Adam from
  zero weights for a fixed number of steps, so the same data always gives the
  same weights (no random numbers anywhere);
- weights are rounded to ``DECIMALS`` places before any prediction, so a
  freshly trained model predicts exactly as its written table does;
- the table has one row per feature (``feature`` then one column per class)
  and a ``(bias)`` row first: plain text a reader can open, no pickles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Self, TypeVar

import numpy as np

from ..errors import DataFileError

BIAS = "(bias)"
M = TypeVar("M", bound="LinearModel")
#: Decimal places kept in the written tables.
DECIMALS = 4


class LinearModel:
    """Weights of a softmax model: feature → one weight per class, plus a bias row.

    ``name`` (the table's file name; by default the class's ``table``) labels
    errors about malformed tables.
    """

    #: The packaged table a subclass is read from (names its errors).
    table = "model"

    def __init__(
        self,
        classes: Sequence[str],
        weights: dict[str, np.ndarray],
        bias: np.ndarray,
        name: str | None = None,
    ) -> None:
        if len(bias) != len(classes) or any(len(w) != len(classes) for w in weights.values()):
            raise ValueError("every weight row needs one value per class")
        self.classes = tuple(classes)
        self.weights = weights
        self.bias = bias
        self.name = name or self.table

    def scores(self, feats: Iterable[str]) -> np.ndarray:
        """Probabilities of the classes (in ``classes`` order) for one sample's features."""
        present = [self.weights[f] for f in feats if f in self.weights]
        # Inputs are binary features scaled to unit length (as in training).
        z = self.bias + (np.sum(present, axis=0) / np.sqrt(len(present)) if present else 0.0)
        z = np.exp(z - z.max())
        return z / z.sum()

    def best(self, feats: Iterable[str]) -> tuple[str, float]:
        """The most probable class and its probability (the first in ``classes`` on ties)."""
        p = self.scores(feats)
        i = int(np.argmax(p))
        return self.classes[i], float(p[i])

    def probability(self, feats: Iterable[str], cls: str) -> float:
        """The probability of one class."""
        return float(self.scores(feats)[self.classes.index(cls)])

    def rows(self) -> list[dict[str, str]]:
        """The model as table rows: ``feature`` and one column per class, bias first."""
        out = [{"feature": BIAS, **_row(self.classes, self.bias)}]
        for feat in sorted(self.weights):
            out.append({"feature": feat, **_row(self.classes, self.weights[feat])})
        return out

    @classmethod
    def from_rows(cls, rows: Sequence[dict[str, str]], name: str | None = None) -> Self:
        """Rebuild a model from ``rows()`` (or a packaged table's rows)."""
        name = name or cls.table
        classes = [k for k in rows[0] if k != "feature"] if rows else []
        try:
            vectors = {r["feature"]: np.array([float(r[c]) for c in classes]) for r in rows}
        except (KeyError, ValueError, TypeError) as exc:
            raise DataFileError(f"{name}: malformed weight ({exc})") from exc
        if BIAS not in vectors or not classes:
            raise DataFileError(f"{name}: no classes or no {BIAS!r} row")
        bias = vectors.pop(BIAS)
        return cls(classes, vectors, bias, name)


def _row(classes: Sequence[str], values: np.ndarray) -> dict[str, str]:
    return {c: _fmt(v) for c, v in zip(classes, values, strict=True)}


def _fmt(value: float) -> str:
    text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def train(
    samples: Sequence[tuple[frozenset[str], str]],
    *,
    l2: float,
    steps: int,
    min_count: int,
    learning_rate: float = 0.05,
    model: type[M] = LinearModel,  # type: ignore[assignment]
) -> M:
    """Fit a model to (features, class) pairs; the same data gives the same weights.

    Features seen in fewer than ``min_count`` samples are left out. The weights
    are rounded to ``DECIMALS`` places, as the written table keeps them.
    """
    if not samples:
        raise ValueError("no training samples")
    classes = sorted({label for _, label in samples})
    counts = Counter(f for feats, _ in samples for f in feats)
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    column = {f: j for j, f in enumerate(vocab)}
    x = np.zeros((len(samples), len(vocab)))
    for i, (feats, _) in enumerate(samples):
        cols = [column[f] for f in feats if f in column]
        if cols:
            x[i, cols] = 1.0 / np.sqrt(len(cols))
    y = np.zeros((len(samples), len(classes)))
    y[np.arange(len(samples)), [classes.index(label) for _, label in samples]] = 1.0
    w = np.zeros((len(vocab), len(classes)))
    b = np.zeros(len(classes))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, steps + 1):
        z = x @ w + b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ (p - y) / len(samples) + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= learning_rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        b -= 0.5 * (p - y).mean(axis=0)
    w, b = np.round(w, DECIMALS), np.round(b, DECIMALS)
    return model(classes, {f: w[j] for f, j in column.items()}, b)
