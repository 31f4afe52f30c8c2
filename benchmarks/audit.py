#!/usr/bin/env python
"""A real-news precision audit: code real news, sample events, judge them by hand.

    python benchmarks/audit.py sample --seed N --out benchmarks/audit/roundK.tsv
                                      [--size 200] [--force]
    python benchmarks/audit.py show benchmarks/audit/roundK.tsv [--from I] [--to J]
    python benchmarks/audit.py score benchmarks/audit/roundK.tsv [--name roundK]
    python benchmarks/audit.py still benchmarks/audit/round*.tsv

**Corpus.** The tune part of the IndiaPoliceEvents development documents
(``gold/indiapolice.py``: one Article per document, with its date, coded as
``accuracy.py``'s ``code_records`` codes it) and the two seed articles in
``../shared/seeds`` (read by the pipeline's own ingest, ``read_articles``).
Lockbox documents (``gold.common.split_parts``) are never coded, sampled,
shown or judged: the audit only ever sees the tune part.

**sample** codes the corpus with one ``Pipeline``, pools every event (an id
coded twice is kept once), sorts the pool by event id and draws ``--size``
events with ``random.Random(seed).sample``, so a seed always draws the same
events from the same coding. It writes a TSV with the columns ``event_id``,
``verdict``, ``reason`` (verdict and reason empty, for the judge), rows in
event-id order. The TSV holds ids and verdicts only, never article text. A TSV
that already holds verdicts is not overwritten without ``--force``.

**show** codes the corpus again and prints each sampled event (sentence,
trigger, CAMEO code, PLOVER type, sources, targets, modality, date) to the
terminal for judging. Never redirect it into the repository: it prints
news text.

**score** reads a judged TSV and prints its precision (share of ``right``
among judged rows) with the count per verdict, and writes them as JSON to
``benchmarks/results/audit_<name>.json`` (name: the TSV's stem by default).

**still** codes the corpus again and, for each judged TSV, reports the
precision of the judged events the code still codes under the same id and how
many right and wrong ones it no longer codes: a development measure of a fix
(the judged events are development data once a fix has looked at them).

Verdicts (``VERDICTS``): ``right`` (PLOVER type and CAMEO root, source and
target actors' country and sector, and modality are all right), else the
first thing found wrong, in this order: ``not_an_event`` (no event of any
type happened or was reported: a noun, a title, boilerplate),
``wrong_type``, ``wrong_actor``, ``wrong_modality``, ``wrong_date`` (only
when clearly wrong).
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import math
import random
import sys
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(REPO))

from bedfellows.schema import ActorRef, Article, Event  # noqa: E402
from benchmarks.outputs import add_record_option, out_path  # noqa: E402

log = logging.getLogger("benchmarks.audit")

DEFAULT_SHARED = REPO.parent / "shared"

COLUMNS = ("event_id", "verdict", "reason")
RIGHT = "right"
VERDICTS = (RIGHT, "wrong_type", "wrong_actor", "wrong_modality", "wrong_date", "not_an_event")
DEFAULT_SIZE = 200


@dataclass(frozen=True)
class Row:
    """One row of an audit TSV: an event id and its (possibly empty) verdict and reason."""

    event_id: str
    verdict: str = ""
    reason: str = ""


# -- the corpus ------------------------------------------------------------------------


def tune_records(shared: Path) -> list:
    """The tune-part IndiaPoliceEvents documents (never a lockbox one)."""
    from benchmarks.gold import indiapolice
    from benchmarks.gold.common import TUNE, split_parts

    return split_parts(indiapolice, indiapolice.load(shared))[TUNE]


def seed_articles(shared: Path) -> list[Article]:
    """The seed articles, read by the pipeline's own ingest."""
    from bedfellows.ingest import read_articles

    out = []
    for item in read_articles([str(Path(shared) / "seeds")]):
        if isinstance(item, Article):
            out.append(item)
        else:
            log.warning("seed skipped: %s", item)
    return out


