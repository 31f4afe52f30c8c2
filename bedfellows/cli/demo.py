"""``bedfellows demo``: code the bundled sample corpus and show the results."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from bedfellows.errors import SchemaVersionError
from bedfellows.store import Store

from .acled_types import print_article_types
from .alliances import print_alliance_summary
from .code import echo_summary, run_coding
from .dating import print_datings
from .render import print_events


def sample_dir() -> str:
    """Path of the bundled sample corpus."""
    return str(files("bedfellows") / "samples")


def sample_files() -> list[str]:
    """The sample articles (the folder's README describes them; it is no article)."""
    return sorted(str(p) for p in Path(sample_dir()).iterdir() if p.name != "README.md")


def _drop_outdated(db: Path) -> None:
    """A demo database written by an older bedfellows holds only the sample
    corpus: remove it so the demo re-codes it, instead of refusing to run."""
    if not db.exists():
        return
    try:
        with Store.open(str(db), read_only=True):
            return
    except SchemaVersionError as exc:
        click.echo(f"{exc}; removing the old demo database and re-coding the sample", err=True)
    db.unlink()
    wal = db.with_name(db.name + ".wal")
    if wal.exists():
        wal.unlink()


@click.command()
@click.option("--db", default="bedfellows-demo.duckdb", show_default=True)
@click.option("--silent", is_flag=True, help="No progress bar.")
def demo(db, silent) -> None:
    """Code the bundled sample corpus into DuckDB; print events and alliances."""
    _drop_outdated(Path(db))
    summary = run_coding(sample_files(), db, include_comments=False, silent=silent, max_mb=20)
    with Store.open(db, read_only=True) as store:
        rows = store.events()
        windows = store.datings()
        kinds = store.article_types()
    print_events(rows, "table")
    if kinds:
        click.echo("\nArticles by ACLED sub-event type (model: words and coded events)")
        print_article_types(kinds)
    if windows:
        click.echo("\nUndated articles: inferred date windows and their evidence")
        print_datings(windows)
    print_alliance_summary(db)
    echo_summary(summary)
    click.echo(f"database: {db}", err=True)
