"""Each event's confidence as a calibrated probability that it is right.

The coder's own confidence is a hand-set score per rule. Here a small learned
model turns what is known about an event candidate into the probability that
the event is right (its type, and its source and target actors), so that
``--min-confidence 0.6`` means "events at least 60 % likely to be right".

Features (all general properties of the candidate, no words of the sentence):

- the rule that made it: ``rule=`` verb pattern or bare verb default, noun,
  comment, claim, …; ``parts=`` how many conditions the pattern has
  (specificity); ``digits=`` how specific the CAMEO code is; the coder's own
  confidence, bucketed (``raw=``);
- the trigger's part of speech and dependency relation (``pos=``, ``dep=``)
  and whether it has a subject or an object in the parse;
- the actors: each role's basis and kind (``src=text:country``,
  ``tgt=implied:unknown``), whether it has a country, no target at all, the
  characters between the trigger and its nearest source (``dist=``);
- the CAMEO root and PLOVER type; the modality and whether it is reported;
- where it is: the lede or later, a reader comment, how many events its
  sentence holds.

The model is the shared linear model (``util.linear``, two classes ``right``
and ``wrong``). ``scripts/build_data/build_confidence_model.py`` trains it on
events coded from the *tune* parts of the PLOVER and PETRARCH-2 gold sets
(right when its type, source and target match the gold event) and from the
hand-judged real-news audit sample (``benchmarks/audit/round1.tsv``), and ships
it as ``event_confidence_weights.tsv``; ``benchmarks/accuracy.py`` reports its
calibration (reliability diagram) and precision-recall curve on the lockbox
parts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

from ..data import read_tsv
from ..schema import Event
from ..util import linear
from ..util.linear import LinearModel

WEIGHTS_FILE = "event_confidence_weights.tsv"
RIGHT = "right"
WRONG = "wrong"

#: Training settings (the build script's; changing one needs a rebuild).
L2 = 1e-3
STEPS = 400
MIN_COUNT = 5
LEARNING_RATE = 0.05

#: Probabilities are stored with two decimals, within [FLOOR, CEILING]: no
#: event is certain, and none is kept with a probability that rounds to zero.
FLOOR = 0.01
CEILING = 0.99

#: (is_comment, comment_index, sentence_index, trigger_start): one trigger.
TriggerKey = tuple[bool, int | None, int, int]


def trigger_key(event: Event) -> TriggerKey:
    """The key of an event's trigger among an article's parsed tokens."""
    return (event.is_comment, event.comment_index, event.sentence_index, event.trigger_start)


def token_features(doc, offset: int, events: Iterable[Event]) -> dict[TriggerKey, frozenset[str]]:
    """The parse features of each event's trigger in ``doc`` (a paragraph parsed at ``offset``).

    Events whose trigger is not in ``doc`` are left out.
    """
    out: dict[TriggerKey, frozenset[str]] = {}
    for ev in events:
        span = doc.char_span(
            ev.trigger_start - offset, ev.trigger_end - offset, alignment_mode="expand"
        )
        if span is None or not len(span):
            continue
        tok = span.root
        deps = {c.dep_ for c in tok.children}
        feats = {f"pos={tok.pos_}", f"dep={tok.dep_}"}
        if deps & {"nsubj", "nsubjpass", "csubj"}:
            feats.add("has_subject")
        if deps & {"dobj", "obj", "pobj", "dative", "attr"}:
            feats.add("has_object")
        if "neg" in deps:
            feats.add("has_neg")
        out[trigger_key(ev)] = frozenset(feats)
    return out


def _rule(pattern: str) -> tuple[str, int]:
    """The rule kind of an event's ``pattern`` and its number of conditions."""
    parts = [p for p in (pattern or "").split(":") if p]
    if not parts:
        return "none", 0
    kind = parts[0]
    if kind == "verb" and len(parts) <= 2:
        kind = "verb_default"  # the verb alone, no pattern condition
    return kind, max(0, len(parts) - 2)


def _bucket(value: float, edges: Sequence[float]) -> int:
    return sum(value >= e for e in edges)


def _role(prefix: str, actors: Sequence) -> list[str]:
    if not actors:
        return [f"{prefix}=none"]
    a = actors[0]
    out = [f"{prefix}={a.basis}:{a.kind}", f"{prefix}_country={bool(a.country)}"]
    if len(actors) > 1:
        out.append(f"{prefix}_several")
    return out


def features(
    event: Event, parse: frozenset[str] = frozenset(), in_sentence: int = 1
) -> frozenset[str]:
    """The features of one event (``parse``: its ``token_features``; ``in_sentence``:
    the number of events coded in its sentence)."""
    kind, parts = _rule(event.pattern)
    feats = {
        f"rule={kind}",
        f"parts={min(parts, 3)}",
        f"digits={len(event.cameo_code)}",
        f"raw={_bucket(event.confidence, (0.5, 0.6, 0.7, 0.8, 0.9))}",
        f"root={event.cameo_root}",
        f"plover={event.plover_type or 'none'}",
        f"mod={event.modality.value}",
        f"lede={event.sentence_index == 0}",
        f"crowd={min(in_sentence, 4)}",
    }
    if event.reported_by is not None or event.reported_by_text:
        feats.add("reported")
    if event.is_comment:
        feats.add("comment")
    if event.historical:
        feats.add("historical")
    feats.update(_role("src", event.sources))
    feats.update(_role("tgt", event.targets))
    spans = [a for a in event.sources if a.basis == "text" and a.end > a.start]
    if spans:
        gap = min(max(a.start - event.trigger_end, event.trigger_start - a.end, 0) for a in spans)
        feats.add(f"dist={_bucket(gap, (1, 20, 60, 150))}")
    feats.update(parse)
    feats.update(f"rule={kind}&{f}" for f in parse if f.startswith("pos="))
    return frozenset(feats)


def article_features(
    events: Sequence[Event], parses: dict[TriggerKey, frozenset[str]]
) -> list[frozenset[str]]:
    """The features of each of an article's events (in order)."""
    per_sentence = Counter((e.is_comment, e.comment_index, e.sentence_index) for e in events)
    return [
        features(
            e,
            parses.get(trigger_key(e), frozenset()),
            per_sentence[(e.is_comment, e.comment_index, e.sentence_index)],
        )
        for e in events
    ]


class ConfidenceModel(LinearModel):
    """The event-confidence model (a ``LinearModel`` over ``right`` and ``wrong``)."""

    table = WEIGHTS_FILE

    def probability_right(self, feats: Iterable[str]) -> float:
        """The probability that an event with these features is right."""
        return self.probability(feats, RIGHT)


@cache
def load_model() -> ConfidenceModel:
    """The packaged model (read once per process)."""
    return ConfidenceModel.from_rows(read_tsv(WEIGHTS_FILE))


def train(samples: Sequence[tuple[frozenset[str], bool]]) -> ConfidenceModel:
    """Fit the model to (features, right?) pairs; deterministic."""
    return linear.train(
        [(f, RIGHT if ok else WRONG) for f, ok in samples],
        l2=L2,
        steps=STEPS,
        min_count=MIN_COUNT,
        learning_rate=LEARNING_RATE,
        model=ConfidenceModel,
    )


def calibrate(
    events: Sequence[Event], parses: dict[TriggerKey, frozenset[str]], model: ConfidenceModel
) -> list[Event]:
    """The events with ``confidence`` set to the model's probability that each is right."""
    out = []
    for ev, feats in zip(events, article_features(events, parses), strict=True):
        p = min(CEILING, max(FLOOR, model.probability_right(feats)))
        out.append(replace(ev, confidence=round(p, 2)))
    return out