def code_corpus(shared: Path, pipeline=None) -> tuple[dict[str, Article], list[Event]]:
    """Code the audit corpus: tune-part IndiaPoliceEvents documents, then the seeds.

    RETURNS (tuple): article id → Article, and every event coded (in coding order).
    """
    from bedfellows.pipeline import Pipeline
    from benchmarks.accuracy import code_records
    from benchmarks.gold.common import to_article

    pipeline = pipeline or Pipeline()
    records = tune_records(shared)
    articles = {a.article_id: a for a in map(to_article, records)}
    predictions, failures = code_records(pipeline, records)
    for aid, why in failures.items():
        log.warning("could not code %s: %s", aid, why)
    events = [e for r in records for e in predictions.get(r.article_id, ())]
    seeds = seed_articles(shared)
    articles.update((a.article_id, a) for a in seeds)
    for _, evs in pipeline.code_articles(seeds):
        events.extend(evs)
    return articles, events


# -- sampling --------------------------------------------------------------------------


def pool(events: Iterable[Event]) -> list[Event]:
    """The events sorted by id, each id once (the first coded is kept)."""
    by_id: dict[str, Event] = {}
    for e in events:
        by_id.setdefault(e.event_id, e)
    return [by_id[k] for k in sorted(by_id)]


def draw(events: Iterable[Event], seed: int, size: int) -> list[Event]:
    """``size`` events drawn with ``random.Random(seed)`` from the id-sorted pool,
    returned in event-id order (all of them when the pool is smaller)."""
    pooled = pool(events)
    chosen = random.Random(seed).sample(pooled, min(size, len(pooled)))
    return sorted(chosen, key=lambda e: e.event_id)


# -- the TSV ---------------------------------------------------------------------------


def write_tsv(path: Path, rows: Iterable[Row]) -> None:
    """Write an audit TSV (header ``COLUMNS``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow((r.event_id, r.verdict, r.reason))


def read_tsv(path: Path) -> list[Row]:
    """Read an audit TSV; raises ValueError when it is not valid (``check_rows``)."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        lines = list(csv.reader(fh, delimiter="\t"))
    if not lines or tuple(lines[0]) != COLUMNS:
        raise ValueError(f"{path}: header must be {' TAB '.join(COLUMNS)}")
    rows = []
    for number, cells in enumerate(lines[1:], start=2):
        if len(cells) != len(COLUMNS):
            raise ValueError(f"{path}:{number}: {len(cells)} columns, not {len(COLUMNS)}")
        rows.append(Row(*(c.strip() for c in cells)))
    problems = check_rows(rows)
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    return rows


def check_rows(rows: Sequence[Row]) -> list[str]:
    """What is wrong with audit rows: empty or repeated ids, unknown verdicts,
    a reason without a verdict. Empty list: valid."""
    problems = []
    seen: set[str] = set()
    for r in rows:
        if not r.event_id:
            problems.append("empty event id")
        elif r.event_id in seen:
            problems.append(f"event id {r.event_id} repeated")
        seen.add(r.event_id)
        if r.verdict and r.verdict not in VERDICTS:
            problems.append(f"{r.event_id}: unknown verdict {r.verdict!r}")
        if r.reason and not r.verdict:
            problems.append(f"{r.event_id}: a reason without a verdict")
    return problems


def score_rows(rows: Sequence[Row]) -> dict:
    """Precision (share of ``right`` among judged rows) and the count per verdict."""
    judged = [r for r in rows if r.verdict]
    counts = Counter(r.verdict for r in judged)
    return {
        "sampled": len(rows),
        "judged": len(judged),
        "precision": round(counts[RIGHT] / len(judged), 4) if judged else None,
        "precision_ci95": wilson(counts[RIGHT], len(judged)),
        "counts": {v: counts[v] for v in VERDICTS},
    }


def precision_by_confidence(rows: Sequence[Row], events: Iterable[Event]) -> dict:
    """Precision of the judged events kept at each threshold of their current confidence
    (with the default ``--min-confidence`` among the thresholds)."""
    from bedfellows.thresholds import DEFAULT_MIN_CONFIDENCE

    by_id = {e.event_id: e for e in events}
    pairs = [
        (by_id[r.event_id].confidence, r.verdict == RIGHT)
        for r in rows
        if r.verdict and r.event_id in by_id
    ]
    thresholds = sorted({0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, DEFAULT_MIN_CONFIDENCE})
    points = []
    for t in thresholds:
        kept = [ok for c, ok in pairs if c >= t]
        points.append(
            {
                "threshold": t,
                "events": len(kept),
                "precision": round(sum(kept) / len(kept), 4) if kept else None,
                "precision_ci95": wilson(sum(kept), len(kept)),
            }
        )
    return {
        "still_coded": len(pairs),
        "default_min_confidence": DEFAULT_MIN_CONFIDENCE,
        "thresholds": points,
    }


