"""``bedfellows acled-types``: each article's ACLED sub-event type, as the model reads it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import click

from bedfellows.store import Store

from .options import article_report_options
from .safe_text import json_text, say


def type_line(rec: Mapping[str, Any]) -> str:
    """One line: type, probability, the article's title (or file) and its event count."""
    where = rec["title"] or rec["source_path"] or rec["article_id"]
    events = f"{rec['events']} event{'s' if rec['events'] != 1 else ''}"
    return f"  {rec['acled_type']:<30} {rec['probability']:.2f}  {where} ({events})"


def print_article_types(records: Sequence[Mapping[str, Any]], fmt: str = "text") -> None:
    """Print articles' ACLED sub-event types as text lines or JSON lines on stdout."""
    for rec in records:
        if fmt == "json":
            keys = ("article_id", "acled_type", "probability", "title", "source_path", "events")
            out = {k: rec[k] for k in keys} | {"run_id": rec["run_id"]}
            click.echo(json_text(out, default=str, sort_keys=True))
        else:
            say(type_line(rec))


@click.command("acled-types")
@article_report_options
def acled_types(db, fmt, article_id) -> None:
    """Each article's ACLED sub-event type and the model's probability for it.

    The model reads the article's words and its coded events; it was trained on
    short conflict news reports (CASE 2021), so its type is a guide to what an
    article reports, not an event. With ARTICLE_ID, only that article.
    """
    with Store.open(db, read_only=True) as store:
        records = store.article_types(article_id)
    if article_id is not None and not records:
        raise click.UsageError(f"no ACLED type for article {article_id} in {db}")
    print_article_types(records, fmt)
    if fmt == "text":
        click.echo(f"{len(records)} articles", err=True)
