"""The actor knowledge base: countries, persons, groups, IGOs and sector words.

Loaded from the packaged tables built by ``scripts/build_data/build_actors.py``:

- ``actors.jsonl``: persons, groups, IGOs and organisations with their aliases
  and time-bounded roles (spells);
- ``actors_aliases.tsv``: every actor alias with its precomputed key, so the
  load needs no normalisation; an actor's JSON line is parsed only when the
  actor is first used (loading the ~21k actors takes a fraction of a second);
- ``countries.tsv`` and ``country_aliases.tsv``: countries with their names,
  demonyms, capitals and seats of power;
- ``agents.tsv``: sector words ("minister", "troops", "police") → codes;
- ``actors_common_words.tsv``: ordinary lowercase words (the resolver's guard
  against reading "Sarah Allawi" as Iyad Allawi).

Every alias is stored under its normalised key (:mod:`bedfellows.actors.normalize`),
so lookups are dict hits. Actor ids are lowercase slugs ("barack_obama",
"islamic_state"); a country's actor id is its ISO3 code ("IRN").

    kb = ActorKB.load()
    kb.get("barack_obama").spells
    kb.lookup("the Pentagon")          # -> [ActorEntry for USA]
    for text, actor_id, label in kb.surface_forms(): ...
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from bedfellows.actors.normalize import cased_key_of, key_of
from bedfellows.errors import ConfigError, DataFileError

__all__ = ["ActorEntry", "ActorKB", "AgentWord", "PlaceAlias", "Spell", "SurfaceForm"]

log = logging.getLogger(__name__)

ACTOR_KINDS = ("person", "group", "igo", "org")
#: spaCy entity label of each actor kind in :meth:`ActorKB.surface_forms`.
KIND_LABELS = {"person": "PERSON", "group": "ORG", "igo": "ORG", "org": "ORG", "country": "GPE"}
_REBUILD = "rebuild with: python scripts/build_data/build_actors.py"


@dataclass(frozen=True, slots=True)
class Spell:
    """A role held for a period: country + sector (+ CAMEO code) from start to end.

    ``start``/``end`` are inclusive; ``None`` start means "since before the
    record begins". ``end`` None with ``end_known`` False is an open-ended
    spell whose end nobody recorded (never invented). ``default`` marks the
    undated role used outside every dated spell (typically ELI for former
    officials).
    """

    country: str | None
    sector: str | None
    cameo: str | None
    start: date | None = None
    end: date | None = None
    end_known: bool = False
    source: str = "phoenix"
    default: bool = False
    other: str | None = None
    note: str | None = None

    def covers(self, when: date) -> bool:
        """True when ``when`` falls inside this (dated) spell."""
        if self.default:
            return False
        if self.start is not None and when < self.start:
            return False
        return not (self.end is not None and when > self.end)

    def describe(self) -> str:
        """Readable span: "IRQGOV 2006-05-20 to 2014-09-08", "... to ? (end unknown)"."""
        start = self.start.isoformat() if self.start else "(no start)"
        if self.end is not None:
            end = self.end.isoformat()
        else:
            end = "(no end)" if self.end_known else "? (end unknown)"
        return f"{self.cameo or ''} {start} to {end}".strip()

    @property
    def is_open(self) -> bool:
        """True for a dated spell with no recorded end."""
        return not self.default and self.end is None and not self.end_known


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor of the knowledge base (a country, person, group, IGO or organisation)."""

    actor_id: str
    name: str
    kind: str  # person | group | igo | org | country
    aliases: tuple[str, ...] = ()
    cameo: str | None = None
    country: str | None = None
    sector: str | None = None
    qid: str | None = None
    spells: tuple[Spell, ...] = ()
    case_sensitive: frozenset[str] = field(default_factory=frozenset)
    source: str = ""
    note: str | None = None

    def spell_at(self, when: date | None) -> tuple[Spell | None, str]:
        """Pick the role for ``when`` and say why.

        A dated spell covering ``when`` wins (the latest-starting one if several
        do, curated before PETRARCH); otherwise the default role. With no date,
        the most recent open-ended spell, else the default role, else the
        latest spell. Returns ``(None, reason)`` when nothing applies.
        """
        dated = [s for s in self.spells if not s.default]
        default = next((s for s in reversed(self.spells) if s.default), None)
        if when is None:
            open_spells = [s for s in dated if s.is_open]
            if open_spells:
                best = max(open_spells, key=_spell_rank)
                why = f"no date given: most recent spell with unknown end ({best.describe()})"
                return best, why
            if default is not None:
                return default, "no date given: default role"
            if dated:
                best = max(dated, key=_spell_rank)
                return best, f"no date given: latest recorded spell ({best.describe()})"
            return None, "no role recorded"
        covering = [s for s in dated if s.covers(when)]
        if covering:
            best = max(covering, key=_spell_rank)
            return best, f"spell {best.describe()} covers {when.isoformat()}"
        if default is not None:
            return default, f"no spell covers {when.isoformat()}: default role"
        return None, f"no spell covers {when.isoformat()}"

    def last_spell_before(self, when: date) -> Spell | None:
        """The latest dated spell that ended (with a known date) before ``when``."""
        ended = [s for s in self.spells if not s.default and s.end is not None and s.end < when]
        return max(ended, key=lambda s: s.end or date.min) if ended else None