def wilson(successes: int, n: int, z: float = 1.96) -> list[float] | None:
    """The Wilson score interval (95% by default) of a proportion, rounded; None for n = 0."""
    if n == 0:
        return None
    p = successes / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    denom = 1 + z * z / n
    return [round((centre - half) / denom, 4), round((centre + half) / denom, 4)]


# -- showing events --------------------------------------------------------------------


def _actor(a: ActorRef) -> str:
    code = "/".join(x for x in (a.country or "-", a.sector or "-") if x)
    return f"{a.text!r} → {a.name} [{code}; cameo {a.cameo or '-'}; {a.basis}]"


def describe(event: Event, article: Article | None, context: int = 240) -> str:
    """A printable account of one event, for judging (text: terminal only)."""
    d = event.date
    when = f"{d.start}..{d.end} {d.granularity or ''} ({d.basis}{': ' + d.text if d.text else ''})"
    lines = [
        f"article   {event.article_id}  published {article.published if article else '?'}",
        f"trigger   {event.trigger!r}  pattern {event.pattern}",
        f"codes     CAMEO {event.cameo_code}  PLOVER {event.plover_type}"
        f"  mode {event.plover_mode}  quad {event.quad_class}",
        f"modality  {event.modality.value}" + ("  historical" if event.historical else ""),
        f"date      {when}",
    ]
    lines += [f"source    {_actor(a)}" for a in event.sources] or ["source    -"]
    lines += [f"target    {_actor(a)}" for a in event.targets] or ["target    -"]
    lines += [f"opposed   {_actor(a)}" for a in event.opposed]
    if event.reported_by_text:
        lines.append(f"said by   {event.reported_by_text!r}")
    if event.place:
        lines.append(f"place     {event.place.name} ({event.place.country})")
    if article is not None and context:
        before = article.body[max(0, event.sentence_start - context) : event.sentence_start]
        lines.append("before    " + " ".join(before.split()))
    lines.append("sentence  " + " ".join(event.sentence.split()))
    return "\n".join(textwrap.shorten(x, 900, placeholder=" …") for x in lines)


# -- commands --------------------------------------------------------------------------


