#!/usr/bin/env python
"""Recovery of planted alliance structure from synthetic event streams (issue 5).

    python benchmarks/alliances.py [--noise 0,0.1,0.2,0.3] [--seeds 3]
                                   [--out benchmarks/results/alliances.json]

For each noise level and seed, ``bedfellows.network.synthetic.generate`` draws a
world (default spec: 40 actors in 4 blocs, 36 months, 20,000 events, 3 planted
strange-bedfellows pairs, 3 planted shifts; ``noise`` is the share of events whose
sign is flipped against the planted relation), writes it into an in-memory
store and runs the public API of ``bedfellows.network`` with its defaults:

**Blocs.** ``find_blocs(signed_network(db))`` on the whole-period network, scored
against the planted blocs with ``adjusted_rand_index`` over every actor (an actor
absent from the graph would count as a bloc of its own).

**Strange bedfellows.** ``strange_bedfellows(db, start, end)`` on every calendar
month of the period (no knowledge of the planted windows: the honest scan). A
prediction is a row with ``strange`` true, i.e. a (month, pair). It is right
when the pair was planted and the month lies in its window [m0, m1). Reported:

- *pairs*: precision = planted pairs flagged inside their window / distinct pairs
  flagged (a pair flagged in several months counts once; a planted pair flagged
  only outside its window is wrong); recall = planted pairs flagged inside their
  window / planted pairs;
- *pair-months*: precision = right (month, pair) rows / all rows; recall = planted
  (month, pair) found / planted window months;
- the same pair figures over rows whose cooperation is asserted ("cooperating")
  rather than only discussed (hypothetical), and over pairs flagged in two
  consecutive months ("sustained": the planted windows last 2-6 months, chance
  cooperation of a hostile pair rarely does);
- *top-k*: the precision of the ranking, over the k best pairs by their best
  monthly ``score`` (k = the number of planted pairs);
- as a ceiling, the recall when the planted window itself is given (one call per
  planted pair);
- a window where ``strange_bedfellows`` raises yields no prediction and is counted
  (``failed_windows``, with the first error), so a failure shows as lost recall.

**Shifts.** ``shifts(db)`` over every dyad (monthly, its default minimum of 10
links per dyad). The truth is every planted change of sign
(``SyntheticWorld.sign_changes``: the planted shifts and the two edges of each
bedfellows window, which are real changes of the dyad's relation too). A
detected shift matches a planted change on the same dyad when its first month is
within ±1 month; matching is one-to-one, closest first. Precision over all
dyads, and over the planted dyads only (detections on dyads with a planted
change); recall over all planted changes and over the planted shifts only. The
planted changes are all changes of sign, so the same figures are also given for
the detections whose segment means differ in sign ("flips"); the others are moves
within cooperation or within conflict, which the world does not plant.

Figures pooled over seeds (micro-averaged: summed counts, then ratios; the ARI
is the mean). Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: make ``bedfellows`` importable from the repo
    sys.path.insert(0, str(REPO))

import polars as pl  # noqa: E402

from bedfellows.about import __version__  # noqa: E402
from bedfellows.network import (  # noqa: E402
    adjusted_rand_index,
    find_blocs,
    shifts,
    signed_network,
    strange_bedfellows,
)
from bedfellows.network.synthetic import SyntheticSpec, SyntheticWorld, generate, write_world  # noqa: E402
from bedfellows.store import Store  # noqa: E402
from benchmarks.outputs import add_record_option, out_path  # noqa: E402

DEFAULT_OUT = REPO / "benchmarks" / "results" / "alliances.json"
DEFAULT_NOISE = (0.0, 0.1, 0.2, 0.3)
DEFAULT_SPEC = SyntheticSpec()
MATCH_MONTHS = 1  # a detected shift may be this many months off the planted one


def _ratio(num: int, den: int) -> float | None:
    return None if den == 0 else round(num / den, 4)


def _month_end(world: SyntheticWorld, m: int) -> date:
    """Last day of month ``m`` (inclusive window end, as the API takes it)."""
    first = world.months[m]
    nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def score_blocs(world: SyntheticWorld, db: Store) -> dict[str, Any]:
    """ARI of the blocs found on the whole-period signed network."""
    graph = signed_network(db)
    part = find_blocs(graph)
    actors = sorted(world.blocs)
    # An actor missing from the graph is a bloc of its own (a unique label).
    found = [part.labels.get(a, f"missing:{a}") for a in actors]
    ari = adjusted_rand_index([world.blocs[a] for a in actors], found)
    return {
        "ari": round(ari, 4),
        "n_blocs_found": part.n_blocs,
        "n_blocs_planted": world.spec.n_blocs,
        "frustration": round(part.frustration, 4),
        "edges": graph.number_of_edges(),
        "method": part.method,
    }


def _strange(db: Store, start: date, end: date, failures: list[str]) -> pl.DataFrame | None:
    """The strange rows of ``strange_bedfellows`` in a window, or None when the call fails.

    A failing window is counted (with its error) instead of stopping the benchmark: it
    yields no prediction, so the failure shows as lost recall and in ``failed_windows``.
    """
    try:
        frame = strange_bedfellows(db, start=start, end=end)
    except Exception as exc:  # noqa: BLE001 - any failure of the API under test is a result
        failures.append(f"{start}..{end}: {type(exc).__name__}: {exc}")
        return None
    return frame.filter(frame["strange"])


def score_bedfellows(world: SyntheticWorld, db: Store) -> dict[str, Any]:
    """Strange-bedfellows recovery from a scan of every month (see the module doc)."""
    failures: list[str] = []
    planted = {(p.a, p.b): p for p in world.bedfellows}
    rows: list[tuple[int, str, str, str]] = []  # (month, a, b, cooperation)
    best: dict[tuple[str, str], float] = {}  # each flagged pair's best monthly score
    for m in range(len(world.months)):
        frame = _strange(db, world.months[m], _month_end(world, m), failures)
        for r in [] if frame is None else frame.iter_rows(named=True):
            rows.append((m, r["a"], r["b"], r["cooperation"]))
            key = (r["a"], r["b"])
            best[key] = max(best.get(key, float("-inf")), r["score"])

    def right(m: int, a: str, b: str) -> bool:
        p = planted.get((a, b))
        return p is not None and p.m0 <= m < p.m1

    def pair_figures(selected: list[tuple[int, str, str, str]]) -> dict[str, Any]:
        pairs = {(a, b) for _, a, b, _ in selected}
        hits = {(a, b) for m, a, b, _ in selected if right(m, a, b)}
        return {
            "predicted_pairs": len(pairs),
            "right_pairs": len(hits),
            "planted_pairs": len(planted),
            "precision": _ratio(len(hits), len(pairs)),
            "recall": _ratio(len(hits), len(planted)),
        }

    def sustained(selected: list[tuple[int, str, str, str]]) -> list[tuple[int, str, str, str]]:
        # Rows of pairs flagged in two consecutive months (both rows of each such run).
        months = {(m, a, b) for m, a, b, _ in selected}
        return [
            r
            for r in selected
            if (r[0] - 1, r[1], r[2]) in months or (r[0] + 1, r[1], r[2]) in months
        ]

    # R-precision of the ranking: the top len(planted) pairs by their best monthly score.
    ranked = sorted(best, key=lambda k: (-best[k], k))[: len(planted)]
    right_pairs = {(a, b) for m, a, b, _ in rows if right(m, a, b)}
    top_right = sum(k in right_pairs for k in ranked)
    window_months = sum(p.m1 - p.m0 for p in planted.values())
    right_rows = {(m, a, b) for m, a, b, _ in rows if right(m, a, b)}
    given_window = 0
    for p in world.bedfellows:
        frame = _strange(db, p.start, p.end - timedelta(days=1), failures)
        if frame is not None:
            given_window += frame.filter((frame["a"] == p.a) & (frame["b"] == p.b)).height > 0
    return {
        "failed_windows": len(failures),
        "windows": len(world.months) + len(world.bedfellows),
        "first_failure": failures[0] if failures else None,
        "pairs": pair_figures(rows),
        "pairs_cooperating": pair_figures([r for r in rows if r[3] == "cooperating"]),
        "pairs_sustained": pair_figures(sustained(rows)),
        "top_k": {
            "k": len(planted),
            "right": top_right,
            "precision": _ratio(top_right, len(ranked)),
        },
        "pair_months": {
            "predicted": len(rows),
            "right": len(right_rows),
            "planted": window_months,
            "precision": _ratio(len(right_rows), len(rows)),
            "recall": _ratio(len(right_rows), window_months),
        },
        "given_window": {
            "found": given_window,
            "planted": len(planted),
            "recall": _ratio(given_window, len(planted)),
        },
    }


def match_shifts(
    truth: Sequence[tuple[str, str, int]], found: Sequence[tuple[str, str, int]], tolerance: int
) -> set[tuple[int, int]]:
    """One-to-one matches (truth index, found index) on the same dyad within ``tolerance``
    months, closest pairs first (ties: earlier truth, then earlier detection)."""
    candidates = sorted(
        (abs(tm - fm), i, j)
        for i, (ta, tb, tm) in enumerate(truth)
        for j, (fa, fb, fm) in enumerate(found)
        if (ta, tb) == (fa, fb) and abs(tm - fm) <= tolerance
    )
    used_t: set[int] = set()
    used_f: set[int] = set()
    matches = set()
    for _, i, j in candidates:
        if i not in used_t and j not in used_f:
            used_t.add(i)
            used_f.add(j)
            matches.add((i, j))
    return matches


def score_shifts(world: SyntheticWorld, db: Store) -> dict[str, Any]:
    """Shift detection against every planted change of sign (see the module doc)."""
    frame = shifts(db)
    found = [(r["a"], r["b"], world.month_of(r["period"])) for r in frame.iter_rows(named=True)]
    flips = [
        j
        for j, r in enumerate(frame.iter_rows(named=True))
        if r["mean_before"] * r["mean_after"] < 0
    ]
    truth = world.sign_changes()
    matches = match_shifts(truth, found, MATCH_MONTHS)
    matched_t = {i for i, _ in matches}
    matched_f = {j for _, j in matches}
    planted_dyads = {(a, b) for a, b, _ in truth}
    on_planted = [j for j, (a, b, _) in enumerate(found) if (a, b) in planted_dyads]
    shift_keys = {(s.a, s.b, s.month) for s in world.shifts}
    shift_idx = [i for i, t in enumerate(truth) if t in shift_keys]
    return {
        "detected": len(found),
        "detected_on_planted_dyads": len(on_planted),
        "planted_changes": len(truth),
        "matched": len(matches),
        "precision_all_dyads": _ratio(len(matches), len(found)),
        "precision_planted_dyads": _ratio(len(matches), len(on_planted)),
        "recall": _ratio(len(matched_t), len(truth)),
        "detected_sign_flips": len(flips),
        "matched_sign_flips": sum(j in matched_f for j in flips),
        "precision_sign_flips": _ratio(sum(j in matched_f for j in flips), len(flips)),
        "recall_sign_flips": _ratio(len({i for i, j in matches if j in set(flips)}), len(truth)),
        "planted_shifts": len(shift_idx),
        "planted_shifts_found": sum(i in matched_t for i in shift_idx),
        "recall_planted_shifts": _ratio(sum(i in matched_t for i in shift_idx), len(shift_idx)),
        "dyads_with_shifts": len({(a, b) for a, b, _ in found}),
    }


def run_one(spec: SyntheticSpec) -> dict[str, Any]:
    """Generate one world, store it in memory and score the three recoveries."""
    t0 = time.perf_counter()
    world = generate(spec)
    with Store.open(":memory:") as db:
        write_world(db, world)
        t1 = time.perf_counter()
        blocs = score_blocs(world, db)
        t2 = time.perf_counter()
        bedfellows = score_bedfellows(world, db)
        t3 = time.perf_counter()
        found_shifts = score_shifts(world, db)
        t4 = time.perf_counter()
    return {
        "noise": spec.noise,
        "seed": spec.seed,
        "blocs": blocs,
        "bedfellows": bedfellows,
        "shifts": found_shifts,
        "seconds": {
            "generate_and_write": round(t1 - t0, 3),
            "blocs": round(t2 - t1, 3),
            "bedfellows_scan": round(t3 - t2, 3),
            "shifts": round(t4 - t3, 3),
        },
    }


def _pool(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Micro-averaged figures over the seeds of one noise level."""

    def total(*path: str) -> int:
        out = 0
        for r in runs:
            value: Any = r
            for key in path:
                value = value[key]
            out += value
        return out

    def pairs(kind: str) -> dict[str, float | None]:
        right = total("bedfellows", kind, "right_pairs")
        return {
            "precision": _ratio(right, total("bedfellows", kind, "predicted_pairs")),
            "recall": _ratio(right, total("bedfellows", kind, "planted_pairs")),
        }

    aris = [r["blocs"]["ari"] for r in runs]
    matched = total("shifts", "matched")
    return {
        "runs": len(runs),
        "ari_mean": round(sum(aris) / len(aris), 4),
        "ari_min": min(aris),
        "bedfellows_pairs": pairs("pairs"),
        "bedfellows_pairs_cooperating": pairs("pairs_cooperating"),
        "bedfellows_pairs_sustained": pairs("pairs_sustained"),
        "bedfellows_top_k_precision": _ratio(
            total("bedfellows", "top_k", "right"), total("bedfellows", "top_k", "k")
        ),
        "bedfellows_pair_months": {
            "precision": _ratio(
                total("bedfellows", "pair_months", "right"),
                total("bedfellows", "pair_months", "predicted"),
            ),
            "recall": _ratio(
                total("bedfellows", "pair_months", "right"),
                total("bedfellows", "pair_months", "planted"),
            ),
        },
        "bedfellows_failed_windows": total("bedfellows", "failed_windows"),
        "bedfellows_windows": total("bedfellows", "windows"),
        "bedfellows_given_window_recall": _ratio(
            total("bedfellows", "given_window", "found"),
            total("bedfellows", "given_window", "planted"),
        ),
        "shifts": {
            "precision_all_dyads": _ratio(matched, total("shifts", "detected")),
            "precision_planted_dyads": _ratio(
                matched, total("shifts", "detected_on_planted_dyads")
            ),
            "recall": _ratio(matched, total("shifts", "planted_changes")),
            "recall_planted_shifts": _ratio(
                total("shifts", "planted_shifts_found"), total("shifts", "planted_shifts")
            ),
            "precision_sign_flips": _ratio(
                total("shifts", "matched_sign_flips"), total("shifts", "detected_sign_flips")
            ),
            "recall_sign_flips": _ratio(
                total("shifts", "matched_sign_flips"), total("shifts", "planted_changes")
            ),
            "detected_per_run": round(total("shifts", "detected") / len(runs), 1),
            "sign_flips_per_run": round(total("shifts", "detected_sign_flips") / len(runs), 1),
        },
    }


