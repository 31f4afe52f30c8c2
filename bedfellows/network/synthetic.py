"""Synthetic event streams with planted alliance structure, for recovery and speed benchmarks.

``generate(spec)`` draws a seeded, deterministic world of ``spec.n_events`` events
among ``spec.n_actors`` actors ("A000", "A001", ...) over ``spec.n_months``
calendar months, as Arrow tables in the store's own column layout
(``bedfellows.store.ddl``), together with the truth that was planted:

- **Blocs.** Actors are dealt at random into ``n_blocs`` blocs of near-equal
  size. Two actors of one bloc cooperate; actors of different blocs conflict.
- **Strange bedfellows.** ``n_bedfellows`` pairs (a, b) from different blocs
  (so hostile in the long run) cooperate in a window of months [m0, m1) of
  2–6 months, while both are in conflict with a common enemy c in those months
  (c is taken from a third bloc when there is one, so it is everyone's enemy;
  with two blocs c's relations with a and b are forced to conflict in the window).
- **Shifts.** ``n_shifts`` other dyads flip the sign of their relation from
  month m on. A within-bloc dyad turns hostile late (m in 60–80% of the period),
  a between-bloc dyad turns cooperative early (m in 20–40%), so each shifted
  dyad cooperates in the longer stretch: it is cooperative in the long run and
  never looks like a strange-bedfellows pair, which keeps the two truths apart.
  ``SyntheticWorld.sign_changes`` lists every planted change of sign, the
  bedfellows windows' edges included (they are shifts too).

Events: each planted dyad (the shifted ones and the a–b, a–c, b–c dyads of each
bedfellows triple) gets ``planted_rate`` events per month on average, so its
monthly series is dense enough to read; the rest are spread over all dyads with
weights ``w_a * w_b`` (actor activity drawn log-normal), uniformly over months
and days. An event's sign follows the planted relation of its dyad in its month
and is flipped with probability ``noise``; its CAMEO code is drawn from ten
cooperative (Goldstein > 0) or ten conflictual (Goldstein < 0) codes, with their
QuadClass, Goldstein score and PLOVER type, mode, context and score from the
packaged codebook. 92% of events are asserted, 5% hypothetical and 3% negated,
drawn independently of the sign: talk follows the relation like acts do (allies
discuss cooperation, enemies threaten), so including it on request neither helps
nor misleads much, while the network layer leaves it out by default.
Confidence is uniform in [0.5, 1]; dates are single days with basis
"expression" (the date is written in the synthetic sentence). Source and target
are drawn in random order; each event has one source and one target actor row
(kind "country", country = the actor key). Events are sorted by date and grouped
five at a time into articles whose body is their sentences.

``write_world(db, world)`` bulk-inserts the tables through DuckDB's Arrow scan
in one transaction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import ConfigError, StoreError
from ..events.codebook import Codebook
from ..store import Store
from ..store.ddl import ARTICLES, EVENT_ACTORS, EVENTS, Table

__all__ = [
    "PlantedPair",
    "PlantedShift",
    "SyntheticSpec",
    "SyntheticWorld",
    "arrow_schema",
    "generate",
    "write_world",
]

# Ten cooperative and ten conflictual CAMEO codes spanning verbal and material
# QuadClasses; their scores come from the packaged codebook at generation time.
COOPERATIVE_CODES = ("036", "040", "042", "043", "046", "051", "057", "061", "062", "071")
CONFLICT_CODES = ("111", "112", "125", "130", "138", "163", "172", "173", "190", "195")
HYPOTHETICAL_SHARE = 0.05
NEGATED_SHARE = 0.03
EVENTS_PER_ARTICLE = 5
SOURCE_PATH = "synthetic://bedfellows"
_ACTIVITY_SIGMA = 0.6  # log-normal spread of actor activity (busy and quiet actors)

_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}


def arrow_schema(table: Table) -> pa.Schema:
    """The Arrow schema of a store table: its columns in order, NOT NULL as non-nullable."""
    fields = []
    for name, sql_type in table.columns:
        not_null = sql_type.endswith(" NOT NULL")
        base = sql_type.removesuffix(" NOT NULL")
        fields.append(pa.field(name, _ARROW_TYPES[base], nullable=not not_null))
    return pa.schema(fields)


@dataclass(frozen=True, slots=True)
class SyntheticSpec:
    """What to generate. ``noise`` is the share of events whose sign is flipped against
    the planted relation; ``planted_rate`` the mean number of events per month on each
    planted dyad (capped so planted dyads take at most half of all events)."""

    n_actors: int = 40
    n_blocs: int = 4
    start: date = date(2015, 1, 1)
    n_months: int = 36
    n_events: int = 20_000
    noise: float = 0.1
    n_bedfellows: int = 3
    n_shifts: int = 3
    seed: int = 0
    planted_rate: float = 8.0

    def validate(self) -> None:
        """Raise ConfigError naming the field when the spec cannot be generated."""
        if self.n_blocs < 2:
            raise ConfigError(f"SyntheticSpec: n_blocs must be at least 2, got {self.n_blocs}")
        if self.n_actors < 2 * self.n_blocs:
            raise ConfigError(
                f"SyntheticSpec: n_actors ({self.n_actors}) must be at least twice "
                f"n_blocs ({self.n_blocs})"
            )
        if not 0.0 <= self.noise <= 0.5:
            raise ConfigError(f"SyntheticSpec: noise must be in [0, 0.5], got {self.noise}")
        if self.n_months < 10:
            raise ConfigError(f"SyntheticSpec: n_months must be at least 10, got {self.n_months}")
        if self.n_bedfellows < 0 or self.n_shifts < 0:
            raise ConfigError("SyntheticSpec: n_bedfellows and n_shifts must be >= 0")
        if 3 * self.n_bedfellows > self.n_actors:
            raise ConfigError(
                f"SyntheticSpec: {self.n_bedfellows} bedfellows triples need "
                f"{3 * self.n_bedfellows} actors, only {self.n_actors}"
            )
        if self.n_events < 10 * self.n_months:
            raise ConfigError(
                f"SyntheticSpec: n_events ({self.n_events}) must be at least 10 per month"
            )
        if self.planted_rate < 0:
            raise ConfigError(f"SyntheticSpec: planted_rate must be >= 0, got {self.planted_rate}")


@dataclass(frozen=True, slots=True)
class PlantedPair:
    """A planted strange-bedfellows pair: ``a`` and ``b`` (different blocs, ``a < b``)
    cooperate in months [m0, m1) (dates [start, end)) while both fight ``enemy``."""

    a: str
    b: str
    enemy: str
    m0: int
    m1: int
    start: date
    end: date


@dataclass(frozen=True, slots=True)
class PlantedShift:
    """A planted shift: the dyad ``a``–``b`` (``a < b``) has relation ``before`` (+1 or
    -1) until month ``month`` and ``after`` from then on; ``period`` is that month's
    first day."""

    a: str
    b: str
    month: int
    period: date
    before: int
    after: int


@dataclass(frozen=True)
class SyntheticWorld:
    """A generated world: the store-shaped tables and the planted truth."""

    spec: SyntheticSpec
    actors: tuple[str, ...]
    months: tuple[date, ...]  # first day of each month; months[m] is month m
    blocs: dict[str, int]
    bedfellows: list[PlantedPair]
    shifts: list[PlantedShift]
    events: pa.Table
    event_actors: pa.Table
    articles: pa.Table
    # (a, b, month_from, month_to, sign): planted relations overriding the bloc sign
    overrides: tuple[tuple[str, str, int, int, int], ...] = field(default=())

    def relation(self, a: str, b: str, month: int) -> int:
        """The planted sign (+1 cooperation, -1 conflict) of ``a``–``b`` in ``month``."""
        key = tuple(sorted((a, b)))
        sign = 1 if self.blocs[a] == self.blocs[b] else -1
        for x, y, m_from, m_to, s in self.overrides:
            if (x, y) == key and m_from <= month < m_to:
                sign = s
        return sign

    def sign_changes(self) -> list[tuple[str, str, int]]:
        """Every planted change of sign as ``(a, b, month)`` (a < b; the new sign starts
        in ``month``): the planted shifts and the edges of the bedfellows windows."""
        dyads = sorted({(x, y) for x, y, *_ in self.overrides})
        changes = []
        for a, b in dyads:
            previous = self.relation(a, b, 0)
            for m in range(1, len(self.months)):
                sign = self.relation(a, b, m)
                if sign != previous:
                    changes.append((a, b, m))
                previous = sign
        return changes

    def month_of(self, day: date) -> int:
        """Index of the month holding ``day`` (may be out of range)."""
        first = self.months[0]
        return (day.year - first.year) * 12 + day.month - first.month


def _month_starts(start: date, n: int) -> np.ndarray:
    """First days of ``n + 1`` consecutive months from ``start``'s month (datetime64[D])."""
    first = np.datetime64(f"{start.year:04d}-{start.month:02d}", "M")
    return (first + np.arange(n + 1)).astype("datetime64[D]")


