"""Packaged data tables: paths, TSV reading and checksum verification.

The tables are plain sorted UTF-8 TSV files with a header row, built by the
scripts in ``scripts/build_data/`` and listed with their sha256 in
``MANIFEST.toml``; their sources and licences are in ``NOTICE``.

    data_path("cameo_codes.tsv")  -> Path of a packaged file
    read_tsv("cameo_codes.tsv")   -> [{"code": "010", ...}, ...]
    verify()                      -> [] when every file matches MANIFEST.toml
"""

from __future__ import annotations

import hashlib
import tomllib
from importlib import resources
from pathlib import Path

from bedfellows.errors import DataFileError

__all__ = ["data_manifest_sha256", "data_path", "read_tsv", "verify"]

MANIFEST = "MANIFEST.toml"
_REBUILD = "rebuild with: python scripts/build_data/build_all.py"


def _data_dir() -> Path:
    """Directory of the packaged tables (this package's directory)."""
    return Path(str(resources.files(__name__)))


def data_path(name: str) -> Path:
    """Return the path of the packaged data file ``name``.

    name (str): a file name in bedfellows/data, e.g. "cameo_codes.tsv".
    RETURNS (Path): its path on disk.
    Raises DataFileError when the name is not a plain file name or the file is missing.
    """
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise DataFileError(f"{name!r}: not a data file name (expected e.g. 'cameo_codes.tsv')")
    path = _data_dir() / name
    if not path.is_file():
        raise DataFileError(f"{path}: packaged data file {name!r} is missing; {_REBUILD}")
    return path


def read_tsv(name: str) -> list[dict[str, str]]:
    """Read a packaged TSV table into one dict per row, keyed by the header.

    Values are strings exactly as stored (no quoting rules: the tables never hold
    tabs or newlines inside values).
    name (str): the file name, e.g. "verb_patterns.tsv".
    RETURNS (list[dict[str, str]]): the rows, in file order.
    Raises DataFileError when the file is missing, empty, not UTF-8 or ragged.
    """
    path = data_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 ({exc.reason}); {_REBUILD}") from exc
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or not lines[0]:
        raise DataFileError(f"{path}: empty table (no header row); {_REBUILD}")
    header = lines[0].split("\t")
    width = len(header)
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != width:
            raise DataFileError(
                f"{path}:{number}: {len(cells)} fields, the header has {width}; {_REBUILD}"
            )
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def verify(data_dir: Path | None = None) -> list[str]:
    """Check every file listed in MANIFEST.toml against its sha256.

    data_dir (Path | None): directory holding MANIFEST.toml and the tables.
        Defaults to the packaged bedfellows/data.
    RETURNS (list[str]): one message per missing or changed file; [] when all match.
    Raises DataFileError when MANIFEST.toml itself is missing or not valid TOML.
    """
    directory = Path(data_dir) if data_dir is not None else _data_dir()
    manifest = directory / MANIFEST
    try:
        with manifest.open("rb") as handle:
            entries = tomllib.load(handle).get("files", {})
    except FileNotFoundError as exc:
        raise DataFileError(f"{manifest}: missing; {_REBUILD}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{manifest}: not valid TOML ({exc})") from exc
    problems = []
    for name in sorted(entries):
        expected = str(entries[name].get("sha256", ""))
        path = directory / name
        if not path.is_file():
            problems.append(f"{name}: listed in {MANIFEST} but missing")
            continue
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        if actual != expected:
            problems.append(f"{name}: sha256 {actual} does not match {MANIFEST} ({expected})")
    return problems


def data_manifest_sha256() -> str:
    """sha256 of the packaged data MANIFEST: which tables coded an event."""
    return hashlib.sha256(data_path("MANIFEST.toml").read_bytes()).hexdigest()
