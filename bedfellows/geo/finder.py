"""Find the toponyms of a parsed spaCy ``Doc`` and resolve them together.

Toponyms are:

* GPE and LOC entities ("Samarra", "the Gulf of Mexico"), a leading "the" dropped
  (one that starts in lowercase only when the gazetteer knows it);
* FAC entities and NORP entities (demonyms: "Sudanese", "Russians") only when
  the gazetteer knows them (a NORP only as a country: "Republicans" is no place);
* US state abbreviations and postal codes written after a place and a comma
  ("Springfield, Ill.", "Paris, TX"), which also tell the resolver the state of
  the place before them; a country written the same way ("Paris, France") does
  the same for countries;
* a kind named right after a toponym ("Washington state", "Jackson county") makes
  the resolver prefer places of that kind;
* country, US state and continent names the model did not tag (title-case
  words outside every entity that match such a name exactly; not provinces
  abroad, many of which are common words: "Central", "Western").

All toponyms of one Doc are resolved together (``PlaceResolver.resolve_all``),
so each is ranked against the others. The Pipeline codes one paragraph per Doc,
so the context of an event's place is its paragraph.
"""

from __future__ import annotations

import threading
from dataclasses import replace

from bedfellows.schema import Place

from .gazetteer import STATE_ABBREVIATIONS, name_key
from .resolve import Mention, PlaceResolver, to_place

PLACE_LABELS = frozenset({"GPE", "LOC"})
_CHECKED_LABELS = frozenset({"FAC", "NORP"})
_AREA_KINDS = frozenset({"continent", "country", "admin1"})
_NORP_TOWN_POPULATION = 50_000
# A word after a name that says which kind of place it is ("Washington state").
_FEATURE_WORDS = {"state": "admin1", "county": "county", "parish": "county"}
_MAX_WORDS = 4  # longest untagged name looked up ("Bosnia and Herzegovina")