def _code_table() -> dict[str, list[Any]]:
    """Columns (per code) of the cooperative then the conflictual codes, from the codebook."""
    book = Codebook.load()
    cols: dict[str, list[Any]] = {
        k: []
        for k in (
            "code",
            "root",
            "trigger",
            "quad",
            "goldstein",
            "ptype",
            "pmode",
            "pcontext",
            "pscore",
        )
    }
    for code, cooperative in [(c, True) for c in COOPERATIVE_CODES] + [
        (c, False) for c in CONFLICT_CODES
    ]:
        entry = book.cameo(code)
        if (entry.goldstein > 0) != cooperative or not entry.plover_type:
            raise ConfigError(
                f"synthetic code {code} ({entry.name}) has Goldstein {entry.goldstein} and "
                f"PLOVER type {entry.plover_type!r}: not a clear "
                f"{'cooperative' if cooperative else 'conflictual'} code"
            )
        cols["code"].append(entry.code)
        cols["root"].append(entry.root)
        cols["trigger"].append(entry.name.lower())
        cols["quad"].append(entry.quad_class)
        cols["goldstein"].append(entry.goldstein)
        cols["ptype"].append(entry.plover_type)
        cols["pmode"].append(entry.plover_mode or None)
        cols["pcontext"].append(entry.plover_context or None)
        cols["pscore"].append(entry.plover_score)
    return cols