def _spell_rank(spell: Spell) -> tuple:
    return (spell.start or date.min, spell.source == "curated", spell.end or date.max)


@dataclass(frozen=True, slots=True)
class PlaceAlias:
    """A country name, demonym, capital or seat of power."""

    iso3: str
    kind: str  # name | alias | demonym_sg | demonym_pl | capital | seat
    display: str
    sector: str | None = None  # GOV for capitals, the seat's sector, PRE for disputed entities
    label: str = "GPE"
    case_sensitive: bool = False


@dataclass(frozen=True, slots=True)
class AgentWord:
    """A sector word: CAMEO agent code, PLOVER sector (and secondary sector)."""

    phrase: str
    cameo: str
    plover: str
    other: str | None = None
    weak: bool = False  # spokesman, official, adviser: yields to any other sector word


class SurfaceForm(NamedTuple):
    """An alias as text to match, with its actor id, entity label and case rule."""

    text: str
    actor_id: str
    label: str
    case_sensitive: bool


class ActorKB:
    """Actor knowledge base with precomputed, normalised alias indexes.

    Build it with :meth:`load` (the packaged tables, cached per process), or
    from rows with :meth:`from_rows` (tests, user tables).
    """

    def __init__(
        self,
        actors: Iterable[ActorEntry],
        countries: Iterable[ActorEntry],
        places: Iterable[tuple[str, PlaceAlias]],
        agents: Iterable[AgentWord],
        common_words: Iterable[str] = (),
    ) -> None:
        """Build a KB from parsed entries.

        places: ``(alias text, PlaceAlias)`` pairs; agents: sector words whose
        ``phrase`` is already a normalised key; common_words: ordinary
        lowercase words (see :mod:`bedfellows.actors.resolve`).
        """
        self._by_id: dict[str, ActorEntry] = {}
        self._raw: dict[str, str] = {}  # actor_id -> JSON line not parsed yet
        # actor_id -> [(alias, kind, label, case-sensitive)], for surface_forms()
        self._aliases_of: dict[str, list[tuple[str, str, str, bool]]] = {}
        self._actor_ci: dict[str, list[str]] = {}
        self._actor_cs: dict[str, list[str]] = {}
        self._place_ci: dict[str, list[PlaceAlias]] = {}
        self._place_cs: dict[str, list[PlaceAlias]] = {}
        self._agents: dict[str, AgentWord] = {}
        self._max_len: dict[str, int] = {}
        self._alias_words: dict[str, frozenset[str]] = {}
        self._surnames: dict[str, list[str]] | None = None  # built on first use
        self.common_words: frozenset[str] = frozenset(common_words)
        for entry in countries:
            self._by_id[entry.actor_id] = entry
        for alias_text, place in places:
            if place.iso3 not in self._by_id:
                raise DataFileError(f"country alias {alias_text!r}: unknown country {place.iso3}")
            if place.case_sensitive:
                self._index(self._place_cs, cased_key_of(alias_text), place)
            else:
                self._index(self._place_ci, key_of(alias_text), place)
        for entry in actors:
            self.add(entry)
        for agent in agents:
            self._agents[agent.phrase] = agent
            self._note_len(agent.phrase)

    # ------------------------------------------------------------------ building

    def _note_len(self, key: str) -> None:
        parts = key.split(" ")
        first = parts[0].lower()
        if len(parts) > self._max_len.get(first, 0):
            self._max_len[first] = len(parts)

    def _index(self, index: dict, key: str, value: object, *, first: bool = False) -> None:
        if not key:
            return
        bucket = index.setdefault(key, [])
        if value in bucket:
            if not first:
                return
            bucket.remove(value)
        if first:
            bucket.insert(0, value)
        else:
            bucket.append(value)
        self._note_len(key)

    def add(self, entry: ActorEntry, *, first: bool = False) -> None:
        """Add (or replace) an actor and index its aliases.

        first: put the actor ahead of others sharing an alias (a user's
        actors win over the packaged ones).
        """
        if entry.actor_id in self._by_id or entry.actor_id in self._raw:
            self._unindex(entry.actor_id)
        self._raw.pop(entry.actor_id, None)
        self._alias_words.pop(entry.actor_id, None)
        self._by_id[entry.actor_id] = entry
        label = KIND_LABELS.get(entry.kind, "ORG")
        forms = []
        for alias in dict.fromkeys((entry.name, *entry.aliases)):
            cs = alias in entry.case_sensitive
            if cs:
                self._index(self._actor_cs, cased_key_of(alias), entry.actor_id, first=first)
            else:
                self._index(self._actor_ci, key_of(alias), entry.actor_id, first=first)
            forms.append((alias, entry.kind, label, cs))
        self._aliases_of[entry.actor_id] = forms
        self._surnames = None

    def add_country(self, entry: ActorEntry) -> None:
        """Add (or replace) a country; its name and aliases become place names."""
        self._by_id[entry.actor_id] = entry
        for alias in dict.fromkeys((entry.name, *entry.aliases)):
            self.add_place(alias, PlaceAlias(entry.actor_id, "name", alias))

    def add_place(self, text: str, place: PlaceAlias) -> None:
        """Add a name of a country: a capital, seat of power, region or demonym."""
        if place.iso3 not in self._by_id:
            raise ConfigError(f"place {text!r}: unknown country {place.iso3}")
        if place.case_sensitive:
            self._index(self._place_cs, cased_key_of(text), place, first=True)
        else:
            self._index(self._place_ci, key_of(text), place, first=True)

    def _add_raw(
        self, actor_id: str, line: str, aliases: list[tuple[str, str, str, str, bool]]
    ) -> None:
        """Register an actor by its unparsed JSON line and precomputed alias keys."""
        self._raw[actor_id] = line
        forms = []
        for key, alias, kind, label, cs in aliases:
            self._index(self._actor_cs if cs else self._actor_ci, key, actor_id)
            forms.append((alias, kind, label, cs))
        self._aliases_of[actor_id] = forms

    def _unindex(self, actor_id: str) -> None:
        for index in (self._actor_ci, self._actor_cs):
            for key in [k for k, v in index.items() if actor_id in v]:
                index[key] = [a for a in index[key] if a != actor_id]
                if not index[key]:
                    del index[key]

    @classmethod
    def load(cls, extra: str | Path | None = None) -> ActorKB:
        """Load the packaged knowledge base (cached per process).

        extra (Path | None): a user actor file added on top (same id
            replaces; its actors win over packaged ones sharing an alias):
            YAML or CSV (see :mod:`bedfellows.actors.user`), or JSON lines
            in the format of ``actors.jsonl``. The default KB (no ``extra``)
            is built once per process; with ``extra`` a fresh copy is built.
        RETURNS (ActorKB): the knowledge base.
        Raises DataFileError for a missing/corrupt packaged table and
        ConfigError (naming file and line) for a bad ``extra`` file.
        """
        if extra is None:
            with _CACHE_LOCK:
                if "default" not in _CACHE:
                    _CACHE["default"] = cls._load_packaged()
                return _CACHE["default"]
        kb = cls._load_packaged()
        extra = Path(extra)
        if extra.suffix.lower() == ".jsonl":
            for entry in _read_actor_lines(extra, error=ConfigError):
                kb.add(entry, first=True)
            return kb
        from bedfellows.actors.user import apply_user_actors, read_user_actors

        return apply_user_actors(kb, read_user_actors(extra, kb))

    @classmethod
    def _load_packaged(cls) -> ActorKB:
        countries, places = _read_countries()
        agents = _read_agents()
        common = [row[0] for row in _read_tsv("actors_common_words.tsv", 1)]
        kb = cls((), countries, places, agents, common)
        path = _data_file("actors.jsonl")
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(f"{path}: cannot read ({exc}); {_REBUILD}") from exc
        aliases: dict[str, list[tuple[str, str, str, str, bool]]] = {}
        for key, alias, actor_id, kind, label, cs in _read_tsv("actors_aliases.tsv", 6):
            aliases.setdefault(actor_id, []).append((key, alias, kind, label, cs == "1"))
        for number, line in enumerate(lines, start=1):
            if not line.startswith(_ID_PREFIX):
                raise DataFileError(f"{path}:{number}: expected a line starting {_ID_PREFIX!r}")
            actor_id = line[len(_ID_PREFIX) : line.index('"', len(_ID_PREFIX))]
            kb._add_raw(actor_id, line, aliases.pop(actor_id, []))
        if aliases:
            missing = ", ".join(sorted(aliases)[:5])
            raise DataFileError(
                f"actors_aliases.tsv: aliases of unknown actors ({missing}); {_REBUILD}"
            )
        return kb

    def _entry(self, actor_id: str) -> ActorEntry:
        """Return an actor, parsing its JSON line on first use."""
        entry = self._by_id.get(actor_id)
        if entry is None:
            # The raw line stays: parsing twice from two threads is harmless.
            line = self._raw[actor_id]
            entry = _parse_actor(json.loads(line), f"actors.jsonl: {actor_id}", DataFileError)
            self._by_id[actor_id] = entry
        return entry

    # ------------------------------------------------------------------ queries

    def get(self, actor_id: str) -> ActorEntry:
        """Return the actor with this id (a slug, or an ISO3 code for a country).

        Raises KeyError for an unknown id.
        """
        if actor_id not in self._by_id and actor_id not in self._raw:
            raise KeyError(actor_id)
        return self._entry(actor_id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._by_id or actor_id in self._raw

    def __len__(self) -> int:
        return len(self._by_id.keys() | self._raw.keys())

    def actor_ids(self) -> list[str]:
        """Every actor id (countries included), sorted."""
        return sorted({*self._by_id, *self._raw})

    def lookup(self, text: str) -> list[ActorEntry]:
        """Return the actors an alias names, best first.

        Normalised like the tables: case-insensitive (except case-sensitive
        aliases such as "IS" or "US"), a leading "the", possessive "'s" and
        punctuation ignored. Capitals and seats return their country. Order:
        persons, groups/IGOs, organisations, then countries.
        """
        key = key_of(text)
        cased = cased_key_of(text)
        found = self.match_actor(key, cased)
        found.sort(key=lambda e: _KIND_ORDER.get(e.kind, 9))
        for place in self._place_cs.get(cased, []) + self._place_ci.get(key, []):
            entry = self._by_id[place.iso3]
            if entry not in found:
                found.append(entry)
        return found

    def surface_forms(self) -> Iterator[tuple[str, str, str]]:
        """Yield ``(surface text, actor_id, label)`` for every alias.

        Labels are spaCy's: PERSON (persons), ORG (groups, IGOs,
        organisations), GPE (country names, capitals), NORP (demonyms), FAC/ORG
        (seats such as the Pentagon). Most specific actors come first (persons,
        groups/IGOs, organisations, countries). Case-insensitive aliases may be
        matched in any case; :meth:`surface_patterns` says which are
        case-sensitive ("IS", "US", "Trump").
        """
        for form in self.surface_patterns():
            yield form.text, form.actor_id, form.label

    def surface_patterns(self) -> Iterator[SurfaceForm]:
        """Yield every alias as a :class:`SurfaceForm` (with its case rule).

        Most specific first: persons, then groups and IGOs, then organisations,
        then countries (names, demonyms, capitals, seats); sorted within each,
        so a consumer that keeps the first actor per surface keeps the person.
        """
        seen: set[tuple[str, str, str]] = set()
        ranked: list[tuple[int, SurfaceForm]] = []
        for actor_id, forms in self._aliases_of.items():
            for alias, kind, label, cs in forms:
                text = _strip_the(alias)
                ident = (text, actor_id, label)
                if ident not in seen:
                    seen.add(ident)
                    ranked.append(
                        (_KIND_ORDER.get(kind, 2), SurfaceForm(text, actor_id, label, cs))
                    )
        for index in (self._place_ci, self._place_cs):
            for places in index.values():
                for place in places:
                    text = _strip_the(place.display)
                    ident = (text, place.iso3, place.label)
                    if ident not in seen:
                        seen.add(ident)
                        form = SurfaceForm(text, place.iso3, place.label, place.case_sensitive)
                        ranked.append((_KIND_ORDER["country"], form))
        ranked.sort()
        for _, form in ranked:
            yield form

    # ------------------------------------------------------------------ for the resolver

    def match_actor(self, key: str, cased: str) -> list[ActorEntry]:
        """Actors whose alias is exactly this key (internal; used by the resolver)."""
        ids = self._actor_cs.get(cased, []) + self._actor_ci.get(key, [])
        if not ids:
            return []
        return [self._entry(i) for i in dict.fromkeys(ids)]

    def match_place(self, key: str, cased: str) -> list[PlaceAlias]:
        """Country aliases that are exactly this key (internal; used by the resolver)."""
        hits = self._place_cs.get(cased)
        plain = self._place_ci.get(key)
        if hits and plain:
            return hits + [p for p in plain if p not in hits]
        return hits or plain or []

    def match_agent(self, key: str) -> AgentWord | None:
        """The sector word with exactly this key, if any."""
        return self._agents.get(key)

    def alias_words(self, entries: Iterable[ActorEntry]) -> frozenset[str]:
        """Lowercase words of these actors' aliases (cached; used by the name guard)."""
        out: set[str] = set()
        for entry in entries:
            words = self._alias_words.get(entry.actor_id)
            if words is None:
                words = frozenset(
                    w for alias in (entry.name, *entry.aliases) for w in key_of(alias).split()
                )
                self._alias_words[entry.actor_id] = words
            out |= words
        return frozenset(out)

    def country_cameo(self, iso3: str | None) -> str:
        """A country's CAMEO code ("" for None; the ISO3 code for an unknown one)."""
        if not iso3:
            return ""
        try:
            return self.get(iso3).cameo or iso3
        except KeyError:
            return iso3

    def by_surname(self, surname: str) -> list[ActorEntry]:
        """Persons whose multi-word name or alias ends in ``surname`` (lowercase).

        For "President Bouteflika": the dictionaries list full names only. The
        index is built on first use.
        """
        if self._surnames is None:
            index: dict[str, list[str]] = {}
            for actor_id, forms in self._aliases_of.items():
                for alias, kind, _label, _cs in forms:
                    if kind != "person":
                        continue
                    words = key_of(alias).split(" ")
                    if len(words) >= 2:
                        bucket = index.setdefault(words[-1], [])
                        if actor_id not in bucket:
                            bucket.append(actor_id)
            self._surnames = index
        return [self._entry(i) for i in self._surnames.get(surname, ())]

    def max_len(self, first_token: str) -> int:
        """Longest alias (in tokens) starting with this lowercase token; 0 if none."""
        return self._max_len.get(first_token, 0)


_KIND_ORDER = {"person": 0, "group": 1, "igo": 1, "org": 2, "country": 3}
_ID_PREFIX = '{"actor_id": "'
_CACHE: dict[str, ActorKB] = {}
_CACHE_LOCK = threading.Lock()


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") and len(text) > 4 else text


# ---------------------------------------------------------------------- reading tables


def _data_file(name: str) -> Path:
    """Path of a packaged table (via bedfellows.data when available)."""
    try:
        from bedfellows.data import data_path
    except ImportError:  # pragma: no cover - the data package is always shipped
        from importlib import resources

        path = Path(str(resources.files("bedfellows.data"))) / name
        if not path.is_file():
            raise DataFileError(f"{path}: packaged data file is missing; {_REBUILD}") from None
        return path
    return data_path(name)


def _read_tsv(name: str, width: int) -> list[list[str]]:
    """Rows (header dropped) of a packaged TSV with at least ``width`` columns."""
    path = _data_file(name)
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read ({exc}); {_REBUILD}") from exc
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        cells = line.split("\t")
        if len(cells) < width:
            raise DataFileError(f"{path}:{number}: {len(cells)} fields, need {width}; {_REBUILD}")
        rows.append(cells)
    return rows


def _read_countries() -> tuple[list[ActorEntry], list[tuple[str, PlaceAlias]]]:
    names: dict[str, list[str]] = {}
    places: list[tuple[str, PlaceAlias]] = []
    for alias, display, iso3, kind, sector, label, cs, _source in _read_tsv(
        "country_aliases.tsv", 8
    ):
        places.append(
            (
                display if cs == "1" else alias,
                PlaceAlias(iso3, kind, display, sector or None, label or "GPE", cs == "1"),
            )
        )
        if kind in ("name", "alias"):
            names.setdefault(iso3, []).append(display)
    countries = [
        ActorEntry(
            actor_id=iso3,
            name=name,
            kind="country",
            aliases=tuple(names.get(iso3, ())),
            cameo=cameo or iso3,
            country=iso3,
            sector=None,
            source="countries",
        )
        for iso3, name, cameo, *_rest in _read_tsv("countries.tsv", 3)
    ]
    return countries, places


def _read_agents() -> list[AgentWord]:
    return [
        AgentWord(phrase, cameo, plover, other or None, weak == "1")
        for phrase, cameo, plover, other, weak, *_rest in _read_tsv("agents.tsv", 5)
    ]


def _date(value: object, where: str, error: type[Exception]) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise error(f"{where}: bad date {value!r} (expected YYYY-MM-DD)") from None


def _read_actor_lines(path: Path, *, error: type[Exception]) -> list[ActorEntry]:
    """Parse an actors JSONL file; ``error`` is raised (naming file:line) on bad records."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read actors file ({exc})") from exc
    lines = text.splitlines()
    try:
        records = json.loads("[" + ",".join(line for line in lines if line.strip()) + "]")
    except json.JSONDecodeError:
        records = None
    if records is None:  # find the bad line for the message
        for number, line in enumerate(lines, start=1):
            if line.strip():
                try:
                    json.loads(line)
                except json.JSONDecodeError as exc:
                    raise error(f"{path}:{number}: not JSON ({exc.msg})") from None
        raise error(f"{path}: not JSON lines")  # pragma: no cover
    return [
        _parse_actor(record, f"{path}:{number}", error)
        for number, record in enumerate(records, start=1)
    ]


def _parse_actor(record: dict, where: str, error: type[Exception]) -> ActorEntry:
    """Build an ActorEntry from one JSON record; ``error`` (naming ``where``) if malformed."""
    try:
        spells = tuple(
            Spell(
                country=s.get("country"),
                sector=s.get("sector"),
                cameo=s.get("cameo"),
                start=_date(s.get("start"), where, error),
                end=_date(s.get("end"), where, error),
                end_known=bool(s.get("end_known", s.get("end") is not None)),
                source=s.get("source", "user"),
                default=bool(s.get("default", False)),
                other=s.get("other"),
                note=s.get("note"),
            )
            for s in record.get("spells") or ()
        )
        kind = record.get("kind", "org")
        if kind not in ACTOR_KINDS:
            raise error(f"{where}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
        actor_id = record["actor_id"]
        if not isinstance(actor_id, str) or not actor_id:
            raise error(f"{where}: actor_id must be a non-empty string")
        return ActorEntry(
            actor_id=actor_id,
            name=record["name"],
            kind=kind,
            aliases=tuple(record.get("aliases") or ()),
            cameo=record.get("cameo"),
            country=record.get("country"),
            sector=record.get("sector"),
            qid=record.get("qid"),
            spells=spells,
            case_sensitive=frozenset(record.get("case_sensitive") or ()),
            source=record.get("source", ""),
            note=record.get("note"),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise error(f"{where}: bad actor record ({exc!r})") from None
