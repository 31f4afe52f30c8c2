"""Resolve place mentions to gazetteer entries, one article at a time.

A name like "Paris", "Columbus" or "Georgia" has many candidates; which one an
article means depends mostly on the article's other places (the approach of
CLAVIN's and mordecai's candidate ranking: population as the prior, agreement
with the other places as the evidence). Each candidate of each distinct name
is scored::

    score = POPULATION × log10(population)           # the prior
          + CAPITAL      if it is a national capital  # "Washington" is usually the city
          − ALT_NAME     if only an alternate name matched (a city: "Iraq" is one of Arak's)
          − BARE_COUNTY  if a county matched without its "County" ("Cooke")
          + HINT         if it lies in the state/country written next to it
                         ("Springfield, Ill.", "Paris, France") or is of the kind
                         named with it ("Washington state")
          + COUNTRY × how strongly the other names point to its country
          + STATE   × the share of the other names' US belief on its US state
          + NEAR    × how strongly the other names point to places within NEAR_KM
          + LEVEL   × how strongly the other names are counties (for a county)
          + REGION  × how strongly the other names point to places within REGION_KM
                      (for a country or region: "Georgia" among Caucasus towns)

"How strongly" is the mean over the other distinct names of the belief they
put there (for STATE, the share among the article's US readings, so that
"Iraq" in a Minnesota story does not weaken Minnesota; for NEAR, among the
names with town or county readings): each name holds a belief over its own
candidates (a softmax of their
scores), starting from the prior and re-scored ROUNDS times, so agreement
propagates (a town placed in Minnesota pulls "Alexandria" to Minnesota), and an
ambiguous name ("Walker County", in three states) votes weakly for each of its
readings while an unambiguous one ("Texas") votes fully. The highest belief
wins. All mentions of one name in an article get the same place (one sense per
discourse), and a bare name takes the place of the same name given with a state
("Springfield, Ill." … "Springfield"). A US county without a point in the
gazetteer is placed at the mean of the article's places in the county's state,
else at the state's point. The weights are round numbers, chosen among a few
such values on the LGL development file (``benchmarks/gold/lgl.py``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bedfellows.schema import Place

from .gazetteer import Gazetteer, GeoEntry, default_gazetteer, name_key

CAPITAL = 1.5
BARE_COUNTY = 2.0
ALT_NAME = 1.5
HINT = 4.0
COUNTRY = 3.0
STATE = 3.0
NEAR = 3.0
NEAR_KM = 150.0
LEVEL = 2.0
REGION = 2.0
REGION_KM = 1000.0
POPULATION = 0.8
ROUNDS = 2
MAX_CANDIDATES = 30
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name as written, with a state or country written right after it."""

    text: str
    state: str | None = None  # US postal code ("IL" for "Springfield, Ill.")
    country: str | None = None  # ISO3 ("FRA" for "Paris, France")
    feature: str | None = None  # a kind named with it ("admin1" for "Washington state")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


class PlaceResolver:
    """Mentions → gazetteer entries, ranked by population and the article's other places."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or default_gazetteer()

    def candidates(self, mention: Mention) -> list[GeoEntry]:
        """Gazetteer entries for a mention, narrowed to its written state/country when any fit."""
        found = list(self.gazetteer.lookup(mention.text)[:MAX_CANDIDATES])
        if mention.state:
            inside = [e for e in found if e.country == "USA" and e.admin1 == mention.state]
            found = inside or found
        if mention.country:
            inside = [e for e in found if e.country == mention.country]
            found = inside or found
        return found

    def resolve(
        self, mention: str | Mention, context: Sequence[str | Mention] = ()
    ) -> GeoEntry | None:
        """The place meant by ``mention``, given the article's other place mentions."""
        return self.resolve_all([mention, *context])[0]

    def resolve_all(self, mentions: Sequence[str | Mention]) -> list[GeoEntry | None]:
        """Resolve all place mentions of one article together; None where nothing fits."""
        items = [m if isinstance(m, Mention) else Mention(m) for m in mentions]
        keys = [(name_key(m.text), m.state, m.country, m.feature) for m in items]
        unique = list(dict.fromkeys(keys))
        names = []
        for k in unique:
            cands = self.candidates(items[keys.index(k)])
            # Countries with a region of this very name ("England" in the United Kingdom).
            parts = {c.country for c in cands if c.kind == "admin1" and name_key(c.name) == k[0]}
            base = [self._prior(c, k[0], parts) + self._hint(k, c) for c in cands]
            names.append(_Name(k, cands, base, _softmax(base)))
        for _ in range(ROUNDS):
            votes = [_Votes.of(n) for n in names]
            for name in names:
                if len(name.cands) < 2:
                    continue
                others = [v for n, v in zip(names, votes, strict=True) if n.key[0] != name.key[0]]
                pairs = zip(name.cands, name.base, strict=True)
                name.probs = _softmax([b + _context(c, others) for c, b in pairs])
        picks = {n.key: (n.cands[_argmax(n.probs)] if n.cands else None) for n in names}
        # One sense per discourse: a bare name follows the same name given with a state.
        hinted = {k[0]: picks[k] for k in unique if (k[1] or k[2]) and picks[k] is not None}
        for k in unique:
            if not (k[1] or k[2]) and k[0] in hinted:
                picks[k] = hinted[k[0]]
        return [self._locate(picks[k], picks) for k in keys]

    # -- internals -----------------------------------------------------------
    def _prior(self, entry: GeoEntry, key: str, parts: frozenset | set = frozenset()) -> float:
        score = POPULATION * math.log10(max(entry.population, 10))
        if key != name_key(entry.name):
            if entry.kind == "county":
                # "Cooke" for Cooke County: possible, but a town of that name is likelier.
                score -= BARE_COUNTY
            elif entry.kind == "city" or entry.kind == "country" and entry.country in parts:
                # A city under one of its alternate names ("Iraq" is one of Arak's)
                # yields to places of that very name; so does a country under the
                # name of one of its own regions ("England" for the United Kingdom),
                # but not under its demonym ("Canadian").
                score -= ALT_NAME
        return score + CAPITAL if self.gazetteer.is_capital(entry) else score

    @staticmethod
    def _hint(key: tuple, cand: GeoEntry) -> float:
        if key[1] and cand.country == "USA" and cand.admin1 == key[1]:
            return HINT
        if key[2] and cand.country == key[2]:
            return HINT
        if key[3] and cand.kind == key[3]:
            return HINT
        return 0.0

    def _locate(self, entry: GeoEntry | None, picks) -> GeoEntry | None:
        """Give a county (no point of its own) the mean point of its state's places here."""
        if entry is None or entry.latitude is not None or entry.kind != "county":
            return entry
        inside = [
            p
            for p in picks.values()
            if p is not None
            and p.kind == "city"
            and p.country == "USA"
            and p.admin1 == entry.admin1
            and p.latitude is not None
        ]
        if inside:
            lat = sum(p.latitude for p in inside) / len(inside)
            lon = sum(p.longitude for p in inside) / len(inside)
            return replace(entry, latitude=lat, longitude=lon)
        state = self.gazetteer.state(entry.admin1) if entry.admin1 else None
        if state is not None:
            return replace(entry, latitude=state.latitude, longitude=state.longitude)
        return entry


