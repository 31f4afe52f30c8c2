"""``bedfellows events``, ``export`` and ``info``: read what was coded."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from bedfellows.about import __version__
from bedfellows.data import verify
from bedfellows.store import Store
from bedfellows.store.export import FORMATS
from bedfellows.store.export import export as export_events

from .options import DEFAULT_DB, check_outputs, force_option, min_confidence_option
from .render import print_events
from .safe_text import say

_db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    help="DuckDB file to read.",
    type=click.Path(exists=True, dir_okay=False),
)


def _filters(
    actor, article, event_type, since, until, modality, include_comments, min_confidence
) -> dict:
    return {
        "actor": actor,
        "article_id": article,
        "plover_type": event_type.upper() if event_type else None,
        "start": since.date() if since else None,
        "end": until.date() if until else None,
        "modality": modality,
        "include_comments": include_comments,
        "min_confidence": min_confidence,
    }


_filter_options = [
    click.option("--actor", help="Country ISO3 (IRN), CAMEO actor prefix (IRNMIL) or actor id."),
    click.option("--article", metavar="ID", help="Only the events of this article (its id)."),
    click.option("--type", "event_type", help="PLOVER event type (AGREE, THREATEN, ...)."),
    click.option(
        "--since", type=click.DateTime(["%Y-%m-%d"]), help="Events on or after this date."
    ),
    click.option(
        "--until", type=click.DateTime(["%Y-%m-%d"]), help="Events on or before this date."
    ),
    click.option(
        "--modality",
        type=click.Choice(["asserted", "negated", "hypothetical", "intended"]),
        help="Only events of this modality.",
    ),
    click.option("--include-comments", is_flag=True, help="Include events coded from comments."),
    min_confidence_option,
]


def filter_options(func):
    """Attach the shared event filter options to a command."""
    for option in reversed(_filter_options):
        func = option(func)
    return func


@click.command()
@_db_option
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv", "tsv"]),
    default="table",
    show_default=True,
    help="json: one JSON array; jsonl: one JSON object per line.",
)
@click.option("--limit", type=click.IntRange(min=0), help="At most this many events.")
@click.option("--wide", is_flag=True, help="Every column, however narrow the terminal.")
def events(
    db,
    actor,
    article,
    event_type,
    since,
    until,
    modality,
    include_comments,
    min_confidence,
    fmt,
    limit,
    wide,
) -> None:
    """List coded events, one row each, with their evidence."""
    filters = _filters(
        actor, article, event_type, since, until, modality, include_comments, min_confidence
    )
    with Store.open(db, read_only=True) as store:
        rows = store.events(**filters, limit=limit)
    print_events(rows, fmt, wide=wide)
    if fmt == "table":
        shown = f" with confidence >= {min_confidence:g}" if min_confidence > 0 else ""
        click.echo(f"{len(rows)} events{shown}", err=True)
        inferred = sum(1 for r in rows if r.get("date_basis") == "inferred")
        if inferred:
            say(
                f"{inferred} dates inferred from undated articles' content; "
                f"`bedfellows dating --db {db}` shows the evidence",
                err=True,
            )


@click.command()
@_db_option
@filter_options
@click.option(
    "--format", "fmt", type=click.Choice(sorted(FORMATS)), default="plover-jsonl", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write here (default, or -: stdout); an existing file needs --force.",
)
@force_option
def export(
    db,
    actor,
    article,
    event_type,
    since,
    until,
    modality,
    include_comments,
    min_confidence,
    fmt,
    output,
    force,
) -> None:
    """Export events as PLOVER JSONL, a GDELT-style table, CSV or Parquet.

    A file is written whole or not at all (a temporary file renamed into
    place); CSV and GDELT text cells that a spreadsheet would run as a formula
    get a leading ' (see the README).
    """
    filters = _filters(
        actor, article, event_type, since, until, modality, include_comments, min_confidence
    )
    to_file = output is not None and output != "-"
    if fmt == "parquet" and not to_file:
        raise click.UsageError("parquet needs -o/--output FILE")
    if to_file:
        check_outputs(db, force, output)
    with Store.open(db, read_only=True) as store:
        if to_file:
            export_events(store, fmt, Path(output), overwrite=force, **filters)
        else:
            export_events(store, fmt, sys.stdout, **filters)


@click.command()
@click.option(
    "--db",
    default=None,
    help="Also describe this database.",
    type=click.Path(exists=True, dir_okay=False),
)
def info(db) -> None:
    """Versions, packaged data status and database counts."""
    from bedfellows.data import data_manifest_sha256
    from bedfellows.nlp.model import DEFAULT_MODEL

    click.echo(f"bedfellows {__version__}")
    click.echo(f"spaCy model: {DEFAULT_MODEL}")
    click.echo(f"data manifest sha256: {data_manifest_sha256()}")
    problems = verify()
    click.echo("packaged data: ok" if not problems else "packaged data: " + "; ".join(problems))
    if db:
        with Store.open(db, read_only=True) as store:
            for key, value in store.counts().items():
                click.echo(f"{key}: {value}")
            windows = store.datings()
            closed = sum(1 for w in windows if w["earliest"] and w["latest"])
            click.echo(
                f"undated articles: {len(windows)} ({closed} with an inferred date window;"
                " `bedfellows dating` shows why)"
            )
    click.echo(f"today: {date.today().isoformat()}")
    if problems:
        sys.exit(1)
