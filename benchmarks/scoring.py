"""Pure scoring functions: accuracy, per-class precision/recall/F1, macro-F1.

Written here (sklearn is not a dependency). Conventions follow sklearn's
``zero_division=0``: a class that is never predicted has precision 0, a class
that never occurs in gold has recall 0, and F1 is 0 whenever P + R is 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence


def safe_div(num: float, den: float) -> float:
    """``num / den``, or 0.0 when ``den`` is 0 (an empty denominator scores nothing)."""
    return num / den if den else 0.0


def accuracy(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    """Share of positions where ``pred`` equals ``gold`` (0.0 for empty input).

    gold (Sequence): gold labels. pred (Sequence): predicted labels, same length.
    RETURNS (float): accuracy in [0, 1].
    """
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} labels but pred has {len(pred)}")
    return safe_div(sum(g == p for g, p in zip(gold, pred, strict=True)), len(gold))


def rate(flags: Iterable[bool]) -> float:
    """Share of True values in ``flags`` (0.0 when there are none)."""
    flags = list(flags)
    return safe_div(sum(bool(f) for f in flags), len(flags))


def per_class_prf(
    gold: Sequence[Hashable], pred: Sequence[Hashable], labels: Iterable[Hashable] | None = None
) -> dict[Hashable, dict[str, float]]:
    """Precision, recall, F1 and support for each label.

    gold (Sequence): gold labels. pred (Sequence): predicted labels, same length.
    labels (Iterable): labels to report. Defaults to every label in gold or pred.
    RETURNS (dict): label → {"precision", "recall", "f1", "support", "predicted"}.
    """
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} labels but pred has {len(pred)}")
    gold_n = Counter(gold)
    pred_n = Counter(pred)
    tp = Counter(g for g, p in zip(gold, pred, strict=True) if g == p)
    if labels is None:
        labels = set(gold_n) | set(pred_n)
    out: dict[Hashable, dict[str, float]] = {}
    for label in sorted(labels, key=str):
        p = safe_div(tp[label], pred_n[label])
        r = safe_div(tp[label], gold_n[label])
        out[label] = {
            "precision": p,
            "recall": r,
            "f1": safe_div(2 * p * r, p + r),
            "support": gold_n[label],
            "predicted": pred_n[label],
        }
    return out


def macro_f1(
    gold: Sequence[Hashable], pred: Sequence[Hashable], labels: Iterable[Hashable] | None = None
) -> float:
    """Unweighted mean of per-class F1 over ``labels`` (default: the gold labels).

    Averaging over gold labels only means a spurious predicted class lowers the
    precision of nothing it is not confused with, but a gold class that is
    never predicted still counts, with F1 0.
    """
    if labels is None:
        labels = set(gold)
    labels = list(labels)
    prf = per_class_prf(gold, pred, labels)
    return safe_div(sum(v["f1"] for v in prf.values()), len(labels))


def set_match(gold: Iterable[str], pred: Iterable[str]) -> bool:
    """True when the two code sets are equal (empty codes ignored)."""
    return {g for g in gold if g} == {p for p in pred if p}


def set_overlap(gold: Iterable[str], pred: Iterable[str]) -> bool:
    """True when the two code sets share at least one code (empty codes ignored)."""
    return bool({g for g in gold if g} & {p for p in pred if p})


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from true positive, false positive and false negative counts.

    RETURNS (dict): ``precision``, ``recall``, ``f1`` (0.0 where undefined) and
        the three counts.
    """
    p = safe_div(tp, tp + fp)
    r = safe_div(tp, tp + fn)
    return {
        "precision": p,
        "recall": r,
        "f1": safe_div(2 * p * r, p + r),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def detection_prf(gold: Sequence[bool], pred: Sequence[bool]) -> dict[str, float]:
    """``prf`` of a binary detection task: one gold and one predicted flag per item."""
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} flags but pred has {len(pred)}")
    pairs = list(zip(gold, pred, strict=True))
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if p and not g)
    fn = sum(1 for g, p in pairs if g and not p)
    return prf(tp, fp, fn)


def confusion_counts(
    gold: Sequence[Hashable], pred: Sequence[Hashable]
) -> dict[Hashable, dict[Hashable, int]]:
    """Confusion counts: gold label → predicted label → number of items (sorted by label)."""
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} labels but pred has {len(pred)}")
    out: dict[Hashable, Counter] = {}
    for g, p in zip(gold, pred, strict=True):
        out.setdefault(g, Counter())[p] += 1
    return {
        g: dict(sorted(c.items(), key=lambda kv: str(kv[0])))
        for g, c in sorted(out.items(), key=lambda kv: str(kv[0]))
    }


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when the half-open character spans ``a`` and ``b`` share a character."""
    return a[0] < b[1] and b[0] < a[1]


def span_overlap_counts(
    gold: Iterable[tuple[int, int]], pred: Iterable[tuple[int, int]]
) -> tuple[int, int, int, int]:
    """Lenient span matching: a span counts as found when it overlaps any span of the other side.

    Duplicate spans are counted once. Several predicted spans may match one
    gold span (and the reverse), so precision and recall are computed from
    different counts.

    RETURNS (tuple): (predicted spans that overlap a gold span, predicted
        spans, gold spans overlapped by a predicted span, gold spans).
    """
    gold_set, pred_set = set(gold), set(pred)
    pred_hit = sum(any(spans_overlap(p, g) for g in gold_set) for p in pred_set)
    gold_hit = sum(any(spans_overlap(g, p) for p in pred_set) for g in gold_set)
    return pred_hit, len(pred_set), gold_hit, len(gold_set)


def span_prf(pred_hit: int, n_pred: int, gold_hit: int, n_gold: int) -> dict[str, float]:
    """Precision (``pred_hit / n_pred``), recall (``gold_hit / n_gold``) and their F1."""
    p = safe_div(pred_hit, n_pred)
    r = safe_div(gold_hit, n_gold)
    return {
        "precision": p,
        "recall": r,
        "f1": safe_div(2 * p * r, p + r),
        "predicted": n_pred,
        "gold": n_gold,
    }
