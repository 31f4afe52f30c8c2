"""Exports: PLOVER JSONL, GDELT-style TSV, CSV and Parquet parse back."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bedfellows.errors import ConfigError
from bedfellows.schema import EventDate, Modality
from bedfellows.store import FORMATS, GDELT_COLUMNS, Store, export

from .factories import IRAN_GOV, IRAN_MIL, IRAQ_GOV, ISIL, TIMOR, USA_GOV, build

# Field names from the PLOVER manual's "Data Fields" chapter.
PLOVER_EVENT_FIELDS = {  # table tab:json
    "id",
    "date",
    "enddate",
    "actor",
    "recipient",
    "event",
    "mode",
    "context",
    "event_loc",
    "event_text",
    "quad_code",
    "event_scale",
    "text",
    "text_info",
    "cite_info",
    "coder",
    "coded_date",
    "coded_time",
}
PLOVER_ENTITY_FIELDS = {"code", "sector", "entity_text", "identifier_id", "identifier_text"}
PLOVER_TEXT_FIELDS = {"sequence", "start", "end"}  # table tab:textinfo
PLOVER_LOCATION_FIELDS = {"extracted_place", "resolved_place", "lat", "lon", "country_code"}


@pytest.fixture()
def filled(store: Store) -> tuple[Store, dict]:
    """Three articles; returns the store and the written articles by id."""
    run = store.begin_run(model_name="en_core_web_sm", model_version="3.8.0")
    written = {}
    for article, events in (
        build(
            "x1",
            [
                {"sources": [IRAN_GOV], "targets": [USA_GOV, IRAQ_GOV]},
                {
                    "sources": [IRAN_MIL, IRAN_GOV],
                    "targets": [IRAQ_GOV],
                    "trigger": "shelled",
                    "plover_type": "ASSAULT",
                    "cameo_code": "195",
                    "cameo_root": "19",
                    "quad_class": 4,
                    "goldstein": -10.0,
                    "modality": Modality.NEGATED,
                    "historical": True,
                },
            ],
        ),
        build(
            "x2",
            [
                {
                    "sources": [ISIL],
                    "targets": [],
                    "trigger": "attacked",
                    "plover_type": "ASSAULT",
                    "cameo_code": "190",
                    "cameo_root": "19",
                    "quad_class": 4,
                    "goldstein": -10.0,
                    "date": EventDate(),
                },
            ],
            published=None,
        ),
        build("x3", [{"sources": [TIMOR], "targets": [USA_GOV]}]),
    ):
        assert store.write_article(article, events, run)
        written[article.article_id] = (article, events)
    return store, written


def test_formats_listed() -> None:
    assert set(FORMATS) == {"plover-jsonl", "gdelt", "csv", "parquet"}


def test_plover_jsonl_uses_the_manual_field_names(filled: tuple[Store, dict]) -> None:
    store, written = filled
    out = io.StringIO()
    n = export(store, "plover-jsonl", out)
    lines = out.getvalue().splitlines()
    assert n == len(lines) == 4
    records = [json.loads(line) for line in lines]
    by_id = {r["id"]: r for r in records}
    for rec in records:
        assert rec.keys() >= PLOVER_EVENT_FIELDS
        assert "source" not in rec and "target" not in rec  # PLOVER says actor/recipient
        assert set(rec["text_info"]) == PLOVER_TEXT_FIELDS
        for entity in rec["actor"] + rec["recipient"]:
            assert entity.keys() >= PLOVER_ENTITY_FIELDS
        article, _ = written[rec["bedfellows"]["article_id"]]
        info = rec["text_info"]
        assert article.body[info["start"] : info["end"]] == rec["text"]
        s, e = rec["bedfellows"]["spans"]["trigger"]
        assert article.body[s:e] == rec["event_text"][0]
        for entity, (s, e) in zip(rec["actor"], rec["bedfellows"]["spans"]["actor"], strict=True):
            assert article.body[s:e] == entity["entity_text"]
        assert rec["coder"] == "bedfellows 0.1.0 (en_core_web_sm 3.8.0)"
        date.fromisoformat(rec["coded_date"])
        assert isinstance(rec["event"], list) and isinstance(rec["mode"], list)
    consult = by_id["x1-e0"]
    assert consult["date"] == "2014-06-10" and consult["enddate"] == "2014-06-10"
    assert consult["event"] == ["CONSULT"] and consult["quad_code"] == 1
    assert consult["mode"] == ["visit"] and consult["context"] == ["diplomatic"]
    assert consult["event_scale"] == 1.0
    assert [a["code"] for a in consult["recipient"]] == ["USA", "IRQ"]
    assert consult["actor"][0]["identifier_id"] == "Q794"
    assert consult["actor"][0]["bedfellows"]["cameo"] == "IRNGOV"
    assert set(consult["event_loc"]) >= PLOVER_LOCATION_FIELDS
    assert consult["event_loc"]["country_code"] == "IRQ"
    assert consult["cite_info"]["url"] == "https://example.org/x1"
    extras = by_id["x1-e1"]["bedfellows"]
    assert extras["modality"] == "negated" and extras["cameo_code"] == "195"
    assert extras["historical"] is True and extras["claimed"] is False
    # The manual puts the auxiliary modes in "context".
    assert by_id["x1-e1"]["context"][-2:] == ["negation", "historical"]
    assert extras["goldstein"] == -10.0 and extras["date_basis"] == "expression"
    assert extras["date_granularity"] == "day" and extras["is_comment"] is False
    undated = by_id["x2-e0"]
    assert undated["date"] is None and undated["recipient"] == []
    assert undated["bedfellows"]["date_basis"] == "none"


def test_plover_to_path_with_filters_and_without_text(
    filled: tuple[Store, dict], tmp_path: Path
) -> None:
    store, _ = filled
    path = tmp_path / "events.jsonl"
    n = export(store, "plover-jsonl", path, include_text=False, actor="IRQ")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert n == 2 and {r["id"] for r in records} == {"x1-e0", "x1-e1"}
    assert all(r["text"] is None for r in records)


def test_gdelt_one_row_per_source_target_pair(filled: tuple[Store, dict]) -> None:
    store, written = filled
    out = io.StringIO()
    n = export(store, "gdelt", out, iso3_to_fips={"IRQ": "IZ"})
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS)
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines[1:]]
    pairs = sum(
        max(len(e.sources), 1) * max(len(e.targets), 1)
        for _, events in written.values()
        for e in events
    )
    assert n == len(rows) == pairs == 1 * 2 + 2 * 1 + 1 + 1
    first = [r for r in rows if r["GLOBALEVENTID"].startswith("x1-e0")]
    assert [r["GLOBALEVENTID"] for r in first] == ["x1-e0-1", "x1-e0-2"]
    assert [r["Actor2CountryCode"] for r in first] == ["USA", "IRQ"]
    row = first[0]
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20140610", "201406", "2014")
    assert row["FractionDate"] == f"{2014 + (6 * 30 + 10) / 365:.4f}"
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == (
        "IRNGOV",
        "IRN",
        "GOV",
    )
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("040", "040", "04")
    assert (row["QuadClass"], row["GoldsteinScale"], row["IsRootEvent"]) == ("1", "1.0", "1")
    assert row["ActionGeo_FullName"] == "Baghdad" and row["ActionGeo_CountryCode"] == "IZ"
    assert row["AvgTone"] == "" and row["SOURCEURL"] == "https://example.org/x1"
    assert len(row["DATEADDED"]) == 14
    shelled = [r for r in rows if r["GLOBALEVENTID"].startswith("x1-e1")]
    assert [r["Actor1Code"] for r in shelled] == ["IRNMIL", "IRNGOV"]
    assert shelled[0]["IsRootEvent"] == "0" and shelled[0]["EventRootCode"] == "19"
    [undated] = [r for r in rows if r["GLOBALEVENTID"] == "x2-e0"]
    assert undated["SQLDATE"] == "" and undated["Year"] == "" and undated["Actor2Code"] == ""
    assert undated["Actor1CountryCode"] == "" and undated["Actor1Type1Code"] == "REB"
    [timor] = [r for r in rows if r["GLOBALEVENTID"] == "x3-e0"]
    assert timor["Actor1CountryCode"] == "TMP"  # CAMEO's code for ISO TLS


def test_gdelt_without_fips_table_leaves_country_code_empty(filled: tuple[Store, dict]) -> None:
    store, _ = filled
    out = io.StringIO()
    export(store, "gdelt", out, article_id="x1")
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert rows and all(r["ActionGeo_CountryCode"] == "" for r in rows)
    assert all(r["ActionGeo_Lat"] == "33.34" for r in rows)


def test_csv_flat_table(filled: tuple[Store, dict], tmp_path: Path) -> None:
    store, _ = filled
    path = tmp_path / "events.csv"
    assert export(store, "csv", path) == 4
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 4
    header = rows[0].keys()
    for col in (
        "event_id",
        "plover_type",
        "source_country",
        "source_cameo",
        "target_country",
        "n_sources",
        "n_targets",
        "sentence",
        "date_start",
    ):
        assert col in header
    by_id = {r["event_id"]: r for r in rows}
    assert by_id["x1-e0"]["source_country"] == "IRN"
    assert by_id["x1-e0"]["target_country"] == "USA" and by_id["x1-e0"]["n_targets"] == "2"
    assert by_id["x2-e0"]["target_country"] == "" and by_id["x2-e0"]["date_start"] == ""
    assert by_id["x1-e1"]["source_cameo"] == "IRNMIL"


def test_parquet_to_path_and_to_stream(filled: tuple[Store, dict], tmp_path: Path) -> None:
    store, _ = filled
    path = tmp_path / "it's events.parquet"  # a quote in the name must not break COPY
    assert export(store, "parquet", path) == 4
    table = pq.read_table(path)
    assert table.num_rows == 4
    assert {"event_id", "source_country", "target_country", "goldstein"} <= set(table.column_names)
    buf = io.BytesIO()
    assert export(store, "parquet", buf, plover_type="ASSAULT") == 2
    buf.seek(0)
    assert pq.read_table(buf).num_rows == 2


def test_exports_work_on_a_read_only_store(filled: tuple[Store, dict], db_path: Path) -> None:
    store, _ = filled
    store.close()
    with Store.open(db_path, read_only=True) as ro:
        out = io.StringIO()
        assert export(ro, "plover-jsonl", out) == 4


def test_comment_events_only_on_request(store: Store) -> None:
    run = store.begin_run()
    article, events = build("c1", [{"sources": [IRAN_GOV], "targets": [USA_GOV]}] * 2)
    events[1] = dataclasses.replace(
        events[1], event_id="c1-comment", is_comment=True, comment_index=0
    )
    store.write_article(article, events, run)
    assert export(store, "csv", io.StringIO()) == 1
    assert export(store, "csv", io.StringIO(), include_comments=True) == 2


def test_bad_arguments(filled: tuple[Store, dict], tmp_path: Path) -> None:
    store, _ = filled
    with pytest.raises(ConfigError, match="unknown export format"):
        export(store, "xml", io.StringIO())
    with pytest.raises(ConfigError, match="unknown event filter"):
        export(store, "csv", io.StringIO(), country="IRN")
    with pytest.raises(ConfigError):
        export(store, "parquet", io.StringIO())
    with pytest.raises(ConfigError) as info:
        export(store, "csv", tmp_path / "missing" / "out.csv")
    assert "missing" in str(info.value)


# --------------------------------------------------------- reliability (issue 15)


def _one_record(store: Store) -> dict:
    from bedfellows.store import queries

    cur = store.cursor()
    try:
        flt = queries.EventFilter.from_kwargs(article_id="x1")
        return next(iter(queries.iter_event_records(cur, flt, with_article=True)))
    finally:
        cur.close()


@pytest.mark.parametrize(
    ("day", "sqldate"),
    [(date(1, 1, 1), "00010101"), (date(999, 12, 31), "09991231"), (date(9999, 2, 3), "99990203")],
)
def test_gdelt_dates_are_eight_zero_padded_digits(
    filled: tuple[Store, dict], day: date, sqldate: str
) -> None:
    from bedfellows.store.export import gdelt_rows

    store, _ = filled
    rec = _one_record(store) | {"date_start": day, "date_end": day}
    row = dict(zip(GDELT_COLUMNS, gdelt_rows(rec)[0], strict=True))
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == (sqldate, sqldate[:6], sqldate[:4])


FORMULA_ACTOR = ("=HYPERLINK(x)", "@Evil Corp", "IRN", "GOV", "IRNGOV", None)


def test_csv_and_gdelt_escape_formula_cells_but_not_numbers(store: Store, tmp_path: Path) -> None:
    from bedfellows.store.export import unescape_formula

    run = store.begin_run()
    article, events = build(
        "f1",
        [
            {
                "sources": [FORMULA_ACTOR],
                "targets": [USA_GOV],
                "trigger": "-attacked",
                "plover_type": "ASSAULT",
                "cameo_code": "190",
                "cameo_root": "19",
                "quad_class": 4,
                "goldstein": -10.0,
            }
        ],
    )
    assert store.write_article(article, events, run)
    path = tmp_path / "f.csv"
    export(store, "csv", path)
    with path.open(encoding="utf-8", newline="") as fh:
        [row] = list(csv.DictReader(fh))
    assert row["source_text"] == "'=HYPERLINK(x)" and row["source_name"] == "'@Evil Corp"
    assert row["trigger"] == "'-attacked" and row["sentence"].startswith("'=HYPERLINK(x)")
    assert row["goldstein"] == "-10.0"  # a number, left as it is
    assert unescape_formula(row["sentence"]) == events[0].sentence
    out = io.StringIO()
    export(store, "gdelt", out)
    [gdelt] = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert gdelt["Actor1Name"] == "'@Evil Corp" and gdelt["GoldsteinScale"] == "-10.0"


@given(st.text())
def test_unescape_inverts_escape(text: str) -> None:
    from bedfellows.store.export import escape_formula, unescape_formula

    escaped = escape_formula(text)
    assert unescape_formula(escaped) == text
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@x", "\tx", "\rx", "'quoted", "'=x"])
def test_escape_formula_cases(cell: str) -> None:
    from bedfellows.store.export import escape_formula, unescape_formula

    assert escape_formula(cell) == "'" + cell
    assert escape_formula("plain " + cell) == "plain " + cell
    assert unescape_formula("'plain") == "'plain"  # a quote before anything else is data


def test_export_to_a_path_refuses_an_existing_file_and_the_database(
    filled: tuple[Store, dict], db_path: Path, tmp_path: Path
) -> None:
    store, _ = filled
    target = tmp_path / "mine.csv"
    target.write_text("precious\n")
    with pytest.raises(ConfigError, match="exists"):
        export(store, "csv", target)
    assert target.read_text() == "precious\n"
    assert export(store, "csv", target, overwrite=True) == 4
    size = db_path.stat().st_size
    for fmt in ("csv", "gdelt", "plover-jsonl", "parquet"):
        with pytest.raises(ConfigError, match="database"):
            export(store, fmt, db_path, overwrite=True)
        with pytest.raises(ConfigError, match="database"):
            export(store, fmt, Path(f"{db_path}.wal"), overwrite=True)
    assert db_path.stat().st_size == size and store.counts()["events"] == 4


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(
    filled: tuple[Store, dict], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    export_module = importlib.import_module("bedfellows.store.export")

    store, _ = filled
    target = tmp_path / "out.csv"
    target.write_text("old\n")

    def broken(store, flt, fh):
        fh.write("half a file")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(export_module, "_export_csv", broken)
    with pytest.raises(RuntimeError):
        export(store, "csv", target, overwrite=True)
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "out.csv" in p.name) == ["out.csv"]