class Geocoder:
    """Toponyms of a Doc → ``Place`` objects with coordinates (see the module docstring)."""

    def __init__(self, resolver: PlaceResolver | None = None) -> None:
        self.resolver = resolver or PlaceResolver()
        self._lock = threading.Lock()
        self._last: tuple[object, dict[tuple[int, int], Place]] | None = None

    def find_places(self, doc, offset: int = 0) -> list[Place]:
        """Every toponym of ``doc`` as a Place (unresolved ones have only a name).

        offset (int): added to character positions (the Doc's offset in the article).
        """
        spans = self._toponyms(doc)
        entries = self.resolver.resolve_all([m for _, _, m in spans])
        return [
            to_place(entry, m.text, start + offset, end + offset)
            for (start, end, m), entry in zip(spans, entries, strict=True)
        ]

    def place_of(self, span, offset: int = 0, country: str | None = None) -> Place | None:
        """The resolved Place of one entity span, ranked against its Doc's other toponyms.

        country (str): ISO3 the place must be in when it can be (the actor knowledge
        base's reading of the name). RETURNS None when the gazetteer has no such place.
        """
        doc = span.doc
        with self._lock:
            if self._last is None or self._last[0] is not doc:
                places = {(p.start, p.end): p for p in self.find_places(doc)}
                self._last = (doc, places)
            places = self._last[1]
        start, end = _trimmed(span)
        place = places.get((start, end))
        if place is not None and country and place.country != country:
            entry = self.resolver.resolve(Mention(place.text, country=country))
            place = to_place(entry, place.text, start, end) if entry else place
        if place is None or place.latitude is None and place.feature is None:
            return None
        return replace(place, start=place.start + offset, end=place.end + offset)

    # -- internals -----------------------------------------------------------
    def _toponyms(self, doc) -> list[tuple[int, int, Mention]]:
        gaz = self.resolver.gazetteer
        found: list[tuple[int, int, Mention]] = []
        in_entity = set()
        full = doc.text  # built anew on every access: read it once
        for ent in doc.ents:
            in_entity.update(range(ent.start, ent.end))
            start, end = _trimmed(ent)
            if end <= start:
                continue
            text = full[start:end]
            split = self._split_state(text, start) if ent.label_ in PLACE_LABELS else None
            if split is not None:  # "Springfield, Ill." tagged as one entity
                found.extend(split)
                continue
            if ent.label_ in _CHECKED_LABELS:
                hits = gaz.lookup(text)
                if ent.label_ == "NORP":  # a demonym, or a town the model took for a people
                    hits = tuple(h for h in hits if h.kind == "country" or _is_town(h, text))
                if not hits:
                    continue
            elif ent.label_ not in PLACE_LABELS:
                continue
            elif text[0].islower() and not gaz.lookup(text):
                continue  # "met county": a lowercase span the gazetteer does not know
            follower = doc[ent.end].lower_ if ent.end < len(doc) else ""
            feature = _FEATURE_WORDS.get(follower)
            last = ent[-1]
            if len(ent) > 1 and last.text in _FEATURE_WORDS:  # "Washington state" as one entity
                feature = _FEATURE_WORDS[last.text]
                end = ent[-2].idx + len(ent[-2].text)
                text = full[start:end]
                if end <= start:  # "the state": no name left
                    continue
            found.append((start, end, Mention(text, feature=feature)))
        found.extend(self._untagged(doc, full, in_entity))
        found.sort(key=lambda item: item[0])
        return self._with_hints(full, found)

    def _split_state(self, text: str, start: int) -> list[tuple[int, int, Mention]] | None:
        """ "Springfield, Ill." → the town (with its state) and the state, or None."""
        head, sep, tail = text.rpartition(",")
        tail_text = tail.strip()
        if not sep or not head.strip() or not tail_text:
            return None
        state = self.resolver.gazetteer.state_code(tail_text)
        if state is None:
            return None
        head_text = head.rstrip()
        tail_start = start + len(head) + 1 + (len(tail) - len(tail.lstrip()))
        return [
            (start, start + len(head_text), Mention(head_text, state=state)),
            (tail_start, tail_start + len(tail_text), Mention(tail_text)),
        ]

    def _untagged(self, doc, full: str, in_entity: set[int]) -> list[tuple[int, int, Mention]]:
        """Country, state and continent names outside every entity."""
        gaz = self.resolver.gazetteer
        toks = list(doc)
        out: list[tuple[int, int, Mention]] = []
        i = 0
        while i < len(toks):
            if i in in_entity or not toks[i].is_title:
                i += 1
                continue
            hit = 0
            for n in range(min(_MAX_WORDS, len(toks) - i), 0, -1):
                last = toks[i + n - 1]
                if any(j in in_entity for j in range(i, i + n)):
                    continue
                if last.is_punct and last.text not in STATE_ABBREVIATIONS:
                    continue
                start, end = toks[i].idx, last.idx + len(last.text)
                text = full[start:end]
                if text in STATE_ABBREVIATIONS and not _after_place_comma(doc, i, out):
                    continue
                if any(_untagged_area(e) for e in gaz.lookup(text)):
                    out.append((start, end, Mention(text)))
                    hit = n
                    break
            i += hit or 1
        return out

    def _with_hints(self, full: str, found):
        """Add the state/country written after "<place>," to the place before it."""
        gaz = self.resolver.gazetteer
        out = list(found)
        for k in range(len(found) - 1):
            start, end, mention = found[k]
            nxt_start, nxt_end, nxt = found[k + 1]
            if full[end:nxt_start].strip() != ",":
                continue
            state = gaz.state_code(nxt.text)
            if state is not None:
                out[k] = (start, end, replace(mention, state=state))
                continue
            countries = [e for e in gaz.lookup(nxt.text) if e.kind == "country"]
            if countries:
                out[k] = (start, end, replace(mention, country=countries[0].country))
        return out


def _untagged_area(entry) -> bool:
    """A country, continent or US state: names safe to take outside entities.

    Provinces and regions abroad are left to the model's entities: many are
    common words ("Central", "Western", "Centre") that open sentences.
    """
    if entry.kind == "admin1":
        return entry.country == "USA"
    return entry.kind in _AREA_KINDS


def _is_town(entry, text: str) -> bool:
    """A sizeable city called exactly ``text`` ("Samarra" mislabelled as a people)."""
    return (
        entry.kind == "city"
        and entry.population >= _NORP_TOWN_POPULATION
        and name_key(entry.name) == name_key(text)
    )


def _after_place_comma(doc, i: int, found) -> bool:
    """True when token ``i`` follows "<entity or toponym>,"."""
    if i < 2 or doc[i - 1].text != ",":
        return False
    prev = doc[i - 2]
    return bool(prev.ent_type_) or any(s <= prev.idx < e for s, e, _ in found)


def _trimmed(span) -> tuple[int, int]:
    """Character offsets of an entity without a leading "the" and a trailing "'s"."""
    toks = list(span)
    while toks and toks[0].lower_ == "the":
        toks = toks[1:]
    while toks and toks[-1].text in ("'s", "’s", "'"):
        toks = toks[:-1]
    if not toks:
        return span.start_char, span.start_char
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


_DEFAULT: Geocoder | None = None
_DEFAULT_LOCK = threading.Lock()


def default_geocoder() -> Geocoder:
    """The process-wide Geocoder (its gazetteer loads on first use)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Geocoder()
        return _DEFAULT


def find_places(doc, offset: int = 0) -> list[Place]:
    """Every toponym of a parsed Doc as a Place, resolved with the default gazetteer."""
    return default_geocoder().find_places(doc, offset)
