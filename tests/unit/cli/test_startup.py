"""Commands load lazily: --help and the commands that do not code import no heavy library."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys

from bedfellows.cli.main import COMMANDS, cli

HEAVY = ("spacy", "polars", "networkx", "matplotlib", "trafilatura")


def _loaded_after(*args: str) -> list[str]:
    code = (
        "import sys\n"
        "from bedfellows.cli.main import cli\n"
        f"try:\n    cli.main({list(args)!r}, standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return eval(done.stdout.strip().splitlines()[-1])  # a printed list of names


def test_help_imports_no_heavy_library():
    assert _loaded_after("--help") == []
    assert _loaded_after("--version") == []


def test_every_listed_command_exists_and_its_line_matches_its_help():
    for name, (module, attr, line) in COMMANDS.items():
        command = getattr(importlib.import_module(f"bedfellows.cli.{module}"), attr)
        assert command.name == name or name == "bedfellows"
        words = set(re.findall(r"[a-z]+", (command.help or "").split("\n\n")[0].lower()))
        assert set(re.findall(r"[a-z]+", line.lower())) <= words, name


def test_help_lists_every_command():
    from click.testing import CliRunner

    out = CliRunner().invoke(cli, ["--help"]).output
    for name in COMMANDS:
        assert f"  {name} " in out
