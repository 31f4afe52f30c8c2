#!/usr/bin/env python
"""Accuracy of bedfellows on the gold sets in ``../shared/data/gold``.

    python benchmarks/accuracy.py [--shared PATH] [--record | --out FILE]
                                  [--limit N] [--sets NAME ...] [--fast] [--no-plots]
                                  [--ablation]

Results go to ``benchmarks/results/local/`` (git-ignored); ``--record`` writes the
committed ``benchmarks/results/accuracy.json`` (``accuracy_fast.json`` with
``--fast``), as the commit that changes the coder must (``benchmarks/outputs.py``).

Every gold record becomes one ``Article`` (id ``gold_<record id>``, body = the
record's text: a sentence, a snippet, or a whole document for sets coded by
document); one ``Pipeline`` codes every set, one ``code_articles`` call per
set (so each set's coding time is known). Each set's module
(``benchmarks/gold/``) loads its records and scores the predicted events; the
definitions are in those modules' docstrings. Prints one table and writes
JSON with figures and record ids only (no sentence text), plus a
confusion-matrix PNG (``confusion_<set>.png`` next to the JSON) for every set
whose score has a confusion table (event types or classes); without
matplotlib the PNGs are skipped with a warning.

``--fast`` is the regression subset CI runs: of each set, every
``FAST_EVERY``-th record of the module in file order (records 0, k, 2k, …;
all records when the module sets none), so the subset is fixed,
deterministic and spread over the whole file. It writes
``accuracy_fast.json`` and no PNGs. Each module names its ``HEADLINE``
metrics; ``tests/integration/test_accuracy_regression.py`` fails when one of
them is more than 0.02 below the committed ``accuracy_fast.json``.

``--ablation`` runs instead the stage ablation (``ablation``): the PLOVER
set and the synthetic-story lockbox (``ABLATION_SETS``; those of ``--sets``
when given) are coded with every stage on, then with each stage that can be
switched off (``bedfellows.events.stages.ABLATABLE``) off in turn; per stage it
reports, summed over all records, how many events the stage drops, adds or
changes (type or actors; modality alone counted apart) and the set's
headline metrics without it. Only aggregate counts and figures: nothing per
record, for the tune part either. It writes ``ablation.json`` (``--fast``:
``ablation_fast.json``).

A record on which the pipeline raises is coded on its own, its failure is
logged (record id and exception) and counted, and it scores as "no events";
the rest of the batch goes on.

**Tune and lockbox.** Every set is split into a tune part and a lockbox part
(about a third) by a hash of the scored unit's id (``gold.common.part_of``;
documents are never split); the synthetic-story set
(``gold/synthetic_stories.py``) is all lockbox. Each set is scored three
times: on all records (the set's top-level ``metrics``, ``rates``, … as
before, which the regression test compares), on the tune part (``tune``) and
on the lockbox part (``lockbox``), with ``gap`` = lockbox − tune for every
metric and rate. Never read, print or log a lockbox record or its errors; so
here:

- lockbox records are coded and scored with logging and warnings muted (the
  pipeline's log lines quote text), and a failure among them is only counted;
- anything scored over lockbox records (``lockbox`` and the all-records
  figures) is reduced to aggregate figures (``gold.common.aggregate_only``:
  numbers and mappings of numbers, no ids, lists, strings or confusion
  tables); per-record detail (errors, misses, failed record ids) and
  confusion tables are given for the tune part only, and the confusion PNGs
  are drawn from the tune part alone.
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import json
import logging
import shlex
import sys
import time
import warnings
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(REPO))

from benchmarks import calibration  # noqa: E402
from benchmarks.gold import (  # noqa: E402
    GOLD_SETS,
    LOCKBOX,
    TUNE,
    GoldRecord,
    aggregate_only,
    event_labels,  # noqa: E402
    split_parts,
    to_article,
)
from benchmarks.outputs import add_record_option, out_path  # noqa: E402
from benchmarks.scoring import confusion_counts  # noqa: E402

log = logging.getLogger("benchmarks.accuracy")

DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "benchmarks" / "results" / "accuracy.json"
#: Precision the default ``--min-confidence`` is chosen to reach on the tune part.
DEFAULT_PRECISION = 0.7
DEFAULT_FAST_OUT = REPO / "benchmarks" / "results" / "accuracy_fast.json"
DEFAULT_ABLATION_OUT = REPO / "benchmarks" / "results" / "ablation.json"
DEFAULT_ABLATION_FAST_OUT = REPO / "benchmarks" / "results" / "ablation_fast.json"
#: The sets ``--ablation`` runs: PLOVER's gold sentences and the synthetic stories.
ABLATION_SETS = ("plover_gsr_dev", "synthetic_lockbox")

#: Headline metrics of the sets whose modules name none themselves.
DEFAULT_HEADLINES = {
    "plover_gsr_dev": ("event_type_accuracy", "event_type_macro_f1", "joint_accuracy"),
    "petr2_gsr_validation": ("cameo_root_accuracy", "joint_accuracy"),
}


def headline(name: str) -> tuple[str, ...]:
    """The headline metrics of a gold set: its module's ``HEADLINE``, else the default here."""
    module = GOLD_SETS.get(name)
    return tuple(getattr(module, "HEADLINE", None) or DEFAULT_HEADLINES.get(name, ()))