def _plant(
    spec: SyntheticSpec, rng: np.random.Generator, bloc_of: np.ndarray
) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int, int, int, int]], list[int]]:
    """Choose the bedfellows triples and shifted dyads.

    Returns ``(triples, overrides, shift_rows)``: triples as (a, b, c, m0) with
    a window of ``_window(spec)`` months, overrides as (i, j, m_from, m_to, sign)
    on actor indexes (i < j), and the indexes into ``overrides`` of the shifts.
    """
    n, months = spec.n_actors, spec.n_months
    members = [np.flatnonzero(bloc_of == k) for k in range(spec.n_blocs)]
    used: set[int] = set()
    length = _window(spec)
    triples = []
    overrides: list[tuple[int, int, int, int, int]] = []

    def pick(bloc: int) -> int:
        free = [int(i) for i in members[bloc] if int(i) not in used]
        if not free:
            raise ConfigError(
                f"SyntheticSpec: bloc {bloc} has no actor left for a bedfellows triple; "
                "use more actors or fewer bedfellows"
            )
        choice = free[int(rng.integers(len(free)))]
        used.add(choice)
        return choice

    for _ in range(spec.n_bedfellows):
        k = min(3, spec.n_blocs)
        chosen = [int(x) for x in rng.choice(spec.n_blocs, size=k, replace=False)]
        a, b = pick(chosen[0]), pick(chosen[1])
        c = pick(chosen[2]) if k == 3 else pick(chosen[int(rng.integers(2))])
        m0 = int(rng.integers(1, months - length))
        m1 = m0 + length
        triples.append((a, b, c, m0))
        overrides.append((min(a, b), max(a, b), m0, m1, 1))
        for x in (a, b):
            if bloc_of[x] == bloc_of[c]:  # only with two blocs: force the common enmity
                overrides.append((min(x, c), max(x, c), m0, m1, -1))

    taken = set(_planted_dyads(triples, overrides))

    shift_rows = []
    for _ in range(spec.n_shifts):
        for _attempt in range(10_000):
            i, j = sorted(int(x) for x in rng.choice(n, size=2, replace=False))
            if (i, j) not in taken:
                break
        else:  # pragma: no cover - only with absurdly many shifts for the actors
            raise ConfigError(f"SyntheticSpec: no free dyad left for {spec.n_shifts} shifts")
        taken.add((i, j))
        if bloc_of[i] == bloc_of[j]:
            lo, hi, after = math.ceil(0.6 * months), math.floor(0.8 * months), -1
        else:
            lo, hi, after = math.ceil(0.2 * months), math.floor(0.4 * months), 1
        m = int(rng.integers(lo, hi + 1))
        shift_rows.append(len(overrides))
        overrides.append((i, j, m, months, after))
    return triples, overrides, shift_rows


