"""Opposed parties (``Event.opposed``) round-trip as ``event_actors`` rows of role 'against'."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from bedfellows.schema import ActorRef, Event
from bedfellows.store import SCHEMA_VERSION, Store, _rows, export
from bedfellows.store.ddl import EVENT_ACTORS

from .factories import IRAN_GOV, IRAQ_GOV, USA_GOV, build


def _opposed(event: Event, body: str, *names: str) -> Event:
    """``event`` with the named groups (found in ``body`` after its trigger) opposed."""
    refs = []
    for name in names:
        start = body.index(name, event.trigger_start)
        refs.append(
            ActorRef(
                text=name,
                start=start,
                end=start + len(name),
                name=name,
                actor_id=f"id-{name}",
                sector="REB",
                cameo="IMGREB" if name == "Daesh" else "NSAREB",
                kind="group",
            )
        )
    return dataclasses.replace(event, opposed=tuple(refs))


@pytest.fixture()
def allied(store: Store, run_id: str) -> tuple[Store, dict[str, Event]]:
    """An alliance against two groups (with a reporter), and a plain meeting."""
    article, [alliance, meeting] = build(
        "op1",
        [
            {
                "sources": [IRAN_GOV, IRAQ_GOV],
                "trigger": "allied",
                "tail": "against Daesh and the Brigades in Baghdad (item 0)",
                "plover_type": "COOPERATE",
                "cameo_code": "062",
                "cameo_root": "06",
                "quad_class": 2,
            },
            {"sources": [USA_GOV], "targets": [IRAN_GOV]},
        ],
    )
    alliance = _opposed(alliance, article.body, "Daesh", "Brigades")
    alliance = dataclasses.replace(alliance, reported_by=alliance.sources[0])
    assert store.write_article(article, [alliance, meeting], run_id)
    return store, {"alliance": alliance, "meeting": meeting}


def test_schema_version_counts_the_against_role() -> None:
    assert SCHEMA_VERSION >= 5
    assert "'against'" in EVENT_ACTORS.create_sql()


def test_actor_rows_put_opposed_parties_after_targets_and_before_the_reporter() -> None:
    article, [event] = build(
        "op0", [{"sources": [IRAN_GOV], "targets": [USA_GOV], "tail": "against Daesh"}]
    )
    event = _opposed(event, article.body, "Daesh")
    event = dataclasses.replace(event, reported_by=event.sources[0])
    roles = [(r[1], r[2], r[3]) for r in _rows.actor_rows(event)]
    assert roles == [
        ("source", 0, "Tehran"),
        ("target", 0, "Washington"),
        ("against", 0, "Daesh"),
        ("reporter", 0, "Tehran"),
    ]


def test_events_default_to_no_opposed_party() -> None:
    _, [event] = build("op2", [{"sources": [IRAN_GOV], "targets": [USA_GOV]}])
    assert event.opposed == ()
    assert "against" not in {r[1] for r in _rows.actor_rows(event)}


def test_opposed_parties_round_trip_in_order(allied: tuple[Store, dict[str, Event]]) -> None:
    store, events = allied
    rows = {r["event_id"]: r for r in store.events()}
    alliance = rows[events["alliance"].event_id]
    assert [a["text"] for a in alliance["against"]] == ["Daesh", "Brigades"]
    assert [a["cameo"] for a in alliance["against"]] == ["IMGREB", "NSAREB"]
    first = events["alliance"].opposed[0]
    assert (alliance["against"][0]["start"], alliance["against"][0]["end"]) == (
        first.start,
        first.end,
    )
    assert alliance["targets"] == [] and len(alliance["sources"]) == 2
    assert alliance["reporter"]["text"] == "Tehran"
    meeting = rows[events["meeting"].event_id]
    assert meeting["against"] == [] and meeting["targets"][0]["country"] == "IRN"


def test_an_opposed_party_is_not_an_actor_of_the_event(
    allied: tuple[Store, dict[str, Event]],
) -> None:
    """The actor filter selects events an actor takes part in, not those against it."""
    store, events = allied
    assert store.events(actor="id-Daesh") == []
    assert [r["event_id"] for r in store.events(actor="IRQ")] == [events["alliance"].event_id]


def test_role_check_still_refuses_unknown_roles(
    allied: tuple[Store, dict[str, Event]], db_path: Path
) -> None:
    store, _ = allied
    store.close()
    con = duckdb.connect(str(db_path))
    try:
        with pytest.raises(duckdb.ConstraintException):
            con.execute(
                "INSERT INTO event_actors VALUES ('x', 'enemy', 0, 't', 0, 1, 'n',"
                " NULL, NULL, NULL, NULL, 'group', 'text')"
            )
    finally:
        con.close()


def test_csv_and_parquet_carry_the_first_opposed_party(
    allied: tuple[Store, dict[str, Event]], tmp_path: Path
) -> None:
    store, events = allied
    out = io.StringIO()
    assert export(store, "csv", out) == 2
    rows = {r["event_id"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    alliance = rows[events["alliance"].event_id]
    assert alliance["against_text"] == "Daesh" and alliance["against_cameo"] == "IMGREB"
    assert alliance["n_against"] == "2" and alliance["n_targets"] == "0"
    meeting = rows[events["meeting"].event_id]
    assert meeting["against_text"] == "" and meeting["n_against"] == "0"
    path = tmp_path / "events.parquet"
    assert export(store, "parquet", path) == 2
    table = pq.read_table(path).to_pylist()
    by_id = {r["event_id"]: r for r in table}
    assert by_id[events["alliance"].event_id]["against_name"] == "Daesh"
    assert by_id[events["meeting"].event_id]["against_name"] is None


def test_plover_jsonl_keeps_opposed_parties_out_of_the_recipients(
    allied: tuple[Store, dict[str, Event]],
) -> None:
    store, events = allied
    out = io.StringIO()
    export(store, "plover-jsonl", out)
    records = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    alliance = records[events["alliance"].event_id]
    assert alliance["recipient"] == []
    against = alliance["bedfellows"]["against"]
    assert [a["entity_text"] for a in against] == ["Daesh", "Brigades"]
    first = events["alliance"].opposed[0]
    assert alliance["bedfellows"]["spans"]["against"][0] == [first.start, first.end]
    assert records[events["meeting"].event_id]["bedfellows"]["against"] == []
