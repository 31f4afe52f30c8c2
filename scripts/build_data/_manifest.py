"""Shared helpers for the build scripts: MANIFEST.toml entries, NOTICE sections, TSV output.

Every table in ``bedfellows/data/`` has one entry in ``MANIFEST.toml``::

    [files."cameo_codes.tsv"]
    version = "1"
    source = "..."
    licence = "..."
    generator = "scripts/build_data/build_codebook.py"
    sha256 = "..."

``update_manifest`` recomputes the sha256 of one file and rewrites the whole
manifest with the entries sorted by file name, so any build script can call it
in any order and the result is the same. The TOML is written by hand (the
standard library only reads TOML); values are plain strings.

``NOTICE`` is one preamble followed by one section per source, each opened by a
line ``## <section id>``; ``update_notice`` replaces or inserts one section and
keeps the sections sorted by id, so scripts can add their own sources without
touching anyone else's.

``write_tsv`` writes a sorted UTF-8 TSV with a header row and ``\\n`` line ends,
refusing values that would break the format (tabs, newlines).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

MANIFEST_NAME = "MANIFEST.toml"
NOTICE_NAME = "NOTICE"

_MANIFEST_HEADER = (
    "# Packaged data tables: one entry per file, sorted by file name.\n"
    "# Written by scripts/build_data/_manifest.py; do not edit by hand.\n"
    "# `bedfellows.data.verify()` checks every sha256 below.\n"
)

_NOTICE_PREAMBLE = (
    "Third-party sources of the data tables in bedfellows/data/\n"
    "==========================================================\n"
    "\n"
    "The tables in this directory are derived by the scripts in scripts/build_data/\n"
    "from the sources below; the source files themselves are not copied here.\n"
    "One section per source, sorted by section id; each build script rewrites\n"
    "only its own sections (scripts/build_data/_manifest.py: update_notice).\n"
)

_ENTRY_KEYS = ("version", "source", "licence", "generator", "sha256")


def sha256_of(path: Path) -> str:
    """Return the hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _toml_string(value: str) -> str:
    """Quote a value as a TOML basic string."""
    out = ['"']
    for char in value:
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _atomic_write(path: Path, text: str) -> None:
    """Write text (UTF-8, ``\\n`` line ends) via a temporary file and rename."""
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    os.replace(tmp, path)


def read_manifest(data_dir: Path) -> dict[str, dict[str, str]]:
    """Return ``{file name: entry}`` from ``data_dir/MANIFEST.toml`` ({} if absent)."""
    path = Path(data_dir) / MANIFEST_NAME
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        parsed = tomllib.load(handle)
    files = parsed.get("files", {})
    return {name: {k: str(v) for k, v in entry.items()} for name, entry in files.items()}


def render_manifest(entries: Mapping[str, Mapping[str, str]]) -> str:
    """Render manifest entries as TOML text, sorted by file name (deterministic)."""
    chunks = [_MANIFEST_HEADER]
    for name in sorted(entries):
        entry = entries[name]
        lines = [f"\n[files.{_toml_string(name)}]"]
        # Known keys first in a fixed order, then anything another script added.
        keys = [k for k in _ENTRY_KEYS if k in entry]
        keys += sorted(k for k in entry if k not in _ENTRY_KEYS)
        lines += [f"{key} = {_toml_string(str(entry[key]))}" for key in keys]
        chunks.append("\n".join(lines) + "\n")
    return "".join(chunks)


def update_manifest(
    data_dir: Path,
    filename: str,
    *,
    version: str,
    source: str,
    licence: str,
    generator: str,
) -> str:
    """Add or replace the MANIFEST.toml entry of ``data_dir/filename``; return its sha256.

    The sha256 is computed from the file as it is now, so call this after the
    file is written. Entries of other files are kept untouched.
    """
    data_dir = Path(data_dir)
    target = data_dir / filename
    if not target.is_file():
        raise FileNotFoundError(f"{target}: cannot add to {MANIFEST_NAME}: no such file")
    digest = sha256_of(target)
    entries = read_manifest(data_dir)
    entries[filename] = {
        "version": version,
        "source": source,
        "licence": licence,
        "generator": generator,
        "sha256": digest,
    }
    _atomic_write(data_dir / MANIFEST_NAME, render_manifest(entries))
    return digest


def _split_notice(text: str) -> tuple[str, dict[str, str]]:
    """Split NOTICE text into its preamble and ``{section id: body}``."""
    preamble_lines: list[str] = []
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), [])
        elif current is None:
            preamble_lines.append(line)
        else:
            current.append(line)
    preamble = "\n".join(preamble_lines).strip("\n") + "\n"
    return preamble, {key: "\n".join(body).strip("\n") for key, body in sections.items()}


def update_notice(data_dir: Path, section: str, body: str) -> None:
    """Replace (or insert) the NOTICE section ``section`` with ``body``; keep sections sorted."""
    if "\n" in section or not section.strip():
        raise ValueError(f"bad NOTICE section id {section!r}")
    path = Path(data_dir) / NOTICE_NAME
    if path.exists():
        preamble, sections = _split_notice(path.read_text(encoding="utf-8"))
    else:
        preamble, sections = _NOTICE_PREAMBLE, {}
    if any(line.startswith("## ") for line in body.splitlines()):
        raise ValueError(f"NOTICE section {section!r}: body may not contain '## ' lines")
    sections[section.strip()] = body.strip("\n")
    parts = [preamble.rstrip("\n") + "\n"]
    for key in sorted(sections):
        parts.append(f"\n## {key}\n\n{sections[key]}\n")
    _atomic_write(path, "".join(parts))


def write_tsv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write a header row and the rows sorted, as UTF-8 TSV; return the row count.

    Values are converted with ``str`` (``None`` becomes the empty string). Rows
    are sorted on their string cells so the output does not depend on input
    order. A value holding a tab or newline raises ``ValueError``.
    """
    text_rows: list[list[str]] = []
    for row in rows:
        cells = ["" if value is None else str(value) for value in row]
        if len(cells) != len(header):
            raise ValueError(f"{path.name}: row has {len(cells)} cells, header {len(header)}")
        for cell in cells:
            if "\t" in cell or "\n" in cell or "\r" in cell:
                raise ValueError(f"{path.name}: value {cell!r} contains a tab or newline")
        text_rows.append(cells)
    text_rows.sort()
    lines = ["\t".join(header)] + ["\t".join(cells) for cells in text_rows]
    _atomic_write(Path(path), "\n".join(lines) + "\n")
    return len(text_rows)


def model_main(
    argv: list[str] | None, doc: str, name: str, build: Callable[[Path, Path], str]
) -> int:
    """The command line of a model build script: ``--shared``, ``--data-dir``, ``-v``.

    ``build(shared, data_dir)`` trains and writes the table and returns a summary,
    printed after ``name``; an OSError, RuntimeError or ValueError is one line on
    stderr and exit status 1.
    """
    repo = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=repo.parent / "shared")
    parser.add_argument("--data-dir", type=Path, default=repo / "bedfellows" / "data")
    # build_all passes every script the same options.
    parser.add_argument("-v", "--verbose", action="store_true", help="(no extra output)")
    args = parser.parse_args(argv)
    try:
        summary = build(args.shared.resolve(), args.data_dir.resolve())
    except (OSError, RuntimeError, ValueError) as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return 1
    print(f"{name}: {summary}")
    return 0
