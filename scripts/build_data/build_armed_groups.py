#!/usr/bin/env python
"""Build ``bedfellows/data/armed_groups.tsv``: non-state armed actors and their patrons.

Input: ``scripts/build_data/armed_groups.tsv``, written by hand, one row per
rebel group, insurgency, militia, paramilitary force, jihadist network or
private military company active at any time since 1990. Columns:

- ``id``: the knowledge-base id (snake case); ``name``: the canonical English
  name; ``aliases``: ``|``-separated names a story may use (an all-capitals
  acronym matches only in capitals);
- ``operates_in``: ``|``-separated ISO alpha-3 codes of the countries where it
  fights, main one first; ``region``: MENA | SSA | SAS | EAP | ECA | AMR | GLB
  (transnational);
- ``sector``: PLOVER sector: REB (armed opposition), UAF (militia neither
  rebel nor state), PRM (paramilitary tied to a state), IMG (international
  militant network); ``cameo``: a CAMEO actor code when PETRARCH's dictionary
  gives the group its own (``IMGMUSISI``), else blank and derived here as
  main country + the sector's CAMEO agent code (``SOMREB``; PRM is CAMEO MIL);
- ``start``/``end``: YYYY, YYYY-MM or YYYY-MM-DD, only when certain; blank is
  unknown (or, for ``end``, still active), never guessed;
- ``parent``: the id of its umbrella or parent group;
- ``patrons``: documented state sponsors, ``ISO3:start:end`` items separated by
  ``|`` (dates blank when unknown). An undated spell applies to every event of
  the group, so a sponsorship that ended while the group fought on is listed
  only with its end;
- ``people``: the people (``Kurdish``) whose armed actor the group is in its
  main country, when it is the only one there: "Kurdish fighters" in Syria are
  the YPG. At most one group per people and country;
- ``phoenix``: primary phrases of PETRARCH ``Phoenix.MilNonState`` records of
  the same group, merged into its knowledge-base entry by ``build_actors.py``;
- ``source``: the public sources of the row (``;``-separated); ``note``.

Output: the same rows, validated and sorted, with ``cameo`` filled and the
``phoenix`` column left out, and its MANIFEST.toml entry. The build prints the
row count, the spread over regions and the share of rows with a source.
Needs nothing from ``../shared`` (``--shared`` from ``build_all.py`` is
accepted and ignored). ``build_actors.py`` reads the same input to add the
groups to the actor knowledge base.

Usage: ``python scripts/build_data/build_armed_groups.py [--out-dir DIR]``
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _manifest import update_manifest, update_notice, write_tsv  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
SOURCE_PATH = HERE / "armed_groups.tsv"
OUT_NAME = "armed_groups.tsv"
IN_HEADER = (
    "id", "name", "aliases", "operates_in", "region", "sector", "cameo", "start", "end",
    "parent", "patrons", "people", "phoenix", "source", "note",
)  # fmt: skip
OUT_HEADER = tuple(c for c in IN_HEADER if c != "phoenix")
REGIONS = {
    "MENA": "Middle East and North Africa",
    "SSA": "sub-Saharan Africa",
    "SAS": "South Asia",
    "EAP": "East and Southeast Asia, Pacific",
    "ECA": "Europe, Caucasus, Russia and Central Asia",
    "AMR": "the Americas",
    "GLB": "transnational",
}
SECTORS = ("REB", "UAF", "PRM", "IMG")
#: The CAMEO agent code of each sector, as PETRARCH's agent dictionary codes the
#: words ("paramilitary": CAMEO MIL, PLOVER PRM); an international militant
#: group is CAMEO's IMG prefix with no country.
CAMEO_AGENT = {"REB": "REB", "UAF": "UAF", "PRM": "MIL", "IMG": ""}
_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
_ID = re.compile(r"[a-z0-9_]+")


@dataclass(frozen=True, slots=True)
class Patron:
    """A state sponsor of a group, with the spell it is documented for."""

    country: str
    start: str = ""
    end: str = ""

    def render(self) -> str:
        """``ISO3:start:end`` as in the table."""
        return f"{self.country}:{self.start}:{self.end}"


@dataclass(frozen=True, slots=True)
class ArmedGroup:
    """One validated row of the armed-group table."""

    id: str
    name: str
    aliases: tuple[str, ...]
    operates_in: tuple[str, ...]
    region: str
    sector: str
    cameo: str
    start: str
    end: str
    parent: str
    patrons: tuple[Patron, ...]
    people: tuple[str, ...]
    phoenix: tuple[str, ...]
    sources: tuple[str, ...]
    note: str

    @property
    def country(self) -> str:
        """The main country of operation."""
        return self.operates_in[0]

    def out_row(self) -> tuple[str, ...]:
        """The row as written to the packaged table."""
        return (
            self.id, self.name, "|".join(self.aliases), "|".join(self.operates_in),
            self.region, self.sector, self.cameo, self.start, self.end, self.parent,
            "|".join(p.render() for p in self.patrons), "|".join(self.people),
            "; ".join(self.sources), self.note,
        )  # fmt: skip


def _split(value: str, sep: str = "|") -> tuple[str, ...]:
    return tuple(p.strip() for p in value.split(sep) if p.strip())


def _check_date(value: str, where: str, what: str) -> str:
    if value and not _DATE.fullmatch(value):
        raise ValueError(f"{where}: {what} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _patron(item: str, where: str, countries: set[str]) -> Patron:
    parts = item.split(":")
    if len(parts) != 3:
        raise ValueError(f"{where}: patron {item!r} is not ISO3:start:end")
    country, start, end = parts
    if country not in countries:
        raise ValueError(f"{where}: patron {country!r} is not a known country code")
    start = _check_date(start, where, "patron start")
    end = _check_date(end, where, "patron end")
    if start and end and end < start:
        raise ValueError(f"{where}: patron {item!r} ends before it starts")
    return Patron(country, start, end)


def parse_row(cells: dict[str, str], where: str, countries: set[str]) -> ArmedGroup:
    """Validate one input row; ValueError naming ``where`` and the field on a fault."""
    group_id = cells["id"]
    if not _ID.fullmatch(group_id):
        raise ValueError(f"{where}: id {group_id!r} must be [a-z0-9_]+")
    name = cells["name"]
    aliases = _split(cells["aliases"])
    if not name or name not in aliases:
        raise ValueError(f"{where}: the name must be one of the aliases")
    operates_in = _split(cells["operates_in"])
    if not operates_in:
        raise ValueError(f"{where}: operates_in is empty")
    unknown = [c for c in operates_in if c not in countries]
    if unknown:
        raise ValueError(f"{where}: unknown country code(s) {', '.join(unknown)}")
    if cells["region"] not in REGIONS:
        raise ValueError(f"{where}: region {cells['region']!r} is not one of {', '.join(REGIONS)}")
    sector = cells["sector"]
    if sector not in SECTORS:
        raise ValueError(f"{where}: sector {sector!r} is not one of {', '.join(SECTORS)}")
    cameo = cells["cameo"] or ("IMG" if sector == "IMG" else operates_in[0] + CAMEO_AGENT[sector])
    if not re.fullmatch(r"[A-Z]{3,15}", cameo):
        raise ValueError(f"{where}: cameo {cameo!r} is not a CAMEO code")
    start = _check_date(cells["start"], where, "start")
    end = _check_date(cells["end"], where, "end")
    if start and end and end < start:
        raise ValueError(f"{where}: ends ({end}) before it starts ({start})")
    patrons = tuple(_patron(p, where, countries) for p in _split(cells["patrons"]))
    sources = _split(cells["source"], ";")
    if not sources:
        raise ValueError(f"{where}: a source is required")
    return ArmedGroup(
        id=group_id,
        name=name,
        aliases=aliases,
        operates_in=operates_in,
        region=cells["region"],
        sector=sector,
        cameo=cameo,
        start=start,
        end=end,
        parent=cells["parent"],
        patrons=patrons,
        people=_split(cells["people"]),
        phoenix=_split(cells["phoenix"]),
        sources=sources,
        note=cells["note"],
    )


def read_groups(countries: Iterable[str], path: Path = SOURCE_PATH) -> list[ArmedGroup]:
    """Read and validate the hand-written table, in id order.

    countries: the known ISO alpha-3 codes. Raises ValueError naming the file,
    line and field for a malformed row, a duplicate id, an unknown parent, or
    an alias claimed by two groups.
    """
    known = set(countries)
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != IN_HEADER:
        raise ValueError(f"{path}:1: header must be {' '.join(IN_HEADER)}")
    groups: dict[str, ArmedGroup] = {}
    owner: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        where = f"{path.name}:{number}"
        values = line.split("\t")
        if len(values) != len(IN_HEADER):
            raise ValueError(f"{where}: {len(values)} fields, expected {len(IN_HEADER)}")
        cells = dict(zip(IN_HEADER, (v.strip() for v in values), strict=True))
        group = parse_row(cells, where, known)
        if group.id in groups:
            raise ValueError(f"{where}: id {group.id!r} is listed twice")
        for alias in group.aliases:
            key = alias if alias.isupper() else alias.casefold()
            if owner.setdefault(key, group.id) != group.id:
                raise ValueError(f"{where}: alias {alias!r} is also an alias of {owner[key]}")
        groups[group.id] = group
    peoples: dict[tuple[str, str], str] = {}
    for group in groups.values():
        for people in group.people:
            taken = peoples.setdefault((people.casefold(), group.country), group.id)
            if taken != group.id:
                raise ValueError(
                    f"{path.name}: {group.id}: {people} in {group.country} is already {taken}"
                )
        if group.parent and group.parent not in groups:
            raise ValueError(f"{path.name}: {group.id}: parent {group.parent!r} is not a row")
        if group.parent == group.id:
            raise ValueError(f"{path.name}: {group.id}: a group cannot be its own parent")
    return sorted(groups.values(), key=lambda g: g.id)


def curated_entries(groups: Iterable[ArmedGroup]) -> list[dict]:
    """The groups as ``curated_actors.yaml`` actor entries (for ``build_actors.py``).

    All-capitals aliases (acronyms: "HTS", "PKK") are case-sensitive, so "hts"
    or "Pkk" in running text is not the group.
    """
    return [
        {
            "id": g.id,
            "name": g.name,
            "kind": "group",
            "cameo": g.cameo,
            "sector": g.sector,
            "country": None if g.region == "GLB" else g.country,
            "aliases": list(g.aliases),
            "case_sensitive": [a for a in g.aliases if a.isupper() and len(a) <= 6],
            "phoenix": list(g.phoenix),
            "note": g.note or None,
        }
        for g in groups
    ]


def summary(groups: list[ArmedGroup]) -> list[str]:
    """Lines printed by the build: count, regional spread, sourced share, facts filled."""
    regions = Counter(g.region for g in groups)
    n = len(groups) or 1
    sourced = sum(bool(g.sources) for g in groups)
    return [
        f"{OUT_NAME}: {len(groups)} groups",
        "  by region: " + ", ".join(f"{r} {regions[r]}" for r in REGIONS if regions[r]),
        f"  rows with a source: {sourced}/{len(groups)} ({sourced / n:.0%})",
        f"  with a start date: {sum(bool(g.start) for g in groups)}; "
        f"an end date: {sum(bool(g.end) for g in groups)}; "
        f"a parent: {sum(bool(g.parent) for g in groups)}; "
        f"documented patrons: {sum(bool(g.patrons) for g in groups)}; "
        f"operating in more than one country: {sum(len(g.operates_in) > 1 for g in groups)}",
    ]


def _countries(data_dir: Path) -> set[str]:
    path = data_dir / "countries.tsv"
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    return {row.split("\t", 1)[0] for row in rows if row}


NOTICE = """\
Armed non-state actors (armed_groups.tsv; groups in actors.jsonl)
  Written by hand for bedfellows (scripts/build_data/armed_groups.tsv, MIT).
  Facts only: each row names its public sources in its `source` column
  (English Wikipedia articles, CC BY-SA 4.0, read for facts only, no text
  copied; the US State Department's list of Foreign Terrorist Organizations
  and the UN Security Council's sanctions lists, public domain / public
  record). Dates, parents and patrons are given only where certain; a blank
  is unknown."""


def main(argv: list[str] | None = None) -> int:
    """Write the table, its MANIFEST entry and NOTICE section; print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=REPO_ROOT / "bedfellows" / "data")
    parser.add_argument("--source", type=Path, default=SOURCE_PATH, help="hand-written table")
    args, _unknown = parser.parse_known_args(argv)
    out_dir = Path(args.out_dir)
    try:
        groups = read_groups(_countries(out_dir), args.source)
    except ValueError as exc:
        print(f"build_armed_groups: {exc}", file=sys.stderr)
        return 1
    write_tsv(out_dir / OUT_NAME, OUT_HEADER, (g.out_row() for g in groups))
    update_manifest(
        out_dir,
        OUT_NAME,
        version="1",
        source="scripts/build_data/armed_groups.tsv (hand-written; sources per row)",
        licence="MIT",
        generator="scripts/build_data/build_armed_groups.py",
    )
    update_notice(out_dir, "armed-groups", NOTICE)
    print("\n".join(summary(groups)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
