"""ConfliBERT CAMEO actor spans (``data/gold/conflibert_cameo_ner_train.txt``).

1,153 English news sentences in CoNLL form (one ``token tag`` per line, a
blank line between sentences) with BIO tags for event actors: ``S`` source,
``T`` target, ``R`` reciprocal (a party that is both, as in "X and Y met").
This is a separate record set from ``conflibert_cameo_class``.

Each sentence's text is rebuilt from its tokens (``detokenize``): tokens are
joined by one space, except no space before closing punctuation
(``. , ) : ; % ! ? ”``), before a hyphen, after an opening one
(``( $ “``) or a hyphen, and around a right single quote that starts a
clitic ("Israel ’ s" → "Israel’s"). Gold spans are the character spans of
the tagged token runs in that text.

Definitions used by ``score``:

- **Predicted spans** of a role: the character spans of the sources (targets)
  of every predicted event of the sentence (any modality, any basis), each
  distinct span counted once per sentence.
- **R spans count for both roles**: a reciprocal gold actor is a gold source
  and a gold target (the coder writes joint acts as each party's source and
  the other's target). ``reciprocal_span_recall`` reports them alone: the
  share of R spans overlapped by a predicted actor span of either role.
- **Matching** is lenient overlap: a predicted source span is correct when it
  shares a character with a gold source (or reciprocal) span, and a gold span
  is found when a predicted span of the same role overlaps it. Precision and
  recall come from those two counts over all sentences, F1 from them.
- **Actor span F1** ignores roles: every predicted actor span against every
  gold span.
- **Coverage**: share of sentences with at least one predicted event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bedfellows.schema import ActorRef, Event

from ..scoring import rate, safe_div, span_overlap_counts, span_prf
from .common import GoldRecord

NAME = "conflibert_cameo_ner"
FILE = "conflibert_cameo_ner_train.txt"
PATH = Path("data") / "gold" / FILE

#: Headline metrics checked by the fast regression test.
HEADLINE = ("source_span_f1", "target_span_f1")
#: ``accuracy.py --fast`` codes every 4th sentence (289 of 1,153).
FAST_EVERY = 4

_NO_SPACE_BEFORE = {".", ",", ")", ":", ";", "%", "!", "?", "”", "-", "'s", "n't"}
_NO_SPACE_AFTER = {"(", "$", "“", "-"}
_CLITICS = {"s", "t", "re", "ll", "ve", "d", "m"}


@dataclass(frozen=True)
class SpanRecord(GoldRecord):
    """A sentence with its gold actor spans: (role "S"/"T"/"R", start, end) in ``text``."""

    spans: tuple[tuple[str, int, int], ...] = ()


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Sentence text from tokens, and each token's character span in it."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    for i, tok in enumerate(tokens):
        if i:
            prev = tokens[i - 1]
            glue = (
                tok in _NO_SPACE_BEFORE
                or prev in _NO_SPACE_AFTER
                or tok == "’"
                or (prev == "’" and tok.lower() in _CLITICS)
            )
            if not glue:
                parts.append(" ")
                length += 1
        offsets.append((length, length + len(tok)))
        parts.append(tok)
        length += len(tok)
    return "".join(parts), offsets


def bio_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(role, first token, end token) runs of BIO tags; an I- without a B- starts a run."""
    spans: list[tuple[str, int, int]] = []
    role, start = None, 0
    for i, tag in enumerate([*tags, "O"]):
        kind, _, lab = tag.partition("-")
        if role is not None and (kind != "I" or lab != role):
            spans.append((role, start, i))
            role = None
        if kind == "B" or (kind == "I" and role is None and lab):
            role, start = lab, i
    return spans


def parse(conll: str, source_file: str = FILE) -> list[SpanRecord]:
    """Records from the CoNLL text: id ``cn<sentence number>``."""
    records: list[SpanRecord] = []
    for block in conll.split("\n\n"):
        rows = [line.split() for line in block.splitlines() if line.strip()]
        if not rows:
            continue
        if any(len(r) != 2 for r in rows):
            raise ValueError(f"{source_file}: sentence {len(records) + 1}: expected 'token tag'")
        tokens = [r[0] for r in rows]
        text, offsets = detokenize(tokens)
        spans = tuple(
            (role, offsets[s][0], offsets[e - 1][1])
            for role, s, e in bio_spans([r[1] for r in rows])
        )
        records.append(
            SpanRecord(
                record_id=f"cn{len(records) + 1:04d}",
                source_file=source_file,
                text=text,
                spans=spans,
            )
        )
    return records


def load(shared: Path) -> list[SpanRecord]:
    """The ConfliBERT actor-span sentences under ``shared``."""
    return parse((Path(shared) / PATH).read_text(encoding="utf-8"))


def actor_spans(actors: Iterable[ActorRef], text_len: int) -> set[tuple[int, int]]:
    """Distinct character spans of predicted actors that lie inside the sentence."""
    return {(a.start, a.end) for a in actors if 0 <= a.start < a.end <= text_len}


def score(records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]) -> dict:
    """Score predicted source/target spans against the gold actor spans.

    RETURNS (dict): ``metrics`` (P/R/F1 per role, actor spans, R recall,
        coverage), ``rates`` and ``counts``.
    """
    tallies = {k: [0, 0, 0, 0] for k in ("source", "target", "actor")}
    recip_hit = recip_n = 0
    covered: list[bool] = []
    n_events = 0
    for rec in records:
        gold = getattr(rec, "spans", ())
        events = list(predictions.get(rec.record_id, ()))
        n_events += len(events)
        covered.append(bool(events))
        n = len(rec.text)
        pred = {
            "source": set().union(*(actor_spans(e.sources, n) for e in events)),
            "target": set().union(*(actor_spans(e.targets, n) for e in events)),
        }
        pred["actor"] = pred["source"] | pred["target"]
        gold_by = {
            "source": {(s, e) for r, s, e in gold if r in ("S", "R")},
            "target": {(s, e) for r, s, e in gold if r in ("T", "R")},
            "actor": {(s, e) for _, s, e in gold},
        }
        for key, tally in tallies.items():
            for i, v in enumerate(span_overlap_counts(gold_by[key], pred[key])):
                tally[i] += v
        recip = {(s, e) for r, s, e in gold if r == "R"}
        _, _, hit, n_r = span_overlap_counts(recip, pred["actor"])
        recip_hit += hit
        recip_n += n_r
    res = {k: span_prf(*v) for k, v in tallies.items()}
    metrics: dict[str, float] = {}
    for key in ("source", "target", "actor"):
        for m in ("f1", "precision", "recall"):
            metrics[f"{key}_span_{m}"] = res[key][m]
    metrics["reciprocal_span_recall"] = safe_div(recip_hit, recip_n)
    metrics["coverage"] = rate(covered)
    n_rec = len(records)
    return {
        "n_sentences": n_rec,
        "metrics": metrics,
        "rates": {"events_per_sentence": safe_div(n_events, n_rec)},
        "counts": {
            "sentences": n_rec,
            "predicted_events": n_events,
            "gold_source_spans": res["source"]["gold"],
            "gold_target_spans": res["target"]["gold"],
            "gold_reciprocal_spans": recip_n,
            "predicted_source_spans": res["source"]["predicted"],
            "predicted_target_spans": res["target"]["predicted"],
        },
    }
