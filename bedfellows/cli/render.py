"""Terminal rendering of event rows (one row per event)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .safe_text import cell, printable

# "against": the parties a cooperation is directed against (Event.opposed).
COLUMNS = ("date", "source", "event", "target", "against", "place", "modality", "evidence")


def _actors(actors: Sequence[dict]) -> str:
    return (
        "+".join(a.get("cameo") or a.get("country") or a.get("text") or "?" for a in actors) or "-"
    )


def _date(row: dict) -> str:
    start, end = row.get("date_start"), row.get("date_end")
    if start is None:
        return "undated"
    gran = row.get("date_granularity") or ""
    text = str(start) if start == end or end is None else f"{start}..{end}"
    if row.get("date_basis") == "inferred":  # an undated article's inferred window
        return f"{text} ({gran}, inferred)" if gran else f"{text} (inferred)"
    return f"{text} ({gran})" if gran and gran != "day" else text


def flat(row: dict) -> dict:
    """One event as a flat dict of display strings."""
    mod = row.get("modality") or "asserted"
    if row.get("historical"):
        mod += ", historical"
    if row.get("reported_by_text"):
        mod += f", per {row['reported_by_text']}"
    return {
        "date": _date(row),
        "source": _actors(row.get("sources") or []),
        "event": f"{row['plover_type']} {row['cameo_code']}",
        "target": _actors(row.get("targets") or []),
        "against": _actors(row.get("against") or []),
        "place": row.get("place_name") or "",
        "modality": mod,
        "evidence": (
            f"{row['article_id']} s{row['sentence_index']} "
            f"[{row['trigger_start']}:{row['trigger_end']}] {row['trigger']}"
        ),
        "sentence": row.get("sentence", ""),
    }


#: Columns a terminal narrower than ``_NARROW`` characters does without (``--wide`` keeps them).
_OPTIONAL = ("against", "place")
_NARROW = 120


def print_events(
    rows: list[dict], fmt: str, *, show_sentence: bool = True, wide: bool = False
) -> None:
    """Print events as a rich table, a JSON array, JSON lines, CSV or TSV on stdout.

    The table fits the terminal (80 columns when output is not a terminal):
    narrower than 120 columns it leaves out ``against`` and ``place``;
    ``wide`` shows every column at 140 columns or more.
    """
    if fmt == "json":
        json.dump(rows, sys.stdout, default=str, sort_keys=True, indent=1)
        sys.stdout.write("\n")
        return
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, default=str, sort_keys=True) + "\n")
        return
    if fmt in ("csv", "tsv"):
        writer = csv.DictWriter(
            sys.stdout, fieldnames=[*COLUMNS, "sentence"], delimiter="," if fmt == "csv" else "\t"
        )
        writer.writeheader()
        # A display of the events, like the table: article text made printable.
        writer.writerows({k: printable(v) for k, v in flat(r).items()} for r in rows)
        return
    width = max(Console().width, 140) if wide else Console().width
    columns = [c for c in COLUMNS if wide or width >= _NARROW or c not in _OPTIONAL]
    table = Table(show_lines=show_sentence, expand=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        f = flat(row)
        # Text cells: article text is shown literally, never read as rich markup.
        cells = [cell(f[c]) for c in columns]
        if show_sentence:
            cells[-1] = Text.assemble(cell(f["evidence"]), "\n", cell(f["sentence"], "dim"))
        table.add_row(*cells)
    Console(soft_wrap=False, width=width).print(table)
