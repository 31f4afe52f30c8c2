"""Train the event-confidence model and write ``event_confidence_weights.tsv``.

Codes, with the installed pipeline and the model switched off (it reads the
coder's own scores):

- the **tune** parts of the PLOVER and PETRARCH-2 gold sets
  (``../shared/data/gold``; the lockbox parts are never read here), each event
  labelled right or wrong by ``benchmarks/gold/event_labels.py``;
- the real-news audit corpus (``benchmarks/audit.py``: the tune part of the
  IndiaPoliceEvents development documents and the two seeds), each event of a
  judged audit TSV (``benchmarks/audit/round1.tsv``) labelled by its verdict
  (``right`` or not). Events the current coder no longer codes under the
  judged id are left out (and counted).

and fits ``bedfellows.events.confidence`` (settings in that module) to the
events' features. The same data and coder give the same table. The model reads
the coder's rules and scores, so retrain it whenever the coder or its tables
change (``build_all.py`` runs the model scripts after every table).

Usage: ``python scripts/build_data/build_confidence_model.py [--shared DIR] [--data-dir DIR]``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO_ROOT))

from _manifest import model_main, update_manifest, update_notice, write_tsv  # noqa: E402

from bedfellows.events import confidence  # noqa: E402

GENERATOR = "scripts/build_data/build_confidence_model.py"
TABLE_VERSION = "1"
SECTION = "event-confidence-model"
#: Judged audit samples read for training (repository-relative).
AUDITS = ("benchmarks/audit/round1.tsv",)
NOTICE_BODY = """\
event_confidence_weights.tsv: weights of a linear model (one row per general
feature of an event candidate: rule kind, part of speech, actor basis, CAMEO
root, modality, ...; columns right/wrong) trained by
scripts/build_data/build_confidence_model.py on events coded from the tune
parts of the PLOVER gold records (data/gold/plover_gsr_dev.json;
openeventdata/PLOVER, CC BY-SA 4.0) and the PETRARCH-2 validation records
(data/gold/petr2_gsr_validation.xml; openeventdata/UniversalPetrarch, MIT),
and on hand judgements (benchmarks/audit/) of events coded from the
IndiaPoliceEvents development documents (slanglab/IndiaPoliceEvents; no
licence stated) and the seed articles. The table holds only numeric weights
of general features; no text of any source is stored."""


def training_samples(shared: Path) -> tuple[list[tuple[frozenset[str], bool]], dict[str, int]]:
    """(features, right?) of every training event, and counts per source."""
    from bedfellows.pipeline import Pipeline
    from benchmarks import audit
    from benchmarks.accuracy import code_records, muted
    from benchmarks.gold import event_labels, petrarch, plover
    from benchmarks.gold.common import TUNE, split_parts

    pipeline = Pipeline(calibrate=False, keep_features=True)
    features = pipeline.event_features
    assert features is not None
    samples: list[tuple[frozenset[str], bool]] = []
    counts: dict[str, int] = {}
    for name, module in (("plover_gsr_dev", plover), ("petr2_gsr_validation", petrarch)):
        records = split_parts(module, module.load(shared))[TUNE]
        by_article, failures = code_records(pipeline, records)
        if failures:
            raise RuntimeError(f"{name}: the pipeline failed on {len(failures)} records")
        preds = {r.record_id: by_article.get(r.article_id, []) for r in records}
        labelled = event_labels.labelled_events(name, records, preds)
        samples.extend((features[e.event_id], ok) for e, ok in labelled)
        counts[name] = len(labelled)
        counts[f"{name}_right"] = sum(ok for _, ok in labelled)
    with muted():
        _, events = audit.code_corpus(shared, pipeline)
    by_id = {e.event_id: e for e in events}
    for rel in AUDITS:
        rows = [r for r in audit.read_tsv(REPO_ROOT / rel) if r.verdict]
        found = [r for r in rows if r.event_id in by_id]
        samples.extend((features[r.event_id], r.verdict == audit.RIGHT) for r in found)
        counts[rel] = len(found)
        counts[f"{rel}_right"] = sum(r.verdict == audit.RIGHT for r in found)
        counts[f"{rel}_no_longer_coded"] = len(rows) - len(found)
    return samples, counts


def build(shared: Path, data_dir: Path) -> tuple[int, dict[str, int]]:
    """Train on the tune parts and judged audits, write the table; return rows and counts."""
    samples, counts = training_samples(shared)
    model = confidence.train(samples)
    rows = model.rows()
    header = list(rows[0])
    path = data_dir / confidence.WEIGHTS_FILE
    n = write_tsv(path, header, ([r[k] for k in header] for r in rows))
    update_manifest(
        data_dir,
        confidence.WEIGHTS_FILE,
        version=TABLE_VERSION,
        source="PLOVER and PETRARCH-2 gold (tune parts), judged audit events; coded by bedfellows",
        licence="CC BY-SA 4.0 (PLOVER); MIT (PETRARCH-2); none stated (IndiaPoliceEvents)",
        generator=GENERATOR,
    )
    update_notice(data_dir, SECTION, NOTICE_BODY)
    return n, counts


def _summary(shared: Path, data_dir: Path) -> str:
    n, counts = build(shared, data_dir)
    detail = ", ".join(f"{k} {v}" for k, v in counts.items())
    return f"{confidence.WEIGHTS_FILE} {n} rows ({detail})"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: build, print a one-line summary."""
    return model_main(argv, __doc__, "build_confidence_model", _summary)


if __name__ == "__main__":
    sys.exit(main())
