"""The bad-input corpus, coded in ONE ``bedfellows code`` run (plus a rerun and the
oversize-line case in its own run): every input is coded or skipped with one clear
line, never a traceback, never control characters, never a wrong date."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from bedfellows.util.hashing import normalize_text

from .helpers import CONTROL, RUN_LOG_TABLES, cli, counts, query
from .make_corpus import (
    ANY,
    BIG_LINE_MAX_MB,
    MAX_MB,
    Case,
    build_big_line,
    build_corpus,
    pwned_marker,
)

pytestmark = pytest.mark.slow

SUMMARY = re.compile(r"^(read \d+ articles: .*|inputs skipped, by reason: .*)$")
# The one warning the corpus should cause: damaged UTF-8, replaced and counted.
DECODE_WARNING = re.compile(
    r"^WARNING bedfellows\.ingest\.decode: .*: \d+ invalid UTF-8 bytes replaced$"
)


@dataclass
class Run:
    """One coding run over a corpus and what it left behind."""

    cases: list[Case]
    corpus: Path
    db: Path
    result: subprocess.CompletedProcess[str]

    @property
    def skip_lines(self) -> list[str]:
        return [line for line in self.result.stderr.splitlines() if line.startswith("skipped ")]

    def lines_for(self, case: Case) -> list[str]:
        """The ``skipped ...`` lines that name ``case``."""
        if case.match is not None:
            return [line for line in self.skip_lines if case.match in line]
        record = r"(?::\d+)?" if case.any_record else ""
        head = re.compile(rf"skipped {re.escape(case.where)}{record}: ")
        return [line for line in self.skip_lines if head.match(line)]

    def reason(self, case: Case, line: str) -> str:
        return line.split(": ", 1)[1] if case.match else line[len(f"skipped {case.where}: ") :]

    def articles(self) -> dict[str, dict]:
        rows = query(self.db, "SELECT source_path, body, published, title FROM articles")
        return {r[0]: {"body": r[1], "published": r[2], "title": r[3]} for r in rows}

    def skipped_rows(self) -> list[tuple[str, int | None, str]]:
        return query(self.db, "SELECT source_path, record, reason FROM skipped")


def _code(dest: Path, cases: list[Case], max_mb: float) -> Run:
    db = dest.parent / f"{dest.name}.duckdb"
    result = cli("code", dest, "--db", db, "--silent", "--max-mb", max_mb, timeout=600)
    return Run(cases, dest, db, result)


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Run:
    """The whole corpus coded once."""
    dest = tmp_path_factory.mktemp("reliability") / "corpus"
    return _code(dest, build_corpus(dest), MAX_MB)


@pytest.fixture(scope="module")
def rerun(run: Run) -> tuple[dict[str, int], subprocess.CompletedProcess[str], dict[str, int]]:
    """The same corpus coded again into the same database: (counts before, result, after)."""
    assert run.db.exists(), run.result.stderr[-3000:]
    before = counts(run.db)
    again = cli("code", run.corpus, "--db", run.db, "--silent", "--max-mb", MAX_MB, timeout=600)
    return before, again, counts(run.db)


def _by(run: Run, *outcomes: str) -> list[Case]:
    return [c for c in run.cases if c.expect in outcomes]


def test_corpus_is_big_enough(run: Run) -> None:
    assert len(run.cases) >= 40
    assert {c.expect for c in run.cases} >= {"coded", "skipped", "either", "duplicate"}


def test_exit_status_is_1_without_traceback(run: Run) -> None:
    assert "Traceback" not in run.result.stderr, run.result.stderr[-4000:]
    assert run.result.returncode == 1, run.result.stderr[-2000:]


def test_each_skipped_input_named_once_with_its_reason(run: Run) -> None:
    problems = []
    for case in _by(run, "skipped"):
        lines = run.lines_for(case)
        if len(lines) != 1:
            problems.append(f"{case.name}: {len(lines)} skip lines")
            continue
        reason = run.reason(case, lines[0])
        if case.reason_re and not re.search(case.reason_re, reason, re.I):
            problems.append(f"{case.name}: reason {reason!r} does not match {case.reason_re!r}")
        if case.reason_not_re and re.search(case.reason_not_re, reason, re.I):
            problems.append(f"{case.name}: reason {reason!r} matches {case.reason_not_re!r}")
    assert not problems, "\n".join(problems)


def test_each_coded_input_is_stored(run: Run) -> None:
    stored = run.articles()
    problems = [
        f"{c.name}: not stored; skip lines: {run.lines_for(c)}"
        for c in _by(run, "coded")
        if c.where not in stored
    ]
    problems += [f"{c.name}: also reported skipped" for c in _by(run, "coded") if run.lines_for(c)]
    assert not problems, "\n".join(problems)


def test_either_inputs_are_coded_or_skipped_exactly_once(run: Run) -> None:
    stored = run.articles()
    problems = []
    for case in _by(run, "either"):
        coded, lines = case.where in stored, run.lines_for(case)
        if coded + len(lines) != 1:
            problems.append(f"{case.name}: stored={coded}, {len(lines)} skip lines")
    assert not problems, "\n".join(problems)


def test_stored_articles_hold_the_expected_text_and_dates(run: Run) -> None:
    stored = run.articles()
    problems = []
    for case in _by(run, "coded", "either", "duplicate"):
        art = stored.get(case.where)
        if art is None:
            continue  # whether it should be there is checked above
        body = art["body"]
        # Stored bodies are normalised (curly quotes become ASCII ones).
        problems += [
            f"{case.name}: body lacks {s!r}"
            for s in case.body_contains
            if normalize_text(s) not in body
        ]
        problems += [f"{case.name}: body has {s!r}" for s in case.body_excludes if s in body]
        if case.body_excludes_re and (m := re.search(case.body_excludes_re, body)):
            problems.append(f"{case.name}: body has {m.group()!r} (mojibake)")
        if case.published is not ANY and art["published"] != case.published:
            problems.append(f"{case.name}: published {art['published']} != {case.published}")
    assert not problems, "\n".join(problems)


def test_no_article_has_an_impossible_date(run: Run) -> None:
    rows = query(
        run.db,
        "SELECT source_path, published FROM articles "
        "WHERE published < DATE '1900-01-01' OR published > current_date",
    )
    assert rows == []


def test_skipped_table_has_one_row_per_skipped_input(run: Run) -> None:
    rows = run.skipped_rows()
    problems = []
    for case in _by(run, "skipped", "either"):
        if case.match is not None:
            mine = [r for r in rows if case.match in r[0]]
        else:
            mine = [
                r
                for r in rows
                if r[0] == str(case.path) and (case.any_record or r[1] == case.record)
            ]
        wanted = 1 if case.expect == "skipped" else len(run.lines_for(case))
        if len(mine) != wanted:
            problems.append(f"{case.name}: {len(mine)} rows in skipped, want {wanted}")
    n_lines = len(run.skip_lines)
    assert not problems, "\n".join(problems)
    assert len(rows) == n_lines, "every skip line has its row and no row lacks a line"


def test_the_same_article_from_three_inputs_is_stored_once(run: Run) -> None:
    group = [c for c in run.cases if c.group == "gas-route"]
    assert len(group) == 3
    stored = run.articles()
    hits = [c.where for c in group if c.where in stored]
    assert len(hits) == 1, hits
    assert all(run.lines_for(c) == [] for c in group)
    bodies = [a["body"] for a in stored.values() if "new gas pipeline through Iraq" in a["body"]]
    assert len(bodies) == 1


def test_hidden_files_are_left_alone(run: Run) -> None:
    stored = run.articles()
    for case in _by(run, "ignored"):
        assert case.where not in stored
        assert run.lines_for(case) == []


def test_yaml_tags_execute_nothing(run: Run) -> None:
    assert run.result.returncode in (0, 1)  # the run got past the tagged file
    assert not pwned_marker(run.corpus).exists()


def test_no_control_characters_on_stdout_or_stderr(run: Run) -> None:
    for name, text in (("stdout", run.result.stdout), ("stderr", run.result.stderr)):
        found = {repr(m.group()) for m in CONTROL.finditer(text)}
        assert not found, f"raw control characters on {name}: {sorted(found)}"


def test_stderr_is_one_line_per_skip_plus_the_summary(run: Run) -> None:
    """A file name with a newline, a multi-line reason or log noise breaks the
    one-line-per-skip contract that scripts rely on."""
    lines = [line for line in run.result.stderr.splitlines() if line.strip()]
    warnings = [line for line in lines if DECODE_WARNING.match(line)]
    others = [
        line
        for line in lines
        if not line.startswith("skipped ") and not SUMMARY.match(line) and line not in warnings
    ]
    assert others == [], others[:10]
    damaged = [c for c in run.cases if c.name.startswith("enc/utf8_") and "invalid" in c.name]
    assert damaged and len(warnings) == len(damaged), warnings
    n_skipped = sum(len(run.lines_for(c)) for c in _by(run, "skipped", "either"))
    assert len(run.skip_lines) == n_skipped


def test_events_table_output_carries_no_escape_codes(run: Run) -> None:
    assert run.db.exists()
    shown = cli("events", "--db", run.db, "--format", "table", timeout=120)
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert "defence pact" in shown.stdout or "signed" in shown.stdout
    assert "\x1b" not in shown.stdout and "\x1b" not in shown.stderr


def test_rerun_adds_nothing_and_still_exits_1(rerun) -> None:
    before, again, after = rerun
    assert "Traceback" not in again.stderr, again.stderr[-3000:]
    assert again.returncode == 1
    for table, n in before.items():
        if table not in RUN_LOG_TABLES:
            assert after[table] == n, f"{table}: {n} rows before the rerun, {after[table]} after"
    assert after["runs"] == before["runs"] + 1
    assert "0 coded" in again.stderr


@pytest.fixture(scope="module")
def big_line(tmp_path_factory) -> Run:
    dest = tmp_path_factory.mktemp("reliability_big_line") / "big_line"
    return _code(dest, build_big_line(dest), BIG_LINE_MAX_MB)


def test_an_oversize_jsonl_record_does_not_cost_the_records_after_it(big_line: Run) -> None:
    assert "Traceback" not in big_line.result.stderr
    assert big_line.result.returncode == 1
    [skipped] = [c for c in big_line.cases if c.expect == "skipped"]
    [line] = big_line.lines_for(skipped)
    assert re.search(skipped.reason_re or "", big_line.reason(skipped, line), re.I)
    stored = big_line.articles()
    good = [c for c in big_line.cases if c.expect == "coded"]
    assert len(good) == 5
    assert [c.where for c in good if c.where not in stored] == []
    assert big_line.skipped_rows()[0][:2] == (str(skipped.path), 1)
