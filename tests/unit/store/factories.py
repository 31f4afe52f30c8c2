"""Hand-built Articles and Events for the store tests (no spaCy)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from bedfellows.schema import (
    ActorRef,
    Article,
    Comment,
    DateBasis,
    Event,
    EventDate,
    Granularity,
    Place,
)

# (surface text, name, country, sector, cameo, actor_id)
IRAN_GOV = ("Tehran", "Government of Iran", "IRN", "GOV", "IRNGOV", "Q794")
IRAN_MIL = ("Iranian troops", "Iranian military", "IRN", "MIL", "IRNMIL", None)
USA_GOV = ("Washington", "United States government", "USA", "GOV", "USAGOV", "Q30")
IRAQ_GOV = ("Baghdad", "Government of Iraq", "IRQ", "GOV", "IRQGOV", "Q796")
ISIL = (
    "Islamic State",
    "Islamic State of Iraq and the Levant",
    None,
    "REB",
    "IMGSUNREB",
    "Q2429253",
)
TIMOR = ("Dili", "Government of Timor-Leste", "TLS", "GOV", "TMPGOV", None)

Spec = tuple[str, str, str | None, str | None, str | None, str | None]


def _ref(body: str, offset: int, spec: Spec) -> ActorRef:
    text, name, country, sector, cameo, actor_id = spec
    start = body.index(text, offset)
    kind = "group" if country is None else "country"
    return ActorRef(
        text=text,
        start=start,
        end=start + len(text),
        name=name,
        actor_id=actor_id,
        country=country,
        sector=sector,
        cameo=cameo,
        kind=kind,
    )


def sentence_for(sources: Sequence[Spec], trigger: str, targets: Sequence[Spec], tail: str) -> str:
    """A sentence naming the actors around the trigger word."""
    left = " and ".join(s[0] for s in sources) or "Someone"
    right = " and ".join(t[0] for t in targets)
    return f"{left} {trigger} {right} {tail}.".replace("  ", " ")


def build(
    article_id: str,
    specs: Sequence[dict],
    *,
    published: date | None = date(2014, 6, 20),
    comments: Sequence[Comment] = (),
    boilerplate: Sequence[str] = (),
    source_path: str | None = None,
) -> tuple[Article, list[Event]]:
    """An article whose body is one sentence per spec, and one Event per spec.

    A spec holds sources/targets (``Spec`` tuples), trigger, and optional
    overrides of Event fields (plover_type, cameo_code, date, modality, ...).
    """
    sentences = [
        sentence_for(
            s.get("sources", ()),
            s.get("trigger", "met"),
            s.get("targets", ()),
            s.get("tail", f"in Baghdad (item {i})"),
        )
        for i, s in enumerate(specs)
    ]
    body = " ".join(sentences) if sentences else "Nothing happened today."
    article = Article(
        article_id=article_id,
        source_path=source_path or f"/corpus/{article_id}.txt",
        body=body,
        title=f"Title {article_id}",
        published=published,
        source="Example News",
        url=f"https://example.org/{article_id}",
        comments=tuple(comments),
        boilerplate=tuple(boilerplate),
    )
    events = []
    offset = 0
    for i, (spec, sentence) in enumerate(zip(specs, sentences, strict=True)):
        start = body.index(sentence, offset)
        offset = start + len(sentence)
        trigger = spec.get("trigger", "met")
        t_start = body.index(f" {trigger} ", start) + 1
        sources = tuple(_ref(body, start, s) for s in spec.get("sources", ()))
        targets = tuple(_ref(body, start, t) for t in spec.get("targets", ()))
        place_start = body.find(" in Baghdad", t_start) + len(" in ")
        place = None
        if len(" in ") <= place_start < offset:
            place = Place("Baghdad", place_start, place_start + 7, "Baghdad", "IRQ", 33.34, 44.40)
        day = date(2014, 6, 10 + i % 10)
        event = Event(
            event_id=f"{article_id}-e{i}",
            article_id=article_id,
            sentence_index=i,
            sentence=sentence,
            sentence_start=start,
            sources=sources,
            targets=targets,
            trigger=trigger,
            trigger_start=t_start,
            trigger_end=t_start + len(trigger),
            cameo_code="040",
            cameo_root="04",
            quad_class=1,
            goldstein=1.0,
            plover_type="CONSULT",
            plover_mode="visit",
            plover_context="diplomatic",
            plover_score=0.9,
            date=EventDate(day, day, Granularity.DAY, DateBasis.EXPRESSION, "10 June", None, None),
            place=place,
            confidence=0.8,
            pattern="consult-met",
        )
        overrides = {
            k: v for k, v in spec.items() if k not in {"sources", "targets", "trigger", "tail"}
        }
        events.append(replace(event, **overrides))
    return article, events


def numbered(i: int) -> tuple[Article, list[Event]]:
    """Article number ``i`` with (i % 5) + 1 events and i % 3 comments (for crash tests)."""
    n_events = i % 5 + 1
    specs = [
        {"sources": [IRAN_GOV], "targets": [USA_GOV, IRAQ_GOV] if k % 2 else [USA_GOV]}
        for k in range(n_events)
    ]
    comments = [Comment(c, f"comment {c} on {i}", f"reader{c}") for c in range(i % 3)]
    return build(f"art{i:05d}", specs, comments=comments)


def expected_counts(i: int) -> tuple[int, int, int]:
    """(events, event_actors, comments) that ``numbered(i)`` writes."""
    n_events = i % 5 + 1
    actors = sum(3 if k % 2 else 2 for k in range(n_events))
    return n_events, actors, i % 3
