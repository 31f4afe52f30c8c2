"""kill -9 at ten seeded random points of coding runs on one database, then one run
to completion: the tables equal those of an uninterrupted run (run ids and
timestamps aside). The model is loaded once and each run forked from it
(``fork_driver.py``), so ten real runs fit in seconds."""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from .helpers import REPO, content, env
from .make_corpus import article_text

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="POSIX"),
]

HERE = Path(__file__).resolve().parent
N_ARTICLES = 150
KILLS = 10
SEED = 20150415
#: The tables a kill must leave whole (names as in bedfellows/store/ddl.py).
TABLES = (
    "articles",
    "comments",
    "events",
    "event_actors",
    "article_dating",
    "article_dating_evidence",
    "article_types",
)


class Driver:
    """The fork driver: one preloaded pipeline, one ``bedfellows code`` child per run."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "fork_driver.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1"),
            cwd=REPO,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        assert self.next(300) == "ready"

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put("eof")

    def next(self, timeout: float) -> str:
        try:
            return self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"fork driver silent for {timeout}s") from None

    def run(self, log: Path, *args: str | Path, kill_after: float | None = None) -> int:
        """One ``bedfellows ARGS`` run; SIGKILL it ``kill_after`` seconds in. Its exit code."""
        assert self.proc.stdin is not None
        self.proc.stdin.write("\t".join(["run", str(log), *map(str, args)]) + "\n")
        self.proc.stdin.flush()
        reply = self.next(60)
        assert reply.startswith("pid "), reply
        if kill_after is not None:
            time.sleep(kill_after)
            os.kill(int(reply.split()[1]), signal.SIGKILL)  # a zombie by then: no harm
        reply = self.next(300)
        assert reply.startswith("exit "), reply
        return int(reply.split()[1])

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.write("quit\n")
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def driver():
    d = Driver()
    yield d
    d.close()


def test_kill_9_at_random_points_then_resume_equals_an_uninterrupted_run(
    driver: Driver, tmp_path: Path
) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for i in range(N_ARTICLES):
        (corpus / f"a{i:03d}.txt").write_text(article_text(i, sentences=3) + "\n")

    def code(db: Path, log: Path, kill_after: float | None = None) -> int:
        return driver.run(log, "-v", "code", corpus, "--db", db, "--silent", kill_after=kill_after)

    ref_db = tmp_path / "reference.duckdb"
    started = time.monotonic()
    assert code(ref_db, tmp_path / "reference.log") == 0, (tmp_path / "reference.log").read_text()
    duration = time.monotonic() - started
    reference = content(ref_db, TABLES)
    assert len(reference["articles"]) == N_ARTICLES
    assert reference["events"], "the generated articles code into events"

    # Ten kill points spread over the corpus: each rerun skips what is stored and
    # is killed about a tenth of the way further on (plus its start-up), so the
    # kills land early, midway and late, between and during the batch writes.
    rng = random.Random(SEED)
    points = sorted(rng.uniform(0, duration) for _ in range(KILLS))
    gaps = [b - a for a, b in zip([0.0, *points], points, strict=False)]
    db = tmp_path / "killed.duckdb"
    codes = []
    for k, gap in enumerate(gaps):
        codes.append(code(db, tmp_path / f"kill{k}.log", kill_after=0.15 + gap))
    killed = codes.count(-signal.SIGKILL)
    assert killed >= KILLS // 2, f"only {killed} runs were still going when killed: {codes}"
    assert set(codes) <= {-signal.SIGKILL, 0}, codes

    final_log = tmp_path / "final.log"
    assert code(db, final_log) == 0, final_log.read_text()[-3000:]
    assert "Traceback" not in final_log.read_text()
    resumed = content(db, TABLES)
    for table in TABLES:
        assert resumed[table] == reference[table], (
            f"{table}: {len(resumed[table])} rows after {killed} kills and a rerun, "
            f"{len(reference[table])} in an uninterrupted run"
        )
