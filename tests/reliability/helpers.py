"""Running the CLI in a subprocess and reading its database, for the reliability suite."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

REPO = Path(__file__).resolve().parents[2]
#: Tables whose rows a rerun must not change (``runs`` and ``skipped`` grow by design).
RUN_LOG_TABLES = frozenset({"runs", "skipped"})
#: Columns that differ between two codings of the same input.
RUN_SPECIFIC = frozenset({"run_id", "coded_at", "at", "started_at", "finished_at"})
#: Control characters that must never reach a terminal raw: ESC, CR and the
#: C0/C1 controls (TAB and LF are line structure).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def env(**extra: str) -> dict[str, str]:
    """The environment for a CLI subprocess: this checkout first on PYTHONPATH."""
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, "PYTHONUNBUFFERED": "1", **extra}


def cli(
    *args: str | Path, timeout: float = 300, cwd: Path | None = None, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bedfellows ARGS`` to completion and return the result (text)."""
    return subprocess.run(
        [sys.executable, "-m", "bedfellows", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        timeout=timeout,
        env=env(**extra_env),
        cwd=cwd or REPO,
    )


def popen(*args: str | Path, cwd: Path | None = None, **extra_env: str) -> subprocess.Popen:
    """Start ``python -m bedfellows ARGS`` with stdout/stderr piped (bytes)."""
    return subprocess.Popen(
        [sys.executable, "-m", "bedfellows", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(**extra_env),
        cwd=cwd or REPO,
    )


def wait_for(predicate, timeout: float, what: str, interval: float = 0.05) -> None:
    """Poll ``predicate`` until true; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    """Assert a CLI run printed no Python traceback."""
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stdout, result.stdout[-3000:]


def error_lines(stderr: str) -> list[str]:
    """The ``error: ...`` lines of a CLI run's stderr."""
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def query(db: Path, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    """Rows of ``sql`` on ``db`` opened read-only (the writer must have exited)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def table_names(db: Path) -> list[str]:
    """User tables of ``db``, sorted."""
    rows = query(db, "SELECT table_name FROM information_schema.tables ORDER BY table_name")
    return [r[0] for r in rows]


def counts(db: Path) -> dict[str, int]:
    """Row count of every table of ``db``."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        ]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def content(db: Path, tables: Sequence[str] | None = None) -> dict[str, list[tuple]]:
    """Every row of every (or the named) table but the run logs, run-specific
    columns left out, sorted: two databases coded from the same input compare equal."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = tables or [
            r[0]
            for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
            if r[0] not in RUN_LOG_TABLES
        ]
        out: dict[str, list[tuple]] = {}
        for name in names:
            cols = [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                    "ORDER BY ordinal_position",
                    [name],
                ).fetchall()
                if r[0] not in RUN_SPECIFIC
            ]
            select = ", ".join(f'"{c}"' for c in cols)
            rows = con.execute(f'SELECT {select} FROM "{name}"').fetchall()
            out[name] = sorted(rows, key=repr)
        return out
    finally:
        con.close()
