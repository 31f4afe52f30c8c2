#!/usr/bin/env python
"""Hand-judged label noise of the synthetic stories: the ceiling of ``labelled_type_found``.

    python benchmarks/synthetic_label_check.py sample [--shared /work/shared]
    python benchmarks/synthetic_label_check.py score [--tsv ...] [--out ...] [--shared ...]

The synthetic-story set (``benchmarks/gold/synthetic_stories.py``) labels each
story with the PLOVER type its prompt asked for; the writer did not always
report such an event. The benchmark scores the share of stories whose coded
events include the labelled type, so the share of stories that *do* report an
event of their labelled type is its ceiling.

**The sample** (``sample``): from the training half only
(``training_half``; the lockbox is never read), for each of the 16 PLOVER
types, ``PER_TYPE`` (10) stories drawn with ``random.Random(SEED)`` (16) from
that type's records in ``record_id`` order (types in alphabetical order, one
generator shared across them; all of a type's stories when it has fewer).
``sample`` prints the drawn ids, so the draw can be checked against the TSV.

**The judgements** (``benchmarks/labels/synthetic_label_check.tsv``, written by
hand, no story text): per story ``verdict`` = ``yes`` if the story reports at
least one event of its labelled type by the PLOVER manual's definitions, in
any modality (asserted, negated, hypothetical, intended, claimed), ``no`` if
it does not (a mere mention of the topic is not an event), ``unclear`` when a
reading either way is defensible; ``lede`` = ``yes`` when such an event is in
the first sentence or paragraph (on an ``unclear`` row: where the doubtful
candidate is; it only counts with ``yes``); ``reason`` a short phrase.

**The score** (``score``): share of ``yes`` over all judged stories (with a 95%
Wilson interval; ``unclear`` counts as not ``yes``, and the share counting it
as ``yes`` is given too), the same per type, the share with the event in the
lede, and the counts. The sample has equally many stories per type, so the
overall share weights the types equally; ``share_yes_weighted`` reweights the
per-type shares by each type's number of stories in the training half, which
estimates the share over the set as it is (the benchmark's lockbox sample).
``score`` also checks that the TSV's ids are the drawn sample (or a per-type
prefix of it, when fewer were judged).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))

from benchmarks.gold.synthetic_stories import training_half  # noqa: E402
from benchmarks.outputs import add_record_option, out_path  # noqa: E402

SEED = 16
PER_TYPE = 10
TSV = HERE / "labels" / "synthetic_label_check.tsv"
OUT = HERE / "results" / "synthetic_label_check.json"
COLUMNS = ("record_id", "label", "verdict", "lede", "reason")
VERDICTS = frozenset({"yes", "no", "unclear"})
Z95 = 1.959963984540054


def ids_by_label(shared: Path) -> dict[str, list[str]]:
    """Every training-half record id per labelled type (the lockbox is not read)."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for rec in training_half(shared):
        by_label[rec.events[0].label].append(rec.record_id)
    return dict(by_label)


def draw(
    by_label: dict[str, list[str]], per_type: int = PER_TYPE, seed: int = SEED
) -> dict[str, list[str]]:
    """The seeded sample: label → drawn record ids (in draw order).

    by_label (dict): training-half ids per type (``ids_by_label``).
    per_type (int): stories per type. seed (int): seed of the one
    ``random.Random`` used for every type.
    RETURNS (dict): label (alphabetical) → up to ``per_type`` record ids.
    """
    rng = random.Random(seed)
    out: dict[str, list[str]] = {}
    for label in sorted(by_label):
        ids = sorted(by_label[label])
        out[label] = rng.sample(ids, min(per_type, len(ids)))
    return out


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for ``k`` successes out of ``n`` (``(0, 0)`` when n is 0)."""
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    den = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return (max(0.0, centre - half), min(1.0, centre + half))


def read_tsv(path: Path) -> list[dict[str, str]]:
    """The judgement rows of the TSV, validated (columns, verdict and lede values)."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}: expected columns {COLUMNS}, got {reader.fieldnames}")
        rows = list(reader)
    for row in rows:
        if row["verdict"] not in VERDICTS:
            raise ValueError(f"{row['record_id']}: bad verdict {row['verdict']!r}")
        if row["lede"] not in {"yes", "no"}:
            raise ValueError(f"{row['record_id']}: bad lede {row['lede']!r}")
    return rows


def check_sample(rows: Iterable[dict[str, str]], drawn: dict[str, list[str]]) -> dict:
    """Compare the TSV's ids with the draw: each type's judged ids must be a prefix of its draw.

    RETURNS (dict): ``matches_draw`` (bool), ``full_draw`` (every drawn id judged)
        and ``problems`` (human-readable mismatches).
    """
    judged: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        judged[row["label"]].add(row["record_id"])
    problems = []
    full = True
    for label in sorted(set(judged) | set(drawn)):
        ids = drawn.get(label, [])
        got = judged.get(label, set())
        prefix = set(ids[: len(got)])
        if got != prefix:
            problems.append(f"{label}: judged ids are not the first {len(got)} drawn")
        if len(got) < len(ids):
            full = False
    return {"matches_draw": not problems, "full_draw": full and not problems, "problems": problems}


