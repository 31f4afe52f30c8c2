"""Every export format read back and compared with the database, on text built to
break exports (formula-like cells, tabs, newlines, quotes), and output safety:
no silent overwrite, never the database itself."""

from __future__ import annotations

import csv
import hashlib
import importlib
import io
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from bedfellows.schema import ActorRef, Article, DateBasis, Event, EventDate, Granularity
from bedfellows.store import Store
from bedfellows.store.queries import EventFilter, flat_events_sql

from .helpers import cli, error_lines, no_traceback, query

# The module (``bedfellows.store.export`` the attribute is the export function).
export_module = importlib.import_module("bedfellows.store.export")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
NASTY_NAMES = ('=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)")
NASTY_TITLE = "'quoted' title\twith a tab"


def _actor(body: str, text: str, name: str, country: str, cameo: str) -> ActorRef:
    start = body.index(text)
    return ActorRef(text, start, start + len(text), name, None, country, "GOV", cameo, "country")


def _article(k: int) -> tuple[Article, list[Event]]:
    """An article whose actors are named like spreadsheet formulas."""
    src_text, tgt_text = NASTY_NAMES[k % 4], NASTY_NAMES[(k + 1) % 4]
    sentence = (
        f'{src_text} met {tgt_text} in "Baghdad",\n\tsaid a spokesman; '
        f"=cmd|'/c calc'!A{k} was quoted."
    )
    body = f"{sentence} Nothing else happened in case {k}."
    article = Article(
        article_id=f"formula{k}",
        source_path=f"/corpus/=formula {k}.txt",
        body=body,
        title=NASTY_TITLE if k % 2 else f"-{k} dead\r\nin clashes",
        published=date(2014, 6, 10 + k),
        source="@Example News",
        url=f'https://example.org/{k}?a=1&b="2"',
    )
    day = date(2014, 6, 10 + k)
    trigger_start = body.index(" met ") + 1
    event = Event(
        event_id=f"formula{k}-e0",
        article_id=article.article_id,
        sentence_index=0,
        sentence=sentence,
        sentence_start=0,
        sources=(_actor(body, src_text, src_text, "IRN", "IRNGOV"),),
        targets=(_actor(body, tgt_text, f'{tgt_text}\n"name"', "IRQ", "IRQGOV"),),
        trigger="met",
        trigger_start=trigger_start,
        trigger_end=trigger_start + 3,
        cameo_code="040",
        cameo_root="04",
        quad_class=1,
        goldstein=-2.0 - k,  # negative numbers stay numbers in CSV
        plover_type="CONSULT",
        plover_mode="visit",
        plover_context="diplomatic",
        plover_score=-1.5,
        date=EventDate(day, day, Granularity.DAY, DateBasis.EXPRESSION, "=today()", None, None),
        confidence=0.75,
        pattern="+pattern",
    )
    return article, [event]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("exports") / "events.duckdb"
    with Store.open(path) as store:
        run = store.begin_run()
        store.write_articles([_article(k) for k in range(6)], run)
        store.finish_run(run)
    return path


def flat_rows(db: Path) -> tuple[list[str], list[tuple]]:
    """The rows the CSV and Parquet exports are made of, straight from the database."""
    sql, params = flat_events_sql(EventFilter())
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql, params)
        return [d[0] for d in cur.description], cur.fetchall()
    finally:
        con.close()


