"""Writes numbered articles into a store forever-ish; the crash test SIGKILLs it.

Run as a script: ``python crash_writer.py DB N``. Prints the index of each
committed article on its own line so the parent knows how far it got.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from factories import numbered  # noqa: E402

from bedfellows.store import Store  # noqa: E402


def main(db: str, n: int) -> None:
    """Write articles 0..n-1, reporting each commit on stdout."""
    with Store.open(db) as store:
        run = store.begin_run(argv=sys.argv)
        for i in range(n):
            article, events = numbered(i)
            store.write_article(article, events, run)
            sys.stdout.write(f"{i}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
