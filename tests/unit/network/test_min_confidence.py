"""``--min-confidence`` / ``min_confidence``: events below the threshold feed no
alliance measure and no export, 0 keeps every event, and a value outside [0, 1]
is refused (exit 2 on the command line, ConfigError in the library)."""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date

import networkx as nx
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from streams import Ev, ev, stream_store

from bedfellows.cli.main import cli
from bedfellows.errors import ConfigError
from bedfellows.network import (
    LinkOptions,
    dyad_series,
    dyad_type_counts,
    graph_to_dict,
    network_series,
    shifts,
    signed_network,
    strange_bedfellows,
)
from bedfellows.network.links import links_sql
from bedfellows.store import EventFilter, export
from bedfellows.thresholds import DEFAULT_MIN_CONFIDENCE, check_min_confidence

LOW = 0.2  # below the default threshold
JUNE = {"start": date(2014, 6, 1), "end": date(2014, 6, 30)}


def _alliance_stream() -> list[Ev]:
    return [
        # Long-run hostility between the US and Iran (2010-2012), all certain.
        *(
            ev(
                "USA>IRN" if i % 2 else "IRN>USA",
                f"{2010 + i // 4}-{i % 4 * 3 + 1:02d}-01",
                4,
                event_id=f"h{i:02d}",
            )
            for i in range(12)
        ),
        # June 2014: Iran and Iraq both fight ISIS and cooperate against it.
        ev("IRN>ISI", "2014-06-02", 4, event_id="f1"),
        ev("IRQ>ISI", "2014-06-03", 4, event_id="f2"),
        ev("IRN+IRQ", "2014-06-04", 2, against=("ISI",), confidence=0.9, event_id="p1"),
        # The same act reported twice, once with little confidence.
        ev("IRN>IRQ", "2014-06-12", 2, article="a1", confidence=0.95, event_id="d1"),
        ev("IRN>IRQ", "2014-06-12", 2, article="a2", confidence=LOW, event_id="d2"),
        # Low-confidence only: US-Iran talk against ISIS, and Iran-Syria cooperation.
        ev(
            "USA>IRN",
            "2014-06-05",
            1,
            modality="hypothetical",
            against=("ISI",),
            confidence=LOW,
            event_id="t1",
        ),
        ev("IRN>USA", "2014-06-08", 1, modality="hypothetical", confidence=LOW, event_id="t2"),
        ev("IRN>SYR", "2014-06-10", 2, confidence=LOW, event_id="s1"),
        ev("SYR>IRN", "2014-06-11", 2, confidence=0.0, event_id="s2"),
    ]


def _month(i: int) -> str:
    return f"{2012 + i // 12}-{i % 12 + 1:02d}-15"


def _shift_stream() -> list[Ev]:
    events = []
    for i in range(24):
        # Iran and Iraq: friends for a year, then enemies (certain events).
        quad = 2 if i < 12 else 4
        events += [ev("IRN>IRQ", _month(i), quad), ev("IRQ>IRN", _month(i), quad)]
        # France and Germany: friends, then a year of low-confidence conflict.
        if i < 12:
            events += [ev("FRA>DEU", _month(i), 2), ev("DEU>FRA", _month(i), 2)]
        else:
            events += [
                ev("FRA>DEU", _month(i), 4, confidence=LOW),
                ev("DEU>FRA", _month(i), 4, confidence=LOW),
            ]
    return events


def _kept(events: list[Ev], threshold: float) -> list[Ev]:
    return [e for e in events if e.confidence >= threshold]


@pytest.fixture
def full():
    s = stream_store(_alliance_stream())
    yield s
    s.close()


@pytest.fixture
def confident():
    """The stream without the events below 0.9: what a 0.9 threshold must leave."""
    s = stream_store(_kept(_alliance_stream(), 0.9))
    yield s
    s.close()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "stream.duckdb"
    stream_store(_alliance_stream(), str(path)).close()
    return str(path)


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def _both(frame) -> dict | None:
    rows = frame.filter(frame["direction"] == "both")
    return rows.row(0, named=True) if rows.height else None