def cmd_sample(args: argparse.Namespace) -> int:
    """Code the corpus, draw the sample, write the TSV."""
    if args.out.exists() and not args.force and any(r.verdict for r in read_tsv(args.out)):
        raise SystemExit(f"{args.out} holds verdicts: not overwritten (--force to replace it)")
    articles, events = code_corpus(args.shared)
    judged = {r.event_id for tsv in args.exclude for r in read_tsv(tsv)}
    pooled = [e for e in pool(events) if e.event_id not in judged]
    chosen = draw(pooled, args.seed, args.size)
    write_tsv(args.out, (Row(e.event_id) for e in chosen))
    n_gold = sum(a.startswith("gold_") for a in articles)
    n_seed_events = sum(not e.article_id.startswith("gold_") for e in pooled)
    print(
        f"{n_gold} tune documents and {len(articles) - n_gold} seed articles; "
        f"{n_seed_events} of the pooled events are from the seeds"
    )
    print(
        f"{len(events)} events coded, {len(pooled)} distinct ids not judged before; "
        f"wrote {len(chosen)} to {args.out}"
    )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print the sampled events of a TSV for judging (to the terminal only)."""
    rows = read_tsv(args.tsv)
    articles, events = code_corpus(args.shared)
    by_id = {e.event_id: e for e in pool(events)}
    stop = args.to if args.to is not None else len(rows)
    missing = 0
    for i, r in enumerate(rows[args.start : stop], start=args.start):
        e = by_id.get(r.event_id)
        print(f"=== [{i}] {r.event_id}  {r.verdict} {r.reason}".rstrip())
        if e is None:
            missing += 1
            print("(not coded any more: the code has changed since the sample was drawn)")
            continue
        print(describe(e, articles.get(e.article_id)))
    if missing:
        print(f"{missing} sampled ids are no longer coded", file=sys.stderr)
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    """Score a judged TSV and write its JSON."""
    rows = read_tsv(args.tsv)
    name = args.name or Path(args.tsv).stem
    result = {"name": name, "tsv": _repo_relative(Path(args.tsv)), **score_rows(rows)}
    if args.by_confidence:
        _, events = code_corpus(args.shared)
        result["by_confidence"] = precision_by_confidence(rows, events)
    print(
        f"{name}: precision {result['precision']} ({result['counts'][RIGHT]} right "
        f"of {result['judged']} judged; {result['sampled']} sampled; "
        f"95% CI {result['precision_ci95']})"
    )
    for verdict, n in result["counts"].items():
        print(f"  {verdict:15} {n}")
    for point in result.get("by_confidence", {}).get("thresholds", []):
        print(
            f"  confidence >= {point['threshold']:.2f}: {point['events']} events, "
            f"precision {point['precision']}"
        )
    out = out_path(f"audit_{name}.json", args.record, args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


def still_coded(rows: Sequence[Row], events: Iterable[Event]) -> dict:
    """What the current code makes of judged events: the precision of those it
    still codes under the same id, and how many right and wrong ones it no
    longer codes (dropped, or coded differently: a new id nobody judged).

    A development measure for a fix, on events the fix may have been written
    against; only a fresh sample measures precision.
    """
    ids = {e.event_id for e in events}
    judged = [r for r in rows if r.verdict]
    kept = [r for r in judged if r.event_id in ids]
    gone = Counter(r.verdict == RIGHT for r in judged if r.event_id not in ids)
    right = sum(r.verdict == RIGHT for r in kept)
    return {
        "judged": len(judged),
        "still_coded": len(kept),
        "precision_still_coded": round(right / len(kept), 4) if kept else None,
        "right_no_longer_coded": gone[True],
        "wrong_no_longer_coded": gone[False],
        "pool": len(ids),
    }


def cmd_still(args: argparse.Namespace) -> int:
    """Code the corpus once and report each TSV's judged events the code still codes."""
    _, events = code_corpus(args.shared)
    result = {}
    for tsv in args.tsv:
        result[Path(tsv).stem] = figures = still_coded(read_tsv(tsv), events)
        print(
            f"{Path(tsv).stem}: {figures['still_coded']} of {figures['judged']} judged still "
            f"coded, precision {figures['precision_still_coded']}; no longer coded: "
            f"{figures['right_no_longer_coded']} right, {figures['wrong_no_longer_coded']} "
            f"wrong; pool {figures['pool']} events"
        )
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


def _repo_relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(REPO).as_posix()
    except ValueError:
        return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="../shared folder")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sample", help="code the corpus and draw a sample TSV")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--size", type=int, default=DEFAULT_SIZE)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--force", action="store_true", help="overwrite a TSV that holds verdicts")
    p.add_argument(
        "--exclude",
        type=Path,
        nargs="*",
        default=[],
        help="earlier audit TSVs: their events are not drawn again (a fresh sample)",
    )
    p.set_defaults(run=cmd_sample)
    p = sub.add_parser("show", help="print a TSV's sampled events for judging (terminal only)")
    p.add_argument("tsv", type=Path)
    p.add_argument("--from", dest="start", type=int, default=0, help="first row (0-based)")
    p.add_argument("--to", type=int, default=None, help="row after the last")
    p.set_defaults(run=cmd_show)
    p = sub.add_parser("score", help="precision and verdict counts of a judged TSV")
    p.add_argument("tsv", type=Path)
    p.add_argument("--name", default=None, help="JSON name (default: the TSV's stem)")
    p.add_argument("--out", type=Path, default=None, help="JSON file")
    add_record_option(p)
    p.add_argument(
        "--by-confidence",
        action="store_true",
        help="code the corpus again and add the precision of the judged events at or above "
        "each --min-confidence threshold (events no longer coded are left out)",
    )
    p.set_defaults(run=cmd_score)
    p = sub.add_parser(
        "still", help="judged events the current code still codes (a development measure)"
    )
    p.add_argument("tsv", type=Path, nargs="+")
    p.add_argument("--out", type=Path, default=None, help="JSON file")
    p.set_defaults(run=cmd_still)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
