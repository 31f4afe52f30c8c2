"""The ``bedfellows`` command: a click group of thin wrappers over the library.

Exit status: 0 all inputs coded; 1 the run finished but some inputs were
skipped (each named on stderr); 2 usage error or a fatal error.
"""

from __future__ import annotations

import logging
import sys

import click

from bedfellows.about import __version__
from bedfellows.errors import BedfellowsError

from .acled_types import acled_types
from .actors import actors
from .alliances import bedfellows_cmd, blocs, dyad, network, shifts
from .code import code
from .dating import dating
from .demo import demo
from .query import events, export, info

EXIT_SKIPPED = 1
EXIT_FATAL = 2


class BedfellowsGroup(click.Group):
    """Turns library errors into one clear message and exit status 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BedfellowsError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(EXIT_FATAL)


@click.group(cls=BedfellowsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bedfellows")
@click.option("-v", "--verbose", count=True, help="More log output (repeat for debug).")
def cli(verbose: int) -> None:
    """bedfellows: code news into political events and alliance networks."""
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(
        level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s"
    )


for command in (
    code,
    events,
    export,
    info,
    demo,
    actors,
    dating,
    acled_types,
    dyad,
    network,
    blocs,
    bedfellows_cmd,
    shifts,
):
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="bedfellows", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("interrupted; every article already written is kept", err=True)
        sys.exit(130)
