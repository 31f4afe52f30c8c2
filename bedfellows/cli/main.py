"""The ``bedfellows`` command: a click group of thin wrappers over the library.

Exit status: 0 all inputs coded; 1 the run finished but some inputs were
skipped (each named on stderr); 2 usage error or a fatal error.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys

import click

from bedfellows.about import __version__
from bedfellows.errors import BedfellowsError

from .safe_text import printable, say

EXIT_SKIPPED = 1
EXIT_FATAL = 2


EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
_VERBOSE = "bedfellows.verbose"

log = logging.getLogger(__name__)


#: Each command: its module, its function and the one-line help ``--help`` lists.
#: Commands are imported only when run, so ``bedfellows --help`` and the commands
#: that do not code never load spaCy, the knowledge base or the alliance layer
#: (tests/unit/cli/test_startup.py checks the lines against the commands' own).
COMMANDS: dict[str, tuple[str, str, str]] = {
    "acled-types": ("acled_types", "acled_types", "Each article's ACLED sub-event type."),
    "actors": ("actors", "actors", "Inspect the actor knowledge base."),
    "bedfellows": ("alliances", "bedfellows_cmd", "Pairs cooperating against a common enemy."),
    "blocs": ("alliances", "blocs", "Alliance blocs, structural balance, friends and enemies."),
    "code": ("code", "code", "Code INPUTS (files, directories, globs) into events."),
    "dating": ("dating", "dating", "Undated articles' inferred date windows and the evidence."),
    "demo": ("demo", "demo", "Code the bundled sample corpus into DuckDB; print events."),
    "dyad": ("alliances", "dyad", "How actors A and B treat each other, period by period."),
    "events": ("query", "events", "List coded events, one row each, with their evidence."),
    "export": ("query", "export", "Export events as PLOVER JSONL, GDELT, CSV or Parquet."),
    "info": ("query", "info", "Versions, packaged data status and database counts."),
    "network": ("alliances", "network", "The signed actor network of a window."),
    "shifts": ("alliances", "shifts", "Significant changes in dyads' relations."),
}  # fmt: skip


class BedfellowsGroup(click.Group):
    """Turns every failure of a command into one clear stderr line and an exit status.

    Library errors and anything unexpected exit 2 (``error: ...``), Ctrl-C
    exits 130; no traceback reaches the user unless ``-v`` asks for it.
    Commands are loaded lazily (``COMMANDS``).
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, sorted."""
        return sorted({*COMMANDS, *super().list_commands(ctx)})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command, importing its module on first use."""
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module, attr, _ = COMMANDS[cmd_name]
        return getattr(importlib.import_module(f"{__package__}.{module}"), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``--help`` from ``COMMANDS``, importing nothing."""
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx) if name in COMMANDS]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        """Run the command, mapping its failures to messages and exit codes."""
        try:
            return super().invoke(ctx)
        except BedfellowsError as exc:
            say(f"error: {exc}", err=True)
            ctx.exit(EXIT_FATAL)
        except click.ClickException as exc:
            # Usage errors quote option values, which may hold control characters.
            exc.message = printable(exc.message)
            raise
        except (click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            _interrupted(ctx)
        except BrokenPipeError:
            # The reader went away (`bedfellows export | head`): stop quietly.
            _silence_stdout()
            ctx.exit(EXIT_SKIPPED)
        except Exception as exc:
            if interrupted_in_duckdb(exc):
                _interrupted(ctx)
            if ctx.meta.get(_VERBOSE):
                log.exception("internal error")
            say(
                f"error: internal error: {type(exc).__name__}: {exc} "
                "(run with -v for the traceback)",
                err=True,
            )
            ctx.exit(EXIT_FATAL)


def interrupted_in_duckdb(exc: BaseException) -> bool:
    """Whether ``exc`` (or what it wraps) is DuckDB reporting a Ctrl-C mid-query."""
    while exc is not None:
        if type(exc).__name__ == "InterruptException":
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _interrupted(ctx: click.Context) -> None:
    name = ctx.invoked_subcommand or ""
    kept = "; every article already written is kept" if name == "code" else ""
    say(f"interrupted{kept}", err=True)
    ctx.exit(EXIT_INTERRUPTED)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class _PrintableFormatter(logging.Formatter):
    """Log messages name files and quote text from outside: each is made one printable
    line (a traceback under ``-v`` keeps its own lines)."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        return printable(super().formatMessage(record))


@click.group(cls=BedfellowsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bedfellows")
@click.option("-v", "--verbose", count=True, help="More log output (repeat for debug).")
@click.pass_context
def cli(ctx: click.Context, verbose: int) -> None:
    """bedfellows: code news into political events and alliance networks."""
    ctx.meta[_VERBOSE] = verbose
    level = logging.WARNING - 10 * verbose
    handler = logging.StreamHandler()
    handler.setFormatter(_PrintableFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=max(level, logging.DEBUG), handlers=[handler])
    # trafilatura logs an ERROR for every page it cannot parse; bedfellows names
    # such an input once itself ("skipped ..."). Its own log shows from -vv on.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL if verbose < 2 else logging.DEBUG)


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="bedfellows", standalone_mode=True)
    except KeyboardInterrupt:  # outside a command (while parsing options, say)
        say("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
