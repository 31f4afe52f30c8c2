"""The ACLED sub-event type of a short passage, from its words and its coded events.

Conflict analysts file events under ACLED's sub-event types ("armed clash",
"air/drone strike", "peaceful protest", "agreement", "non-violent transfer of
territory", ...). Some of ACLED's conventions are not CAMEO's: a surrender or a
prisoner swap is an *agreement*, a town taken "without resistance" is a
*transfer*. The rule-based coder codes the sentence's own verbs as CAMEO defines
them; this model learns ACLED's conventions from labelled passages, reading both
the words and what the coder found in them:

- words: lower-cased alphabetic tokens and adjacent pairs (``"prisoner_swap"``);
- events: ``type=<PLOVER type>`` and ``root=<CAMEO root>`` of every coded event
  with a PLOVER type, ``primary=<type>`` and ``primary_code=<code>`` of the
  highest-confidence one, or ``no_event``.

The model is a multinomial logistic regression (softmax over the types, L2
penalty, full-batch Adam from zero weights, a fixed number of steps), so
training is deterministic. ``scripts/build_data/build_acled_model.py`` trains it
on the CASE 2021 task 2 development snippets and writes it as a plain TSV
(``acled_type_weights.tsv``: one row per feature, one column per type, a
``(bias)`` row); ``benchmarks/gold/case2021.py`` reports it by 5-fold
cross-validation, never on its own training data.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

import numpy as np

from ..data import read_tsv
from ..errors import DataFileError
from ..ingest import split_paragraphs
from ..schema import AcledType, Article, Event

WEIGHTS_FILE = "acled_type_weights.tsv"
#: An article's lede, which the model reads: its first body paragraphs up to
#: this many characters (the training snippets are ~260 characters, mostly ledes).
LEDE_CHARS = 200
BIAS = "(bias)"

#: Training settings used by the build script and the benchmark alike.
L2 = 1e-4
STEPS = 400
LEARNING_RATE = 0.05
MIN_COUNT = 2
#: Decimal places kept when the weights are written (and before any prediction,
#: so a freshly trained model predicts exactly as its written table does).
DECIMALS = 4

_WORD = re.compile(r"[a-z]+")


def primary_event(events: Sequence[Event]) -> Event | None:
    """The highest-confidence event with a PLOVER type (the earliest on ties), or None."""
    best = None
    for e in events:
        if e.plover_type and (best is None or e.confidence > best.confidence):
            best = e
    return best


def features(text: str, events: Sequence[Event]) -> frozenset[str]:
    """The binary features of a passage: its words and word pairs, and its coded events."""
    words = _WORD.findall(text.lower())
    out = set(words)
    out.update(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    typed = [e for e in events if e.plover_type]
    for e in typed:
        out.add(f"type={e.plover_type}")
        out.add(f"root={e.cameo_root}")
    prim = primary_event(typed)
    if prim is None:
        out.add("no_event")
    else:
        out.add(f"primary={prim.plover_type}")
        out.add(f"primary_code={prim.cameo_code}")
    return frozenset(out)


def lede(article: Article, events: Iterable[Event]) -> tuple[str, list[Event]]:
    """An article's lede (its first body paragraphs up to ``LEDE_CHARS``
    characters) and the events coded in it. A whole article mixes its main
    event with background; the lede states the main event."""
    end = 0
    for para in split_paragraphs(article, include_comments=False):
        end = para.start + len(para.text)
        if end >= LEDE_CHARS:
            break
    return article.body[:end], [e for e in events if not e.is_comment and e.sentence_start < end]


def article_features(article: Article, events: Iterable[Event]) -> frozenset[str]:
    """The features of an article's lede (``lede``) with its events."""
    return features(*lede(article, events))


