#!/usr/bin/env python
"""Coding time against paragraph length: is the pipeline linear in article length?

    python benchmarks/long_input.py [--sizes 1000,5000,20000] [--seed 15]
                                    [--out benchmarks/results/long_input.json]

For each size, one article whose body is ONE paragraph of that many synthetic
news-like sentences (generated here from generic templates: countries, leaders,
ministries and verbs the coder codes, with dates, places and filler clauses;
nothing is read from ../shared) is coded through the real ``Pipeline.run`` into
a throwaway in-memory store. Reports seconds per 1,000 sentences for each size
and the ratio largest / smallest (target ≤ 1.5: time grows linearly with
length). The largest sizes are over spaCy's ``nlp.max_length``, so they also
check that an over-long paragraph is split and coded, not skipped.
Prints a table and writes JSON (figures only).
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import random
import shlex
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(REPO))

from benchmarks.outputs import add_record_option, out_path  # noqa: E402

log = logging.getLogger("benchmarks.long_input")

DEFAULT_OUT = REPO / "benchmarks" / "results" / "long_input.json"
DEFAULT_SIZES = (1_000, 5_000, 20_000)
TARGET_RATIO = 1.5  # seconds per 1,000 sentences, largest over smallest

# Generic template vocabulary (invented for this benchmark, not from any gold set).
_COUNTRIES = (
    "France", "Germany", "Japan", "Brazil", "Kenya", "Egypt", "India", "Turkey",
    "Mexico", "Canada", "Nigeria", "Iran", "Iraq", "Russia", "China", "Poland",
)  # fmt: skip
_PEOPLES = ("French", "German", "Japanese", "Brazilian", "Kenyan", "Egyptian", "Indian")
_OFFICES = ("President", "Prime Minister", "Foreign Minister", "Defence Minister")
_SURNAMES = ("Alvarez", "Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Novak")
_BODIES = ("government", "army", "police", "foreign ministry", "parliament", "opposition")
_CITIES = ("Paris", "Berlin", "Tokyo", "Nairobi", "Cairo", "Ankara", "Ottawa", "Lagos")
_DAYS = ("on Monday", "on Tuesday", "on Wednesday", "last week", "on Friday", "yesterday")
_VERBS = (
    "met with", "condemned", "accused", "praised", "criticized", "threatened",
    "signed an agreement with", "imposed sanctions on", "sent aid to", "attacked",
    "called for talks with", "thanked", "warned", "rejected proposals from",
    "agreed to cooperate with", "expelled diplomats from",
)  # fmt: skip
_TAILS = (
    "", " over the disputed border", " after weeks of tension", " in a joint statement",
    " during a visit to {city}", " at a summit in {city}", " over trade",
)  # fmt: skip
_TEMPLATES = (
    "{A} {verb} {B} {day}{tail}.",
    "The {people} {body} {verb} {B}{tail}, officials said.",
    "{office} {name} of {A} {verb} {B} {day}.",
    "{A}'s {body} {verb} {B}{tail}.",
    "In {city}, {office} {name} {verb} the {people} {body} {day}.",
    "Officials said {A} {verb} {B}{tail} {day}.",
    "Prices of grain rose again in {city} {day}, traders said.",
    "The talks, which began {day}, were expected to last several days.",
)


def sentences(n: int, seed: int = 15) -> list[str]:
    """``n`` synthetic news-like sentences, reproducibly from ``seed``."""
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(n):
        a, b = rng.sample(_COUNTRIES, 2)
        city = rng.choice(_CITIES)
        out.append(
            rng.choice(_TEMPLATES).format(
                A=a,
                B=b,
                verb=rng.choice(_VERBS),
                day=rng.choice(_DAYS),
                tail=rng.choice(_TAILS).format(city=city),
                people=rng.choice(_PEOPLES),
                body=rng.choice(_BODIES),
                office=rng.choice(_OFFICES),
                name=rng.choice(_SURNAMES),
                city=city,
            )
        )
    return out


def long_paragraph(n: int, seed: int = 15) -> str:
    """One paragraph of ``n`` synthetic sentences (no blank line inside)."""
    return " ".join(sentences(n, seed)) + "\n"


def code_one(pipeline, path: Path) -> dict:
    """Code one file through ``Pipeline.run`` into an in-memory store; its figures."""
    from bedfellows.store import Store

    with Store.open(":memory:") as store:
        run_id = store.begin_run()
        started = time.perf_counter()
        summary = pipeline.run([str(path)], store, run_id)
        seconds = time.perf_counter() - started
        skipped = [f"{s['source_path']}: {s['reason']}" for s in store.skipped()]
    return {
        "chars": path.stat().st_size,
        "seconds": round(seconds, 2),
        "events": summary.events,
        "articles_coded": summary.articles_coded,
        "skipped": skipped,
    }


def _figures(fig: dict, n: int) -> dict:
    fig["sentences"] = n
    fig["seconds_per_1000_sentences"] = round(fig["seconds"] * 1000 / n, 3)
    return fig


def run(sizes: Sequence[int], seed: int) -> dict:
    """Code one single-paragraph article per size; the figures as a dict."""
    from bedfellows.about import __version__
    from bedfellows.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline()
    _ = pipeline.nlp  # load the model and the coder outside the timings
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:  # generated text never outlives the run
        warm = Path(tmp) / "warm-up.txt"
        warm.write_text(long_paragraph(50, seed + 1), encoding="utf-8")
        code_one(pipeline, warm)  # lazy tables, gazetteer
        for n in sizes:
            path = Path(tmp) / f"long-{n}.txt"
            path.write_text(long_paragraph(n, seed), encoding="utf-8")
            results[str(n)] = _figures(code_one(pipeline, path), n)
            log.info("%d sentences: %.1fs", n, results[str(n)]["seconds"])
    small, large = results[str(min(sizes))], results[str(max(sizes))]
    ratio = large["seconds_per_1000_sentences"] / max(small["seconds_per_1000_sentences"], 1e-9)
    return {
        "benchmark": "long_input",
        "command": shlex.join(["python", "benchmarks/long_input.py", *sys.argv[1:]]),
        "bedfellows_version": __version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "seed": seed,
        "sizes": results,
        "ratio_largest_over_smallest": round(ratio, 3),
        "target_ratio": TARGET_RATIO,
        "meets_target": ratio <= TARGET_RATIO,
        "seconds": round(time.perf_counter() - started, 1),
    }


def render(doc: dict) -> None:
    """Print the results as a plain table."""
    print(f"{'sentences':>10} {'chars':>10} {'seconds':>8} {'s/1k sent':>10} {'events':>7}")
    for fig in doc["sizes"].values():
        print(
            f"{fig['sentences']:>10} {fig['chars']:>10} {fig['seconds']:>8.1f} "
            f"{fig['seconds_per_1000_sentences']:>10.3f} {fig['events']:>7}"
        )
    mark = "meets" if doc["meets_target"] else "ABOVE"
    print(
        f"largest / smallest (s per 1k sentences): {doc['ratio_largest_over_smallest']:.3f} "
        f"({mark} ≤ {doc['target_ratio']})"
    )


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(s) for s in text.split(",") if s.strip()})
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a list of integers: {text}") from exc
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive integers")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated sentence counts (default 1000,5000,20000)",
    )
    parser.add_argument("--seed", type=int, default=15, help="sentence generator seed")
    parser.add_argument("--out", type=Path, default=None, help="JSON results file")
    add_record_option(parser)
    args = parser.parse_args(argv)
    args.out = out_path(DEFAULT_OUT.name, args.record, args.out)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    doc = run(args.sizes, args.seed)
    render(doc)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
