"""One predicted Event for the benchmark scorers' tests (only the fields they read)."""

from __future__ import annotations

from bedfellows.schema import Event


def make_event(
    *,
    cameo: str = "190",
    plover_type: str = "ASSAULT",
    trigger: tuple[int, int] = (0, 1),
    sources=(),
    targets=(),
    confidence: float = 0.5,
    quad_class: int = 1,
) -> Event:
    """An event with the given codes, trigger span, actors and confidence."""
    return Event(
        event_id="e",
        article_id="a",
        sentence_index=0,
        sentence="",
        sentence_start=0,
        sources=tuple(sources),
        targets=tuple(targets),
        trigger="t",
        trigger_start=trigger[0],
        trigger_end=trigger[1],
        cameo_code=cameo,
        cameo_root=cameo[:2],
        quad_class=quad_class,
        goldstein=0.0,
        plover_type=plover_type,
        confidence=confidence,
    )
