"""The synthetic world generator: layout, determinism and the planted structure in the data."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

import duckdb
import pyarrow as pa
import pytest

from bedfellows.errors import ConfigError, StoreError
from bedfellows.network.synthetic import (
    SyntheticSpec,
    SyntheticWorld,
    arrow_schema,
    generate,
    write_world,
)
from bedfellows.store import Store
from bedfellows.store.ddl import ARTICLES, EVENT_ACTORS, EVENTS

SMALL = SyntheticSpec(n_actors=24, n_blocs=3, n_months=24, n_events=6_000, seed=3)

# How each DDL type must arrive from Arrow (checked independently of arrow_schema).
_IS_TYPE = {
    "VARCHAR": pa.types.is_string,
    "INTEGER": pa.types.is_int32,
    "DOUBLE": pa.types.is_float64,
    "BOOLEAN": pa.types.is_boolean,
    "DATE": pa.types.is_date32,
    "TIMESTAMP": pa.types.is_timestamp,
    "VARCHAR[]": lambda t: pa.types.is_list(t) and pa.types.is_string(t.value_type),
}


@pytest.fixture(scope="module")
def world() -> SyntheticWorld:
    return generate(SMALL)


def _dyad_rows(world: SyntheticWorld) -> list[tuple[str, str, date, float, str]]:
    """(a, b, day, goldstein, modality) per event, a < b, read with DuckDB from the tables."""
    con = duckdb.connect()
    con.register("ev", world.events)
    con.register("ea", world.event_actors)
    return con.execute(
        """
        SELECT least(s.country, t.country), greatest(s.country, t.country),
               e.date_start, e.goldstein, e.modality
        FROM ev e
        JOIN ea s ON s.event_id = e.event_id AND s.role = 'source'
        JOIN ea t ON t.event_id = e.event_id AND t.role = 'target'
        """
    ).fetchall()


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def test_same_spec_same_world_and_seed_changes_it(world):
    again = generate(SMALL)
    assert again.events.equals(world.events)
    assert again.event_actors.equals(world.event_actors)
    assert again.articles.equals(world.articles)
    assert (again.blocs, again.bedfellows, again.shifts) == (
        world.blocs,
        world.bedfellows,
        world.shifts,
    )
    other = generate(replace(SMALL, seed=4))
    assert other.blocs != world.blocs
    assert not other.events.column("goldstein").equals(world.events.column("goldstein"))


@pytest.mark.parametrize("table,name", [(EVENTS, "events"), (EVENT_ACTORS, "event_actors")])
def test_columns_and_types_follow_the_ddl(world, table, name):
    arrow = getattr(world, name)
    assert tuple(arrow.column_names) == table.column_names
    assert arrow.schema.equals(arrow_schema(table))
    for column, sql_type in table.columns:
        base = sql_type.removesuffix(" NOT NULL")
        assert _IS_TYPE[base](arrow.schema.field(column).type), column
        if sql_type.endswith("NOT NULL"):
            assert arrow.column(column).null_count == 0, column
    assert tuple(world.articles.column_names) == ARTICLES.column_names


def test_tables_insert_into_a_fresh_store_and_read_back(world):
    with Store.open(":memory:") as store:
        assert write_world(store, world) == SMALL.n_events
        counts = store.counts()
        assert counts["events"] == SMALL.n_events
        assert counts["articles"] == world.articles.num_rows
        rows = store.events(actor=world.actors[0], limit=5)
        assert rows
        for row in rows:
            assert len(row["sources"]) == 1 and len(row["targets"]) == 1
            assert row["sources"][0]["kind"] == "country"
            assert world.actors[0] in {row["sources"][0]["country"], row["targets"][0]["country"]}
        # A second insert of the same ids fails as a whole and leaves the store as it was.
        with pytest.raises(StoreError):
            write_world(store, world)
        assert store.counts() == counts


def test_write_to_a_new_database_file(tmp_path):
    small = generate(replace(SMALL, n_events=400, n_months=12, n_shifts=1, n_bedfellows=1))
    path = tmp_path / "world.duckdb"
    assert write_world(path, small) == 400
    with Store.open(path, read_only=True) as store:
        assert store.counts()["events"] == 400


def test_values_are_plausible(world):
    events = world.events.to_pydict()
    assert min(events["confidence"]) >= 0.5 and max(events["confidence"]) <= 1.0
    assert set(events["date_basis"]) == {"expression"}
    assert min(events["date_start"]) >= world.months[0]
    assert max(events["date_start"]) < date(2017, 1, 1)  # 24 months from January 2015
    assert events["date_start"] == sorted(events["date_start"])
    modality = events["modality"]
    assert set(modality) == {"asserted", "hypothetical", "negated"}
    assert 0.85 < modality.count("asserted") / len(modality) < 0.97
    for g, q in zip(events["goldstein"], events["quad_class"], strict=True):
        assert (g > 0) == (q in (1, 2))
    bodies = dict(
        zip(
            world.articles.column("article_id").to_pylist(),
            world.articles.column("body").to_pylist(),
            strict=True,
        )
    )
    for i in range(0, len(modality), 97):
        sentence = events["sentence"][i]
        trigger = sentence[events["trigger_start"][i] : events["trigger_end"][i]]
        assert trigger == events["trigger"][i]
        when = sentence[events["date_text_start"][i] : events["date_text_end"][i]]
        assert when == events["date_start"][i].isoformat()
        start = events["sentence_start"][i]
        assert bodies[events["article_id"][i]][start : start + len(sentence)] == sentence


def test_blocs_show_in_the_raw_goldstein(world):
    within, between = [], []
    per_dyad: dict[tuple[str, str], list[float]] = defaultdict(list)
    overridden = {(a, b) for a, b, *_ in world.overrides}
    for a, b, _day, goldstein, modality in _dyad_rows(world):
        if modality != "asserted":
            continue
        (within if world.blocs[a] == world.blocs[b] else between).append(goldstein)
        if (a, b) not in overridden:
            per_dyad[(a, b)].append(goldstein)
    assert _mean(within) > 1.0 and _mean(between) < -1.0
    busy = {d: v for d, v in per_dyad.items() if len(v) >= 15}
    assert len(busy) > 20
    agree = sum((_mean(v) > 0) == (world.blocs[a] == world.blocs[b]) for (a, b), v in busy.items())
    assert agree / len(busy) > 0.95


def test_noise_zero_signs_follow_the_planted_relation():
    clean = generate(replace(SMALL, noise=0.0, n_events=3_000))
    # Talk (hypothetical, negated) follows the relation too: every event agrees.
    for a, b, day, goldstein, _modality in _dyad_rows(clean):
        assert (goldstein > 0) == (clean.relation(a, b, clean.month_of(day)) > 0)


def test_more_noise_blurs_the_blocs():
    def share_agreeing(noise: float) -> float:
        w = generate(replace(SMALL, noise=noise))
        rows = [r for r in _dyad_rows(w) if r[4] == "asserted"]
        ok = sum((g > 0) == (w.relation(a, b, w.month_of(d)) > 0) for a, b, d, g, _ in rows)
        return ok / len(rows)

    assert share_agreeing(0.0) == 1.0
    assert 0.85 < share_agreeing(0.1) < 0.95
    assert 0.65 < share_agreeing(0.3) < 0.75


def test_planted_bedfellows_cooperate_in_their_window_against_a_common_enemy(world):
    assert len(world.bedfellows) == SMALL.n_bedfellows
    rows = [r for r in _dyad_rows(world) if r[4] == "asserted"]
    for pair in world.bedfellows:
        assert pair.a < pair.b and world.blocs[pair.a] != world.blocs[pair.b]
        assert pair.m1 > pair.m0 and pair.end > pair.start

        def scores(x: str, y: str, inside: bool, pair=pair) -> list[float]:
            key = tuple(sorted((x, y)))
            return [
                g
                for a, b, d, g, _ in rows
                if (a, b) == key and (pair.start <= d < pair.end) == inside
            ]

        assert _mean(scores(pair.a, pair.b, True)) > 0  # cooperate in the window
        assert _mean(scores(pair.a, pair.b, False)) < 0  # hostile in the long run
        assert _mean(scores(pair.a, pair.enemy, True)) < 0
        assert _mean(scores(pair.b, pair.enemy, True)) < 0


def test_a_shift_flips_the_sign_of_the_monthly_mean(world):
    assert len(world.shifts) == SMALL.n_shifts
    rows = [r for r in _dyad_rows(world) if r[4] == "asserted"]
    for shift in world.shifts:
        assert shift.before == -shift.after
        assert shift.period == world.months[shift.month]
        monthly: dict[int, list[float]] = defaultdict(list)
        for a, b, d, g, _ in rows:
            if (a, b) == (shift.a, shift.b):
                monthly[world.month_of(d)].append(g)
        means = {m: _mean(v) for m, v in monthly.items()}
        before = [v for m, v in means.items() if m < shift.month]
        after = [v for m, v in means.items() if m >= shift.month]
        assert _mean(before) * shift.before > 0
        assert _mean(after) * shift.after > 0
        # Most single months already show the new sign: the shift is detectable.
        assert sum(v * shift.after > 0 for v in after) / len(after) > 0.7


def test_sign_changes_list_shifts_and_window_edges(world):
    changes = set(world.sign_changes())
    for shift in world.shifts:
        assert (shift.a, shift.b, shift.month) in changes
    for pair in world.bedfellows:
        assert (pair.a, pair.b, pair.m0) in changes
        assert (pair.a, pair.b, pair.m1) in changes
    assert len(changes) == len(world.shifts) + 2 * len(world.bedfellows)


def test_two_blocs_force_the_common_enemy():
    w = generate(SyntheticSpec(n_actors=12, n_blocs=2, n_months=24, n_events=4_000, seed=1))
    for pair in w.bedfellows:
        for x in (pair.a, pair.b):
            assert w.relation(x, pair.enemy, pair.m0) == -1
            assert w.relation(x, pair.enemy, pair.m1 - 1) == -1


@pytest.mark.parametrize(
    "change",
    [
        {"n_blocs": 1},
        {"n_actors": 5, "n_blocs": 3},
        {"noise": 0.6},
        {"n_months": 4},
        {"n_bedfellows": 20},
        {"n_events": 50},
    ],
)
def test_impossible_specs_raise_config_error(change):
    with pytest.raises(ConfigError):
        generate(replace(SMALL, **change))
