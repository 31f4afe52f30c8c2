"""Check and register the hand-written tables (no ../shared input).

``noun_triggers.tsv`` maps event nouns ("talks", "military cooperation") to
CAMEO codes; it is written by hand because the CAMEO verb dictionary codes
verbs only. ``verb_defaults.tsv`` gives a code to a few bare verbs the CAMEO
dictionary leaves uncoded (its "REFUSE [---]" block: "reject", "refuse")
or codes against the codebook ("agree", which the codebook's 030 names and
the dictionary codes 050), each named in the codebook's description of that
code; its rows with ``before``/``after`` words (the verb_patterns syntax) are
hand-written patterns tried before the dictionary's ("remanded in custody"
→ 173). ``---`` codes no event ("cardiac arrest", "confined to").
``comment_adjectives.tsv`` gives the predicate adjectives that make a comment
pessimistic (CAMEO 012) or optimistic (013): "said it is skeptical of". This
script sorts all three, checks every code against
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


TABLES = {
    "noun_triggers.tsv": (HEADER, "noun", "noun triggers"),
    "verb_defaults.tsv": (
        ("verb", "before", "after", "cameo_code", "note"),
        "verb",
        "verb defaults",
    ),
    "comment_adjectives.tsv": (
        ("adjective", "cameo_code", "note"),
        "adjective",
        "comment adjectives",
    ),
}
#: The code of a row that codes no event (as the CAMEO dictionary writes it).
NO_EVENT = "---"


def main() -> int:
    """Validate, sort and register the hand-written tables; return an exit code."""
    with (DATA / "cameo_codes.tsv").open(encoding="utf-8") as fh:
        codes = {row["code"] for row in csv.DictReader(fh, delimiter="\t")}
    counts = []
    for name, (header, key, what) in TABLES.items():
        path = DATA / name
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        bad = [r for r in rows if r["cameo_code"] not in codes and r["cameo_code"] != NO_EVENT]
        for r in bad:
            print(f"{name}: unknown CAMEO code {r['cameo_code']!r} for {r[key]!r}", file=sys.stderr)
        if bad:
            return 1
        n = write_tsv(path, header, ([r[h] for h in header] for r in rows))
        update_manifest(
            DATA,
            name,
            version="1",
            source="hand-written (bedfellows)",
            licence="MIT",
            generator="scripts/build_data/build_curated.py",
        )
        update_notice(
            DATA,
            name.removesuffix(".tsv"),
            f"{name}: written by hand for bedfellows (MIT); codes checked against cameo_codes.tsv.",
        )
        counts.append(f"{n} {what}")
    print(f"build_curated: {', '.join(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
