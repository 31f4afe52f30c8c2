"""The command line end to end: coding, idempotence, bad input, kill -9 resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow

COUNTRIES = ["France", "Germany", "Japan", "Brazil", "Kenya", "Canada", "India", "Egypt"]
TEMPLATES = [
    "{a} signed a trade agreement with {b} on Monday.",
    "{a} accused {b} of violating the ceasefire.",
    "Officials from {a} met their counterparts from {b} in Geneva on Tuesday.",
    "{a} threatened {b} with sanctions over the dispute.",
    "{a} sent humanitarian aid to {b} after the floods.",
]


def make_corpus(folder: Path, n: int) -> list[Path]:
    """n small, distinct articles written from templates (no third-party text)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i * 3 + 1) % len(COUNTRIES)]
        lines = [TEMPLATES[(i + k) % len(TEMPLATES)].format(a=a, b=b) for k in range(3)]
        text = (
            f"date: 2019-05-{1 + i % 28:02d}\n\nReport number {i}.\n\n" + "\n\n".join(lines) + "\n"
        )
        path = folder / f"article-{i:03d}.txt"
        path.write_text(text)
        paths.append(path)
    return paths


def run(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bedfellows", *args], capture_output=True, text=True, timeout=timeout
    )


def table_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("articles", "comments", "events", "event_actors")
        }
    finally:
        con.close()


def test_cli_code_twice_leaves_database_unchanged(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 6)
    db = tmp_path / "ev.duckdb"
    first = run("code", str(tmp_path / "corpus"), "--db", str(db), "--silent")
    assert first.returncode == 0, first.stderr
    before = table_counts(db)
    assert before["articles"] == len(corpus) and before["events"] > 0
    second = run("code", str(tmp_path / "corpus" / "*.txt"), "--db", str(db), "--silent")
    assert second.returncode == 0, second.stderr
    assert table_counts(db) == before
    assert "6 already stored" in second.stderr


def test_cli_events_and_export(tmp_path):
    make_corpus(tmp_path / "corpus", 4)
    db = tmp_path / "ev.duckdb"
    assert run("code", str(tmp_path / "corpus"), "--db", str(db), "--silent").returncode == 0
    listed = run("events", "--db", str(db), "--actor", "FRA", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)  # one JSON array
    lines = run("events", "--db", str(db), "--actor", "FRA", "--format", "jsonl").stdout
    assert [json.loads(line) for line in lines.splitlines()] == rows
    assert rows
    one = rows[0]["article_id"]
    only = json.loads(run("events", "--db", str(db), "--article", one, "--format", "json").stdout)
    assert only and {r["article_id"] for r in only} == {one}
    for row in rows:
        codes = {a["country"] for a in row["sources"] + row["targets"]}
        assert "FRA" in codes
    exported = run("export", "--db", str(db), "--format", "plover-jsonl", "--min-confidence", "0")
    assert exported.returncode == 0, exported.stderr
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(records) == table_counts(db)["events"]
    default = run("export", "--db", str(db), "--format", "plover-jsonl")
    kept = [json.loads(line) for line in default.stdout.splitlines()]
    assert {r["id"] for r in kept} <= {r["id"] for r in records}
    for record in records:
        # PLOVER manual field names: actor/recipient, not CAMEO's source/target.
        assert {"id", "event", "actor", "recipient", "mode", "context"} <= record.keys()
        assert record["event"] and record["actor"]


