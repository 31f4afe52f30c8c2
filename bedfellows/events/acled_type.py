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

from collections.abc import Iterable, Sequence
from functools import cache

from ..data import read_tsv
from ..schema import AcledType, Event
from ..util import linear
from ..util.linear import LinearModel
from .lede import features

WEIGHTS_FILE = "acled_type_weights.tsv"
BIAS = linear.BIAS

#: Training settings used by the build script and the benchmark alike.
L2 = 1e-4
STEPS = 400
LEARNING_RATE = 0.05
MIN_COUNT = 2


class AcledTypeModel(LinearModel):
    """The ACLED sub-event type model (a ``LinearModel`` whose classes are the types)."""

    table = WEIGHTS_FILE

    @property
    def types(self) -> tuple[str, ...]:
        """The ACLED sub-event types, in column order."""
        return self.classes

    def predict(self, feats: Iterable[str]) -> AcledType:
        """The most probable type (the first in ``types`` order on ties)."""
        return AcledType(*self.best(feats))

    def classify(self, text: str, events: Sequence[Event]) -> AcledType:
        """The ACLED sub-event type of ``text``, whose coded events are ``events``."""
        return self.predict(features(text, events))


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

    Features seen in fewer than ``min_count`` samples are left out (see
    ``bedfellows.util.linear.train``).
    """
    return linear.train(
        samples,
        l2=l2,
        steps=steps,
        min_count=min_count,
        learning_rate=LEARNING_RATE,
        model=AcledTypeModel,
    )
