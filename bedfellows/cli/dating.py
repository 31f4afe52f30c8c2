"""``bedfellows dating``: the inferred date windows of undated articles, and why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import click

from bedfellows.store import Store
from bedfellows.store.export import inferred_date

from .options import article_report_options
from .safe_text import json_text, say

_KIND_LABELS = {
    "office": "office held",
    "former_office": "former office",
    "name": "name in use",
    "past_date": "past date",
    "other": "other",
}


def _bound(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{start} .. {end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return "no bound"


def _window(rec: Mapping[str, Any]) -> str:
    start, end = rec["earliest"], rec["latest"]
    used = f"{rec['inferred_events']} of {rec['events']} events take it"
    if start and end:
        return f"{start} .. {end} ({rec['granularity']}, inferred; {used})"
    if start or end:
        return f"{_bound(start, end)}, other end unknown (open: events stay undated)"
    if rec["evidence"]:
        return "unknown (the evidence conflicts beyond repair: events stay undated)"
    return "unknown (no dating evidence found: events stay undated)"


def dating_lines(rec: Mapping[str, Any]) -> list[str]:
    """The lines that show one undated article's window and its evidence."""
    title = f" {rec['title']!r}" if rec.get("title") else ""
    lines = [f"{rec['article_id']}{title} ({rec['source_path']})", f"  window: {_window(rec)}"]
    if rec["evidence"]:
        lines.append("  evidence:")
    for v in rec["evidence"]:
        span = ""
        if v["mention_start"] is not None:
            span = f" [{v['mention_start']}:{v['mention_end']}]"
        mention = f"{v['mention']!r}{span}" if v["mention"] else v["description"]
        mark = "-" if v["dropped"] else "+"
        line = f"    {mark} {_KIND_LABELS.get(v['kind'], v['kind']):<13} {mention}"
        if v["kind"] != "other":
            line += f" -> {_bound(v['bound_start'], v['bound_end'])}"
        if v["actor_id"]:
            line += f"  ({v['actor_id']}: {v['detail']})"
        elif v["detail"]:
            line += f"  ({v['detail']})"
        if v["dropped"]:
            line += "  [dropped: conflicts with the rest]"
        lines.append(line)
    return lines


def print_datings(records: Sequence[Mapping[str, Any]], fmt: str = "text") -> None:
    """Print undated articles' windows as text blocks or JSON lines on stdout."""
    if fmt == "json":
        for rec in records:
            out = {
                "article_id": rec["article_id"],
                "title": rec["title"],
                "source_path": rec["source_path"],
                "events": rec["events"],
                "inferred_events": rec["inferred_events"],
                "run_id": rec["run_id"],
                **(inferred_date(rec) or {}),
            }
            click.echo(json_text(out, default=str, sort_keys=True))
        return
    for i, rec in enumerate(records):
        if i:
            click.echo("")
        for line in dating_lines(rec):
            say(line)


@click.command()
@article_report_options
def dating(db, fmt, article_id) -> None:
    """Undated articles' inferred date windows and the evidence for them.

    + marks evidence that bounds the window, - evidence dropped because it
    conflicted with the rest. With ARTICLE_ID, only that article.
    """
    with Store.open(db, read_only=True) as store:
        records = store.datings(article_id)
    if article_id is not None and not records:
        raise click.UsageError(
            f"no inferred date window for article {article_id} in {db} "
            "(unknown id, or the article has a publication date)"
        )
    print_datings(records, fmt)
    if fmt == "text":
        click.echo(f"{len(records)} undated articles", err=True)