def summarise(rows: Sequence[dict[str, str]], population: dict[str, int] | None = None) -> dict:
    """Shares of stories reporting their labelled type, overall and per type, from the TSV rows.

    population (dict): stories per type in the training half; when given,
    ``share_yes_weighted`` reweights the per-type shares by it.
    """
    n = len(rows)
    yes = sum(r["verdict"] == "yes" for r in rows)
    unclear = sum(r["verdict"] == "unclear" for r in rows)
    lede = sum(r["verdict"] == "yes" and r["lede"] == "yes" for r in rows)
    low, high = wilson(yes, n)
    per_type: dict[str, dict] = {}
    by_label: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_label[r["label"]].append(r)
    for label, group in sorted(by_label.items()):
        counts = Counter(r["verdict"] for r in group)
        k = counts["yes"]
        per_type[label] = {
            "share_yes": k / len(group),
            "wilson95": list(wilson(k, len(group))),
            "share_yes_in_lede": sum(r["verdict"] == "yes" and r["lede"] == "yes" for r in group)
            / len(group),
            "stories": len(group),
            "yes": k,
            "no": counts["no"],
            "unclear": counts["unclear"],
        }
    return {
        "metrics": {
            "share_yes": yes / n if n else 0.0,
            "share_yes_wilson95": [low, high],
            "share_yes_or_unclear": (yes + unclear) / n if n else 0.0,
            "share_yes_in_lede": lede / n if n else 0.0,
            "share_yes_weighted": _weighted(per_type, population) if population else None,
            "types_at_least_0_50": sum(v["share_yes"] >= 0.5 for v in per_type.values()),
        },
        "counts": {
            "stories": n,
            "yes": yes,
            "no": sum(r["verdict"] == "no" for r in rows),
            "unclear": unclear,
            "yes_in_lede": lede,
            "types": len(per_type),
        },
        "per_type": per_type,
    }


def _weighted(per_type: dict[str, dict], population: dict[str, int]) -> float:
    """Per-type shares of ``yes`` weighted by each judged type's population count."""
    total = sum(population.get(label, 0) for label in per_type)
    return sum(v["share_yes"] * population.get(label, 0) for label, v in per_type.items()) / total


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``sample`` prints the drawn ids, ``score`` scores the TSV."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("sample", "score"))
    ap.add_argument("--shared", type=Path, default=Path("/work/shared"))
    ap.add_argument("--tsv", type=Path, default=TSV)
    ap.add_argument("--out", type=Path, default=None, help="JSON results file")
    add_record_option(ap)
    args = ap.parse_args(argv)
    args.out = out_path(OUT.name, args.record, args.out)
    by_label = ids_by_label(args.shared)
    drawn = draw(by_label)
    if args.command == "sample":
        for label, ids in drawn.items():
            for record_id in ids:
                print(f"{label}\t{record_id}")
        return 0
    rows = read_tsv(args.tsv)
    result = summarise(rows, {label: len(ids) for label, ids in by_label.items()})
    result["counts"]["training_half_per_type"] = {k: len(v) for k, v in sorted(by_label.items())}
    result["sample"] = {"seed": SEED, "per_type": PER_TYPE, **check_sample(rows, drawn)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    m, c = result["metrics"], result["counts"]
    low, high = m["share_yes_wilson95"]
    print(
        f"stories {c['stories']}: yes {c['yes']}, no {c['no']}, unclear {c['unclear']}\n"
        f"share reporting labelled type: {m['share_yes']:.3f} (95% Wilson {low:.3f}-{high:.3f}); "
        f"counting unclear as yes {m['share_yes_or_unclear']:.3f}\n"
        f"share with it in the lede: {m['share_yes_in_lede']:.3f}\n"
        f"reweighted by type frequency in the training half: {m['share_yes_weighted']:.3f}\n"
        f"types at >= 0.50: {m['types_at_least_0_50']} of {c['types']}"
    )
    for label, v in result["per_type"].items():
        print(
            f"  {label:<11} {v['share_yes']:.2f}  (yes {v['yes']}, no {v['no']}, "
            f"unclear {v['unclear']} of {v['stories']}; lede {v['share_yes_in_lede']:.2f})"
        )
    print(f"sample matches seeded draw: {result['sample']['matches_draw']}", end="")
    print(f" (full draw judged: {result['sample']['full_draw']})")
    for problem in result["sample"]["problems"]:
        print(f"  {problem}")
    print(f"wrote {args.out}")
    return 0 if result["sample"]["matches_draw"] else 1


if __name__ == "__main__":
    sys.exit(main())