def run(spec: SyntheticSpec, noises: Sequence[float], seeds: int) -> dict[str, Any]:
    """Every (noise, seed) run and the pooled summary per noise level."""
    runs = []
    summary = {}
    for noise in noises:
        level = [run_one(replace(spec, noise=noise, seed=seed)) for seed in range(seeds)]
        runs.extend(level)
        summary[f"{noise:g}"] = _pool(level)
    spec_doc = asdict(spec)
    spec_doc["start"] = spec.start.isoformat()
    del spec_doc["noise"], spec_doc["seed"]
    return {
        "bedfellows_version": __version__,
        "command": shlex.join(["python", "benchmarks/alliances.py", *sys.argv[1:]]),
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "spec": spec_doc,
        "noise_levels": list(noises),
        "seeds": list(range(seeds)),
        "shift_match_months": MATCH_MONTHS,
        "summary": summary,
        "runs": runs,
    }


def _fmt(value: float | None, width: int = 5) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:{width}.2f}"


def render(doc: dict[str, Any]) -> None:
    """Print the pooled tables, one row per noise level."""
    spec = doc["spec"]
    print(
        f"alliance recovery: {spec['n_actors']} actors, {spec['n_blocs']} blocs, "
        f"{spec['n_months']} months, {spec['n_events']:,} events; seeds {doc['seeds']} pooled"
    )
    cols = ["noise", "ARI", "ARImin", "bf P", "bf R", "coopP", "coopR", "sustP", "sustR"]
    cols += ["top-k", "monP", "monR", "winR"]
    print(" ".join(f"{c:>6}" for c in cols))
    for noise, x in doc["summary"].items():
        cells = [float(noise), x["ari_mean"], x["ari_min"]]
        for kind in ("pairs", "pairs_cooperating", "pairs_sustained"):
            cells += [x[f"bedfellows_{kind}"]["precision"], x[f"bedfellows_{kind}"]["recall"]]
        cells += [x["bedfellows_top_k_precision"]]
        cells += [x["bedfellows_pair_months"]["precision"], x["bedfellows_pair_months"]["recall"]]
        cells += [x["bedfellows_given_window_recall"]]
        print(" ".join(_fmt(c, 6) for c in cells))
    failed = {k: x["bedfellows_failed_windows"] for k, x in doc["summary"].items()}
    if any(failed.values()):
        print(
            "strange_bedfellows FAILED in some windows (no prediction there), by noise: "
            + ", ".join(
                f"{k}: {n}/{doc['summary'][k]['bedfellows_windows']}" for k, n in failed.items()
            )
        )
    cols = ["noise", "sh P", "sh Pd", "sh R", "sh Rs", "flipP", "flipR", "n/run", "flips"]
    print(" ".join(f"{c:>6}" for c in cols))
    for noise, x in doc["summary"].items():
        sh = x["shifts"]
        cells = [float(noise), sh["precision_all_dyads"], sh["precision_planted_dyads"]]
        cells += [sh["recall"], sh["recall_planted_shifts"], sh["precision_sign_flips"]]
        cells += [sh["recall_sign_flips"]]
        print(
            " ".join(_fmt(c, 6) for c in cells)
            + f" {sh['detected_per_run']:6.1f} {sh['sign_flips_per_run']:6.1f}"
        )
    print(
        "bf: strange-bedfellows pairs from a scan of every month (coop: rows with asserted "
        "cooperation; sust: pairs flagged in 2 consecutive months; top-k: precision of the k "
        "best-scored pairs, k = planted; mon: (month, pair) rows; winR: recall given the "
        f"planted window). sh: shifts within ±{doc['shift_match_months']} month of a planted "
        "sign change (P all dyads, Pd planted dyads, R all planted changes, Rs planted shifts "
        "only; flip: detections whose segment means differ in sign; n/run, flips: detections "
        "per run)."
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--noise",
        default=",".join(f"{n:g}" for n in DEFAULT_NOISE),
        help="comma-separated noise levels (share of flipped events)",
    )
    parser.add_argument("--seeds", type=int, default=3, help="seeds per noise level (0..N-1)")
    parser.add_argument("--actors", type=int, default=DEFAULT_SPEC.n_actors)
    parser.add_argument("--blocs", type=int, default=DEFAULT_SPEC.n_blocs)
    parser.add_argument("--months", type=int, default=DEFAULT_SPEC.n_months)
    parser.add_argument("--events", type=int, default=DEFAULT_SPEC.n_events)
    parser.add_argument("--out", type=Path, default=None, help="JSON results file")
    add_record_option(parser)
    args = parser.parse_args(argv)
    args.out = out_path(DEFAULT_OUT.name, args.record, args.out)
    try:
        noises = [float(x) for x in args.noise.split(",") if x.strip()]
    except ValueError:
        parser.error(f"--noise: not a comma-separated list of numbers: {args.noise!r}")
    if args.seeds < 1:
        parser.error("--seeds must be at least 1")
    spec = SyntheticSpec(
        n_actors=args.actors, n_blocs=args.blocs, n_months=args.months, n_events=args.events
    )
    started = time.perf_counter()
    doc = run(spec, noises, args.seeds)
    doc["seconds_total"] = round(time.perf_counter() - started, 1)
    render(doc)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({doc['seconds_total']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
