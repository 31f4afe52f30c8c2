#!/usr/bin/env python
"""Speed of the alliance layer on a million events (issue 5: under 30 s on one machine).

    python benchmarks/alliance_speed.py [--events 1000000] [--actors 200] [--months 120]
                                        [--repeats 2] [--actor-repeats 1] [--loop-months]
                                        [--out benchmarks/results/alliance_speed.json]

A synthetic world (``bedfellows.network.synthetic``: 200 actors in 5 blocs over
10 years from January 2015, noise 0.1) is generated and written into a DuckDB
store file in a temporary directory; both steps are timed but are set-up, not
part of the target. The store is then opened read-only once and these API calls
of ``bedfellows.network`` are timed, each the best of ``--repeats`` runs (wall
time; the process's CPU time is recorded too, since the machine may be shared):

- ``dyad_series`` (monthly) of the busiest dyad (most events);
- ``dyad_series`` of every dyad of the busiest actor (one call per other actor;
  best of ``--actor-repeats``, default 1, as it is the slow one);
- the monthly network build: one signed network per month over the whole
  period with ``network_series(db, freq="month")``, the batched helper (one
  DuckDB aggregation); ``--loop-months`` also times one ``signed_network`` call
  per month, the unbatched way;
- ``signed_network`` over the whole period, for scale.

The target is the busiest dyad's series plus the monthly network build under 30 s.
Prints a table and writes JSON with the machine (cores, RSS via psutil when
installed, peak RSS).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shlex
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run as a script: make ``bedfellows`` importable from the repo
    sys.path.insert(0, str(REPO))

import duckdb  # noqa: E402

from bedfellows.about import __version__  # noqa: E402
from bedfellows.network import dyad_series, network_series, signed_network  # noqa: E402
from bedfellows.network.synthetic import SyntheticSpec, generate, write_world  # noqa: E402
from bedfellows.store import Store  # noqa: E402
from benchmarks.outputs import add_record_option, out_path  # noqa: E402

DEFAULT_OUT = REPO / "benchmarks" / "results" / "alliance_speed.json"
TARGET_SECONDS = 30.0


def _rss_mb() -> float | None:
    try:
        import psutil
    except ImportError:
        return None
    return round(psutil.Process(os.getpid()).memory_info().rss / 2**20, 1)


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / 2**20 if sys.platform == "darwin" else peak / 2**10, 1)


def _progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def best_of(fn: Callable[[], Any], repeats: int, what: str = "") -> tuple[float, list[float], Any]:
    """(best wall seconds, [(wall, cpu) seconds of each call], last result) of ``repeats``
    calls of ``fn``. CPU time is the whole process's (DuckDB's threads included): on a
    shared machine it shows how much of the wall time was the work itself."""
    times = []
    result = None
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        times.append((round(time.perf_counter() - t0, 3), round(time.process_time() - c0, 3)))
        if what:
            _progress(f"{what}: {times[-1][0]:.2f} s wall, {times[-1][1]:.2f} s CPU")
    return min(wall for wall, _ in times), times, result


def _busiest(con: duckdb.DuckDBPyConnection) -> tuple[tuple[str, str, int], tuple[str, int]]:
    """The dyad and the actor with the most events (set-up queries, not timed)."""
    pair = con.execute(
        """
        SELECT least(s.country, t.country) AS a, greatest(s.country, t.country) AS b, count(*) AS n
        FROM event_actors s JOIN event_actors t
          ON s.event_id = t.event_id AND s.role = 'source' AND t.role = 'target'
        GROUP BY a, b ORDER BY n DESC, a, b LIMIT 1
        """
    ).fetchone()
    actor = con.execute(
        """
        SELECT country, count(*) AS n FROM event_actors WHERE role IN ('source', 'target')
        GROUP BY country ORDER BY n DESC, country LIMIT 1
        """
    ).fetchone()
    assert pair is not None and actor is not None
    return (pair[0], pair[1], int(pair[2])), (actor[0], int(actor[1]))


def run(
    spec: SyntheticSpec, *, repeats: int, actor_repeats: int, loop_months: bool
) -> dict[str, Any]:
    """Generate, write and time the alliance queries (see the module doc)."""
    doc: dict[str, Any] = {
        "bedfellows_version": __version__,
        "command": shlex.join(["python", "benchmarks/alliance_speed.py", *sys.argv[1:]]),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "repeats": repeats,
        "actor_repeats": actor_repeats,
        "spec": {
            "n_events": spec.n_events,
            "n_actors": spec.n_actors,
            "n_blocs": spec.n_blocs,
            "n_months": spec.n_months,
            "start": spec.start.isoformat(),
            "noise": spec.noise,
            "seed": spec.seed,
        },
        "target_seconds": TARGET_SECONDS,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
    setup: dict[str, Any] = {}
    timings: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bedfellows-speed-") as tmp:
        path = Path(tmp) / "synthetic.duckdb"
        t0 = time.perf_counter()
        world = generate(spec)
        setup["generate_seconds"] = round(time.perf_counter() - t0, 3)
        _progress(f"generated in {setup['generate_seconds']:.1f} s")
        t0 = time.perf_counter()
        write_world(path, world)
        setup["write_seconds"] = round(time.perf_counter() - t0, 3)
        _progress(f"written in {setup['write_seconds']:.1f} s")
        setup["file_mb"] = round(path.stat().st_size / 2**20, 1)
        del world
        with Store.open(path, read_only=True) as db:
            setup["events"] = db.counts()["events"]
            (a, b, n_pair), (actor, n_actor) = _busiest(db.cursor())
            setup["busiest_dyad"] = {"a": a, "b": b, "events": n_pair}
            setup["busiest_actor"] = {"actor": actor, "events": n_actor}
            others = [
                k
                for (k,) in db.cursor()
                .execute(
                    "SELECT DISTINCT country FROM event_actors WHERE country <> ? ORDER BY 1",
                    [actor],
                )
                .fetchall()
            ]

            best, runs, frame = best_of(
                lambda: dyad_series(db, a, b, freq="month"), repeats, "dyad series"
            )
            timings["dyad_series_busiest"] = {
                "seconds": best,
                "runs_wall_cpu_seconds": runs,
                "rows": frame.height,
            }

            best, runs, graphs = best_of(
                lambda: network_series(db, freq="month"), repeats, "network series"
            )
            timings["network_series_monthly"] = {
                "seconds": best,
                "runs_wall_cpu_seconds": runs,
                "networks": len(graphs),
                "edges_total": sum(g.number_of_edges() for g in graphs.values()),
            }
            del graphs

            best, runs, graph = best_of(lambda: signed_network(db), repeats, "whole network")
            timings["signed_network_whole_period"] = {
                "seconds": best,
                "runs_wall_cpu_seconds": runs,
                "nodes": graph.number_of_nodes(),
                "edges": graph.number_of_edges(),
            }

            def all_dyads() -> int:
                return sum(dyad_series(db, actor, o, freq="month").height for o in others)

            best, runs, rows = best_of(all_dyads, actor_repeats, "dyad series of one actor")
            timings["dyad_series_one_actor"] = {
                "seconds": best,
                "runs_wall_cpu_seconds": runs,
                "dyads": len(others),
                "rows": rows,
                "seconds_per_dyad": round(best / max(len(others), 1), 4),
            }

            if loop_months:
                first = date(spec.start.year, spec.start.month, 1)
                months = []
                for m in range(spec.n_months):
                    y, mo = divmod(first.month - 1 + m, 12)
                    start = date(first.year + y, mo + 1, 1)
                    y2, mo2 = divmod(mo + 1, 12)
                    months.append((start, date(start.year + y2, mo2 + 1, 1) - timedelta(days=1)))

                def loop() -> int:
                    return sum(
                        signed_network(db, start=s, end=e).number_of_edges() for s, e in months
                    )

                best, runs, edges = best_of(loop, repeats, "signed network per month")
                timings["signed_network_per_month_loop"] = {
                    "seconds": best,
                    "runs_wall_cpu_seconds": runs,
                    "networks": len(months),
                    "edges_total": edges,
                }

    headline = (
        timings["dyad_series_busiest"]["seconds"] + timings["network_series_monthly"]["seconds"]
    )
    doc["setup"] = setup
    doc["timings"] = timings
    doc["target"] = {
        "dyad_series_plus_monthly_networks_seconds": round(headline, 3),
        "met": headline < TARGET_SECONDS,
    }
    doc["memory"] = {"rss_mb": _rss_mb(), "peak_rss_mb": _peak_rss_mb()}
    doc["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return doc


def render(doc: dict[str, Any]) -> None:
    """Print the timings."""
    s, setup = doc["spec"], doc["setup"]
    print(
        f"alliance speed: {setup['events']:,} events, {s['n_actors']} actors, {s['n_months']} "
        f"months; {doc['cpu_count']} cores; best of {doc['repeats']}"
    )
    print(
        f"  set-up: generate {setup['generate_seconds']:.1f} s, write {setup['write_seconds']:.1f}"
        f" s ({setup['file_mb']:.0f} MB file)"
    )
    d = setup["busiest_dyad"]
    t = doc["timings"]
    rows = [
        (f"dyad_series {d['a']}-{d['b']} ({d['events']:,} events)", t["dyad_series_busiest"]),
        (
            f"dyad_series, all {t['dyad_series_one_actor']['dyads']} dyads of "
            f"{setup['busiest_actor']['actor']}",
            t["dyad_series_one_actor"],
        ),
        (
            f"network_series monthly ({t['network_series_monthly']['networks']} networks)",
            t["network_series_monthly"],
        ),
    ]
    if "signed_network_per_month_loop" in t:
        rows.append(("signed_network, one call per month", t["signed_network_per_month_loop"]))
    rows.append(("signed_network, whole period", t["signed_network_whole_period"]))
    for label, item in rows:
        cpu = min(item["runs_wall_cpu_seconds"])[1]
        print(f"  {label:<52} {item['seconds']:8.2f} s  ({cpu:.2f} s CPU)")
    target = doc["target"]
    print(
        f"  busiest dyad series + monthly networks: "
        f"{target['dyad_series_plus_monthly_networks_seconds']:.2f} s "
        f"(target < {doc['target_seconds']:.0f} s: {'met' if target['met'] else 'NOT met'})"
    )
    m = doc["memory"]
    print(f"  memory: RSS {m['rss_mb']} MB, peak RSS {m['peak_rss_mb']} MB")
    print(
        f"  load average (1, 5, 15 min) at start {doc['load_average_at_start']}, "
        f"at end {doc['load_average_at_end']}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=200)
    parser.add_argument("--months", type=int, default=120)
    parser.add_argument("--repeats", type=int, default=2, help="timed runs of each (best kept)")
    parser.add_argument(
        "--actor-repeats",
        type=int,
        default=1,
        help="timed runs of the one-actor dyad loop (one call per dyad: slow)",
    )
    parser.add_argument(
        "--loop-months", action="store_true", help="also time one signed_network call per month"
    )
    parser.add_argument("--out", type=Path, default=None, help="JSON results file")
    add_record_option(parser)
    args = parser.parse_args(argv)
    args.out = out_path(DEFAULT_OUT.name, args.record, args.out)
    if args.repeats < 1 or args.actor_repeats < 1:
        parser.error("--repeats and --actor-repeats must be at least 1")
    spec = SyntheticSpec(
        n_actors=args.actors,
        n_blocs=5,
        n_months=args.months,
        n_events=args.events,
        noise=0.1,
        n_bedfellows=5,
        n_shifts=10,
        seed=0,
    )
    doc = run(
        spec, repeats=args.repeats, actor_repeats=args.actor_repeats, loop_months=args.loop_months
    )
    render(doc)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
