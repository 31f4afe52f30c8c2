"""Where benchmark scripts write: a git-ignored folder unless ``--record``.

A benchmark run while working would otherwise overwrite the committed
figures in ``benchmarks/results/``. Every script writes to
``benchmarks/results/local/`` (ignored by git) by default; ``--record`` writes
to ``benchmarks/results/``, for the commit that states new figures; ``--out``
names a file outright.
"""

from __future__ import annotations

import argparse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
LOCAL = RESULTS / "local"


def add_record_option(parser: argparse.ArgumentParser) -> None:
    """``--record``: write the committed result files instead of local copies."""
    parser.add_argument(
        "--record",
        action="store_true",
        help="write to benchmarks/results/ (the committed figures), not benchmarks/results/local/",
    )


def out_path(name: str, record: bool, explicit: Path | None = None) -> Path:
    """The file a script writes: ``explicit``, else ``name`` in the results folder
    (``record``) or in the local, git-ignored one."""
    if explicit is not None:
        return Path(explicit)
    folder = RESULTS if record else LOCAL
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name
