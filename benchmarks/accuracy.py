#!/usr/bin/env python
"""Accuracy of bedfellows on the gold sets in ``../shared/data/gold``.

    python benchmarks/accuracy.py [--shared PATH] [--out benchmarks/results/accuracy.json]
                                  [--limit N] [--sets NAME ...]

Every gold sentence becomes one ``Article`` (id ``gold_<record id>``, body = the
sentence); all of them, from all sets, go through ONE ``Pipeline`` in one
``code_articles`` call. Each set's module (``benchmarks/gold/``) loads its
records and scores the predicted events; the definitions are in those
modules' docstrings. Prints one table and writes JSON with figures and record
ids only (no sentence text).

A sentence on which the pipeline raises is coded on its own, its failure is
logged (record id and exception) and counted, and it scores as "no events";
the rest of the batch goes on.
"""

from __future__ import annotations

import argparse
import json
import logging
import shlex
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(REPO))

from benchmarks.gold import GOLD_SETS, GoldRecord, to_article  # noqa: E402

log = logging.getLogger("benchmarks.accuracy")

DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "benchmarks" / "results" / "accuracy.json"


def code_records(pipeline, records: Sequence[GoldRecord]) -> tuple[dict, dict[str, str]]:
    """Code every record's sentence with ``pipeline`` in as few batches as possible.

    One ``code_articles`` call codes everything when nothing fails. If the
    pipeline raises, the first article not yet returned is coded alone (to
    pin the failure on a record) and the batch resumes after it.

    RETURNS (tuple): article id → list of Events, and article id → failure
        ("ExceptionType: message") for articles the pipeline could not code.
    """
    articles = [to_article(r) for r in records]
    ids = [a.article_id for a in articles]
    if len(set(ids)) != len(ids):
        raise ValueError("gold record ids collide: article ids must be unique")
    predictions: dict[str, list] = {}
    failures: dict[str, str] = {}
    remaining = articles
    while remaining:
        try:
            for article, events in pipeline.code_articles(iter(remaining)):
                predictions[article.article_id] = list(events)
            remaining = []
        except Exception:  # a benchmark reports failures, it does not stop
            rest = [a for a in remaining if a.article_id not in predictions]
            first, remaining = rest[0], rest[1:]
            try:
                for article, events in pipeline.code_articles([first]):
                    predictions[article.article_id] = list(events)
            except Exception as exc:  # recorded and reported below
                failures[first.article_id] = f"{type(exc).__name__}: {exc}"
                log.exception("pipeline failed on %s", first.source_path)
    return predictions, failures


def _mention_resolver(pipeline):
    """Actor text → gold-comparable code, with the pipeline's knowledge base."""
    from bedfellows.actors import resolve_phrase
    from benchmarks.gold.plover import actor_code

    def resolve(text: str) -> str | None:
        res = resolve_phrase(text.split(), None, kb=pipeline.kb)
        return actor_code(res.to_ref(text, 0, len(text))) if res is not None else None

    return resolve


def _safe(fn, default=None):
    try:
        return fn()
    except Exception as exc:  # provenance must not sink the benchmark
        log.warning("could not read provenance: %s", exc)
        return default


def run(
    shared: Path,
    *,
    limit: int | None = None,
    sets: Sequence[str] | None = None,
    pipeline=None,
) -> dict:
    """Load the gold sets, code them with one pipeline and score each set.

    shared (Path): the ``../shared`` folder. limit (int): first N records of
    each set. sets (Sequence[str]): set names (default: all of ``GOLD_SETS``).
    pipeline (Pipeline): reuse a pipeline (default: a new ``Pipeline()``).
    RETURNS (dict): the results document written as JSON.
    """
    from bedfellows.about import __version__
    from bedfellows.pipeline import Pipeline, data_manifest_sha256

    started = time.perf_counter()
    names = list(sets or GOLD_SETS)
    unknown = [n for n in names if n not in GOLD_SETS]
    if unknown:
        raise ValueError(f"unknown gold sets {unknown}; known: {sorted(GOLD_SETS)}")
    loaded: dict[str, list[GoldRecord]] = {}
    for name in names:
        records = GOLD_SETS[name].load(Path(shared))
        loaded[name] = records[:limit] if limit is not None else records

    pipeline = pipeline or Pipeline()
    t0 = time.perf_counter()
    _ = pipeline.nlp, pipeline.coder  # load the model and tables outside the coding time
    load_seconds = time.perf_counter() - t0

    everything = [r for recs in loaded.values() for r in recs]
    t0 = time.perf_counter()
    by_article, failures = code_records(pipeline, everything)
    coding_seconds = time.perf_counter() - t0

    results: dict[str, dict] = {}
    for name, records in loaded.items():
        preds = {r.record_id: by_article.get(r.article_id, []) for r in records}
        module = GOLD_SETS[name]
        scored = module.score(records, preds)
        if hasattr(module, "score_mentions"):
            scored["metrics"].update(module.score_mentions(records, _mention_resolver(pipeline)))
        scored["failures"] = {
            r.record_id: failures[r.article_id].split(":", 1)[0]
            for r in records
            if r.article_id in failures
        }
        results[name] = scored

    prov = _safe(pipeline.provenance, {}) or {}
    return {
        "bedfellows_version": __version__,
        "data_manifest_sha256": _safe(data_manifest_sha256),
        "model": prov.get("model_version") or getattr(pipeline, "model_name", None),
        "command": shlex.join([Path(sys.executable).name, *sys.argv]),
        "limit": limit,
        "sentences": len(everything),
        "failures": len(failures),
        "seconds": round(time.perf_counter() - started, 2),
        "seconds_model_load": round(load_seconds, 2),
        "seconds_coding": round(coding_seconds, 2),
        "sets": results,
    }


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def render(doc: Mapping) -> None:
    """Print the results as one table (rich)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=(
            f"bedfellows {doc['bedfellows_version']} accuracy — {doc['sentences']} sentences, "
            f"{doc['seconds']} s (coding {doc['seconds_coding']} s), "
            f"{doc['failures']} pipeline failures"
        )
    )
    table.add_column("set")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for name, res in doc["sets"].items():
        first = True
        for section in ("metrics", "rates", "counts"):
            for key, value in res[section].items():
                table.add_row(name if first else "", key, _fmt(value))
                first = False
        for label, prf in res.get("per_type", {}).items():
            table.add_row(
                "",
                f"F1 {label} (gold {prf['support']}, pred {prf['predicted']})",
                _fmt(prf["f1"]),
            )
        if res["failures"]:
            table.add_row("", "failed records", ", ".join(sorted(res["failures"])))
        table.add_section()
    Console(width=120).print(table)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="../shared folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON results file")
    parser.add_argument("--limit", type=int, default=None, help="first N records of each set")
    parser.add_argument(
        "--sets", nargs="+", choices=sorted(GOLD_SETS), default=None, help="gold sets to run"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not (args.shared / "data" / "gold").is_dir():
        parser.error(f"no gold data under {args.shared}/data/gold")
    doc = run(args.shared, limit=args.limit, sets=args.sets)
    render(doc)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
