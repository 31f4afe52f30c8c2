"""Progress display for the CLI only: a rich bar on a terminal, nothing otherwise."""

from __future__ import annotations

import sys
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn


@contextmanager
def progressbar(label: str, *, silent: bool = False, total: int | None = None):
    """Yield an ``advance(n_events)`` callback; a no-op when silent or not a TTY."""
    if silent or not sys.stderr.isatty():
        yield lambda _events=0: None
        return
    console = Console(stderr=True)
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} articles · {task.fields[events]} events"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task(label, total=total, events=0)
        state = {"events": 0}

        def advance(n_events: int = 0) -> None:
            state["events"] += n_events
            bar.update(task, advance=1, events=state["events"])

        yield advance
