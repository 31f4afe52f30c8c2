"""The CLI under bad input (issue 15): the demo keeps other people's files, a config
file in effect is announced, bad numbers are usage errors, nothing unexpected
reaches the user as a traceback."""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from bedfellows.cli import demo as demo_module
from bedfellows.cli.main import cli
from bedfellows.store import Store
from bedfellows.store.database import read_meta


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def _customers(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers (id INTEGER, name VARCHAR)")
    con.execute("INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')")
    con.close()


def _unmarked_bedfellows(path: Path) -> None:
    Store.open(path).close()


def _older_unmarked_bedfellows(path: Path) -> None:
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()


def _text(path: Path) -> None:
    path.write_text("my notes, not a database\n")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize(
    "make", [_customers, _unmarked_bedfellows, _older_unmarked_bedfellows, _text, _empty]
)
def test_demo_refuses_any_database_it_did_not_create(
    tmp_path: Path, make, monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_code(*_args, **_kwargs):
        raise AssertionError("the demo coded into a file it does not own")

    monkeypatch.setattr(demo_module, "run_coding", must_not_code)
    db = tmp_path / "data.duckdb"
    make(db)
    before = db.read_bytes()
    result = invoke("demo", "--db", str(db), "--silent")
    assert result.exit_code == 2, result.output
    assert f"error: {db}" in result.output
    assert "choose another --db" in result.output and "--force" in result.output
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.duckdb"]


def _store_articles(path: Path, sources: list[str]) -> None:
    """An older, unmarked bedfellows database holding articles read from ``sources``."""
    from bedfellows.ingest.assemble import build_article

    with Store.open(path) as store:
        run = store.begin_run()
        for i, src in enumerate(sources):
            text = f"Canada and Norway signed fisheries agreement number {i} in Oslo on Monday."
            store.write_article(build_article(text, source=src), [], run)
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.close()


@pytest.mark.parametrize("with_own_article", [False, True])
def test_demo_knows_its_unmarked_databases_by_their_sample_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_own_article: bool
) -> None:
    from bedfellows.pipeline import RunSummary

    monkeypatch.setattr(demo_module, "run_coding", lambda *_a, **_k: RunSummary())
    samples = demo_module.sample_files()[:2]
    db = tmp_path / "bedfellows-demo.duckdb"
    _store_articles(db, samples + ([str(tmp_path / "my-notes.txt")] if with_own_article else []))
    before = db.read_bytes()
    result = invoke("demo", "--db", str(db), "--silent")
    if with_own_article:  # someone coded their own text into it: not the demo's to replace
        assert result.exit_code == 2 and "--force" in result.output
        assert db.read_bytes() == before
    else:  # an older demo's database: re-coded in place
        assert result.exit_code == 0, result.output
        assert "re-coding the sample corpus" in result.output
        assert read_meta(db)[demo_module.DEMO_MARK]


def test_demo_force_replaces_the_file_and_marks_the_new_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bedfellows.pipeline import RunSummary

    coded: list[str] = []

    def fake_coding(inputs, db, **_kwargs):
        coded.append(db)
        return RunSummary()

    monkeypatch.setattr(demo_module, "run_coding", fake_coding)
    db = tmp_path / "data.duckdb"
    _customers(db)
    result = invoke("demo", "--db", str(db), "--silent", "--force")
    assert result.exit_code == 0, result.output
    assert coded and coded[0] != str(db)  # coded beside it, then moved into place
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 0
    con = duckdb.connect(str(db), read_only=True)
    marked = con.execute("SELECT value FROM meta WHERE key = ?", [demo_module.DEMO_MARK]).fetchone()
    con.close()
    assert marked
    # Its own database: reused, no --force needed.
    again = invoke("demo", "--db", str(db), "--silent")
    assert again.exit_code == 0, again.output
    assert coded[-1] == str(db)


def test_a_config_file_in_effect_is_announced_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BEDFELLOWS_CONFIG", raising=False)
    (tmp_path / "my_actors.csv").write_text(
        "id,name,kind,aliases,country,sector,cameo,start,end\n"
        "amina_example,Amina Example,person,,KEN,GOV,,2018-01-01,2020-12-31\n"
    )
    (tmp_path / "bedfellows.toml").write_text('[actors]\nfile = "my_actors.csv"\n')
    result = invoke("actors", "lookup", "Amina Example", "--date", "2019-01-01")
    assert result.exit_code == 0, result.output
    notice = "using settings from ./bedfellows.toml: actors file my_actors.csv"
    assert result.stderr.count(notice) == 1, result.stderr
    assert notice not in result.stdout
    (tmp_path / "bedfellows.toml").unlink()
    plain = invoke("actors", "lookup", "Amina Example")
    assert "using settings" not in plain.output


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-1"])
def test_code_max_mb_must_be_a_positive_finite_number(tmp_path: Path, value: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("France signed an agreement with Kenya.\n")
    result = invoke("code", str(article), "--db", str(tmp_path / "x.duckdb"), "--max-mb", value)
    assert result.exit_code == 2, result.output
    assert "--max-mb" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "x.duckdb").exists()


def test_an_unexpected_exception_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bedfellows.cli import query

    def boom(*_args, **_kwargs):
        raise RuntimeError("boom\x1b[2J\nforged line")

    monkeypatch.setattr(query, "verify", boom)
    result = invoke("info")
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line]
    assert lines == [
        "error: internal error: RuntimeError: boom\\x1b[2J\\nforged line "
        "(run with -v for the traceback)"
    ]


def test_library_errors_are_one_printable_line(tmp_path: Path) -> None:
    name = tmp_path / "evil\nskipped forged\x1b[31m.duckdb"
    name.write_text("not a database")
    result = invoke("events", "--db", str(name))
    assert result.exit_code == 2
    [line] = [line for line in result.stderr.splitlines() if line]
    assert line.startswith("error: ") and "evil\\nskipped forged\\x1b[31m" in line


def test_log_lines_are_one_printable_line_each() -> None:
    # A warning names a file from outside (ingest's "N invalid UTF-8 bytes replaced").
    from bedfellows.cli.main import _PrintableFormatter

    record = logging.LogRecord(
        "bedfellows.ingest.decode",
        logging.WARNING,
        __file__,
        1,
        "%s: %d invalid UTF-8 bytes replaced",
        ("evil\nskipped forged\x1b[31m.txt", 3),
        None,
    )
    line = _PrintableFormatter("%(levelname)s %(name)s: %(message)s").format(record)
    assert "\n" not in line and "\x1b" not in line
    assert line.endswith("evil\\nskipped forged\\x1b[31m.txt: 3 invalid UTF-8 bytes replaced")
