"""Check and register the hand-written tables (no ../shared input).

``noun_triggers.tsv`` maps event nouns ("talks", "military cooperation") to
CAMEO codes; it is written by hand because the CAMEO verb dictionary codes
verbs only. This script sorts it, checks every code against
``cameo_codes.tsv`` (so run it after build_codebook.py: build_all runs scripts
in name order), and records it in MANIFEST.toml and NOTICE.

Usage: ``python scripts/build_data/build_curated.py [--shared PATH]`` (ignored).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from _manifest import update_manifest, update_notice, write_tsv

DATA = Path(__file__).resolve().parents[2] / "bedfellows" / "data"
HEADER = ("noun", "modifier", "cameo_code", "note")


def main() -> int:
    """Validate, sort and register noun_triggers.tsv; return an exit code."""
    with (DATA / "cameo_codes.tsv").open(encoding="utf-8") as fh:
        codes = {row["code"] for row in csv.DictReader(fh, delimiter="\t")}
    path = DATA / "noun_triggers.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    bad = [r for r in rows if r["cameo_code"] not in codes]
    if bad:
        for r in bad:
            print(
                f"noun_triggers.tsv: unknown CAMEO code {r['cameo_code']!r} for {r['noun']!r}",
                file=sys.stderr,
            )
        return 1
    n = write_tsv(path, HEADER, ([r[h] for h in HEADER] for r in rows))
    update_manifest(
        DATA,
        "noun_triggers.tsv",
        version="1",
        source="hand-written (bedfellows)",
        licence="MIT",
        generator="scripts/build_data/build_curated.py",
    )
    update_notice(
        DATA,
        "noun_triggers",
        "noun_triggers.tsv: written by hand for bedfellows (MIT); codes checked against"
        " cameo_codes.tsv.",
    )
    print(f"build_curated: {n} noun triggers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
