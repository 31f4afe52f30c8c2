"""Options shared by several commands: the per-article reports (``dating``,
``acled-types``), ``--force`` for the commands that write files and
``--min-confidence`` for the alliance commands, ``events`` and ``export``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from bedfellows.config import load_settings
from bedfellows.errors import ConfigError
from bedfellows.thresholds import DEFAULT_MIN_CONFIDENCE, check_min_confidence
from bedfellows.util.atomic import check_output_path, same_file

from .safe_text import say

DEFAULT_DB = "bedfellows.duckdb"
_ANNOUNCED = "bedfellows.settings_announced"

actors_option = click.option(
    "--actors",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="User actor file (YAML or CSV) added to the knowledge base; "
    "default: [actors] file in bedfellows.toml.",
)


def actors_file(option: Path | None) -> Path | None:
    """The user actor file: the option, else the config file's setting.

    When a config file is in effect the command says so, once, on stderr: a
    ``bedfellows.toml`` in the working directory changes how actors are coded,
    and nobody should be surprised by it.
    """
    if option is not None:
        return option
    settings = load_settings()
    ctx = click.get_current_context(silent=True)
    announced = ctx is not None and ctx.meta.get(_ANNOUNCED, False)
    if settings.source is not None and not announced:
        say(f"using settings from {settings.describe()}", err=True)
        if ctx is not None:
            ctx.meta[_ANNOUNCED] = True
    return settings.actors_file


def article_report_options(command: Callable) -> Callable:
    """``--db`` (an existing file), ``--format text|json`` and an optional ARTICLE_ID."""
    for decorate in reversed(
        (
            click.option(
                "--db",
                default=DEFAULT_DB,
                show_default=True,
                help="DuckDB file to read.",
                type=click.Path(exists=True, dir_okay=False),
            ),
            click.option(
                "--format",
                "fmt",
                type=click.Choice(["text", "json"]),
                default="text",
                show_default=True,
            ),
            click.argument("article_id", required=False),
        )
    ):
        command = decorate(command)
    return command


force_option = click.option(
    "--force",
    is_flag=True,
    help="Replace output files that already exist (never the database read).",
)


def _min_confidence(_ctx: click.Context, _param: click.Parameter, value: float) -> float:
    """Check a --min-confidence early: outside [0, 1] (or nan) is a usage error, exit 2."""
    try:
        return check_min_confidence(value)
    except ConfigError:
        raise click.BadParameter(f"{value} is not a number between 0 and 1") from None


min_confidence_option = click.option(
    "--min-confidence",
    type=float,
    default=DEFAULT_MIN_CONFIDENCE,
    show_default=True,
    callback=_min_confidence,
    metavar="FLOAT",
    help="Only events whose confidence (the estimated probability that the event's "
    "type and actors are right) is at least this; 0 keeps every event.",
)


def check_outputs(db: str, force: bool, *paths: str | None) -> None:
    """Refuse, before any work is done, output paths that must not be written.

    An existing file needs ``--force``; the database being read (or its
    ``.wal``) is refused even with it; two outputs may not name one file.
    Raises ConfigError (the CLI prints it as an ``error:`` line, exit 2).
    """
    given = [p for p in paths if p is not None and p != "-"]
    for i, path in enumerate(given):
        check_output_path(path, overwrite=force, protected=[db])
        if any(same_file(path, other) for other in given[:i]):
            raise ConfigError(f"{path}: named for two outputs; give each its own file")
