"""benchmarks/audit.py: the committed audit TSVs are valid, sampling is seeded (no model)."""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

import pytest
from event_factory import make_event

from benchmarks import audit
from benchmarks.audit import COLUMNS, VERDICTS, Row

AUDIT_DIR = Path(audit.REPO) / "benchmarks" / "audit"
EVENT_ID = re.compile(r"e_[0-9a-f]{20}")


def committed_tsvs() -> list[Path]:
    return sorted(AUDIT_DIR.glob("*.tsv"))


def test_there_is_a_committed_round():
    assert (AUDIT_DIR / "round1.tsv") in committed_tsvs()


@pytest.mark.parametrize("path", committed_tsvs(), ids=lambda p: p.name)
def test_committed_tsv_is_valid_and_fully_judged(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert tuple(lines[0].split("\t")) == COLUMNS
    assert all(line.count("\t") == len(COLUMNS) - 1 for line in lines[1:])
    rows = audit.read_tsv(path)  # raises on repeated ids and unknown verdicts
    assert rows
    assert len({r.event_id for r in rows}) == len(rows)
    for r in rows:
        assert EVENT_ID.fullmatch(r.event_id), r.event_id
        assert r.verdict in VERDICTS, (r.event_id, r.verdict)
        # a short phrase, never a pasted sentence
        assert r.reason and len(r.reason) <= 80 and '"' not in r.reason, r.event_id


def test_check_rows_flags_repeats_unknown_verdicts_and_stray_reasons():
    rows = [Row("e_1", "right"), Row("e_1", "right"), Row("e_2", "maybe"), Row("e_3", "", "why")]
    problems = audit.check_rows(rows)
    assert any("repeated" in p for p in problems)
    assert any("unknown verdict" in p for p in problems)
    assert any("without a verdict" in p for p in problems)
    assert audit.check_rows([Row("e_1"), Row("e_2", "wrong_date", "a year off")]) == []


def test_read_tsv_rejects_a_bad_header(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("id\tverdict\nx\tright\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        audit.read_tsv(path)


def test_write_then_read_round_trips(tmp_path):
    rows = [Row("e_a"), Row("e_b", "not_an_event", "a title")]
    path = tmp_path / "r.tsv"
    audit.write_tsv(path, rows)
    assert audit.read_tsv(path) == rows


def test_draw_is_seeded_and_independent_of_coding_order():
    events = [dataclasses.replace(make_event(), event_id=f"e_{i:03d}") for i in range(50)]
    shuffled = events[:]
    random.Random(7).shuffle(shuffled)
    first = [e.event_id for e in audit.draw(events, seed=1, size=10)]
    assert first == [e.event_id for e in audit.draw(shuffled, seed=1, size=10)]
    assert first == sorted(first) and len(set(first)) == 10
    assert first != [e.event_id for e in audit.draw(events, seed=2, size=10)]
    assert len(audit.draw(events + events, seed=1, size=500)) == 50  # ids pooled once


def test_score_rows_counts_only_judged_rows():
    rows = [Row("a", "right"), Row("b", "wrong_type", "x"), Row("c", "right"), Row("d")]
    res = audit.score_rows(rows)
    assert res["judged"] == 3 and res["sampled"] == 4
    assert res["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert res["counts"]["right"] == 2 and res["counts"]["not_an_event"] == 0
    low, high = res["precision_ci95"]
    assert low < 2 / 3 < high
    assert audit.score_rows([])["precision"] is None


def test_sample_never_overwrites_judged_verdicts(tmp_path, monkeypatch):
    path = tmp_path / "judged.tsv"
    audit.write_tsv(path, [Row("e_a", "right", "ok")])
    monkeypatch.setattr(audit, "code_corpus", lambda *a, **k: pytest.fail("coded anyway"))
    with pytest.raises(SystemExit, match="holds verdicts"):
        audit.main(["sample", "--seed", "1", "--out", str(path)])
    assert audit.read_tsv(path) == [Row("e_a", "right", "ok")]
