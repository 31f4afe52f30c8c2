"""Armed non-state groups: where they fight, their umbrella and their state patrons.

The packaged table ``armed_groups.tsv`` (built by
``scripts/build_data/build_armed_groups.py`` from a hand-written table whose
rows each name their public sources) lists rebel groups, militias,
paramilitaries, jihadist networks and private military companies. The actor
knowledge base holds their names (``actors.jsonl``, kind ``group``); this
module holds the facts the alliance layer needs: the countries a group fights
in, its parent or umbrella group, and the states documented as backing it,
with dated spells. A date given only as a year or month covers all of it; a
blank start or end is unknown and leaves the spell open on that side.

A descriptor such as "Iran-backed militias" names no known group; the
resolver gives it the id ``backed_by:IRN`` (:func:`proxy_id`), whose patron is
the named state.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

from ..errors import DataFileError

__all__ = [
    "ArmedGroup",
    "PatronSpell",
    "armed_group",
    "armed_groups",
    "patron_at",
    "people_group",
    "proxy_id",
    "proxy_patron",
]

_PROXY_PREFIX = "backed_by:"
_HEADER = (
    "id", "name", "aliases", "operates_in", "region", "sector", "cameo", "start", "end",
    "parent", "patrons", "people", "source", "note",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PatronSpell:
    """A state documented as backing a group from ``start`` to ``end`` (None: unknown)."""

    country: str
    start: date | None = None
    end: date | None = None

    def covers(self, when: date | None) -> bool:
        """True when ``when`` lies inside the spell; an undated event takes any spell."""
        if when is None:
            return True
        if self.start is not None and when < self.start:
            return False
        return self.end is None or when <= self.end

    def describe(self) -> str:
        """ "IRN from 1982 (end unknown)" style text."""
        start = f"from {self.start.isoformat()}" if self.start else "start unknown"
        end = f"to {self.end.isoformat()}" if self.end else "end unknown"
        return f"{self.country} ({start}, {end})"


@dataclass(frozen=True, slots=True)
class ArmedGroup:
    """One armed non-state group of the packaged table."""

    group_id: str
    name: str
    aliases: tuple[str, ...]
    operates_in: tuple[str, ...]
    region: str
    sector: str
    cameo: str
    start: date | None
    end: date | None
    parent: str | None
    patrons: tuple[PatronSpell, ...]
    people: tuple[str, ...]
    sources: tuple[str, ...]
    note: str


def _bound(text: str, *, last: bool, where: str) -> date | None:
    """``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` as the first (or ``last``) day it covers."""
    if not text:
        return None
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31) if last else date(parts[0], 1, 1)
        if len(parts) == 2:
            day = calendar.monthrange(parts[0], parts[1])[1] if last else 1
            return date(parts[0], parts[1], day)
        return date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        raise DataFileError(f"{where}: bad date {text!r}") from None


def _patrons(text: str, where: str) -> tuple[PatronSpell, ...]:
    spells = []
    for item in filter(None, text.split("|")):
        country, start, end = (item.split(":") + ["", ""])[:3]
        spells.append(
            PatronSpell(
                country,
                _bound(start, last=False, where=where),
                _bound(end, last=True, where=where),
            )
        )
    return tuple(spells)


@cache
def armed_groups() -> dict[str, ArmedGroup]:
    """Every group of the packaged table, by id (read once per process).

    Raises DataFileError for a missing or malformed table.
    """
    path = files("bedfellows") / "data" / "armed_groups.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc})") from exc
    if not lines or tuple(lines[0].split("\t")) != _HEADER:
        raise DataFileError(f"{path}: unexpected header; rebuild with build_armed_groups.py")
    groups: dict[str, ArmedGroup] = {}
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        where = f"{path}:{number}"
        if len(cells) != len(_HEADER):
            raise DataFileError(f"{where}: {len(cells)} fields, expected {len(_HEADER)}")
        row = dict(zip(_HEADER, cells, strict=True))
        groups[row["id"]] = ArmedGroup(
            group_id=row["id"],
            name=row["name"],
            aliases=tuple(row["aliases"].split("|")),
            operates_in=tuple(row["operates_in"].split("|")),
            region=row["region"],
            sector=row["sector"],
            cameo=row["cameo"],
            start=_bound(row["start"], last=False, where=where),
            end=_bound(row["end"], last=True, where=where),
            parent=row["parent"] or None,
            patrons=_patrons(row["patrons"], where),
            people=tuple(p for p in row["people"].split("|") if p),
            sources=tuple(s.strip() for s in row["source"].split(";") if s.strip()),
            note=row["note"],
        )
    return groups


def armed_group(actor_id: str | None) -> ArmedGroup | None:
    """The table's group with this knowledge-base id, or None."""
    return armed_groups().get(actor_id) if actor_id else None


def proxy_id(patron: str) -> str:
    """The actor id of an unnamed force backed by ``patron`` ("Iran-backed militias")."""
    return f"{_PROXY_PREFIX}{patron}"


def proxy_patron(actor_id: str | None) -> str | None:
    """The patron named in a :func:`proxy_id`, else None."""
    if actor_id and actor_id.startswith(_PROXY_PREFIX):
        return actor_id[len(_PROXY_PREFIX) :] or None
    return None


def patron_at(actor_id: str | None, when: date | None) -> str | None:
    """The state backing a group at ``when``: its first listed patron whose spell
    covers the date (an undated event takes the first patron), or the patron
    named by a proxy descriptor; None when no documented patron applies.

    A parent's patrons are not inherited: each group's backing is documented
    on its own row, or not at all.
    """
    patron = proxy_patron(actor_id)
    if patron is not None:
        return patron
    group = armed_group(actor_id)
    if group is None:
        return None
    return next((s.country for s in group.patrons if s.covers(when)), None)


@cache
def _people_index() -> dict[tuple[str, str], str]:
    return {
        (people.casefold(), group.operates_in[0]): group.group_id
        for group in armed_groups().values()
        for people in group.people
    }


def people_group(words: Iterable[str], country: str | None) -> ArmedGroup | None:
    """The armed actor of a people in a country ("Kurdish" fighters in Syria: the
    YPG), when the table names exactly one; None otherwise."""
    if not country:
        return None
    index = _people_index()
    for word in words:
        group_id = index.get((word.casefold(), country))
        if group_id is not None:
            return armed_groups()[group_id]
    return None