def _window(spec: SyntheticSpec) -> int:
    """Length in months of a bedfellows window: a sixth of the period, 2 to 6 months."""
    return max(2, min(6, spec.n_months // 6))


def _planted_dyads(
    triples: list[tuple[int, int, int, int]], overrides: list[tuple[int, int, int, int, int]]
) -> list[tuple[int, int]]:
    dyads = {(i, j) for i, j, *_ in overrides}
    for a, b, c, _ in triples:
        for x, y in ((a, b), (a, c), (b, c)):
            dyads.add((min(x, y), max(x, y)))
    return sorted(dyads)


def generate(spec: SyntheticSpec) -> SyntheticWorld:
    """Generate a synthetic world (deterministic for a given ``spec``; see the module doc).

    Raises ConfigError when the spec is impossible (see ``SyntheticSpec.validate``).
    """
    spec.validate()
    rng = np.random.default_rng(spec.seed)
    n_act, n_months = spec.n_actors, spec.n_months
    width = max(3, len(str(n_act - 1)))
    actors = [f"A{i:0{width}d}" for i in range(n_act)]

    bloc_of = np.empty(n_act, dtype=np.int64)
    bloc_of[rng.permutation(n_act)] = np.arange(n_act) % spec.n_blocs
    triples, overrides, shift_rows = _plant(spec, rng, bloc_of)

    # --- which dyad and month each event falls on
    planted = _planted_dyads(triples, overrides)
    per_dyad = round(spec.planted_rate * n_months)
    if planted and per_dyad * len(planted) > spec.n_events // 2:
        per_dyad = spec.n_events // 2 // len(planted)
    n_planted = per_dyad * len(planted)
    n_background = spec.n_events - n_planted
    activity = rng.lognormal(0.0, _ACTIVITY_SIGMA, n_act)
    rows, cols = np.triu_indices(n_act, k=1)
    weight = activity[rows] * activity[cols]
    pick = rng.choice(rows.size, size=n_background, p=weight / weight.sum())
    planted_arr = np.array(planted, dtype=np.int64).reshape(-1, 2)
    src = np.concatenate([rows[pick], np.repeat(planted_arr[:, 0], per_dyad)])
    tgt = np.concatenate([cols[pick], np.repeat(planted_arr[:, 1], per_dyad)])
    n = src.size
    month = rng.integers(0, n_months, size=n)

    # --- the planted sign of each event, then noise and talk
    sign = np.where(bloc_of[src] == bloc_of[tgt], 1, -1)
    for i, j, m_from, m_to, s in overrides:
        sign[(src == i) & (tgt == j) & (month >= m_from) & (month < m_to)] = s
    u = rng.random(n)
    modality_idx = np.where(u < HYPOTHETICAL_SHARE, 1, 0)
    modality_idx[(u >= HYPOTHETICAL_SHARE) & (u < HYPOTHETICAL_SHARE + NEGATED_SHARE)] = 2
    flip = rng.random(n) < spec.noise
    observed = np.where(flip, -sign, sign)
    n_coop, n_conf = len(COOPERATIVE_CODES), len(CONFLICT_CODES)
    code_idx = np.where(
        observed > 0, rng.integers(0, n_coop, size=n), n_coop + rng.integers(0, n_conf, size=n)
    )
    swap = rng.random(n) < 0.5
    src, tgt = np.where(swap, tgt, src), np.where(swap, src, tgt)
    starts = _month_starts(spec.start, n_months)
    days_in_month = (starts[1:] - starts[:-1]).astype(np.int64)
    day = starts[month] + (rng.random(n) * days_in_month[month]).astype(np.int64)
    confidence = np.round(rng.uniform(0.5, 1.0, size=n), 3)

    # --- date order, then articles of EVENTS_PER_ARTICLE consecutive events
    order = np.argsort(day, kind="stable")
    src, tgt, code_idx, day, confidence = (
        src[order],
        tgt[order],
        code_idx[order],
        day[order],
        confidence[order],
    )
    modality_idx = modality_idx[order]
    events, event_actors, articles = _tables(
        spec, actors, width, src, tgt, code_idx, modality_idx, day, confidence
    )

    month_dates = tuple(d.item() for d in starts[:n_months])
    key_overrides = tuple(
        (actors[i], actors[j], m_from, m_to, s) for i, j, m_from, m_to, s in overrides
    )
    pairs = []
    for a, b, c, m0 in triples:
        x, y = sorted((actors[a], actors[b]))
        m1 = m0 + _window(spec)
        end = starts[m1].item()
        pairs.append(PlantedPair(x, y, actors[c], m0, m1, month_dates[m0], end))
    shifts = []
    for r in shift_rows:
        i, j, m, _to, after = overrides[r]
        shifts.append(PlantedShift(actors[i], actors[j], m, month_dates[m], -after, after))
    return SyntheticWorld(
        spec=spec,
        actors=tuple(actors),
        months=month_dates,
        blocs={actors[i]: int(bloc_of[i]) for i in range(n_act)},
        bedfellows=pairs,
        shifts=shifts,
        events=events,
        event_actors=event_actors,
        articles=articles,
        overrides=key_overrides,
    )


def _tables(
    spec: SyntheticSpec,
    actors: list[str],
    width: int,
    src: np.ndarray,
    tgt: np.ndarray,
    code_idx: np.ndarray,
    modality_idx: np.ndarray,
    day: np.ndarray,
    confidence: np.ndarray,
) -> tuple[pa.Table, pa.Table, pa.Table]:
    """Build the ``events``, ``event_actors`` and ``articles`` tables (Arrow, vectorised)."""
    n = src.size
    codes = _code_table()
    idx = pa.array(code_idx)

    def per_code(column: str, typ: pa.DataType) -> pa.Array:
        return pc.take(pa.array(codes[column], type=typ), idx)

    prefix = f"syn{spec.seed}-"
    digits = max(7, len(str(n)))
    numbers = pc.utf8_lpad(pa.array(np.arange(n)).cast(pa.string()), digits, "0")
    event_ids = pc.binary_join_element_wise(prefix + "e", numbers, "")
    article_no = np.arange(n) // EVENTS_PER_ARTICLE
    n_articles = int(article_no[-1]) + 1 if n else 0
    art_numbers = pc.utf8_lpad(pa.array(article_no).cast(pa.string()), digits, "0")
    article_ids = pc.binary_join_element_wise(prefix + "a", art_numbers, "")

    actor_arr = pa.array(actors)
    src_key, tgt_key = pc.take(actor_arr, pa.array(src)), pc.take(actor_arr, pa.array(tgt))
    trigger = per_code("trigger", pa.string())
    day_arr = pa.array(day.astype("datetime64[D]"), type=pa.date32())
    date_text = day_arr.cast(pa.string())
    # "<src> <trigger> <tgt> on <YYYY-MM-DD>." — every offset follows from the lengths.
    sentence = pc.binary_join_element_wise(
        pc.binary_join_element_wise(src_key, trigger, tgt_key, "on", date_text, " "), ".", ""
    )
    trig_len = np.array([len(t) for t in codes["trigger"]], dtype=np.int64)[code_idx]
    trigger_start = np.full(n, width + 2, dtype=np.int64)  # "A" + digits + " "
    trigger_end = trigger_start + trig_len
    target_start = trigger_end + 1
    target_end = target_start + width + 1
    date_start_off = target_end + 4  # " on "
    date_end_off = date_start_off + 10
    length = date_end_off + 1
    # Sentences of an article are joined by one space; offsets restart per article.
    before = np.cumsum(length + 1) - (length + 1)
    sentence_start = before - before[article_no * EVENTS_PER_ARTICLE]
    sentence_index = np.arange(n) % EVENTS_PER_ARTICLE

    modality = pc.take(pa.array(["asserted", "hypothetical", "negated"]), pa.array(modality_idx))
    null_str = pa.nulls(n, pa.string())
    null_int = pa.nulls(n, pa.int32())
    null_dbl = pa.nulls(n, pa.float64())
    false = pa.array(np.zeros(n, dtype=bool))
    events = pa.table(
        {
            "event_id": event_ids,
            "article_id": article_ids,
            "sentence_index": pa.array(sentence_index, type=pa.int32()),
            "sentence": sentence,
            "sentence_start": pa.array(sentence_start, type=pa.int32()),
            "trigger": trigger,
            "trigger_start": pa.array(trigger_start, type=pa.int32()),
            "trigger_end": pa.array(trigger_end, type=pa.int32()),
            "cameo_code": per_code("code", pa.string()),
            "cameo_root": per_code("root", pa.string()),
            "quad_class": per_code("quad", pa.int32()),
            "goldstein": per_code("goldstein", pa.float64()),
            "plover_type": per_code("ptype", pa.string()),
            "plover_mode": per_code("pmode", pa.string()),
            "plover_context": per_code("pcontext", pa.string()),
            "plover_score": per_code("pscore", pa.float64()),
            "modality": modality,
            "reported_by_text": null_str,
            "reported_by_actor_id": null_str,
            "reported_by_country": null_str,
            "claimed": false,
            "historical": false,
            "date_start": day_arr,
            "date_end": day_arr,
            "date_granularity": pa.repeat(pa.scalar("day", pa.string()), n),
            "date_basis": pa.repeat(pa.scalar("expression", pa.string()), n),
            "date_text": date_text,
            "date_text_start": pa.array(date_start_off, type=pa.int32()),
            "date_text_end": pa.array(date_end_off, type=pa.int32()),
            "place_text": null_str,
            "place_name": null_str,
            "place_country": null_str,
            "place_lat": null_dbl,
            "place_lon": null_dbl,
            "place_start": null_int,
            "place_end": null_int,
            "confidence": pa.array(confidence, type=pa.float64()),
            "is_comment": false,
            "comment_index": null_int,
            "pattern": pa.repeat(pa.scalar("synthetic", pa.string()), n),
            "run_id": null_str,
        },
        schema=arrow_schema(EVENTS),
    )

    # One source and one target row per event, interleaved.
    both = np.empty(2 * n, dtype=np.int64)
    both[0::2], both[1::2] = src, tgt
    keys = pc.take(actor_arr, pa.array(both))
    starts = np.empty(2 * n, dtype=np.int64)
    starts[0::2], starts[1::2] = 0, target_start
    event_actors = pa.table(
        {
            "event_id": pc.take(event_ids, pa.array(np.repeat(np.arange(n), 2))),
            "role": pc.take(pa.array(["source", "target"]), pa.array(np.tile([0, 1], n))),
            "position": pa.array(np.zeros(2 * n, dtype=np.int32)),
            "text": keys,
            "start": pa.array(starts, type=pa.int32()),
            "end": pa.array(starts + width + 1, type=pa.int32()),
            "name": keys,
            "actor_id": keys,
            "country": keys,
            "sector": pa.nulls(2 * n, pa.string()),
            "cameo": keys,
            "kind": pa.repeat(pa.scalar("country", pa.string()), 2 * n),
            "basis": pa.repeat(pa.scalar("text", pa.string()), 2 * n),
        },
        schema=arrow_schema(EVENT_ACTORS),
    )

    offsets = np.minimum(np.arange(n_articles + 1) * EVENTS_PER_ARTICLE, n).astype(np.int32)
    body = pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), sentence), " ")
    last = np.minimum(np.arange(1, n_articles + 1) * EVENTS_PER_ARTICLE, n) - 1
    coded_at = datetime(spec.start.year, spec.start.month, spec.start.day)
    articles = pa.table(
        {
            "article_id": pc.take(article_ids, pa.array(offsets[:-1].astype(np.int64))),
            "source_path": pa.repeat(pa.scalar(SOURCE_PATH, pa.string()), n_articles),
            "title": pa.nulls(n_articles, pa.string()),
            "published": pc.take(day_arr, pa.array(last)),
            "source": pa.repeat(pa.scalar("synthetic", pa.string()), n_articles),
            "url": pa.nulls(n_articles, pa.string()),
            "external_id": pa.nulls(n_articles, pa.string()),
            "language": pa.repeat(pa.scalar("en", pa.string()), n_articles),
            "body": body,
            "n_comments": pa.array(np.zeros(n_articles, dtype=np.int32)),
            "boilerplate": pa.ListArray.from_arrays(
                pa.array(np.zeros(n_articles + 1, dtype=np.int32)), pa.array([], pa.string())
            ),
            "run_id": pa.nulls(n_articles, pa.string()),
            "coded_at": pa.repeat(pa.scalar(coded_at, pa.timestamp("us")), n_articles),
        },
        schema=arrow_schema(ARTICLES),
    )
    return events, event_actors, articles


