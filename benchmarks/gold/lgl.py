"""LGL local-news toponyms (``data/gold/lgl_geoparse_dev.txt``): place resolution.

Each line is one article: its gold toponyms, separated by ``||``, each as
``gazetteer name,,text as written,,lat,,lon,,start,,end,,population``. The file
carries **no article text** (only the toponyms and their character offsets),
so toponym *finding* cannot be measured on it: place recall and precision of
``bedfellows.geo.find_places`` over whole articles need the text. What can be
measured is *resolution with gold toponyms* (the usual second LGL task): every
gold toponym's written text ("Ga.", "Sudanese", "Alexandria"), in article
order, goes through ``bedfellows.geo.PlaceResolver.resolve_all`` together with
the article's other toponym texts as its context (the same resolver
``find_places`` and the event coder use); no gold coordinate, offset or name
reaches the resolver.

Each record's ``text`` is a one-line placeholder saying the text is absent
(``PLACEHOLDER``; the benchmark codes every record's text, which costs next
to nothing here), and ``score`` ignores ``predictions``: the resolver runs
inside ``score``.

Definitions used by ``score`` (over all gold toponym occurrences):

- **resolved**: the resolver returned a place with coordinates (a US county
  takes the mean point of the article's resolved places in its state, else the
  state's point). This is the "places found" share of the resolution task.
- **within_161km_of_resolved**: of the resolved toponyms, the share whose point
  is within 161 km (100 miles) of the gold point, by great-circle distance.
- **within_161km**: the same over all gold toponyms (unresolved ones count as misses).
- **within_161km_<kind>**: the share within 161 km among resolved toponyms of
  one feature kind (country, admin1, county, city; continent when present).
- rates **mean_error_km** / **median_error_km**: distance from the resolved
  point to the gold point, over resolved toponyms.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bedfellows.schema import Event

from .common import GoldRecord

NAME = "lgl_geoparse_dev"
FILE = "lgl_geoparse_dev.txt"
PATH = Path("data") / "gold" / FILE
WITHIN_KM = 161.0  # 100 miles, the customary LGL threshold
PLACEHOLDER = "LGL article {number} (no text)."
HEADLINE = ("within_161km", "resolved")


@dataclass(frozen=True)
class GoldPlace:
    """One gold toponym: gazetteer name, text as written, gold point, offsets."""

    name: str
    text: str
    latitude: float
    longitude: float
    start: int
    end: int


@dataclass(frozen=True)
class LGLRecord(GoldRecord):
    """An LGL article: no text, its gold toponyms in order."""

    places: tuple[GoldPlace, ...] = ()


def parse_line(line: str) -> tuple[GoldPlace, ...]:
    """The gold toponyms of one line; malformed entries are skipped."""
    out = []
    for chunk in line.strip().split("||"):
        fields = chunk.split(",,")
        if len(fields) < 6:
            continue
        try:
            lat, lon = float(fields[2]), float(fields[3])
            start, end = int(fields[4]), int(fields[5])
        except ValueError:
            continue
        out.append(GoldPlace(fields[0], fields[1], lat, lon, start, end))
    return tuple(sorted(out, key=lambda p: (p.start, p.end)))


def load(shared: Path) -> list[LGLRecord]:
    """One record per article line (id = line number), skipping lines without toponyms."""
    path = Path(shared) / PATH
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            places = parse_line(line)
            if places:
                records.append(
                    LGLRecord(
                        record_id=f"lgl{number}",
                        source_file=FILE,
                        text=PLACEHOLDER.format(number=number),
                        places=places,
                    )
                )
    return records


def resolve_records(records: Sequence[LGLRecord], resolver=None) -> list[list]:
    """The resolver's entries for each record's gold toponym texts (None: unresolved)."""
    from bedfellows.geo import PlaceResolver

    resolver = resolver or PlaceResolver()
    return [resolver.resolve_all([p.text for p in r.places]) for r in records]


def score(
    records: Sequence[LGLRecord],
    predictions: Mapping[str, list[Event]] | None = None,
    *,
    resolver=None,
) -> dict:
    """Resolution figures over every gold toponym (see the module docstring)."""
    from bedfellows.geo import distance_km

    del predictions  # the records have no text: nothing was coded for them
    total = resolved = within = 0
    errors: list[float] = []
    kind_total: Counter[str] = Counter()
    kind_within: Counter[str] = Counter()
    for record, entries in zip(records, resolve_records(records, resolver), strict=True):
        for gold, entry in zip(record.places, entries, strict=True):
            total += 1
            if entry is None or entry.latitude is None:
                continue
            resolved += 1
            km = distance_km(gold.latitude, gold.longitude, entry.latitude, entry.longitude)
            errors.append(km)
            kind_total[entry.kind] += 1
            if km <= WITHIN_KM:
                within += 1
                kind_within[entry.kind] += 1
    metrics = {
        "resolved": _share(resolved, total),
        "within_161km_of_resolved": _share(within, resolved),
        "within_161km": _share(within, total),
    }
    for kind in ("continent", "country", "admin1", "county", "city"):
        if kind_total[kind]:
            metrics[f"within_161km_{kind}"] = _share(kind_within[kind], kind_total[kind])
    return {
        "metrics": metrics,
        "rates": {
            "mean_error_km": round(statistics.fmean(errors), 1) if errors else 0.0,
            "median_error_km": round(statistics.median(errors), 1) if errors else 0.0,
        },
        "counts": {
            "articles": len(records),
            "toponyms": total,
            "resolved": resolved,
            "within_161km": within,
            **{f"resolved_{k}": v for k, v in sorted(kind_total.items())},
        },
    }


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0