class AcledTypeModel:
    """Weights of the linear model: feature → one weight per type, plus a bias row."""

    def __init__(self, types: Sequence[str], weights: dict[str, np.ndarray], bias: np.ndarray):
        if len(bias) != len(types) or any(len(w) != len(types) for w in weights.values()):
            raise ValueError("every weight row needs one value per type")
        self.types = tuple(types)
        self.weights = weights
        self.bias = bias

    def scores(self, feats: Iterable[str]) -> np.ndarray:
        """Probabilities of the types (in ``types`` order) for one passage's features."""
        present = [self.weights[f] for f in feats if f in self.weights]
        # Inputs are binary features scaled to unit length (as in training).
        z = self.bias + (np.sum(present, axis=0) / np.sqrt(len(present)) if present else 0.0)
        z = np.exp(z - z.max())
        return z / z.sum()

    def predict(self, feats: Iterable[str]) -> AcledType:
        """The most probable type (the first in ``types`` order on ties)."""
        p = self.scores(feats)
        best = int(np.argmax(p))
        return AcledType(self.types[best], float(p[best]))

    def classify(self, text: str, events: Sequence[Event]) -> AcledType:
        """The ACLED sub-event type of ``text``, whose coded events are ``events``."""
        return self.predict(features(text, events))

    def rows(self) -> list[dict[str, str]]:
        """The model as table rows: ``feature`` and one column per type, bias first."""
        out = [{"feature": BIAS, **_row(self.types, self.bias)}]
        for feat in sorted(self.weights):
            out.append({"feature": feat, **_row(self.types, self.weights[feat])})
        return out

    @classmethod
    def from_rows(cls, rows: Sequence[dict[str, str]]) -> AcledTypeModel:
        """Rebuild a model from ``rows()`` (or the packaged table's rows)."""
        types = [k for k in rows[0] if k != "feature"] if rows else []
        try:
            vectors = {r["feature"]: np.array([float(r[t]) for t in types]) for r in rows}
        except (KeyError, ValueError) as exc:
            raise DataFileError(f"{WEIGHTS_FILE}: malformed weight ({exc})") from exc
        if BIAS not in vectors or not types:
            raise DataFileError(f"{WEIGHTS_FILE}: no types or no {BIAS!r} row")
        bias = vectors.pop(BIAS)
        return cls(types, vectors, bias)


def _row(types: Sequence[str], values: np.ndarray) -> dict[str, str]:
    return {t: _fmt(v) for t, v in zip(types, values, strict=True)}


def _fmt(value: float) -> str:
    text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@cache
def load_model() -> AcledTypeModel:
    """The packaged model (read once per process)."""
    return AcledTypeModel.from_rows(read_tsv(WEIGHTS_FILE))


def train(
    samples: Sequence[tuple[frozenset[str], str]],
    *,
    l2: float = L2,
    steps: int = STEPS,
    min_count: int = MIN_COUNT,
) -> AcledTypeModel:
    """Fit the model to (features, type) pairs; the same data gives the same weights.

    Features seen in fewer than ``min_count`` samples are left out. The weights
    are rounded to ``DECIMALS`` places, as the written table keeps them.
    """
    if not samples:
        raise ValueError("no training samples")
    types = sorted({label for _, label in samples})
    counts = Counter(f for feats, _ in samples for f in feats)
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    column = {f: j for j, f in enumerate(vocab)}
    x = np.zeros((len(samples), len(vocab)))
    for i, (feats, _) in enumerate(samples):
        cols = [column[f] for f in feats if f in column]
        if cols:
            x[i, cols] = 1.0 / np.sqrt(len(cols))
    y = np.zeros((len(samples), len(types)))
    y[np.arange(len(samples)), [types.index(label) for _, label in samples]] = 1.0
    w = np.zeros((len(vocab), len(types)))
    b = np.zeros(len(types))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, steps + 1):
        z = x @ w + b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ (p - y) / len(samples) + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        b -= 0.5 * (p - y).mean(axis=0)
    w, b = np.round(w, DECIMALS), np.round(b, DECIMALS)
    return AcledTypeModel(types, {f: w[j] for f, j in column.items()}, b)
