#!/usr/bin/env python
"""Start-up time of the commands that do not code: is bedfellows quick to answer?

    python benchmarks/startup.py [--repeats 5] [--out benchmarks/results/startup.json]

Times, as a user's shell would, fresh ``python -m bedfellows`` processes:
``--help``, ``info --db``, ``events --db`` and ``export --db`` on a small
database (the bundled sample corpus, coded once into a temporary file before
the timing starts), and ``actors lookup``. Reports the median wall-clock
seconds of each over ``--repeats`` runs, against the targets (``--help``
< 0.3 s; ``info`` and ``events`` < 1 s), and which heavy libraries each
command imported. Prints a table and writes JSON (figures only).
"""

from __future__ import annotations

import argparse
import json
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(REPO))

from benchmarks.outputs import add_record_option, out_path  # noqa: E402

DEFAULT_OUT = REPO / "benchmarks" / "results" / "startup.json"
TARGETS = {"--help": 0.3, "info": 1.0, "events": 1.0}
HEAVY = ("spacy", "polars", "networkx", "matplotlib", "trafilatura", "duckdb")


def _command_lines(db: str) -> dict[str, list[str]]:
    return {
        "--help": ["--help"],
        "info": ["info", "--db", db],
        "events": ["events", "--db", db, "--format", "jsonl"],
        "export": ["export", "--db", db, "--format", "csv"],
        "actors lookup": ["actors", "lookup", "Hezbollah"],
    }


def _seconds(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bedfellows", *args], capture_output=True, check=True, cwd=REPO
    )
    return time.perf_counter() - started


def _imports(args: list[str]) -> list[str]:
    """The heavy libraries a command imports (run in-process in a child)."""
    code = (
        "import sys\nfrom bedfellows.cli.main import cli\n"
        f"try:\n    cli.main({args!r}, standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "[]"
    return json.loads(last.replace("'", '"'))


def run(repeats: int) -> dict:
    """Code the samples into a temporary database, then time each command."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "samples.duckdb")
        samples = str(REPO / "bedfellows" / "samples")
        subprocess.run(
            [sys.executable, "-m", "bedfellows", "code", samples, "--db", db, "--silent"],
            capture_output=True,
            check=True,
            cwd=REPO,
        )
        figures = {}
        for name, args in _command_lines(db).items():
            _seconds(args)  # warm the file cache
            times = [_seconds(args) for _ in range(repeats)]
            median = statistics.median(times)
            figures[name] = {
                "median_seconds": round(median, 3),
                "min_seconds": round(min(times), 3),
                "target_seconds": TARGETS.get(name),
                "meets_target": median < TARGETS[name] if name in TARGETS else None,
                "heavy_imports": _imports(args),
            }
    return {
        "command": shlex.join([Path(sys.executable).name, *sys.argv]),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "repeats": repeats,
        "commands": figures,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Time the commands, print a table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None, help="JSON results file")
    add_record_option(parser)
    args = parser.parse_args(argv)
    args.out = out_path(DEFAULT_OUT.name, args.record, args.out)
    doc = run(max(1, args.repeats))
    print(f"{'command':<15}{'median s':>10}{'target':>8}  heavy imports")
    for name, fig in doc["commands"].items():
        target = f"<{fig['target_seconds']}" if fig["target_seconds"] else ""
        heavy = ", ".join(fig["heavy_imports"]) or "-"
        print(f"{name:<15}{fig['median_seconds']:>10.3f}{target:>8}  {heavy}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