def fast_subset(name: str, records: Sequence[GoldRecord]) -> list[GoldRecord]:
    """The records of set ``name`` that ``--fast`` codes: every ``FAST_EVERY``-th one.

    Records 0, k, 2k, … in file order for a module's ``FAST_EVERY = k``; all
    records when the module sets none. A stride, not the first N, so the
    subset spreads over the whole file.
    """
    k = getattr(GOLD_SETS[name], "FAST_EVERY", None)
    return list(records if not k else records[::k])


def regressions(
    committed: Mapping, current: Mapping, tolerance: float = 0.02
) -> tuple[list[str], list[str]]:
    """Headline metrics of ``current`` more than ``tolerance`` below ``committed``.

    committed, current (Mapping): results documents (``run`` output).
    RETURNS (tuple): failures ("set: metric fell from A to B"), and notes for
        what cannot be compared (a set or metric absent from ``committed``,
        a set without headline metrics), which are reported, not failed.
    """
    failures: list[str] = []
    notes: list[str] = []
    old_sets = committed.get("sets", {})
    for name, res in current.get("sets", {}).items():
        names = headline(name) or tuple(res.get("headline", ()))
        if name not in old_sets:
            notes.append(f"{name}: not in the committed figures")
            continue
        if not names:
            notes.append(f"{name}: no headline metrics")
            continue
        for metric in names:
            old = old_sets[name].get("metrics", {}).get(metric)
            new = res.get("metrics", {}).get(metric)
            if old is None or new is None:
                notes.append(f"{name}: {metric} missing ({'committed' if old is None else 'now'})")
            elif new < old - tolerance - 1e-9:
                failures.append(f"{name}: {metric} fell from {old:.3f} to {new:.3f}")
    return failures, notes


@contextlib.contextmanager
def muted() -> Iterator[None]:
    """No logging and no warnings inside: lockbox text must never reach a log."""
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logging.disable(previous)


