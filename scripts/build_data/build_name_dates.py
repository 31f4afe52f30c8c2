#!/usr/bin/env python
"""Build ``bedfellows/data/actor_name_dates.tsv`` from ``curated_actors.yaml``.

The ``name_dates`` section of ``curated_actors.yaml`` lists organisation names
that did not exist before a known month (ISIL: April 2013). An undated
article that uses such a name is no older than that month, which is evidence
for its inferred date window (``bedfellows.events.dating``).

Each entry must name a curated actor and only aliases of that actor; every
entry needs a ``since`` date and a ``source`` saying how the date is known.
Output: a sorted TSV ``name, actor_id, since, source`` and its MANIFEST.toml
entry. Needs nothing from ``../shared`` (options such as ``--shared`` passed
by ``build_all.py`` are accepted and ignored).

Usage: ``python scripts/build_data/build_name_dates.py [--out-dir DIR]``
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _manifest import update_manifest, write_tsv  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
CURATED_PATH = HERE / "curated_actors.yaml"
OUT_NAME = "actor_name_dates.tsv"
HEADER = ("name", "actor_id", "since", "source")


def name_date_rows(curated: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Validated, sorted rows of the ``name_dates`` section.

    Raises ValueError naming the entry when an actor is unknown, a name is not
    one of its aliases, a date is missing or malformed, or a source is empty.
    """
    aliases = {
        a["id"]: {str(x) for x in (a.get("aliases") or [])} | {str(a.get("name", ""))}
        for a in curated.get("actors", []) or []
    }
    rows: dict[str, tuple[str, str, str, str]] = {}
    for number, entry in enumerate(curated.get("name_dates", []) or [], start=1):
        where = f"curated_actors.yaml name_dates #{number}"
        actor = entry.get("actor")
        if actor not in aliases:
            raise ValueError(f"{where}: unknown actor {actor!r}")
        since = entry.get("since")
        if isinstance(since, str):
            try:
                since = date.fromisoformat(since)
            except ValueError as exc:
                raise ValueError(f"{where}: since must be YYYY-MM-DD, not {since!r}") from exc
        if not isinstance(since, date):
            raise ValueError(f"{where}: since must be a date (YYYY-MM-DD)")
        source = " ".join(str(entry.get("source") or "").split())
        if not source:
            raise ValueError(f"{where}: a source is required")
        names = entry.get("names") or []
        if not names:
            raise ValueError(f"{where}: no names")
        for name in names:
            name = str(name)
            if name not in aliases[actor]:
                raise ValueError(f"{where}: {name!r} is not an alias of {actor}")
            if name in rows:
                raise ValueError(f"{where}: {name!r} is listed twice")
            rows[name] = (name, actor, since.isoformat(), source)
    return sorted(rows.values())


def main(argv: list[str] | None = None) -> int:
    """Write the table and its MANIFEST entry; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=REPO_ROOT / "bedfellows" / "data")
    args, _unknown = parser.parse_known_args(argv)
    with CURATED_PATH.open(encoding="utf-8") as handle:
        curated = yaml.safe_load(handle) or {}
    rows = name_date_rows(curated)
    out_dir = Path(args.out_dir)
    write_tsv(out_dir / OUT_NAME, HEADER, rows)
    update_manifest(
        out_dir,
        OUT_NAME,
        version="1",
        source="scripts/build_data/curated_actors.yaml (name_dates)",
        licence="MIT",
        generator="scripts/build_data/build_name_dates.py",
    )
    print(f"{OUT_NAME}: {len(rows)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