def _edges(graph: nx.Graph) -> dict[tuple[str, str], tuple[float, int, list[str]]]:
    return {
        (a, b): (round(d["weight"], 9), d["n_events"], sorted(d["event_ids"]))
        for a, b, d in graph.edges(data=True)
        for a, b in [tuple(sorted((a, b)))]
    }


# ------------------------------------------------------------------ the default


def test_one_default_in_the_library_and_on_every_command():
    assert LOW < DEFAULT_MIN_CONFIDENCE < 0.9
    for command in (
        ["dyad", "A", "B"],
        ["network"],
        ["blocs"],
        ["bedfellows"],
        ["shifts"],
        ["events"],
        ["export"],
    ):
        out = _run(*command, "--help")
        assert "--min-confidence FLOAT" in out, command
        assert f"[default: {DEFAULT_MIN_CONFIDENCE}]" in " ".join(out.split()), command


def test_the_library_default_is_the_named_constant(full):
    default = signed_network(full)
    named = signed_network(full, min_confidence=DEFAULT_MIN_CONFIDENCE)
    assert _edges(default) == _edges(named)
    assert default.graph["min_confidence"] == DEFAULT_MIN_CONFIDENCE
    # LOW events are below the default: no Syria, and d2 is no evidence of d1's act.
    assert "SYR" not in default and _edges(default)[("IRN", "IRQ")][2] == ["d1", "p1"]


# ------------------------------------------------------------------- dyad series


def test_dyad_visible_at_zero_disappears_at_high_threshold(full):
    at_zero = _both(dyad_series(full, "IRN", "SYR", freq="all", min_confidence=0))
    # Zero keeps every event, the one of confidence 0.0 too: two links, weight LOW.
    assert at_zero["events"] == 2 and at_zero["mentions"] == 2
    assert sorted(at_zero["event_ids"]) == ["s1", "s2"]
    assert math.isclose(at_zero["cooperation"], LOW)
    assert dyad_series(full, "IRN", "SYR", freq="all", min_confidence=0.9).is_empty()
    assert dyad_type_counts(full, "IRN", "SYR", freq="all", min_confidence=0.9).is_empty()
    assert dyad_type_counts(full, "IRN", "SYR", freq="all", min_confidence=0).height == 3


def test_a_low_confidence_mention_stops_being_evidence_of_its_act(full, confident):
    at_zero = _both(dyad_series(full, "IRN", "IRQ", freq="all", min_confidence=0))
    assert (at_zero["events"], at_zero["mentions"]) == (2, 3)
    assert sorted(at_zero["event_ids"]) == ["d1", "d2", "p1"]
    high = dyad_series(full, "IRN", "IRQ", freq="all", min_confidence=0.9)
    assert (_both(high)["events"], _both(high)["mentions"]) == (2, 2)
    assert sorted(_both(high)["event_ids"]) == ["d1", "p1"]  # 0.9 itself is kept
    assert math.isclose(_both(high)["weight"], 0.9 + 0.95)
    # Exactly the effect of removing the events below 0.9 from the database.
    reference = dyad_series(confident, "IRN", "IRQ", freq="all", min_confidence=0)
    assert high.equals(reference)
    above = _both(dyad_series(full, "IRN", "IRQ", freq="all", min_confidence=0.95))
    assert above["events"] == 1 and above["event_ids"] == ["d1"]


def test_dyad_command(db):
    def both(*extra: str) -> dict | None:
        rows = _json_lines(
            _run("dyad", "IRN", "SYR", "--db", db, "--freq", "all", "--format", "json", *extra)
        )
        return next((r for r in rows if r["direction"] == "both"), None)

    assert both("--min-confidence", "0")["events"] == 2
    assert both("--min-confidence", str(LOW))["events"] == 1  # s1 (LOW) is kept, s2 (0.0) not
    assert both("--min-confidence", "0.9") is None
    assert both() is None  # the default is above LOW
    table = _run("dyad", "IRN", "IRQ", "--db", db, "--freq", "year", "--min-confidence", "0.9")
    assert "IRN–IRQ by year, confidence >= 0.9" in table


