"""User actor files: add or override actors and role spells (YAML or CSV).

An analyst's own knowledge goes on top of the packaged knowledge base: a new
minister, a militia the dictionaries miss, a spell with a corrected end date,
or a whole fictional world for a test suite. Every record is validated, and a
bad one stops the load with a :class:`~bedfellows.errors.ConfigError` naming
the file, the line and the reason.

YAML (``.yaml``/``.yml``)::

    countries:                      # codes not in the knowledge base (optional)
      - {code: SHR, name: The Shire, aliases: [Shire]}
    places:                         # extra names for a country (optional)
      - {name: Michel Delving, country: SHR, sector: GOV}   # a seat of power
    actors:
      - id: sam_gamgee              # same id as a packaged actor = override
        name: Sam Gamgee
        kind: person                # person | group | igo | org
        aliases: [Samwise Gamgee]
        cameo: SHR                  # role outside every spell (optional)
        spells:
          - {cameo: SHRCVL, end: 2008-01-19}
          - {country: SHR, sector: GOV, start: 2012-11-09, end: 2013-01-19}
          - {cameo: SHRELI, start: 2013-01-20, end: null}   # end unknown

CSV (``.csv``): one row per spell, header
``id,name,kind,aliases,country,sector,cameo,start,end,qid,note``; aliases are
separated by ``|``; the first row of an id names the actor; a row with neither
start nor end is the actor's default role.

Names (``name``, ``aliases``) match in the case written, in Title Case and
in capitals, and in text without case (all lowercase or all caps, which is
recased from the knowledge base's names before parsing:
:mod:`bedfellows.nlp.truecase`). Names listed under an actor's
``case_sensitive`` (``case_sensitive: [Hope]``) match only as written.

A spell gives ``country`` + ``sector`` or a CAMEO ``cameo`` code (or both);
from a code alone the country is its first three letters and the sector its
next agent code. Validation: dates are ``YYYY-MM-DD`` and a spell does not end
before it starts; countries are ISO3 codes the knowledge base or the file's
``countries`` declare; sectors are PLOVER sector codes; a CAMEO code is a
sequence of three-character blocks: the first a known country, a non-state
prefix (IGO, NGO, IMG, MNC, NGM), ``---`` or a regional/international code
the packaged actors use, each following one a CAMEO role code known from the
packaged tables (``agents.tsv``, the codes of ``actors.jsonl``); two spells
of one actor may not overlap by more than one day unless one lies inside the
other (the inner, more specific spell wins, like an acting role).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bedfellows.actors.codes import (
    CAMEO_TO_PLOVER,
    NONSTATE_PREFIXES,
    PLOVER_SECTORS,
    plover_to_cameo,
)
from bedfellows.actors.kb import (
    ACTOR_KINDS,
    ActorEntry,
    ActorKB,
    PlaceAlias,
    Spell,
    _read_agents,
)
from bedfellows.errors import ConfigError

__all__ = ["UserActors", "apply_user_actors", "read_user_actors"]

CSV_COLUMNS = ("id", "name", "kind", "aliases", "country", "sector", "cameo", "start", "end")
_NO_COUNTRY = "---"
_PLACE_KINDS = ("name", "alias", "capital", "seat", "demonym_sg", "demonym_pl")


@dataclass
class UserActors:
    """What a user actor file adds: countries, place names and actors."""

    path: Path
    countries: list[ActorEntry] = field(default_factory=list)
    places: list[tuple[str, PlaceAlias]] = field(default_factory=list)
    actors: list[ActorEntry] = field(default_factory=list)


@dataclass
class _Record:
    """One mapping of the file with the line it starts on."""

    line: int
    data: dict[str, Any]


# ---------------------------------------------------------------------- reading


def read_user_actors(path: str | Path, kb: ActorKB | None = None) -> UserActors:
    """Read and validate a user actor file (YAML or CSV).

    path: the file. kb: the knowledge base whose country codes the file may
    use (default: the packaged one).
    RETURNS (UserActors): the validated countries, places and actors.
    Raises ConfigError naming ``file:line`` and the reason for the first bad record.
    """
    path = Path(path)
    kb = kb if kb is not None else ActorKB.load()
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        countries, places, actors = _read_yaml(path)
    elif suffix == ".csv":
        countries, places, actors = [], [], _read_csv(path)
    else:
        raise ConfigError(f"{path}: actor files must be .yaml, .yml or .csv (got {suffix!r})")
    out = UserActors(path)
    codes = _Codes(kb)
    for rec in countries:
        out.countries.append(_country(path, rec, codes))
    for rec in places:
        out.places.append(_place(path, rec, codes))
    seen: dict[str, int] = {}
    for rec in actors:
        entry = _actor(path, rec, codes)
        if entry.actor_id in seen:
            raise ConfigError(
                f"{path}:{rec.line}: actor id {entry.actor_id!r} already defined "
                f"on line {seen[entry.actor_id]}"
            )
        seen[entry.actor_id] = rec.line
        out.actors.append(entry)
    return out


def apply_user_actors(kb: ActorKB, user: UserActors) -> ActorKB:
    """Add a file's countries, places and actors to ``kb`` (same id replaces)."""
    for entry in user.countries:
        kb.add_country(entry)
    for text, place in user.places:
        kb.add_place(text, place)
    for entry in user.actors:
        kb.add(entry, first=True)
    return kb


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read actor file ({exc})") from exc


