"""scripts/build_data/build_geo.py: county points and the packaged geo_areas.tsv."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from bedfellows.data import read_tsv

REPO = Path(__file__).resolve().parents[3]
SCRIPT = REPO / "scripts" / "build_data" / "build_geo.py"


@pytest.fixture(scope="module")
def build_geo():
    """The build script as a module (scripts/build_data is not a package)."""
    spec = importlib.util.spec_from_file_location("_bedfellows_build_geo", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_nearest_zip_is_searched_within_the_state(build_geo):
    grid: dict = {}
    for state, lat, lon, fips in [
        ("AA", 40.0, -90.0, "00001"),
        ("AA", 40.0, -88.0, "00002"),
        ("BB", 40.0, -89.9, "00003"),  # nearer, but in another state
    ]:
        grid.setdefault((state, *build_geo._cell(lat, lon)), []).append((lat, lon, fips))
    assert build_geo._nearest(grid, "AA", 40.0, -89.8) == "00001"
    assert build_geo._nearest(grid, "AA", 40.1, -88.3) == "00002"
    assert build_geo._nearest(grid, "BB", 40.0, -89.8) == "00003"
    # Far from every ZIP code of the state: the wider search still finds one.
    assert build_geo._nearest(grid, "AA", 44.0, -88.0) == "00002"
    assert build_geo._nearest(grid, "CC", 40.0, -90.0) is None


def test_packaged_table_has_county_rows_and_the_country_overrides(build_geo):
    rows = read_tsv("geo_areas.tsv")
    counties = [r for r in rows if r["kind"] == "us_county"]
    assert len(counties) > 3000
    assert all(len(r["code"]) == 5 and r["code"].isdigit() for r in counties)
    for iso3, (lat, lon) in build_geo.COUNTRY_POINTS.items():
        (row,) = [r for r in rows if r["kind"] == "country" and r["code"] == iso3]
        assert (float(row["latitude"]), float(row["longitude"])) == (lat, lon)


def test_packaged_subdivisions_are_abroad_with_keys_and_points():
    rows = read_tsv("geo_admin1.tsv")
    assert len(rows) > 2000
    assert not any(r["country"] == "USA" for r in rows)
    for row in rows:
        assert row["keys"], row
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180
    assert [r["keys"] for r in rows] == [r["keys"] for r in sorted(rows, key=_order)]


def _order(row):
    return tuple(row.values())
