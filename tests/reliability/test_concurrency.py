"""Two writers on one database, and a reader while a writer runs: the latecomer
gets exit 2 and one clear ``error:`` line, the writer finishes with all its data."""

from __future__ import annotations

import re
import subprocess
import threading
from pathlib import Path

import pytest

from .helpers import cli, error_lines, popen, query
from .make_corpus import article_text

pytestmark = pytest.mark.slow

N_ARTICLES = 300


class Writer:
    """A ``bedfellows -v code`` subprocess whose stderr is collected as it comes."""

    def __init__(self, corpus: Path, db: Path) -> None:
        self.proc = popen("-v", "code", corpus, "--db", db, "--silent")
        self.stderr: list[str] = []
        self.coding = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace")
            self.stderr.append(line)
            if " coded " in line:  # INFO bedfellows.pipeline: coded PATH (ID): N events
                self.coding.set()
        self.coding.set()

    def wait(self, timeout: float) -> int:
        code = self.proc.wait(timeout=timeout)
        self._reader.join(timeout=30)
        return code


def _corpus(root: Path) -> Path:
    root.mkdir()
    for i in range(N_ARTICLES):
        (root / f"a{i:03d}.txt").write_text(article_text(i + 500, sentences=4) + "\n")
    return root


def _one_clear_error(result: subprocess.CompletedProcess[str], db: Path) -> None:
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and lines == errors, lines
    assert str(db) in errors[0]
    assert re.search(r"lock|in use|busy", errors[0], re.I), errors[0]


@pytest.fixture(scope="module")
def contested(tmp_path_factory):
    """A writer coding a folder, with a second writer and a reader started mid-run."""
    tmp = tmp_path_factory.mktemp("concurrency")
    corpus = _corpus(tmp / "articles")
    other = tmp / "other"
    other.mkdir()
    (other / "late.txt").write_text(article_text(9999) + "\n")
    db = tmp / "shared.duckdb"
    writer = Writer(corpus, db)
    try:
        assert writer.coding.wait(timeout=240), "the writer never started coding"
        assert writer.proc.poll() is None, "the writer finished before the contest; add articles"
        results: dict[str, subprocess.CompletedProcess[str]] = {}

        def second() -> None:
            results["writer"] = cli("code", other, "--db", db, "--silent", timeout=240)

        def reader() -> None:
            results["reader"] = cli("events", "--db", db, timeout=240)

        threads = [threading.Thread(target=second), threading.Thread(target=reader)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
        still_running = writer.proc.poll() is None
        code = writer.wait(timeout=600)
    finally:
        if writer.proc.poll() is None:
            writer.proc.kill()
            writer.proc.wait(timeout=30)
    return {
        "db": db,
        "results": results,
        "writer_code": code,
        "writer_stderr": "".join(writer.stderr),
        "overlapped": still_running,
        "late": str(other / "late.txt"),
    }


def test_second_writer_is_refused_with_one_clear_error(contested) -> None:
    assert contested["overlapped"], "the first writer ended before the others ran"
    _one_clear_error(contested["results"]["writer"], contested["db"])


def test_reader_during_a_write_gets_a_clear_error(contested) -> None:
    _one_clear_error(contested["results"]["reader"], contested["db"])


def test_first_writer_completes_with_all_its_data(contested) -> None:
    assert contested["writer_code"] == 0, contested["writer_stderr"][-3000:]
    assert "Traceback" not in contested["writer_stderr"]
    db = contested["db"]
    assert query(db, "SELECT count(*) FROM articles")[0][0] == N_ARTICLES
    late = query(db, "SELECT count(*) FROM articles WHERE source_path = ?", [contested["late"]])
    assert late == [(0,)]
    orphans = query(
        db, "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT article_id FROM articles)"
    )
    assert orphans == [(0,)]
    assert query(db, "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL") == [(1,)]
