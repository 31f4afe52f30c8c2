"""Run every ``build_*.py`` script in this folder, in file-name order.

Each script rebuilds its own tables in bedfellows/data/ from ../shared and
updates MANIFEST.toml and NOTICE; they run one after another in separate
processes, with the same command-line options passed through (e.g. ``--shared``).
Stops at the first script that fails and returns its exit code.

Usage: ``python scripts/build_data/build_all.py [options passed to every script]``
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def scripts() -> list[Path]:
    """The build scripts to run, sorted by name (this runner excluded)."""
    return sorted(p for p in HERE.glob("build_*.py") if p.name != Path(__file__).name)


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
