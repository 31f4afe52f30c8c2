"""Run every ``build_*.py`` script in this folder, in file-name order, the models last.

Each script rebuilds its own tables in bedfellows/data/ from ../shared and
updates MANIFEST.toml and NOTICE; they run one after another in separate
processes, with the same command-line options passed through (e.g. ``--shared``).
The learned models run after all the tables, because they are trained on what
the coder finds with them: the event-confidence model first, then the ACLED
type model (which reads the events' calibrated confidences).
Stops at the first script that fails and returns its exit code.

Usage: ``python scripts/build_data/build_all.py [options passed to every script]``
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Scripts that read what the others build: run after them.
LAST = ("build_confidence_model.py", "build_acled_model.py")


def scripts() -> list[Path]:
    """The build scripts to run: sorted by name, then ``LAST`` in order (not this runner)."""
    found = sorted(p for p in HERE.glob("build_*.py") if p.name != Path(__file__).name)
    last = sorted((p for p in found if p.name in LAST), key=lambda p: LAST.index(p.name))
    return [p for p in found if p.name not in LAST] + last


def main(argv: list[str] | None = None) -> int:
    """Run each build script with ``argv``; return the first non-zero exit code, else 0."""
    args = sys.argv[1:] if argv is None else argv
    for script in scripts():
        result = subprocess.run([sys.executable, str(script), *args], check=False)
        if result.returncode != 0:
            print(f"build_all: {script.name} failed (exit {result.returncode})", file=sys.stderr)
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
