"""Options shared by the per-article report commands (``dating``, ``acled-types``)."""

from __future__ import annotations

from collections.abc import Callable

import click

from .code import DEFAULT_DB


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