def test_cli_code_with_user_actors_records_them(tmp_path):
    actors = tmp_path / "actors.csv"
    actors.write_text(
        "id,name,kind,aliases,country,sector,cameo,start,end\n"
        "amina_example,Amina Example,person,Minister Example,KEN,GOV,,2018-01-01,2020-12-31\n"
    )
    article = tmp_path / "a.txt"
    article.write_text("date: 2019-05-06\n\nAmina Example accused Uganda of violating the truce.\n")
    db = tmp_path / "ev.duckdb"
    done = run("code", str(article), "--db", str(db), "--silent", "--actors", str(actors))
    assert done.returncode == 0, done.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "select actor_id, cameo, basis from event_actors where role = 'source'"
        ).fetchall()
        config = json.loads(con.execute("select config_json from runs").fetchone()[0])
    finally:
        con.close()
    assert ("amina_example", "KENGOV", "text") in rows
    assert config["config"]["actors_file"]["sha256"]
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,country\nx,X,ZZZ\n")
    failed = run("code", str(article), "--db", str(tmp_path / "x.duckdb"), "--actors", str(bad))
    assert failed.returncode == 2
    assert f"{bad}:2: unknown country code 'ZZZ'" in failed.stderr


def test_cli_bad_inputs_are_named_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "mixed"
    make_corpus(folder, 2)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "latin.txt").write_bytes(b"\xff\xfe\x00garbage \x81\x8d\x8f\x90\x9d" * 50)
    (folder / "french.txt").write_text(
        "Le gouvernement a annoncé mardi une nouvelle série de mesures pour les agriculteurs. "
        "Les syndicats ont dénoncé une réforme qui ne répond pas à leurs demandes.\n"
    )
    (folder / "big.txt").write_text("Germany and France agreed to cooperate. " * 60_000)
    (folder / "broken.jsonl").write_text(
        '{"text": "Canada signed an agreement with Mexico on Friday.", "date": "2018-02-02"}\n'
        "{not json\n"
        '{"title": "no text field"}\n'
    )
    db = tmp_path / "ev.duckdb"
    res = run(
        "code",
        str(folder),
        str(tmp_path / "missing.txt"),
        "--db",
        str(db),
        "--silent",
        "--max-mb",
        "1",
    )
    assert res.returncode == 1
    skipped = [line for line in res.stderr.splitlines() if line.startswith("skipped ")]
    named = " ".join(skipped)
    for name in (
        "empty.txt",
        "binary.txt",
        "french.txt",
        "big.txt",
        "missing.txt",
        "broken.jsonl:2",
        "broken.jsonl:3",
    ):
        assert name in named, f"{name} not reported: {res.stderr}"
    counts = table_counts(db)
    assert counts["articles"] == 3  # two generated articles + the good JSONL line
    again = run("code", str(folder), "--db", str(db), "--silent", "--max-mb", "1")
    assert again.returncode == 1
    assert table_counts(db) == counts


