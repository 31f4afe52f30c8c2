"""How well event confidences are calibrated: reliability, Brier score, precision-recall.

Input is (confidence, right?) pairs of coded events (``gold/event_labels.py``
says which events are right). Everything returned is aggregate: bins, curves
and totals, never a single event, so the same summary may be reported for a
lockbox part.

- **Reliability**: events binned by confidence (``BINS`` equal-width bins);
  per bin the events, mean confidence and share right. A calibrated model's
  share right follows its mean confidence. **ECE** is the event-weighted mean
  gap between the two; **Brier** the mean squared error of the confidences.
- **Precision-recall**: for each threshold t in ``THRESHOLDS``, the events with
  confidence ≥ t: how many, the share of them right (precision) and the share
  of all right events among them (recall).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

BINS = 10
THRESHOLDS = tuple(round(i / 20, 2) for i in range(20))  # 0.00, 0.05, …, 0.95


def summary(pairs: Sequence[tuple[float, bool]]) -> dict:
    """Reliability bins, ECE, Brier score and the precision-recall curve of ``pairs``."""
    n = len(pairs)
    n_right = sum(ok for _, ok in pairs)
    bins = []
    ece = 0.0
    for b in range(BINS):
        lo, hi = b / BINS, (b + 1) / BINS
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi or (b == BINS - 1 and c == 1.0)]
        if not inside:
            bins.append(
                {"low": lo, "high": hi, "events": 0, "mean_confidence": None, "share_right": None}
            )
            continue
        mean_c = sum(c for c, _ in inside) / len(inside)
        share = sum(ok for _, ok in inside) / len(inside)
        ece += len(inside) / n * abs(mean_c - share)
        bins.append(
            {
                "low": lo,
                "high": hi,
                "events": len(inside),
                "mean_confidence": round(mean_c, 3),
                "share_right": round(share, 3),
            }
        )
    curve = []
    for t in THRESHOLDS:
        kept = [ok for c, ok in pairs if c >= t]
        right = sum(kept)
        curve.append(
            {
                "threshold": t,
                "events": len(kept),
                "precision": round(right / len(kept), 3) if kept else None,
                "recall": round(right / n_right, 3) if n_right else None,
            }
        )
    return {
        "events": n,
        "right": n_right,
        "share_right": round(n_right / n, 3) if n else None,
        "mean_confidence": round(sum(c for c, _ in pairs) / n, 3) if n else None,
        "brier": round(sum((c - ok) ** 2 for c, ok in pairs) / n, 4) if n else None,
        "ece": round(ece, 4) if n else None,
        "reliability": bins,
        "precision_recall": curve,
    }


def choose_threshold(curve: Sequence[Mapping], min_precision: float) -> float | None:
    """The lowest threshold whose precision reaches ``min_precision`` (None if none does)."""
    for point in curve:
        if point["precision"] is not None and point["precision"] >= min_precision:
            return point["threshold"]
    return None


def write_png(title: str, parts: Mapping[str, Mapping], path: Path) -> bool:
    """A reliability diagram and a precision-recall curve side by side, one line per part.

    RETURNS (bool): False when matplotlib is not installed.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.4))
    left.plot([0, 1], [0, 1], color="grey", linestyle=":", linewidth=1, label="calibrated")
    for label, s in parts.items():
        pts = [
            (b["mean_confidence"], b["share_right"], b["events"])
            for b in s["reliability"]
            if b["events"]
        ]
        if pts:
            left.plot(
                [p[0] for p in pts],
                [p[1] for p in pts],
                marker="o",
                label=f"{label} (n={s['events']})",
            )
            for x, y, k in pts:
                left.annotate(str(k), (x, y), fontsize=6, xytext=(2, 2), textcoords="offset points")
        curve = [p for p in s["precision_recall"] if p["precision"] is not None]
        right.plot(
            [p["recall"] for p in curve], [p["precision"] for p in curve], marker=".", label=label
        )
        for p in curve[::4]:
            right.annotate(f"{p['threshold']:.2f}", (p["recall"], p["precision"]), fontsize=6)
    left.set_xlabel("confidence (bin mean)")
    left.set_ylabel("share of events right")
    left.set_xlim(0, 1)
    left.set_ylim(0, 1)
    left.set_title("reliability (labels: points = events per bin)", fontsize=9)
    left.legend(fontsize=7)
    right.set_xlabel("recall (share of right events kept)")
    right.set_ylabel("precision (share of kept events right)")
    right.set_xlim(0, 1.02)
    right.set_ylim(0, 1.02)
    right.set_title("precision-recall by --min-confidence (labels: threshold)", fontsize=9)
    right.legend(fontsize=7)
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True