# ----------------------------------------------------------------------- network


def test_network_at_zero_counts_every_event(full):
    graph = signed_network(full, min_confidence=0)
    edges = _edges(graph)
    assert edges == {
        ("IRN", "USA"): (-12.0, 12, [f"h{i:02d}" for i in range(12)]),
        ("IMGMUSISI", "IRN"): (-1.0, 1, ["f1"]),
        ("IMGMUSISI", "IRQ"): (-1.0, 1, ["f2"]),
        ("IRN", "IRQ"): (1.85, 2, ["d1", "d2", "p1"]),
        ("IRN", "SYR"): (LOW, 2, ["s1", "s2"]),
    }
    assert graph.graph["min_confidence"] == 0.0


def test_network_at_high_threshold_is_the_network_without_the_low_events(full, confident):
    high = signed_network(full, min_confidence=0.9)
    assert "SYR" not in high and ("IRN", "SYR") not in _edges(high)
    reference = signed_network(confident, min_confidence=0)
    assert _edges(high) == _edges(reference) and set(high) == set(reference)
    assert high.graph["min_confidence"] == 0.9
    series = network_series(full, freq="month", min_confidence=0.9, **JUNE)
    (june,) = series.values()
    assert "SYR" not in june and june.graph["min_confidence"] == 0.9
    assert "SYR" in next(iter(network_series(full, min_confidence=0, **JUNE).values()))


def test_network_command_and_its_graph_record_the_threshold(db, tmp_path):
    def edges(*extra: str) -> set[tuple[str, str]]:
        rows = _json_lines(_run("network", "--db", db, "--format", "json", *extra))
        return {(r["a"], r["b"]) for r in rows}

    assert ("IRN", "SYR") in edges("--min-confidence", "0")
    assert ("IRN", "SYR") not in edges("--min-confidence", "0.9")
    assert edges("--min-confidence", "0") - edges("--min-confidence", "0.9") == {("IRN", "SYR")}
    out = tmp_path / "g.json"
    _run("network", "--db", db, "--min-confidence", "0.9", "--out", str(out))
    meta = json.loads(out.read_text())["graph"]
    assert meta["min_confidence"] == 0.9
    graphml = tmp_path / "g.graphml"
    _run("network", "--db", db, "--out", str(graphml))
    assert nx.read_graphml(graphml).graph["min_confidence"] == DEFAULT_MIN_CONFIDENCE
    assert graph_to_dict(signed_network(db, min_confidence=0))["graph"]["min_confidence"] == 0


# ------------------------------------------------------------------------- blocs


def test_blocs_command(db):
    def actors(*extra: str) -> dict[str, dict]:
        rows = _json_lines(_run("blocs", "--db", db, "--format", "json", *extra))
        return {r["actor"]: r for r in rows}

    at_zero, high = actors("--min-confidence", "0"), actors("--min-confidence", "0.9")
    assert set(at_zero) - set(high) == {"SYR"}
    assert at_zero["IRN"]["friends"] == ["IRQ", "SYR"] and high["IRN"]["friends"] == ["IRQ"]
    assert at_zero["IRN"]["enemies"] == high["IRN"]["enemies"] == ["USA", "IMGMUSISI"]


# -------------------------------------------------------------- strange bedfellows


def test_strange_bedfellows_from_low_confidence_talk_only_at_a_low_threshold(full, confident):
    def pairs(store, threshold: float) -> set[tuple[str, str]]:
        frame = strange_bedfellows(store, min_confidence=threshold, **JUNE)
        return {(r["a"], r["b"]) for r in frame.to_dicts()}

    assert pairs(full, 0) == {("IRN", "USA"), ("IRN", "IRQ")}
    assert pairs(full, 0.9) == {("IRN", "IRQ")}
    high = strange_bedfellows(full, min_confidence=0.9, **JUNE)
    assert high.equals(strange_bedfellows(confident, min_confidence=0, **JUNE))
    row = strange_bedfellows(full, min_confidence=0, **JUNE).row(0, named=True)
    assert (row["a"], row["b"], row["strange"]) == ("IRN", "USA", True)
    assert row["discussed_event_ids"] == ["t1", "t2"] and "t1" in row["enemy_event_ids"]


