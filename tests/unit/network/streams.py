"""Hand-made event streams for the alliance tests, written into a real DuckDB store.

``ev("IRN>IRQ", "2014-06-03", quad=2)`` is one event from Iran to Iraq;
``"IRN+IRQ"`` is a joint act of both with no target, ``"IRN+IRQ>ISI"`` a joint
act against a target. Dates are days ("2014-06-03"), months ("2014-06") or
years ("2014") and set the granularity.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta

from bedfellows.store import Store
from bedfellows.store.ddl import EVENT_ACTORS, EVENTS

GOLDSTEIN = {1: 3.0, 2: 7.0, 3: -4.0, 4: -9.0}
CAMEO = {1: "040", 2: "070", 3: "130", 4: "190"}
PLOVER = {1: "CONSULT", 2: "AID", 3: "THREATEN", 4: "ASSAULT"}
_ids = itertools.count()


@dataclass
class Ev:
    """One stream event: actors, date text, QuadClass and the rest."""

    actors: str
    when: str | None
    quad: int = 2
    modality: str = "asserted"
    article: str | None = None
    confidence: float = 1.0
    against: tuple[str, ...] = ()
    is_comment: bool = False
    cameo: str | None = None
    event_id: str = field(default_factory=lambda: f"e{next(_ids):05d}")


def ev(actors: str, when: str | None, quad: int = 2, **kw) -> Ev:
    """Shorthand constructor."""
    return Ev(actors, when, quad, **kw)


def _dates(when: str | None) -> tuple[date | None, date | None, str | None]:
    if when is None:
        return None, None, None
    parts = [int(p) for p in when.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day, "day"
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, nxt - timedelta(days=1), "month"
    return date(parts[0], 1, 1), date(parts[0], 12, 31), "year"


def _actor(event_id: str, role: str, pos: int, key: str) -> dict:
    # Keys of three capitals are countries; anything else is a group with a CAMEO code;
    # "al_shabaab@SOM" is a group with a knowledge-base id and a country.
    group_id, _, group_country = key.partition("@")
    if group_country:
        country, _, sector = group_country.partition("/")
        return _group(event_id, role, pos, group_id, country, sector or "REB")
    country = key if len(key) == 3 and key.isupper() and key != "ISI" else None
    kind = "country" if country else "group"
    cameo = key if country else {"ISI": "IMGMUSISI"}.get(key, key)
    sector = None if country else "REB"
    if key.startswith("~"):  # a bare sector: nobody in particular
        country, kind, cameo, sector = None, "unknown", key[1:], key[1:]
    return {
        "event_id": event_id,
        "role": role,
        "position": pos,
        "text": key,
        "start": 0,
        "end": len(key),
        "name": key,
        "actor_id": (country or key.lower()) if kind != "unknown" else None,
        "country": country,
        "sector": sector,
        "cameo": cameo,
        "kind": kind,
        "basis": "text",
    }


def _group(
    event_id: str, role: str, pos: int, group_id: str, country: str, sector: str = "REB"
) -> dict:
    return {
        "event_id": event_id,
        "role": role,
        "position": pos,
        "text": group_id,
        "start": 0,
        "end": len(group_id),
        "name": group_id.replace("_", " ").title(),
        "actor_id": group_id,
        "country": country,
        "sector": sector,
        "cameo": f"{country}{sector}",
        "kind": "group",
        "basis": "text",
    }


def rows(events: list[Ev]) -> tuple[list[dict], list[dict]]:
    """``events`` and ``event_actors`` rows for the stream."""
    event_rows, actor_rows = [], []
    for e in events:
        start, end, gran = _dates(e.when)
        left, _, right = e.actors.partition(">")
        sources = [k for k in left.split("+") if k]
        targets = [k for k in right.split("+") if k]
        event_rows.append(
            {
                "event_id": e.event_id,
                "article_id": e.article or f"a_{e.event_id}",
                "sentence_index": 0,
                "sentence": e.actors,
                "sentence_start": 0,
                "trigger": "x",
                "trigger_start": 0,
                "trigger_end": 1,
                "cameo_code": e.cameo or CAMEO[e.quad],
                "cameo_root": (e.cameo or CAMEO[e.quad])[:2],
                "quad_class": e.quad,
                "goldstein": GOLDSTEIN[e.quad],
                "plover_type": PLOVER[e.quad],
                "plover_score": GOLDSTEIN[e.quad],
                "modality": e.modality,
                "claimed": False,
                "historical": False,
                "date_start": start,
                "date_end": end,
                "date_granularity": gran,
                "date_basis": "expression" if start else "none",
                "confidence": e.confidence,
                "is_comment": e.is_comment,
            }
        )
        for role, keys in (("source", sources), ("target", targets), ("against", e.against)):
            actor_rows += [_actor(e.event_id, role, i, k) for i, k in enumerate(keys)]
    return event_rows, actor_rows


def _insert(store: Store, table, items: list[dict]) -> None:
    if not items:
        return
    cols = table.column_names
    quoted = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    con = store.cursor()
    con.executemany(
        f"INSERT INTO {table.name} ({quoted}) VALUES ({marks})",
        [[item.get(c) for c in cols] for item in items],
    )


def stream_store(events: list[Ev], path: str = ":memory:") -> Store:
    """A store holding exactly ``events`` (close it when done)."""
    store = Store.open(path)
    event_rows, actor_rows = rows(events)
    _insert(store, EVENTS, event_rows)
    _insert(store, EVENT_ACTORS, actor_rows)
    return store
