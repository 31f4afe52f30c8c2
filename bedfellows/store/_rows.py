"""Dataclass → row tuple conversion, in the column order declared in ``ddl``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ..errors import StoreError
from ..schema import ActorRef, Article, Event

Row = tuple[object, ...]


def check_events(article: Article, events: Sequence[Event]) -> None:
    """Raise StoreError unless every event belongs to ``article`` and ids are unique."""
    seen: set[str] = set()
    for event in events:
        if event.article_id != article.article_id:
            raise StoreError(
                f"{article.source_path}: event {event.event_id} has article_id "
                f"{event.article_id!r}, not the article's {article.article_id!r}"
            )
        if event.event_id in seen:
            raise StoreError(
                f"{article.source_path}: duplicate event_id {event.event_id} "
                f"in article {article.article_id}"
            )
        seen.add(event.event_id)


def article_row(article: Article, run_id: str, coded_at: datetime) -> Row:
    """The ``articles`` row for an article."""
    return (
        article.article_id,
        article.source_path,
        article.title,
        article.published,
        article.source,
        article.url,
        article.external_id,
        article.language,
        article.body,
        len(article.comments),
        list(article.boilerplate),
        run_id,
        coded_at,
    )


def comment_rows(article: Article) -> list[Row]:
    """The ``comments`` rows for an article's reader comments."""
    return [(article.article_id, c.index, c.author, c.text) for c in article.comments]


def event_row(event: Event, run_id: str) -> Row:
    """The ``events`` row for an event (actors go to ``event_actors``)."""
    date = event.date
    place = event.place
    reporter = event.reported_by
    return (
        event.event_id,
        event.article_id,
        event.sentence_index,
        event.sentence,
        event.sentence_start,
        event.trigger,
        event.trigger_start,
        event.trigger_end,
        event.cameo_code,
        event.cameo_root,
        event.quad_class,
        float(event.goldstein),
        event.plover_type,
        event.plover_mode,
        event.plover_context,
        None if event.plover_score is None else float(event.plover_score),
        str(event.modality),
        event.reported_by_text,
        reporter.actor_id if reporter else None,
        reporter.country if reporter else None,
        bool(event.claimed),
        bool(event.historical),
        date.start,
        date.end,
        None if date.granularity is None else str(date.granularity),
        str(date.basis),
        date.text,
        date.text_start,
        date.text_end,
        place.text if place else None,
        place.name if place else None,
        place.country if place else None,
        place.latitude if place else None,
        place.longitude if place else None,
        place.start if place else None,
        place.end if place else None,
        float(event.confidence),
        bool(event.is_comment),
        event.comment_index,
        event.pattern,
        run_id,
    )


def _actor_row(event_id: str, role: str, position: int, ref: ActorRef) -> Row:
    return (
        event_id,
        role,
        position,
        ref.text,
        ref.start,
        ref.end,
        ref.name,
        ref.actor_id,
        ref.country,
        ref.sector,
        ref.cameo,
        ref.kind,
        ref.basis,
    )


def actor_rows(event: Event) -> list[Row]:
    """The ``event_actors`` rows: sources, targets, opposed parties (role
    ``against``) and the reporter, by position."""
    rows = [_actor_row(event.event_id, "source", i, a) for i, a in enumerate(event.sources)]
    rows += [_actor_row(event.event_id, "target", i, a) for i, a in enumerate(event.targets)]
    rows += [_actor_row(event.event_id, "against", i, a) for i, a in enumerate(event.opposed)]
    if event.reported_by is not None:
        rows.append(_actor_row(event.event_id, "reporter", 0, event.reported_by))
    return rows
