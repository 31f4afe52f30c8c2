"""``bedfellows code``: read articles, code events, store them."""

from __future__ import annotations

import math
from pathlib import Path

import click

from bedfellows.errors import IngestError
from bedfellows.ingest.fields import FieldMap
from bedfellows.pipeline import Pipeline, RunSummary, provenance_json
from bedfellows.store import Store

from .options import DEFAULT_DB, actors_file, actors_option
from .progress import progressbar
from .safe_text import say


def _max_mb(_ctx, _param, value: float) -> float:
    """A finite, positive size limit (``nan``/``inf`` pass click's float type)."""
    if not math.isfinite(value) or value <= 0:
        raise click.BadParameter(f"{value} is not a positive number of megabytes")
    return value


def run_coding(
    inputs: list[str],
    db: str,
    *,
    include_comments: bool,
    silent: bool,
    max_mb: float,
    actors_file: Path | None = None,
    fields: FieldMap | None = None,
) -> RunSummary:
    """Code ``inputs`` into ``db``, reporting skipped inputs on stderr as they occur.

    A database this run created is removed again when no article was stored in
    it (every input skipped): the messages have said why, and an empty file
    would only suggest that something was coded.
    """
    pipeline = Pipeline(include_comments=include_comments, actors_file=actors_file)
    created = not Path(db).exists()
    with Store.open(db) as store:
        prov = pipeline.provenance()
        run_id = store.begin_run(
            bedfellows_version=prov["bedfellows_version"],
            data_manifest_sha256=prov["data_manifest_sha256"],
            model_name=prov["model_name"],
            model_version=prov["model_version"],
            config_json=provenance_json(pipeline),
        )
        with progressbar("coding", silent=silent) as advance:

            def on_article(item, n_events: int) -> None:
                if isinstance(item, IngestError):
                    say(f"skipped {item}", err=True)
                advance(n_events)

            summary = pipeline.run(
                inputs,
                store,
                run_id,
                max_bytes=int(max_mb * 1_000_000),
                on_article=on_article,
                fields=fields,
            )
        store.finish_run(run_id)
    if created and summary.articles_coded == 0 and summary.articles_already_stored == 0:
        for path in (Path(db), Path(f"{db}.wal")):
            path.unlink(missing_ok=True)  # our own file, just made
        say(f"nothing stored: {db} not created", err=True)
    return summary


def echo_summary(summary: RunSummary) -> None:
    """The closing summary line(s), on stderr so stdout stays data."""
    words_per_s = summary.words / summary.seconds if summary.seconds else 0.0
    say(
        f"read {summary.articles_read} articles: {summary.articles_coded} coded, "
        f"{summary.articles_already_stored} already stored, {len(summary.skipped)} inputs skipped; "
        f"{summary.events} events in {summary.seconds:.1f}s ({words_per_s:,.0f} words/s)",
        err=True,
    )
    by_reason: dict[str, int] = {}
    for err in summary.skipped:
        by_reason[type(err).__name__] = by_reason.get(type(err).__name__, 0) + 1
    if by_reason:
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(by_reason.items()))
        click.echo(f"inputs skipped, by reason: {reasons}", err=True)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to write to.")
@click.option(
    "--include-comments", is_flag=True, help="Also code reader comments (marked as such)."
)
@click.option(
    "--max-mb",
    default=20.0,
    show_default=True,
    callback=_max_mb,
    help="Skip inputs larger than this.",
)
@click.option("--silent", is_flag=True, help="No progress bar.")
@click.option(
    "--text-field",
    metavar="NAME",
    help="JSON/CSV/Parquet field holding the text (default: text, body, content, doc_text, "
    "article, ...).",
)
@click.option("--id-field", metavar="NAME", help="Field holding the record's own id.")
@click.option("--date-field", metavar="NAME", help="Field holding the publication date.")
@click.option("--title-field", metavar="NAME", help="Field holding the title.")
@actors_option
@click.pass_context
def code(
    ctx,
    inputs,
    db,
    include_comments,
    max_mb,
    silent,
    text_field,
    id_field,
    date_field,
    title_field,
    actors,
) -> None:
    """Code INPUTS (files, directories, globs: .txt .html .json .jsonl .csv .tsv .parquet)
    into events."""
    summary = run_coding(
        list(inputs),
        db,
        include_comments=include_comments,
        silent=silent,
        max_mb=max_mb,
        actors_file=actors_file(actors),
        fields=FieldMap(text_field, id_field, date_field, title_field),
    )
    echo_summary(summary)
    if not summary.ok:
        ctx.exit(1)