def _loader():
    """A SafeLoader that keeps dates as text, so a bad one is reported with its line."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return _Loader


def _read_yaml(path: Path) -> tuple[list[_Record], list[_Record], list[_Record]]:
    import yaml

    loader = _loader()
    try:
        root = yaml.compose(_read_text(path), Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise ConfigError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    except (RecursionError, MemoryError):
        # PyYAML recurses once per nesting level: "[[[[…" megabytes deep overflows.
        raise ConfigError(f"{path}: YAML is nested too deeply to read") from None
    if root is None:
        return [], [], []
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError(f"{path}:{root.start_mark.line + 1}: expected a mapping at the top")
    sections: dict[str, list[_Record]] = {"countries": [], "places": [], "actors": []}
    for key_node, value_node in root.value:
        key = key_node.value
        if key not in sections:
            raise ConfigError(
                f"{path}:{key_node.start_mark.line + 1}: unknown section {key!r} "
                f"(expected {', '.join(sections)})"
            )
        if not isinstance(value_node, yaml.SequenceNode):
            raise ConfigError(f"{path}:{value_node.start_mark.line + 1}: {key} must be a list")
        for item in value_node.value:
            line = item.start_mark.line + 1
            data = _construct(path, line, item, loader)
            if not isinstance(data, dict):
                raise ConfigError(f"{path}:{line}: each {key} entry must be a mapping")
            if key == "actors":
                data["_spell_lines"] = _spell_lines(item)
            sections[key].append(_Record(line, data))
    return sections["countries"], sections["places"], sections["actors"]


def _construct(path: Path, line: int, node: Any, loader: type) -> Any:
    """Build the Python value of one entry node.

    A tag the safe loader cannot build ("!!python/object", a custom "!tag") is
    a ConfigError naming the line it is on in the file.
    """
    import yaml

    stack = [node]
    while stack:  # iterative: a deep tree must not overflow the Python stack here
        current = stack.pop()
        if current.tag not in loader.yaml_constructors:
            raise ConfigError(
                f"{path}:{current.start_mark.line + 1}: YAML tag {current.tag!r} is not "
                "allowed in an actor file (plain values, lists and mappings only)"
            )
        if isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            stack.extend(n for pair in current.value for n in pair)
    try:
        return loader(yaml.serialize(node)).get_single_data()
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}:{line}: cannot read entry ({exc})") from None
    except (RecursionError, MemoryError):
        raise ConfigError(f"{path}:{line}: YAML is nested too deeply to read") from None


def _spell_lines(node) -> list[int]:
    """Line numbers of an actor node's spells (for messages)."""
    for key_node, value_node in node.value:
        if key_node.value == "spells" and hasattr(value_node, "value"):
            return [s.start_mark.line + 1 for s in value_node.value]
    return []