@dataclass
class _Name:
    """One distinct name of the article: its candidates, their base scores and beliefs."""

    key: tuple
    cands: list[GeoEntry]
    base: list[float]
    probs: list[float]


@dataclass
class _Votes:
    """What one name says about where the article is: belief per country, state, point."""

    countries: dict[str, float]
    states: dict[str, float]
    points: list[tuple[float, float, float]]  # (lat, lon, belief) of town/county candidates
    county: float = 0.0  # belief that the name is a county

    @classmethod
    def of(cls, name: _Name) -> _Votes:
        countries: dict[str, float] = {}
        states: dict[str, float] = {}
        points = []
        county = 0.0
        for cand, p in zip(name.cands, name.probs, strict=True):
            if cand.country:
                countries[cand.country] = countries.get(cand.country, 0.0) + p
            if cand.country == "USA" and cand.admin1:
                states[cand.admin1] = states.get(cand.admin1, 0.0) + p
            if cand.kind in ("city", "county") and cand.latitude is not None and p >= 0.01:
                points.append((cand.latitude, cand.longitude, p))
            if cand.kind == "county":
                county += p
        return cls(countries, states, points, county)


def _context(cand: GeoEntry, others: list[_Votes]) -> float:
    """Agreement of a candidate with the article's other names (their beliefs)."""
    if not others:
        return 0.0
    score = COUNTRY * sum(v.countries.get(cand.country, 0.0) for v in others) / len(others)
    if cand.country == "USA" and cand.kind != "admin1" and cand.admin1:
        # The state's share of the article's US places: names abroad ("Iraq") do not
        # dilute a state that most of the US names point to.
        mass = sum(sum(v.states.values()) for v in others)
        if mass:
            score += STATE * sum(v.states.get(cand.admin1, 0.0) for v in others) / mass
    if cand.kind == "county":
        # Admin-level consistency: names listed with counties are likelier counties.
        score += LEVEL * sum(v.county for v in others) / len(others)
    if cand.latitude is not None and cand.kind in ("city", "county"):
        pointed = [v for v in others if v.points]
        if pointed:
            near = sum(
                min(1.0, sum(p for lat, lon, p in v.points if _near(cand, lat, lon)))
                for v in pointed
            )
            score += NEAR * near / len(pointed)
    elif cand.latitude is not None and cand.kind in ("country", "admin1"):
        # The same for a country or region, at the scale of countries.
        pointed = [v for v in others if v.points]
        if pointed:
            near = sum(
                min(1.0, sum(p for lat, lon, p in v.points if _near(cand, lat, lon, REGION_KM)))
                for v in pointed
            )
            score += REGION * near / len(pointed)
    return score


def _near(cand: GeoEntry, lat: float, lon: float, km: float | None = None) -> bool:
    km = km or NEAR_KM
    # Cheap box test first: a degree of latitude is ~111 km.
    if abs(cand.latitude - lat) > km / 111.0:
        return False
    return distance_km(cand.latitude, cand.longitude, lat, lon) <= km


def _softmax(scores: Sequence[float]) -> list[float]:
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp(x - top) for x in scores]
    total = sum(exps)
    return [x / total for x in exps]


def _argmax(values: Sequence[float]) -> int:
    return max(range(len(values)), key=values.__getitem__)


def to_place(entry: GeoEntry | None, text: str, start: int, end: int) -> Place:
    """A ``Place`` for a mention at ``start:end``; name only when it was not resolved."""
    if entry is None:
        return Place(text=text, start=start, end=end, name=text)
    return Place(
        text=text,
        start=start,
        end=end,
        name=entry.name,
        country=entry.country,
        latitude=entry.latitude,
        longitude=entry.longitude,
        feature=entry.kind,
        admin1=entry.admin1,
    )