def start_coding(corpus: Path, db: Path, *, until_coded: int) -> tuple[subprocess.Popen, list]:
    """Start ``bedfellows -v code`` and read its stderr until ``until_coded`` articles
    are coded (or it ends, or five minutes pass); the lines read are returned."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bedfellows", "-v", "code", str(corpus), "--db", str(db)]
        + ["--silent"],
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: list[str] = []
    coded = 0
    deadline = time.time() + 300
    while coded < until_coded and time.time() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        seen.append(line)
        coded += line.startswith("INFO") and " coded " in line
    return proc, seen


def test_cli_resumes_after_kill_without_loss_or_duplicates(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 60)
    db = tmp_path / "ev.duckdb"
    proc, seen = start_coding(tmp_path / "corpus", db, until_coded=5)
    coded = sum(line.startswith("INFO") and " coded " in line for line in seen)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert coded >= 5
    partial = table_counts(db)
    assert 0 < partial["articles"] < len(corpus)
    resumed = run("code", str(tmp_path / "corpus"), "--db", str(db), "--silent")
    assert resumed.returncode == 0, resumed.stderr
    fresh_db = tmp_path / "fresh.duckdb"
    assert run("code", str(tmp_path / "corpus"), "--db", str(fresh_db), "--silent").returncode == 0
    assert table_counts(db) == table_counts(fresh_db)
    con = duckdb.connect(str(db), read_only=True)
    dupes = con.execute("select count(*) - count(distinct event_id) from events").fetchone()[0]
    con.close()
    assert dupes == 0


def test_demo_recodes_a_demo_database_of_an_older_schema(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from bedfellows.cli.demo import DEMO_MARK
    from bedfellows.cli.main import cli
    from bedfellows.store import Store

    db = tmp_path / "demo.duckdb"
    with Store.open(db) as store:
        store.set_meta(DEMO_MARK, "test")
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    result = CliRunner().invoke(cli, ["demo", "--db", str(db), "--silent"])
    assert result.exit_code == 0, result.output
    assert "demo database of schema version 1" in result.output
    with Store.open(db, read_only=True) as store:
        assert store.counts()["events"] > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.duckdb"]


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    make_corpus(tmp_path / "corpus", 300)
    db = tmp_path / "ev.duckdb"
    # Wait until it has started writing articles.
    proc, seen = start_coding(tmp_path / "corpus", db, until_coded=1)
    os.kill(proc.pid, signal.SIGINT)
    rest = proc.stderr.read()
    proc.wait(timeout=120)
    stderr = "".join(seen) + rest
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert stderr.rstrip().splitlines()[-1].startswith("interrupted")
    assert 0 < table_counts(db)["articles"] < 300


def test_each_skip_is_one_printable_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    make_corpus(folder, 1)
    forged = folder / "x\nskipped forged\x1b[31m.txt"
    forged.write_text("")
    (folder / "empty.txt").write_text("")
    res = run("code", str(folder), "--db", str(tmp_path / "ev.duckdb"), "--silent")
    assert res.returncode == 1, res.stderr
    lines = res.stderr.splitlines()
    assert sum("empty.txt" in line for line in lines if "by reason" not in line) == 1
    [forged_line] = [line for line in lines if "forged" in line]
    assert forged_line == f"skipped {folder}/x\\nskipped forged\\x1b[31m.txt: file is empty"
    assert "\x1b" not in res.stderr


def test_code_reads_named_fields_of_jsonl_and_csv(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"story_id": "s1", "story": TEMPLATES[0].format(a="France", b="Kenya"),
                    "when": "2019-05-03"})
        + "\n"
        + json.dumps({"story_id": "s2", "text": "No story field here."})
        + "\n"
    )  # fmt: skip
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "story_id,when,story\ns3,2019-06-04,"
        + TEMPLATES[3].format(a="Japan", b="Brazil").replace(",", "")
        + "\n"
    )
    db = tmp_path / "fields.duckdb"
    args = ["code", str(corpus), str(sheet), "--db", str(db), "--silent"]
    done = run(*args, "--text-field", "story", "--id-field", "story_id", "--date-field", "when")
    assert done.returncode == 1  # one record had no 'story': reported, the rest stored
    assert "corpus.jsonl:2" in done.stderr and "'story'" in done.stderr
    con = duckdb.connect(str(db), read_only=True)
    rows = con.sql("SELECT external_id, published FROM articles ORDER BY external_id").fetchall()
    con.close()
    assert [(r[0], str(r[1])) for r in rows] == [("s1", "2019-05-03"), ("s3", "2019-06-04")]


def test_no_database_is_left_when_nothing_was_stored(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    db = tmp_path / "nothing.duckdb"
    done = run("code", str(tmp_path / "empty.txt"), "--db", str(db), "--silent")
    assert done.returncode == 1 and "skipped" in done.stderr and "not created" in done.stderr
    assert not db.exists() and not Path(f"{db}.wal").exists()
    # an existing database is never removed, even when the run stores nothing
    make_corpus(tmp_path / "corpus", 1)
    assert run("code", str(tmp_path / "corpus"), "--db", str(db), "--silent").returncode == 0
    again = run("code", str(tmp_path / "empty.txt"), "--db", str(db), "--silent")
    assert again.returncode == 1 and db.exists() and table_counts(db)["articles"] == 1