def _export(db: Path, fmt: str, out: Path) -> None:
    result = cli("export", "--db", db, "--format", fmt, "-o", out, timeout=120)
    no_traceback(result)
    assert result.returncode == 0, result.stderr


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_plover_jsonl_round_trip(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    _export(db, "plover-jsonl", out)
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    rows = query(
        db,
        "SELECT e.event_id, e.plover_type, e.cameo_code, e.date_start, e.sentence, e.goldstein, "
        "s.name, s.text, t.name, a.title, a.source_path FROM events e "
        "JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'source' "
        "JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'target' "
        "JOIN articles a ON a.article_id = e.article_id",
    )
    assert len(rows) == len(records) == 6
    for eid, ptype, cameo, day, sentence, goldstein, s_name, s_text, t_name, title, path in rows:
        rec = records[eid]
        assert rec["event"] == [ptype]
        assert rec["bedfellows"]["cameo_code"] == cameo
        assert rec["date"] == day.isoformat()
        assert rec["text"] == sentence
        assert rec["event_scale"] == goldstein
        assert rec["actor"][0]["identifier_text"] == s_name
        assert rec["actor"][0]["entity_text"] == s_text
        assert rec["recipient"][0]["identifier_text"] == t_name
        assert rec["cite_info"]["title"] == title
        assert rec["bedfellows"]["source_path"] == path


def test_gdelt_round_trip(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    _export(db, "gdelt", out)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    header, *body = (line.split("\t") for line in lines[:-1])
    assert header == list(export_module.GDELT_COLUMNS)
    assert all(len(cells) == len(header) for cells in body), "a tab or newline split a field"
    got = {cells[0]: dict(zip(header, cells, strict=True)) for cells in body}
    rows = query(
        db,
        "SELECT e.event_id, e.cameo_code, e.date_start, e.goldstein, s.name, t.name "
        "FROM events e JOIN event_actors s ON s.event_id = e.event_id AND s.role = 'source' "
        "JOIN event_actors t ON t.event_id = e.event_id AND t.role = 'target'",
    )
    assert len(rows) == len(got) == 6

    def flat(text: str) -> str:
        return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")

    for eid, cameo, day, goldstein, s_name, t_name in rows:
        row = got[eid]
        assert row["EventCode"] == cameo
        assert row["SQLDATE"] == f"{day:%Y%m%d}"
        assert float(row["GoldsteinScale"]) == goldstein
        # A spreadsheet-safe GDELT file may quote a formula-like name; nothing else changes.
        assert row["Actor1Name"] in (flat(s_name), "'" + flat(s_name))
        assert row["Actor2Name"] in (flat(t_name), "'" + flat(t_name))


def test_csv_escapes_formula_cells_and_round_trips(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    _export(db, "csv", out)
    with out.open(encoding="utf-8", newline="") as fh:
        header, *cells = list(csv.reader(fh))
    names, rows = flat_rows(db)
    assert header == names
    assert len(cells) == len(rows) == 6
    unescape = getattr(export_module, "unescape_formula", None)
    problems = []
    for got, want in zip(cells, rows, strict=True):
        for name, cell, value in zip(names, got, want, strict=True):
            if isinstance(value, str):
                if value.startswith(FORMULA_STARTS) and not cell.startswith("'"):
                    problems.append(f"{name}: {cell!r} is not escaped")
                elif unescape is not None and unescape(cell) != value:
                    problems.append(f"{name}: {cell!r} reads back as {unescape(cell)!r}")
            elif isinstance(value, bool):
                assert cell == str(value)
            elif isinstance(value, int | float):
                if cell.startswith("'") or float(cell) != value:
                    problems.append(f"{name}: number {value!r} written as {cell!r}")
            elif isinstance(value, date):
                assert cell == value.isoformat(), (name, cell)
            elif value is None:
                assert cell == "", (name, cell)
    assert not problems, "\n".join(problems[:20])
    assert unescape is not None, "bedfellows.store.export.unescape_formula is missing"


def test_unescape_formula_drops_exactly_one_quote() -> None:
    unescape = getattr(export_module, "unescape_formula", None)
    assert unescape is not None, "bedfellows.store.export.unescape_formula is missing"
    assert unescape("'=1+1") == "=1+1"
    assert unescape("''quoted'") == "'quoted'"
    assert unescape("'plain") == "'plain"  # not followed by a formula character
    assert unescape("-2") == "-2"
    assert unescape("") == ""


def test_parquet_round_trip(db: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    _export(db, "parquet", out)
    table = pq.read_table(out)
    names, rows = flat_rows(db)
    assert table.column_names == names
    got = [tuple(r[n] for n in names) for r in table.to_pylist()]
    assert got == rows


@pytest.mark.parametrize("fmt", ["plover-jsonl", "csv", "parquet"])
def test_export_does_not_overwrite_without_force(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"existing.{fmt}"
    out.write_text("precious\n")
    before = _sha(out)
    result = cli("export", "--db", db, "--format", fmt, "-o", out, timeout=120)
    no_traceback(result)
    assert result.returncode == 2, result.stderr
    assert len(error_lines(result.stderr)) == 1, result.stderr
    assert _sha(out) == before


def test_export_force_replaces(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "existing.jsonl"
    out.write_text("precious\n")
    result = cli("export", "--db", db, "--format", "plover-jsonl", "-o", out, "--force")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_refuses_to_write_onto_the_database(tmp_path: Path, db: Path, fmt: str) -> None:
    mine = tmp_path / "own.duckdb"
    mine.write_bytes(db.read_bytes())
    n_events = query(mine, "SELECT count(*) FROM events")[0][0]
    for extra in ([], ["--force"]):
        result = cli("export", "--db", mine, "--format", fmt, "-o", mine, *extra, timeout=120)
        no_traceback(result)
        assert result.returncode == 2, (extra, result.stderr)
        assert len(error_lines(result.stderr)) == 1, result.stderr
        assert query(mine, "SELECT count(*) FROM events")[0][0] == n_events


def test_demo_refuses_a_foreign_database(tmp_path: Path) -> None:
    foreign = tmp_path / "crm.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE customers (id INTEGER, name VARCHAR)")
    con.execute("INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')")
    con.close()
    before = _sha(foreign)
    result = cli("demo", "--db", foreign, "--silent", timeout=300)
    no_traceback(result)
    assert result.returncode == 2, result.stderr[-2000:]
    assert len(error_lines(result.stderr)) == 1, result.stderr[-2000:]
    assert foreign.exists() and _sha(foreign) == before
    assert query(foreign, "SELECT count(*) FROM customers") == [(2,)]


def test_network_out_into_a_missing_folder_is_a_clear_error(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "dir" / "x.json"
    result = cli("network", "--db", db, "--out", out, timeout=120)
    no_traceback(result)
    assert result.returncode == 2, result.stderr
    [line] = error_lines(result.stderr)
    assert "missing" in line
    assert not out.parent.exists()


def test_csv_bytes_have_no_bare_control_characters(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    _export(db, "csv", out)
    text = out.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    # Quoted newlines are legal CSV; what matters is that every row parses to the header width.
    assert {len(r) for r in rows} == {len(rows[0])}