def test_bedfellows_command(db):
    def pairs(*extra: str) -> set[tuple[str, str]]:
        rows = _json_lines(
            _run("bedfellows", "--db", db, "--window", "2014-06", "--format", "json", *extra)
        )
        return {(r["a"], r["b"]) for r in rows}

    assert pairs("--min-confidence", "0") == {("IRN", "USA"), ("IRN", "IRQ")}
    assert pairs("--min-confidence", "0.9") == {("IRN", "IRQ")}
    assert pairs() == {("IRN", "IRQ")}  # the default leaves the LOW talk out


# ------------------------------------------------------------------------ shifts


def test_a_shift_made_of_low_confidence_events_is_gone_at_a_high_threshold():
    events = _shift_stream()
    full, confident = stream_store(events), stream_store(_kept(events, 0.9))
    at_zero = shifts(full, min_confidence=0)
    assert sorted((r["a"], r["b"]) for r in at_zero.to_dicts()) == [
        ("DEU", "FRA"),
        ("IRN", "IRQ"),
    ]
    high = shifts(full, min_confidence=0.9)
    assert [(r["a"], r["b"]) for r in high.to_dicts()] == [("IRN", "IRQ")]
    assert high.equals(shifts(confident, min_confidence=0))
    full.close()
    confident.close()


def test_a_period_of_zero_confidence_links_only_has_no_level_and_is_skipped():
    events = _shift_stream()
    zero = [ev("IRN>IRQ", _month(24 + i), 2, confidence=0.0) for i in range(3)]
    with_zero = stream_store(events + zero)
    # 0 keeps them, but a period whose weights sum to 0 has no mean Goldstein score.
    at_zero = shifts(with_zero, a="IRN", b="IRQ", min_confidence=0)
    assert at_zero.height == 1 and at_zero.row(0, named=True)["period"] == date(2013, 1, 1)
    with_zero.close()


def test_shifts_command(tmp_path):
    path = tmp_path / "shifts.duckdb"
    stream_store(_shift_stream(), str(path)).close()

    def dyads(*extra: str) -> list[tuple[str, str]]:
        rows = _json_lines(_run("shifts", "--db", str(path), "--format", "json", *extra))
        return sorted((r["a"], r["b"]) for r in rows)

    assert dyads("--min-confidence", "0") == [("DEU", "FRA"), ("IRN", "IRQ")]
    assert dyads("--min-confidence", "0.9") == [("IRN", "IRQ")]
    assert dyads("FRA", "DEU", "--min-confidence", "0.9") == []
    assert dyads("FRA", "DEU", "--min-confidence", str(LOW)) == [("DEU", "FRA")]


# ---------------------------------------------------------------- events, export

ALL_IDS = sorted(e.event_id for e in _alliance_stream())
HIGH_IDS = sorted(e.event_id for e in _kept(_alliance_stream(), 0.9))


def test_events_command(db):
    def ids(*extra: str) -> list[str]:
        rows = _json_lines(_run("events", "--db", db, "--format", "jsonl", *extra))
        return sorted(r["event_id"] for r in rows)

    assert ids("--min-confidence", "0") == ALL_IDS
    assert ids("--min-confidence", "0.9") == HIGH_IDS
    assert ids() == sorted(e.event_id for e in _kept(_alliance_stream(), DEFAULT_MIN_CONFIDENCE))
    result = CliRunner().invoke(cli, ["events", "--db", db, "--min-confidence", "0.9"])
    assert f"{len(HIGH_IDS)} events with confidence >= 0.9" in result.output