def code_records(
    pipeline, records: Sequence[GoldRecord], *, lockbox: bool = False
) -> tuple[dict, dict[str, str]]:
    """Code every record's sentence with ``pipeline`` in as few batches as possible.

    One ``code_articles`` call codes everything when nothing fails. If the
    pipeline raises, the first article not yet returned is coded alone (to
    pin the failure on a record) and the batch resumes after it. With
    ``lockbox``, a failure is not logged (the caller counts it and mutes the
    pipeline's own logging: see ``muted``).

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
                if not lockbox:
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


def _armed_resolver(pipeline):
    """Actor text → (country, whether it resolves to a non-state armed actor: a
    group of the armed-group table, an "X-backed" force, or an armed sector of
    no state: rebels, militias, paramilitaries)."""
    from bedfellows.actors import resolve_phrase
    from bedfellows.actors.armed import armed_group, proxy_patron

    def resolve(text: str) -> tuple[str | None, bool]:
        res = resolve_phrase(text.split(), None, kb=pipeline.kb)
        if res is None:
            return None, False
        named = armed_group(res.actor_id) is not None or proxy_patron(res.actor_id) is not None
        return res.country, named or res.sector in ("REB", "UAF", "PRM", "IMG")

    return resolve


def _petrarch_root_confusion(records: Sequence[GoldRecord], preds: Mapping) -> dict:
    """PETRARCH-2 confusion of CAMEO roots: each gold event's root → its best match's root.

    A no-event sentence is gold ``NONE``, predicted as the root of its most
    confident event; no predicted event is ``NONE``.
    """
    from benchmarks.gold import petrarch

    gold: list[str] = []
    pred: list[str] = []
    for rec in records:
        events = list(preds.get(rec.record_id, ()))
        if not rec.events:
            best = max(events, key=lambda e: e.confidence, default=None)
            gold.append("NONE")
            pred.append(petrarch.cameo_root(best.cameo_code) if best else "NONE")
        for ev in rec.events:
            match, _ = petrarch.best_match(ev, events)
            gold.append(petrarch.cameo_root(ev.label))
            pred.append(petrarch.cameo_root(match.cameo_code) if match else "NONE")
    return confusion_counts(gold, pred)


#: Confusion tables for sets whose ``score`` gives none (set name → function).
CONFUSION_ADAPTERS = {"petr2_gsr_validation": _petrarch_root_confusion}


def write_confusion_png(name: str, confusion: Mapping, path: Path) -> bool:
    """Draw a gold × predicted confusion matrix (row-normalised shading, counts written).

    RETURNS (bool): False, with a warning, when matplotlib is not installed.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log.warning(
            "matplotlib is not installed: no confusion-matrix PNGs (pip install matplotlib)"
        )
        return False
    gold = sorted(confusion, key=str)
    pred = sorted({p for row in confusion.values() for p in row} | set(gold), key=str)
    counts = [[confusion[g].get(p, 0) for p in pred] for g in gold]
    shares = [[c / (sum(row) or 1) for c in row] for row in counts]
    fig, ax = plt.subplots(figsize=(1.0 + 0.55 * len(pred), 1.2 + 0.45 * len(gold)))
    ax.imshow(shares, cmap="Blues", vmin=0.0, vmax=1.0, aspect="auto")
    ax.set_xticks(range(len(pred)), [str(p) for p in pred], rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(gold)), [str(g) for g in gold], fontsize=8)
    for i, row in enumerate(counts):
        for j, c in enumerate(row):
            if c:
                colour = "white" if shares[i][j] > 0.6 else "black"
                ax.text(j, i, str(c), ha="center", va="center", fontsize=7, color=colour)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(f"{name}: gold × predicted (shading = share of gold row)", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def write_plots(doc: Mapping, folder: Path) -> list[Path]:
    """One ``confusion_<set>.png`` in ``folder`` per set with a confusion table of its tune part.

    Never of the lockbox: its results carry no confusion table.
    """
    written = []
    calib = doc.get("calibration")
    if calib:
        path = folder / "confidence_calibration.png"
        title = "event confidence: " + " + ".join(calib["sets"]) + " (right = type and actors)"
        if calibration.write_png(title, calib["parts"], path):
            written.append(path)
    for name, res in doc["sets"].items():
        confusion = (res.get("tune") or {}).get("confusion")
        if confusion:
            path = folder / f"confusion_{name}.png"
            if not write_confusion_png(f"{name} (tune part)", confusion, path):
                break
            written.append(path)
    return written


def score_part(
    name: str,
    records: Sequence[GoldRecord],
    preds: Mapping,
    pipeline,
    *,
    train: Sequence[GoldRecord] | None = None,
    fast: bool = False,
) -> dict:
    """One set's ``score`` on ``records``, with mention scores and a confusion adapter.

    train: the tune records, passed to a ``score`` that trains a model
    (``train`` keyword, CASE 2021) when the lockbox is scored.
    fast: ``spread=False`` to a ``score`` that takes it (CASE 2021's macro-F1
    under other fold assignments: twenty model fits, reported, never checked).
    """
    module = GOLD_SETS[name]
    kwargs = {}
    accepts = inspect.signature(module.score).parameters
    if train is not None and "train" in accepts:
        kwargs["train"] = train
    if fast and "spread" in accepts:  # figures of other splits: not a regression check
        kwargs["spread"] = False
    scored = module.score(records, preds, **kwargs)
    if hasattr(module, "score_mentions"):
        mentions = module.score_mentions(
            records, _mention_resolver(pipeline), _armed_resolver(pipeline)
        )
        scored["metrics"].update(mentions["metrics"])
        scored.setdefault("counts", {}).update(mentions["counts"])
    if "confusion" not in scored and name in CONFUSION_ADAPTERS:
        scored["confusion"] = CONFUSION_ADAPTERS[name](records, preds)
    scored["records"] = len(records)
    return scored


def gap(tune: Mapping | None, lockbox: Mapping | None) -> dict:
    """Lockbox − tune of every metric and rate both parts have (empty without both)."""
    out: dict[str, dict[str, float]] = {}
    if not tune or not lockbox:
        return out
    for section in ("metrics", "rates"):
        a, b = tune.get(section) or {}, lockbox.get(section) or {}
        diffs = {
            k: b[k] - a[k]
            for k in a
            if isinstance(a[k], int | float)
            and isinstance(b.get(k), int | float)
            and not isinstance(a[k], bool)
        }
        if diffs:
            out[section] = diffs
    return out


def score_set(
    name: str, records: Sequence[GoldRecord], pipeline, *, fast: bool = False
) -> tuple[dict, int]:
    """Code and score one set on all records, its tune part and its lockbox part
    (``fast``: leave out what a set computes only for the report, see ``score_part``).

    RETURNS (tuple): the set's results (see the module docstring; nothing
        per-record about a lockbox record) and the number of pipeline failures.
    """
    module = GOLD_SETS[name]
    parts = split_parts(module, records)
    tune, locked = parts[TUNE], parts[LOCKBOX]
    t0 = time.perf_counter()
    by_article, failures = code_records(pipeline, tune)
    with muted():
        locked_articles, locked_failures = code_records(pipeline, locked, lockbox=True)
    seconds = time.perf_counter() - t0
    by_article.update(locked_articles)
    preds = {r.record_id: by_article.get(r.article_id, []) for r in records}
    secret = {x for r in locked for x in (r.record_id, r.article_id)}
    with muted():  # scoring may log too (the geo resolver, the date layer)
        everything = score_part(name, records, preds, pipeline, fast=fast)
        lockbox = (
            score_part(name, locked, preds, pipeline, train=tune, fast=fast) if locked else None
        )
    tune_scored = score_part(name, tune, preds, pipeline, fast=fast) if tune else None

    result = aggregate_only(everything, secret)
    result["records"] = len(records)
    result["records_tune"] = len(tune)
    result["records_lockbox"] = len(locked)
    result["seconds_coding"] = round(seconds, 2)
    result["headline"] = list(headline(name))
    result["failures"] = {
        r.record_id: failures[r.article_id].split(":", 1)[0]
        for r in tune
        if r.article_id in failures
    }
    result["failures_lockbox"] = len(locked_failures)
    if tune_scored is not None:
        tune_scored["failures"] = dict(result["failures"])
    result["tune"] = tune_scored
    result["lockbox"] = aggregate_only(lockbox, secret) if lockbox is not None else None
    if result["lockbox"] is not None:
        result["lockbox"]["failures"] = len(locked_failures)
    result["gap"] = gap(tune_scored, result["lockbox"])
    if name in event_labels.SETS:  # how right the confidences are, per part (aggregate)
        pairs = {
            part: [(e.confidence, ok) for e, ok in event_labels.labelled_events(name, recs, preds)]
            for part, recs in ((TUNE, tune), (LOCKBOX, locked))
        }
        result["calibration"] = {part: calibration.summary(p) for part, p in pairs.items()}
        result[_PAIRS] = pairs  # popped by ``run``, never written
    return result, len(failures) + len(locked_failures)


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
    fast: bool = False,
) -> dict:
    """Load the gold sets, code them with one pipeline and score each set.

    shared (Path): the ``../shared`` folder. limit (int): first N records of
    each set. sets (Sequence[str]): set names (default: all of ``GOLD_SETS``).
    pipeline (Pipeline): reuse a pipeline (default: a new ``Pipeline()``).
    fast (bool): code only each set's fixed fast subset (``fast_subset``).
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
        if fast:
            records = fast_subset(name, records)
        loaded[name] = records[:limit] if limit is not None else records

    pipeline = pipeline or Pipeline()
    t0 = time.perf_counter()
    _ = pipeline.nlp, pipeline.coder  # load the model and tables outside the coding time
    load_seconds = time.perf_counter() - t0

    results: dict[str, dict] = {}
    coding_seconds = 0.0
    n_failures = 0
    pooled: dict[str, list[tuple[float, bool]]] = {TUNE: [], LOCKBOX: []}
    for name, records in loaded.items():
        scored, failed = score_set(name, records, pipeline, fast=fast)
        for part, pairs in scored.pop(_PAIRS, {}).items():
            pooled[part].extend(pairs)
        coding_seconds += scored["seconds_coding"]
        n_failures += failed
        if fast:
            scored["fast_every"] = getattr(GOLD_SETS[name], "FAST_EVERY", None)
        results[name] = scored

    prov = _safe(pipeline.provenance, {}) or {}
    return {
        "bedfellows_version": __version__,
        "data_manifest_sha256": _safe(data_manifest_sha256),
        "model": prov.get("model_version") or getattr(pipeline, "model_name", None),
        "command": shlex.join([Path(sys.executable).name, *sys.argv]),
        "limit": limit,
        "fast": fast,
        "records": sum(len(r) for r in loaded.values()),
        "failures": n_failures,
        "seconds": round(time.perf_counter() - started, 2),
        "seconds_model_load": round(load_seconds, 2),
        "seconds_coding": round(coding_seconds, 2),
        "sets": results,
        "calibration": calibration_report(pooled),
    }


#: Key of a set result's (confidence, right?) pairs while ``run`` pools them.
_PAIRS = "_calibration_pairs"


def calibration_report(pooled: Mapping[str, Sequence[tuple[float, bool]]]) -> dict | None:
    """Calibration of the event confidences over the sets of ``event_labels.SETS``, pooled
    per part, and the ``--min-confidence`` default read from the *tune* part's curve:
    the lowest threshold whose precision reaches ``DEFAULT_PRECISION``."""
    if not any(pooled.values()):
        return None
    parts = {part: calibration.summary(pairs) for part, pairs in pooled.items() if pairs}
    tune_curve = parts[TUNE]["precision_recall"] if TUNE in parts else []
    return {
        "sets": list(event_labels.SETS),
        "parts": parts,
        "default_precision": DEFAULT_PRECISION,
        "suggested_min_confidence": calibration.choose_threshold(tune_curve, DEFAULT_PRECISION),
    }


def _actor_key(ref) -> tuple:
    return (ref.cameo, ref.actor_id, ref.country, ref.sector)


def _event_content(ev) -> tuple:
    """What an ablation compares of two events on one trigger: type and actors."""
    return (
        ev.cameo_code,
        ev.plover_type,
        tuple(_actor_key(a) for a in ev.sources),
        tuple(_actor_key(a) for a in ev.targets),
    )


def event_changes(with_stage: Mapping[str, Sequence], without: Mapping[str, Sequence]) -> dict:
    """How a stage changes the events of the same records, summed over them.

    with_stage, without: record id → events, coded with the stage on and off.
    Events are paired by record, sentence and trigger offset. A trigger's
    events found only with the stage on were ``added`` by it, only with it
    off ``dropped``; paired events whose CAMEO code, PLOVER type, sources or
    targets differ ``changed``, and those that differ in modality alone
    ``modality_changed``. RETURNS (dict): counts only (safe for a lockbox).
    """
    out = Counter(events=0, events_without=0, added=0, dropped=0, changed=0, modality_changed=0)
    for rid in with_stage.keys() | without.keys():
        on: dict[tuple, list] = {}
        off: dict[tuple, list] = {}
        for events, by_key in ((with_stage.get(rid, ()), on), (without.get(rid, ()), off)):
            for ev in events:
                by_key.setdefault((ev.sentence_index, ev.trigger_start), []).append(ev)
        out["events"] += sum(len(v) for v in on.values())
        out["events_without"] += sum(len(v) for v in off.values())
        for key in on.keys() | off.keys():
            a, b = on.get(key, []), off.get(key, [])
            same = Counter(_event_content(e) for e in a) & Counter(_event_content(e) for e in b)
            kept = sum(same.values())
            rest_a, rest_b = len(a) - kept, len(b) - kept
            out["changed"] += min(rest_a, rest_b)
            out["added"] += max(0, rest_a - rest_b)
            out["dropped"] += max(0, rest_b - rest_a)
            moods_a = Counter((_event_content(e), e.modality) for e in a)
            moods_b = Counter((_event_content(e), e.modality) for e in b)
            out["modality_changed"] += kept - sum((moods_a & moods_b).values())
    return dict(out)


def ablation(
    shared: Path,
    *,
    limit: int | None = None,
    sets: Sequence[str] | None = None,
    pipeline=None,
    fast: bool = False,
) -> dict:
    """Code ``ABLATION_SETS`` with every stage on, then with each ablatable
    stage off, and compare (see the module docstring).

    Lockbox records are coded and scored muted, as in ``score_set``; what is
    kept is aggregate: ``event_changes`` counts and the headline metrics over
    all records (``aggregate_only``), the number of failures.
    RETURNS (dict): the results document written as JSON.
    """
    from bedfellows.about import __version__
    from bedfellows.events.coder import EventCoder
    from bedfellows.events.stages import ABLATABLE, STAGES
    from bedfellows.pipeline import Pipeline

    started = time.perf_counter()
    names = [n for n in ABLATION_SETS if sets is None or n in sets]
    pipeline = pipeline or Pipeline()
    full = pipeline.coder
    _ = pipeline.nlp  # load the model with the full coder's lexicon (lemma repair)
    stages = [s for s in STAGES if s in ABLATABLE]

    results: dict[str, dict] = {}
    for name in names:
        records = GOLD_SETS[name].load(Path(shared))
        if fast:
            records = fast_subset(name, records)
        records = records[:limit] if limit is not None else records
        parts = split_parts(GOLD_SETS[name], records)
        secret = {x for r in parts[LOCKBOX] for x in (r.record_id, r.article_id)}

        def code_all(records=records, parts=parts) -> tuple[dict, int]:
            by_article, failures = code_records(pipeline, parts[TUNE])
            with muted():
                locked, locked_failures = code_records(pipeline, parts[LOCKBOX], lockbox=True)
            by_article.update(locked)
            preds = {r.record_id: by_article.get(r.article_id, []) for r in records}
            return preds, len(failures) + len(locked_failures)

        def figures(preds, name=name, records=records, secret=secret) -> dict:
            with muted():
                scored = score_part(name, records, preds, pipeline, fast=fast)
            metrics = aggregate_only(scored, secret).get("metrics") or {}
            return {m: metrics.get(m) for m in headline(name)}

        baseline, failures = code_all()
        base_figures = figures(baseline)
        entry: dict = {
            "records": len(records),
            "records_lockbox": len(parts[LOCKBOX]),
            "events": sum(len(v) for v in baseline.values()),
            "failures": failures,
            "metrics": base_figures,
            "stages": {},
        }
        for stage in stages:
            pipeline.coder = EventCoder(
                full.kb, full.lexicon, full.codebook, full.nouns, ablate={stage}
            )
            try:
                ablated, failures = code_all()
            finally:
                pipeline.coder = full
            metrics = figures(ablated)
            entry["stages"][stage] = {
                **event_changes(baseline, ablated),
                "failures": failures,
                "metrics": metrics,
                "delta": {
                    m: (
                        round(v - base_figures[m], 6)
                        if v is not None and base_figures[m] is not None
                        else None
                    )
                    for m, v in metrics.items()
                },
            }
        # Counts and figures only, by construction; aggregate_only keeps it so.
        results[name] = aggregate_only(entry, secret)
    return {
        "bedfellows_version": __version__,
        "command": shlex.join([Path(sys.executable).name, *sys.argv]),
        "limit": limit,
        "fast": fast,
        "stages": stages,
        "always_on": [s for s in STAGES if s not in ABLATABLE],
        "seconds": round(time.perf_counter() - started, 2),
        "sets": results,
    }


def render_ablation(doc: Mapping) -> None:
    """Print the ablation as one table: per set and stage switched off, the
    events it dropped, added, changed, and the headline metrics without it."""
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=(
            f"bedfellows {doc['bedfellows_version']} stage ablation"
            f"{' (fast subset)' if doc['fast'] else ''} — {doc['seconds']} s; "
            f"always on: {', '.join(doc['always_on'])}; counts are what the stage does "
            "(dropped: coded only without it), metrics are without it (Δ vs all stages)"
        )
    )
    for column in ("set", "stage off", "dropped", "added", "changed", "modality", "metrics"):
        table.add_column(column, justify="left" if column in ("set", "stage off") else "right")
    for name, res in doc["sets"].items():
        table.add_row(
            name,
            f"(none; {res['records']} records, {res['events']} events)",
            "",
            "",
            "",
            "",
            ", ".join(f"{m} {_fmt(v)}" for m, v in res["metrics"].items()),
        )
        for stage, st in res["stages"].items():
            table.add_row(
                "",
                stage,
                str(st["dropped"]),
                str(st["added"]),
                str(st["changed"]),
                str(st["modality_changed"]),
                ", ".join(
                    f"{m} {_fmt(v)} ({_gap_fmt(st['delta'][m])})" for m, v in st["metrics"].items()
                ),
            )
        table.add_section()
    Console(width=160).print(table)


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _gap_fmt(value) -> str:
    return "" if value is None else f"{value:+.3f}"


def _per_type_rows(res: Mapping) -> list[tuple[str, str, dict]]:
    """(label, figure name, {part: value}) for each per-type entry of the three parts."""
    parts = {"all": res, "tune": res.get("tune") or {}, "lockbox": res.get("lockbox") or {}}
    rows = []
    for label, entry in (res.get("per_type") or {}).items():
        if not isinstance(entry, Mapping):
            continue
        key = (
            "f1"
            if "f1" in entry
            else next((k for k, v in entry.items() if isinstance(v, float)), None)
        )
        if key is None:
            continue
        n = entry.get("support", entry.get("stories"))
        extra = f", pred {entry['predicted']}" if "predicted" in entry else ""
        figure = f"{'F1' if key == 'f1' else key} {label} (all: gold {n}{extra})"
        values = {
            part: ((p.get("per_type") or {}).get(label) or {}).get(key) for part, p in parts.items()
        }
        rows.append((label, figure, values))
    return rows


def render(doc: Mapping) -> None:
    """Print the results as one table (rich): all records, tune, lockbox, gap.

    Headline metrics are marked with ``*``; the gap is lockbox − tune.
    """
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=(
            f"bedfellows {doc['bedfellows_version']} accuracy"
            f"{' (fast subset)' if doc['fast'] else ''}"
            f" — {doc['records']} records, {doc['seconds']} s (coding {doc['seconds_coding']} s), "
            f"{doc['failures']} pipeline failures; * headline, gap = lockbox − tune"
        )
    )
    table.add_column("set")
    table.add_column("figure")
    for column in ("all", "tune", "lockbox", "gap"):
        table.add_column(column, justify="right")
    for name, res in doc["sets"].items():
        tune = res.get("tune") or {}
        lockbox = res.get("lockbox") or {}
        gaps = res.get("gap") or {}
        table.add_row(
            name,
            f"records (coded in {res['seconds_coding']} s)",
            str(res["records"]),
            str(res.get("records_tune", "")),
            str(res.get("records_lockbox", "")),
            "",
        )
        heads = set(res.get("headline") or ())
        for section in ("metrics", "rates", "counts"):
            for key, value in (res.get(section) or {}).items():
                table.add_row(
                    "",
                    f"{'* ' if section == 'metrics' and key in heads else ''}{key}",
                    _fmt(value),
                    _fmt((tune.get(section) or {}).get(key)),
                    _fmt((lockbox.get(section) or {}).get(key)),
                    _gap_fmt((gaps.get(section) or {}).get(key)),
                )
        for _, figure, values in _per_type_rows(res):
            t, lb = values["tune"], values["lockbox"]
            table.add_row(
                "",
                figure,
                _fmt(values["all"]),
                _fmt(t),
                _fmt(lb),
                _gap_fmt(lb - t if t is not None and lb is not None else None),
            )
        if res.get("failures"):
            table.add_row("", "failed tune records", ", ".join(sorted(res["failures"])))
        if res.get("failures_lockbox"):
            table.add_row("", "failed lockbox records", "", "", str(res["failures_lockbox"]), "")
        table.add_section()
    console = Console(width=140)
    console.print(table)
    calib = doc.get("calibration")
    if calib:
        console.print(calibration_lines(calib))


def calibration_lines(calib: Mapping) -> str:
    """The calibration report as text: per part, ECE, Brier and the curve at a few thresholds."""
    lines = [f"event confidence ({' + '.join(calib['sets'])}; right = type and actors):"]
    for part, s in calib["parts"].items():
        lines.append(
            f"  {part}: {s['events']} events, {s['share_right']} right, mean confidence "
            f"{s['mean_confidence']}, ECE {s['ece']}, Brier {s['brier']}"
        )
        points = [p for p in s["precision_recall"] if p["threshold"] in (0.0, 0.3, 0.5, 0.6, 0.7)]
        lines.append(
            "    "
            + "; ".join(
                f"≥{p['threshold']:.2f}: {p['events']} kept, P {_fmt(p['precision'])}, "
                f"R {_fmt(p['recall'])}"
                for p in points
            )
        )
    lines.append(
        f"  suggested --min-confidence (tune precision ≥ {calib['default_precision']}): "
        f"{calib['suggested_min_confidence']}"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="../shared folder")
    parser.add_argument("--out", type=Path, default=None, help="JSON results file")
    add_record_option(parser)
    parser.add_argument("--limit", type=int, default=None, help="first N records of each set")
    parser.add_argument(
        "--sets", nargs="+", choices=sorted(GOLD_SETS), default=None, help="gold sets to run"
    )
    parser.add_argument(
        "--fast", action="store_true", help="the fixed regression subset (accuracy_fast.json)"
    )
    parser.add_argument("--no-plots", action="store_true", help="write no confusion PNGs")
    parser.add_argument(
        "--ablation",
        action="store_true",
        help=f"instead: code {' and '.join(ABLATION_SETS)} with each coding stage off in turn",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not (args.shared / "data" / "gold").is_dir():
        parser.error(f"no gold data under {args.shared}/data/gold")
    if args.ablation:
        if args.sets is not None and not set(args.sets) & set(ABLATION_SETS):
            parser.error(f"--ablation runs only {', '.join(ABLATION_SETS)}")
        name = (DEFAULT_ABLATION_FAST_OUT if args.fast else DEFAULT_ABLATION_OUT).name
        out = out_path(name, args.record, args.out)
        doc = ablation(args.shared, limit=args.limit, sets=args.sets, fast=args.fast)
        render_ablation(doc)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out}")
        return 0
    out = out_path((DEFAULT_FAST_OUT if args.fast else DEFAULT_OUT).name, args.record, args.out)
    doc = run(args.shared, limit=args.limit, sets=args.sets, fast=args.fast)
    render(doc)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    if not (args.fast or args.no_plots):
        for path in write_plots(doc, out.parent):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