def _read_csv(path: Path) -> list[_Record]:
    rows = list(csv.reader(_read_text(path).splitlines()))
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in ("id", "name") if c not in header]
    if missing:
        raise ConfigError(f"{path}:1: header lacks column(s) {', '.join(missing)}")
    unknown = [h for h in header if h not in (*CSV_COLUMNS, "qid", "note", "other", "end_known")]
    if unknown:
        raise ConfigError(f"{path}:1: unknown column(s) {', '.join(unknown)}")
    by_id: dict[str, _Record] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ConfigError(f"{path}:{number}: {len(row)} fields, the header has {len(header)}")
        cells = {h: c.strip() for h, c in zip(header, row, strict=True)}
        actor_id = cells.get("id", "")
        rec = by_id.get(actor_id)
        aliases = [a.strip() for a in cells.get("aliases", "").split("|") if a.strip()]
        if rec is None:
            rec = by_id[actor_id] = _Record(
                number,
                {
                    "id": actor_id,
                    "name": cells.get("name", ""),
                    "kind": cells.get("kind") or "person",
                    "aliases": aliases,
                    "qid": cells.get("qid") or None,
                    "spells": [],
                    "_spell_lines": [],
                },
            )
        spell = {
            k: cells[k] or None
            for k in ("country", "sector", "cameo", "start", "end", "other", "note", "end_known")
            if k in cells
        }
        if not any(spell.get(k) for k in ("country", "sector", "cameo", "start", "end")):
            continue
        if spell.get("end_known") is not None:
            spell["end_known"] = spell["end_known"].lower() in ("1", "true", "yes")
        if not spell.get("start") and not spell.get("end"):
            if "default" in rec.data:
                raise ConfigError(
                    f"{path}:{number}: a second undated (default) role for {actor_id!r}"
                )
            rec.data["default"] = spell
            rec.data["_default_line"] = number
        else:
            rec.data["spells"].append(spell)
            rec.data["_spell_lines"].append(number)
    return list(by_id.values())


# ---------------------------------------------------------------------- validating


def _blocks(code: str | None) -> list[str]:
    """``"USAGOVMIL"`` → ``["USA", "GOV", "MIL"]``; [] unless whole three-character blocks."""
    if not code or len(code) % 3 or not all(ch.isalnum() or ch == "-" for ch in code):
        return []
    return [code[i : i + 3] for i in range(0, len(code), 3)]


class _Codes:
    """Country codes the file may use: the KB's countries (ISO3 and CAMEO
    codes) plus the file's own ``countries``."""

    def __init__(self, kb: ActorKB) -> None:
        self.iso3: set[str] = set()
        self.cameo_to_iso: dict[str, str] = {}
        for actor_id in kb.actor_ids():
            if len(actor_id) == 3 and actor_id.isupper():
                entry = kb.get(actor_id)
                if entry.kind == "country":
                    self.iso3.add(actor_id)
                    self.cameo_to_iso[entry.cameo or actor_id] = actor_id
        # CAMEO blocks known from the packaged tables, never typed in by hand:
        # role codes after a country, and the heads and blocks of international
        # and non-state codes ("IGOUNOWHO", "AFR", "NGOHRI").
        self.roles: set[str] = set(CAMEO_TO_PLOVER)
        self.nonstate_heads: set[str] = set(NONSTATE_PREFIXES) | {_NO_COUNTRY}
        self.nonstate_blocks: set[str] = set()
        for agent in _read_agents():
            self.roles.update(_blocks(agent.cameo))
        for actor_id in kb.actor_ids():
            entry = kb.get(actor_id)
            for code in {entry.cameo, *(s.cameo for s in entry.spells)} - {None}:
                blocks = _blocks(code)
                if not blocks:
                    continue
                if blocks[0] in self.cameo_to_iso or blocks[0] in self.iso3:
                    self.roles.update(blocks[1:])
                else:
                    self.nonstate_heads.add(blocks[0])
                    self.nonstate_blocks.update(blocks[1:])

    def declare(self, code: str) -> None:
        self.iso3.add(code)
        self.cameo_to_iso[code] = code

    def check_cameo(self, code: str) -> str | None:
        """Why ``code`` is not a valid CAMEO actor code, or None if it is."""
        blocks = _blocks(code)
        if not blocks:
            return f"CAMEO code {code!r} is not a sequence of three-letter blocks"
        head, rest = blocks[0], blocks[1:]
        # A later block may also name a country, of origin or location: the
        # CAMEO dictionaries write a US multinational MNCUSA, a US NGO NGOUSAHRI.
        countries = self.cameo_to_iso.keys() | self.iso3
        if self.country_of_cameo(code) is not None:
            known = self.roles | countries
        elif head in self.nonstate_heads:
            known = self.roles | self.nonstate_blocks | countries
        else:
            return (
                f"CAMEO code {code!r} starts with no known country or non-state code "
                "(declare the country under 'countries')"
            )
        unknown = next((b for b in rest if b not in known), None)
        if unknown is not None:
            return f"unknown CAMEO code block {unknown!r} in {code!r}"
        return None

    def country_of_cameo(self, code: str) -> str | None:
        head = code[:3]
        return self.cameo_to_iso.get(head) or (head if head in self.iso3 else None)