def test_export_command_in_every_format(db, tmp_path):
    def plover(*extra: str) -> list[str]:
        out = _run("export", "--db", db, "--format", "plover-jsonl", *extra)
        return sorted(r["id"] for r in _json_lines(out))

    assert plover("--min-confidence", "0") == ALL_IDS
    assert plover("--min-confidence", "0.9") == HIGH_IDS
    out = _run("export", "--db", db, "--format", "csv", "--min-confidence", "0.9")
    assert sorted(r["event_id"] for r in csv.DictReader(io.StringIO(out))) == HIGH_IDS
    gdelt = _run("export", "--db", db, "--format", "gdelt", "--min-confidence", "0.9")
    # One GDELT row per source x target: the joint act p1 has two ("p1-1", "p1-2").
    gdelt_ids = {line.split("\t")[0].split("-")[0] for line in gdelt.splitlines()[1:]}
    assert sorted(gdelt_ids) == HIGH_IDS
    parquet = tmp_path / "e.parquet"
    _run("export", "--db", db, "--format", "parquet", "-o", str(parquet), "--min-confidence", "0")
    assert sorted(pq.read_table(parquet).column("event_id").to_pylist()) == ALL_IDS
    again = ["--format", "parquet", "-o", str(parquet), "--force", "--min-confidence", "0.9"]
    _run("export", "--db", db, *again)
    assert sorted(pq.read_table(parquet).column("event_id").to_pylist()) == HIGH_IDS


def test_library_export_and_events(full):
    buf = io.StringIO()
    assert export(full, "csv", buf, min_confidence=0.9) == len(HIGH_IDS)
    assert export(full, "csv", io.StringIO(), min_confidence=0) == len(ALL_IDS)
    default = export(full, "csv", io.StringIO())
    assert default == len(_kept(_alliance_stream(), DEFAULT_MIN_CONFIDENCE))
    # Store.events reads back every stored event unless asked to filter.
    assert sorted(r["event_id"] for r in full.events()) == ALL_IDS
    assert sorted(r["event_id"] for r in full.events(min_confidence=0.9)) == HIGH_IDS


# -------------------------------------------------------------------- validation

BAD = [-0.1, 1.5, float("nan"), float("inf")]


@pytest.mark.parametrize("value", [*BAD, True, "0.5", None])
def test_the_library_refuses_a_threshold_outside_zero_one(full, value):
    with pytest.raises(ConfigError, match="min_confidence"):
        check_min_confidence(value)
    if value is None:
        return
    calls = [
        lambda: signed_network(full, min_confidence=value),
        lambda: network_series(full, min_confidence=value),
        lambda: dyad_series(full, "IRN", "IRQ", min_confidence=value),
        lambda: dyad_type_counts(full, "IRN", "IRQ", min_confidence=value),
        lambda: strange_bedfellows(full, min_confidence=value),
        lambda: shifts(full, min_confidence=value),
        lambda: export(full, "csv", io.StringIO(), min_confidence=value),
        lambda: full.events(min_confidence=value),
        lambda: EventFilter.from_kwargs(min_confidence=value),
    ]
    for call in calls:
        with pytest.raises(ConfigError, match="min_confidence"):
            call()


def test_bounds_are_thresholds_too():
    assert check_min_confidence(0) == 0.0 and check_min_confidence(1) == 1.0


@pytest.mark.parametrize(
    "command",
    [
        ["dyad", "IRN", "IRQ"],
        ["network"],
        ["blocs"],
        ["bedfellows"],
        ["shifts"],
        ["events"],
        ["export"],
    ],
)
@pytest.mark.parametrize("value", ["-0.1", "1.5", "nan", "high"])
def test_a_threshold_outside_zero_one_is_a_usage_error(db, command, value):
    result = CliRunner().invoke(cli, [*command, "--db", db, "--min-confidence", value])
    assert result.exit_code == 2, result.output
    assert "--min-confidence" in result.output
    assert "Traceback" not in result.output


def test_the_threshold_is_a_query_parameter_never_sql_text():
    sql, params = links_sql(LinkOptions(), min_confidence=0.375)
    assert "0.375" not in sql and 0.375 in params
    where, params = EventFilter(min_confidence=0.375).where()
    assert "0.375" not in where and params == [0.375]
