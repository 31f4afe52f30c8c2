"""Bad options, hostile actor files and Ctrl-C: a clear message and exit status,
never a Python traceback."""

from __future__ import annotations

import re
import signal
import subprocess
import threading
from pathlib import Path

import pytest

from .helpers import cli, error_lines, no_traceback, popen
from .make_corpus import article_text

pytestmark = pytest.mark.slow

ACTOR_RECORD = (
    "actors:\n"
    "  - id: test_minister\n"
    "    name: Test Minister\n"
    "    kind: person\n"
    "    aliases: [Minister Testperson]\n"
)


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cli_errors") / "small"
    root.mkdir()
    (root / "one.txt").write_text(article_text(7) + "\n")
    return root


def _usage_or_error(result: subprocess.CompletedProcess[str]) -> None:
    no_traceback(result)
    assert result.returncode == 2, result.stderr[-2000:]
    assert re.search(r"^(error|Error): ", result.stderr, re.M), result.stderr[-2000:]


@pytest.mark.parametrize("value", ["nan", "inf", "-1"])
def test_max_mb_must_be_a_finite_positive_number(small: Path, tmp_path: Path, value: str) -> None:
    result = cli("code", small, "--db", tmp_path / "x.duckdb", "--silent", "--max-mb", value)
    _usage_or_error(result)
    assert "max-mb" in result.stderr


def test_network_window_0000(tmp_path: Path) -> None:
    from bedfellows.store import Store

    db = tmp_path / "w.duckdb"
    with Store.open(db):  # an empty bedfellows database: no model needed
        pass
    result = cli("network", "--db", db, "--window", "0000")
    _usage_or_error(result)
    assert "0000" in result.stderr


def _actor_file_error(small: Path, tmp_path: Path, text: str, line: int | None) -> str:
    actors = tmp_path / "actors.yaml"
    actors.write_text(text)
    result = cli("code", small, "--db", tmp_path / "a.duckdb", "--silent", "--actors", actors)
    no_traceback(result)
    assert result.returncode == 2, result.stderr[-2000:]
    [line_text] = error_lines(result.stderr)
    where = f"{actors}:{line}" if line is not None else str(actors)
    assert where in line_text, line_text
    assert not (tmp_path / "a.duckdb").exists() or "coded" not in result.stderr
    return line_text


def test_actor_file_python_tag_is_not_executed(small: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = ACTOR_RECORD + f'    note: !!python/object/apply:os.system ["touch {marker}"]\n'
    _actor_file_error(small, tmp_path, text, None)
    assert not marker.exists()


def test_actor_file_case_sensitive_must_be_a_list(small: Path, tmp_path: Path) -> None:
    _actor_file_error(small, tmp_path, ACTOR_RECORD + "    case_sensitive: 5\n", 2)


def test_actor_file_of_nested_brackets(small: Path, tmp_path: Path) -> None:
    _actor_file_error(small, tmp_path, "[" * 3_000_000, None)


def test_actor_file_unknown_cameo_code_names_file_and_line(small: Path, tmp_path: Path) -> None:
    text = ACTOR_RECORD + "    spells:\n      - {cameo: USAXYZ, start: 2010-01-01}\n"
    message = _actor_file_error(small, tmp_path, text, 7)
    assert "USAXYZ" in message


def test_ctrl_c_while_coding_exits_130_without_traceback(tmp_path: Path) -> None:
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(300):
        (corpus / f"a{i:03d}.txt").write_text(article_text(i + 2000, sentences=4) + "\n")
    proc = popen("-v", "code", corpus, "--db", tmp_path / "c.duckdb", "--silent")
    lines: list[str] = []
    coding = threading.Event()

    def read() -> None:
        assert proc.stderr is not None
        for raw in proc.stderr:
            lines.append(raw.decode("utf-8", "replace"))
            if " coded " in lines[-1]:
                coding.set()
        coding.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert coding.wait(timeout=240), "never started coding"
        assert proc.poll() is None, "finished before Ctrl-C; add articles"
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    reader.join(timeout=30)
    stderr = "".join(lines)
    assert "Traceback" not in stderr, stderr[-3000:]
    assert code == 130, stderr[-2000:]
    assert "interrupted" in stderr