def _text(path: Path, line: int, data: dict, key: str, *, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise ConfigError(f"{path}:{line}: missing {key!r}")
        return None
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ConfigError(f"{path}:{line}: {key!r} must be text, not {type(value).__name__}")
    return str(value).strip()


def _country_code(path: Path, line: int, value: str | None, codes: _Codes) -> str | None:
    if value is None:
        return None
    code = value.upper()
    if code not in codes.iso3:
        raise ConfigError(
            f"{path}:{line}: unknown country code {value!r} (use an ISO 3166-1 alpha-3 code "
            "or declare it under 'countries')"
        )
    return code


def _sector(path: Path, line: int, value: str | None, what: str = "sector") -> str | None:
    if value is None:
        return None
    code = value.upper()
    if code not in PLOVER_SECTORS:
        raise ConfigError(
            f"{path}:{line}: unknown {what} {value!r} (PLOVER sectors: "
            f"{', '.join(sorted(PLOVER_SECTORS))})"
        )
    return code


def _date(path: Path, line: int, value: Any, what: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ConfigError(
            f"{path}:{line}: bad {what} date {value!r} (expected YYYY-MM-DD)"
        ) from None


def _country(path: Path, rec: _Record, codes: _Codes) -> ActorEntry:
    code = (_text(path, rec.line, rec.data, "code", required=True) or "").upper()
    if not (len(code) == 3 and code.isalpha()):
        raise ConfigError(f"{path}:{rec.line}: country code {code!r} must be three letters")
    name = _text(path, rec.line, rec.data, "name", required=True) or code
    aliases = _aliases(path, rec.line, rec.data)
    codes.declare(code)
    return ActorEntry(
        actor_id=code,
        name=name,
        kind="country",
        aliases=(name, *aliases),
        cameo=code,
        country=code,
        source=f"user:{path.name}",
    )


def _aliases(path: Path, line: int, data: dict) -> tuple[str, ...]:
    aliases = data.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ConfigError(f"{path}:{line}: 'aliases' must be a list of names")
    return tuple(a.strip() for a in aliases if a.strip())


def _place(path: Path, rec: _Record, codes: _Codes) -> tuple[str, PlaceAlias]:
    name = _text(path, rec.line, rec.data, "name", required=True) or ""
    country = _country_code(path, rec.line, _text(path, rec.line, rec.data, "country"), codes)
    if country is None:
        raise ConfigError(f"{path}:{rec.line}: missing 'country'")
    sector = _sector(path, rec.line, _text(path, rec.line, rec.data, "sector"))
    kind = _text(path, rec.line, rec.data, "kind") or ("seat" if sector else "alias")
    if kind not in _PLACE_KINDS:
        raise ConfigError(f"{path}:{rec.line}: place kind {kind!r} is not one of {_PLACE_KINDS}")
    label = "NORP" if kind.startswith("demonym") else "GPE"
    return name, PlaceAlias(country, kind, name, sector, label)


def _spell(path: Path, line: int, data: dict, codes: _Codes, *, default: bool = False) -> Spell:
    cameo = _text(path, line, data, "cameo")
    country = _country_code(path, line, _text(path, line, data, "country"), codes)
    sector = _sector(path, line, _text(path, line, data, "sector"))
    other = _sector(path, line, _text(path, line, data, "other"), "secondary sector")
    if cameo is not None:
        cameo = cameo.upper()
        head = cameo[:3]
        problem = codes.check_cameo(cameo)
        if problem is not None:
            raise ConfigError(f"{path}:{line}: {problem}")
        from_code = codes.country_of_cameo(cameo)
        if country is None:
            country = from_code
        if sector is None and len(cameo) >= 6:
            sector = CAMEO_TO_PLOVER.get(cameo[3:6])
        elif sector is None and head in NONSTATE_PREFIXES:
            sector = CAMEO_TO_PLOVER.get(head)
    if cameo is None and country is None and sector is None:
        raise ConfigError(f"{path}:{line}: a role needs a country, a sector or a CAMEO code")
    start = None if default else _date(path, line, data.get("start"), "start")
    end = None if default else _date(path, line, data.get("end"), "end")
    if start is not None and end is not None and end < start:
        raise ConfigError(f"{path}:{line}: spell ends ({end}) before it starts ({start})")
    raw_known = data.get("end_known", end is not None)
    if not isinstance(raw_known, bool):
        raise ConfigError(f"{path}:{line}: 'end_known' must be true or false, not {raw_known!r}")
    end_known = raw_known and not default
    if end is None and end_known and not default:
        raise ConfigError(f"{path}:{line}: end_known is true but no end date is given")
    if cameo is None:
        cameo = (country or "") + plover_to_cameo(sector) or None
    return Spell(
        country=country,
        sector=sector,
        cameo=cameo,
        start=start,
        end=end,
        end_known=end_known,
        source=f"user:{path.name}",
        default=default,
        other=other,
        note=_text(path, line, data, "note"),
    )


def _overlap_days(a: Spell, b: Spell) -> int:
    start = max(a.start or date.min, b.start or date.min)
    end = min(a.end or date.max, b.end or date.max)
    if end < start:
        return 0
    if start == date.min or end == date.max:
        return 2  # open-ended overlap: more than a day
    return (end - start).days + 1


def _inside(inner: Spell, outer: Spell) -> bool:
    return (outer.start or date.min) <= (inner.start or date.min) and (inner.end or date.max) <= (
        outer.end or date.max
    )


def _actor(path: Path, rec: _Record, codes: _Codes) -> ActorEntry:
    data, line = rec.data, rec.line
    actor_id = _text(path, line, data, "id", required=True) or ""
    name = _text(path, line, data, "name", required=True) or ""
    kind = _text(path, line, data, "kind") or "person"
    if kind not in ACTOR_KINDS:
        raise ConfigError(f"{path}:{line}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
    aliases = _aliases(path, line, data)
    raw_spells = data.get("spells") or []
    if not isinstance(raw_spells, list):
        raise ConfigError(f"{path}:{line}: 'spells' must be a list")
    lines = data.get("_spell_lines") or []
    spells: list[tuple[int, Spell]] = []
    for i, raw in enumerate(raw_spells):
        spell_line = lines[i] if i < len(lines) else line
        if not isinstance(raw, dict):
            raise ConfigError(f"{path}:{spell_line}: each spell must be a mapping")
        spell = _spell(path, spell_line, raw, codes)
        for other_line, other in spells:
            days = _overlap_days(spell, other)
            if days > 1 and not (_inside(spell, other) or _inside(other, spell)):
                raise ConfigError(
                    f"{path}:{spell_line}: spell {spell.describe()} overlaps the spell on line "
                    f"{other_line} ({other.describe()}) by more than a day"
                )
        spells.append((spell_line, spell))
    default_data = data.get("default")
    if default_data is None and any(data.get(k) for k in ("cameo", "country", "sector")):
        default_data = {k: data.get(k) for k in ("cameo", "country", "sector", "other")}
    out = [s for _, s in spells]
    if default_data is not None:
        if not isinstance(default_data, dict):
            raise ConfigError(f"{path}:{line}: 'default' must be a mapping")
        out.append(_spell(path, data.get("_default_line", line), default_data, codes, default=True))
    top = next((s for s in reversed(out) if s.default), None) or (out[-1] if out else None)
    qid = _text(path, line, data, "qid")
    case_sensitive = data.get("case_sensitive") or []
    if not isinstance(case_sensitive, list) or not all(isinstance(a, str) for a in case_sensitive):
        raise ConfigError(
            f"{path}:{line}: 'case_sensitive' must be a list of names, not {case_sensitive!r}"
        )
    return ActorEntry(
        actor_id=actor_id,
        name=name,
        kind=kind,
        aliases=aliases,
        cameo=top.cameo if top else None,
        country=top.country if top else None,
        sector=top.sector if top else None,
        qid=qid,
        spells=tuple(out),
        case_sensitive=frozenset(case_sensitive),
        source=f"user:{path.name}",
        note=_text(path, line, data, "note"),
    )
