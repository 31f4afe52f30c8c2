"""A writer killed with SIGKILL leaves only whole articles; a rerun adds the rest."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bedfellows.store import Store

from .factories import expected_counts, numbered

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
ENDLESS = 10_000_000  # the writer never gets there: it is killed first
KILL_AFTER = 20  # commits seen before the kill
MORE = 30  # articles the rerun adds beyond those that survived


def per_article(store: Store) -> dict[str, tuple[int, int, int]]:
    """article_id -> (events, event_actors, comments) as stored."""
    con = store.cursor()
    try:
        rows = con.execute(
            """
            SELECT a.article_id,
                (SELECT count(*) FROM events e WHERE e.article_id = a.article_id),
                (SELECT count(*) FROM event_actors x JOIN events e USING (event_id)
                  WHERE e.article_id = a.article_id),
                (SELECT count(*) FROM comments c WHERE c.article_id = a.article_id)
            FROM articles a
            """
        ).fetchall()
        orphans = sum(
            con.execute(
                f"SELECT count(*) FROM {child} WHERE {key} NOT IN (SELECT {key} FROM {parent})"
            ).fetchone()[0]
            for child, parent, key in (
                ("events", "articles", "article_id"),
                ("comments", "articles", "article_id"),
                ("event_actors", "events", "event_id"),
            )
        )
    finally:
        con.close()
    assert orphans == 0
    return {aid: (n_ev, n_act, n_com) for aid, n_ev, n_act, n_com in rows}


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_run_leaves_whole_articles(tmp_path: Path) -> None:
    db = tmp_path / "crash.duckdb"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "crash_writer.py"), str(db), str(ENDLESS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        committed = -1
        assert proc.stdout is not None
        for line in proc.stdout:
            committed = int(line)
            if committed >= KILL_AFTER:
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
    assert committed >= KILL_AFTER, "the writer died on its own"

    with Store.open(db) as store:
        stored = per_article(store)
        # Everything the writer reported as committed is there, and nothing is partial:
        # the stored articles are exactly 0..k-1, each with all its rows.
        assert len(stored) > committed
        for i in range(len(stored)):
            aid = numbered(i)[0].article_id
            assert stored[aid] == expected_counts(i), aid
        wanted = len(stored) + MORE

        run = store.begin_run()
        added = sum(store.write_article(*numbered(i), run) for i in range(wanted))
        assert added == MORE
        after = per_article(store)
        assert len(after) == wanted
        assert all(after[numbered(i)[0].article_id] == expected_counts(i) for i in range(wanted))
