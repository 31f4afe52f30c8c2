#!/usr/bin/env python
"""The figures a coding change may be judged on while it is written.

    python benchmarks/tune.py [--shared PATH] [--stories N] [--no-audit]
                              [--out FILE]

Reads only what may be read (never a lockbox record):

- the **tune parts** of the PLOVER, PETRARCH-2 and ConfliBERT gold sets (``gold.common.
  split_parts``): event type / CAMEO root / class, source and target country,
  joint;
- the **training half** of the synthetic stories (``gold.synthetic_stories.
  training_half``, its first ``--stories``, sha256 order): share of stories
  whose events include the labelled type, events per story;
- the **judged audit events** (``benchmarks/audit/round*.tsv``): the precision
  of those the code still codes and how many right and wrong ones it no longer
  codes (``audit.still_coded``).

These are development figures: a change that raises them may still not carry
over. ``accuracy.py`` (lockboxes, in aggregate) and a fresh audit sample say
whether it did.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(REPO))

DEFAULT_SHARED = REPO.parent / "shared"
AUDIT = REPO / "benchmarks" / "audit"
GOLD = ("plover_gsr_dev", "petr2_gsr_validation", "conflibert_cameo_class")
DEFAULT_STORIES = 1000
#: Figures printed per gold set (those the set's ``score`` reports).
_SHOWN = (
    "event_type_accuracy",
    "cameo_root_accuracy",
    "source_country_accuracy",
    "target_country_accuracy",
    "joint_accuracy",
    "class_accuracy",
)


def gold_tune(shared: Path, pipeline) -> dict:
    """Each gold set's figures on its tune part."""
    from benchmarks.accuracy import GOLD_SETS, code_records, score_part
    from benchmarks.gold.common import TUNE, split_parts

    out = {}
    for name in GOLD:
        module = GOLD_SETS[name]
        tune = split_parts(module, module.load(shared))[TUNE]
        by_article, _ = code_records(pipeline, tune)
        preds = {r.record_id: by_article.get(r.article_id, []) for r in tune}
        metrics = score_part(name, tune, preds, pipeline, fast=True)["metrics"]
        out[name] = {k: round(metrics[k], 4) for k in _SHOWN if metrics.get(k) is not None}
        out[name]["records"] = len(tune)
    return out


def stories(shared: Path, pipeline, n: int) -> dict:
    """The synthetic training half's found share and events per story."""
    from benchmarks.accuracy import code_records
    from benchmarks.gold import synthetic_stories

    records = synthetic_stories.training_half(shared)[:n]
    by_article, _ = code_records(pipeline, records)
    preds = {r.record_id: by_article.get(r.article_id, []) for r in records}
    scored = synthetic_stories.score(records, preds)
    return {
        "stories": len(records),
        **{k: round(v, 4) for k, v in scored["metrics"].items() if isinstance(v, float)},
        **{k: round(v, 3) for k, v in scored["rates"].items()},
        "per_type": {
            t: round(v["labelled_type_found"], 3) for t, v in sorted(scored["per_type"].items())
        },
    }


def audit(shared: Path) -> dict:
    """``audit.still_coded`` for every judged round."""
    from benchmarks import audit as audit_mod

    _, events = audit_mod.code_corpus(shared)
    return {
        tsv.stem: audit_mod.still_coded(audit_mod.read_tsv(tsv), events)
        for tsv in sorted(AUDIT.glob("round*.tsv"))
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--stories", type=int, default=DEFAULT_STORIES)
    parser.add_argument("--no-audit", action="store_true", help="leave out the audit rounds")
    parser.add_argument("--out", type=Path, default=None, help="JSON file")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    from bedfellows.pipeline import Pipeline

    t0 = time.perf_counter()
    pipeline = Pipeline()
    doc = {"gold_tune": gold_tune(args.shared, pipeline)}
    doc["synthetic_training"] = stories(args.shared, pipeline, args.stories)
    if not args.no_audit:
        doc["audit"] = audit(args.shared)
    doc["seconds"] = round(time.perf_counter() - t0, 1)
    for name, figures in doc["gold_tune"].items():
        print(name, " ".join(f"{k.replace('_accuracy', '')}={v}" for k, v in figures.items()))
    syn = doc["synthetic_training"]
    print(
        "synthetic training:",
        " ".join(f"{k}={v}" for k, v in syn.items() if k != "per_type"),
    )
    print("  per type:", " ".join(f"{k}={v}" for k, v in syn["per_type"].items()))
    for name, figures in doc.get("audit", {}).items():
        print(name, " ".join(f"{k}={v}" for k, v in figures.items()))
    print(f"{doc['seconds']} s")
    if args.out:
        args.out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
