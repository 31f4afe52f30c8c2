"""``bedfellows demo``: code the bundled sample corpus and show the results."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import click

from bedfellows.errors import ConfigError, StoreError
from bedfellows.pipeline import RunSummary
from bedfellows.store import Store
from bedfellows.store.database import check_local, read_meta, read_tables_and_sources
from bedfellows.store.ddl import SCHEMA_VERSION, TABLES
from bedfellows.util.atomic import atomic_output

from .acled_types import print_article_types
from .alliances import print_alliance_summary
from .code import echo_summary, run_coding
from .dating import print_datings
from .render import print_events
from .safe_text import say


def sample_dir() -> str:
    """Path of the bundled sample corpus."""
    return str(files("bedfellows") / "samples")


def sample_files() -> list[str]:
    """The sample articles (the folder's README describes them; it is no article)."""
    return sorted(str(p) for p in Path(sample_dir()).iterdir() if p.name != "README.md")


# The demo marks the databases it creates in their meta table, and replaces no
# other file: a --db that names someone's data must never cost them that data.
DEMO_MARK = "demo_database"
_DEMO_VALUE = "created by `bedfellows demo`: the bundled sample corpus"


def _reusable(db: Path, force: bool) -> bool:
    """Whether ``db`` is a current demo database to code into as it is.

    False when the demo must build a new one in its place: there is no file,
    or a database the demo created of another schema version, or (``force``)
    any other file. Raises ConfigError for any other file without ``force``.
    """
    if not db.exists() and not db.is_symlink():
        return False
    if db.is_dir():
        raise ConfigError(f"{db}: is a directory; choose another --db")
    try:
        meta = read_meta(db)
        why = "a DuckDB database the demo did not create"
    except StoreError as exc:
        meta, why = None, f"not a database the demo can open: {exc}"
    if meta is not None and DEMO_MARK not in meta and _unmarked_demo(db):
        meta = {**meta, DEMO_MARK: "written by a bedfellows before demos were marked"}
    if meta is None or DEMO_MARK not in meta:
        if not force:
            raise ConfigError(f"{db}: {why}; choose another --db, or pass --force to replace it")
        say(f"replacing {db} (--force)", err=True)
        return False
    if meta.get("schema_version") != str(SCHEMA_VERSION):
        say(
            f"{db}: demo database of schema version {meta.get('schema_version')} "
            f"(this bedfellows writes {SCHEMA_VERSION}); re-coding the sample corpus",
            err=True,
        )
        return False
    return True


def _unmarked_demo(db: Path) -> bool:
    """Whether ``db`` is a demo database from before the mark (d8cf845 and earlier):
    only bedfellows tables, and every article read from the bundled sample folder.
    A database holding anything else is someone's data."""
    tables, sources = read_tables_and_sources(db)
    names = {Path(p).name for p in sample_files()}
    return (
        tables <= {t.name for t in TABLES}
        and bool(sources)
        and all(
            Path(src).name in names and Path(src).parent.parts[-2:] == ("bedfellows", "samples")
            for src in sources
        )
    )


def _build(db: Path, silent: bool) -> RunSummary:
    """Code the sample into a new marked database, then move it onto ``db``."""
    with atomic_output(db, overwrite=True) as tmp:
        try:
            with Store.open(tmp) as store:
                store.set_meta(DEMO_MARK, _DEMO_VALUE)
            summary = _code(tmp, silent)
        finally:
            # DuckDB removes the log on a clean close; not after a failure.
            Path(f"{tmp}.wal").unlink(missing_ok=True)
        # The replaced database's log would be replayed onto the new file.
        Path(f"{db}.wal").unlink(missing_ok=True)
    return summary


def _code(db: Path, silent: bool) -> RunSummary:
    return run_coding(sample_files(), str(db), include_comments=False, silent=silent, max_mb=20)


@click.command()
@click.option(
    "--db",
    default="bedfellows-demo.duckdb",
    show_default=True,
    help="The demo's own database; any other file is refused without --force.",
)
@click.option("--silent", is_flag=True, help="No progress bar.")
@click.option("--force", is_flag=True, help="Replace --db even if the demo did not create it.")
def demo(db, silent, force) -> None:
    """Code the bundled sample corpus into DuckDB; print events and alliances.

    The demo writes only databases it created itself (it marks them); it
    refuses any other --db unless --force.
    """
    check_local(db)  # before anything is coded into a temporary file
    path = Path(db)
    summary = _code(path, silent) if _reusable(path, force) else _build(path, silent)
    with Store.open(db, read_only=True) as store:
        rows = store.events()
        windows = store.datings()
        kinds = store.article_types()
    print_events(rows, "table")
    if kinds:
        click.echo("")
        click.echo("Articles by ACLED sub-event type (model: words and coded events)")
        print_article_types(kinds)
    if windows:
        click.echo("")
        click.echo("Undated articles: inferred date windows and their evidence")
        print_datings(windows)
    print_alliance_summary(db)
    echo_summary(summary)
    say(f"database: {db}", err=True)
