"""Settings from a ``bedfellows.toml`` file.

    # bedfellows.toml
    [actors]
    file = "my_actors.yaml"     # user actors, relative to this file

The file is the one given explicitly, else ``$BEDFELLOWS_CONFIG``, else
``bedfellows.toml`` in the current directory if there is one. Command-line
options override it.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from bedfellows.errors import ConfigError

__all__ = ["CONFIG_NAME", "Settings", "load_settings"]

CONFIG_NAME = "bedfellows.toml"
_KNOWN = {"actors": {"file"}}


@dataclass(frozen=True)
class Settings:
    """What a config file sets (None = not set)."""

    actors_file: Path | None = None
    source: Path | None = None  # the config file read, if any

    def describe(self) -> str:
        """``"<config file>: <what it sets>"``, to tell the user which settings apply
        (``./bedfellows.toml: actors file my_actors.yaml``); paths under the working
        directory are shown relative to it."""
        where = "no config file"
        if self.source is not None:
            where = _relative(self.source)
            where = where if Path(where).is_absolute() else f"./{where}"
        sets = [f"actors file {_relative(self.actors_file)}"] if self.actors_file else []
        return f"{where}: {', '.join(sets) or 'nothing set'}"


def _relative(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_settings(path: str | Path | None = None) -> Settings:
    """Read the settings file (see the module docstring for which one).

    Raises ConfigError naming the file for unreadable TOML, unknown sections
    or keys, and an actors file that does not exist.
    """
    if path is None:
        env = os.environ.get("BEDFELLOWS_CONFIG")
        path = Path(env) if env else Path.cwd() / CONFIG_NAME
        if not env and not path.is_file():
            return Settings()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
    for section, values in data.items():
        if section not in _KNOWN or not isinstance(values, dict):
            raise ConfigError(f"{path}: unknown section [{section}] (known: {', '.join(_KNOWN)})")
        unknown = set(values) - _KNOWN[section]
        if unknown:
            keys = ", ".join(sorted(unknown))
            raise ConfigError(f"{path}: unknown key(s) in [{section}]: {keys}")
    actors = data.get("actors", {}).get("file")
    actors_file = None
    if actors is not None:
        actors_file = (path.parent / str(actors)).resolve()
        if not actors_file.is_file():
            raise ConfigError(f"{path}: [actors] file {actors_file} does not exist")
    return Settings(actors_file=actors_file, source=path)