def write_world(db: Store | str | Path | duckdb.DuckDBPyConnection, world: SyntheticWorld) -> int:
    """Insert a world's articles, events and actor rows into a store in one transaction.

    db: a ``Store``, a database path (created with the store schema when new, and
        closed afterwards) or a DuckDB connection over the store schema.
    RETURNS (int): the number of events written.
    Raises StoreError when the insert fails (e.g. the world's ids are already stored);
    nothing is written then.
    """
    if isinstance(db, str | Path):
        with Store.open(db) as store:
            return write_world(store, world)
    # A Store's cursor shares its database; writing through it keeps the Store's own
    # connection (and its appenders) out of this bulk path.
    con = db.cursor() if isinstance(db, Store) else db
    where = db.path if isinstance(db, Store) else "connection"
    tables = {
        "articles": world.articles,
        "events": world.events,
        "event_actors": world.event_actors,
    }
    try:
        con.execute("BEGIN TRANSACTION")
        try:
            for name, table in tables.items():
                view = f"_synthetic_{name}"
                con.register(view, table)
                try:
                    con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM {view}")
                finally:
                    con.unregister(view)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    except duckdb.Error as exc:
        raise StoreError(f"{where}: writing the synthetic world failed: {exc}") from exc
    finally:
        if isinstance(db, Store):
            con.close()
    return world.events.num_rows
