"""Train the ACLED sub-event type model and write ``acled_type_weights.tsv``.

Reads the *tune* part of the CASE 2021 task 2 development snippets
(``../shared/data/gold/case2021_task2_dev.tsv``: 509 snippets, each with one
ACLED-style sub-event type; the lockbox third, ``benchmarks/gold/common.py``
``split_parts``, is never read here), codes each snippet with the installed bedfellows
pipeline, and trains ``bedfellows.events.acled_type`` on the snippets' words and
coded events (each snippet read as an article's lede, ``lede.lede``;
settings in that module; the same data and coder give the same table). The
model reads the coder's events, so retrain it whenever the coder or its tables
change (``build_all.py`` runs this script last).

The table has a header ``feature`` + one column per type, one row per feature
(sorted, the ``(bias)`` row first) and weights rounded to four decimals. Its
accuracy is measured in ``benchmarks/accuracy.py`` by 5-fold cross-validation
and, on the lockbox part, by a model trained on the tune part as this one is.

Usage: ``python scripts/build_data/build_acled_model.py [--shared DIR] [--data-dir DIR]``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO_ROOT))

from _manifest import model_main, update_manifest, update_notice, write_tsv  # noqa: E402

from bedfellows.events import acled_type, lede  # noqa: E402

GENERATOR = "scripts/build_data/build_acled_model.py"
TABLE_VERSION = "1"
SECTION = "case2021-acled-model"
NOTICE_BODY = """\
acled_type_weights.tsv: weights of a linear model (one row per word, word pair
or coded-event feature, one column per ACLED-style sub-event type) trained by
scripts/build_data/build_acled_model.py on the CASE 2021 shared task 2
development snippets, tune part (data/gold/case2021_task2_dev.tsv; Emerging Welfare,
github.com/emerging-welfare/case-2021-shared-task). The source states no
licence. The table holds numeric weights keyed by single words and adjacent
word pairs; no snippet text is stored. Its accuracy is reported by 5-fold
cross-validation in benchmarks/accuracy.py."""


def build(shared: Path, data_dir: Path) -> int:
    """Code the tune-part CASE snippets, train on them, write the table; return its row count."""
    from bedfellows.pipeline import Pipeline
    from benchmarks.accuracy import code_records
    from benchmarks.gold import case2021
    from benchmarks.gold.common import TUNE, split_parts, to_article

    records = split_parts(case2021, case2021.load(shared))[TUNE]
    events, failures = code_records(Pipeline(), records)
    if failures:
        raise RuntimeError(f"the pipeline failed on {len(failures)} snippets: {sorted(failures)}")
    samples = [
        (lede.article_features(to_article(r), events.get(r.article_id, [])), r.category or "")
        for r in records
    ]
    model = acled_type.train(samples)
    rows = model.rows()
    header = list(rows[0])
    path = data_dir / acled_type.WEIGHTS_FILE
    n = write_tsv(path, header, ([row[k] for k in header] for row in rows))
    update_manifest(
        data_dir,
        acled_type.WEIGHTS_FILE,
        version=TABLE_VERSION,
        source="CASE 2021 task 2 case2021_task2_dev.tsv, coded by bedfellows",
        licence="none stated (CASE 2021 shared task data)",
        generator=GENERATOR,
    )
    update_notice(data_dir, SECTION, NOTICE_BODY)
    return n


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: build, print a one-line summary."""
    return model_main(
        argv,
        __doc__,
        "build_acled_model",
        lambda shared, data_dir: f"{acled_type.WEIGHTS_FILE} {build(shared, data_dir)} rows",
    )


if __name__ == "__main__":
    sys.exit(main())
