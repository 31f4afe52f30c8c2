"""The alliance commands: ``dyad``, ``network``, ``blocs``, ``bedfellows``, ``shifts``.

Thin wrappers over ``bedfellows.network``: parse options, call the library,
print a table (or CSV/JSON) and optionally write a plot or a graph file.
"""

from __future__ import annotations

import json
import math
import sys

import click
import polars as pl
from rich.console import Console
from rich.table import Table

from bedfellows import network as nw
from bedfellows.errors import ConfigError
from bedfellows.network.export import graph_format
from bedfellows.network.html import html_path, write_dyad_html, write_network_html
from bedfellows.network.plots import check_plot_path, plot_dyad, plot_network, signed_layout
from bedfellows.network.source import evidence
from bedfellows.network.windows import parse_window
from bedfellows.thresholds import DEFAULT_MIN_CONFIDENCE

from .options import DEFAULT_DB, check_outputs, force_option, min_confidence_option
from .safe_text import cell, printable, say

FORMATS = ("table", "csv", "json")
_DOING = {"cooperating": "cooperating", "discussed": "discussing cooperation"}


def _console() -> Console:
    return Console(soft_wrap=False, width=max(Console().width, 120))


def _window(_ctx, _param, value: str | None) -> str | None:
    """Check a --window early, so a bad one is a usage error, not a traceback."""
    if value is None:
        return None
    try:
        parse_window(value)
    except ConfigError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


def _finite(_ctx, param, value: float | None) -> float | None:
    """Reject nan and infinities, which click's float type lets through."""
    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a finite number")
    return value


def common_options(func):
    """--db, window, actor level and which events count (modalities, comments,
    deduplication, confidence threshold): shared by every command."""
    options = [
        click.option(
            "--db",
            default=DEFAULT_DB,
            show_default=True,
            type=click.Path(exists=True, dir_okay=False),
            help="DuckDB file to read.",
        ),
        click.option(
            "--window",
            callback=_window,
            help="Only events inside this window: 2014, 2014-06, 2014-Q2, 2014-06-16 "
            "or 2014-01..2014-06 (default: all).",
        ),
        click.option(
            "--level",
            type=click.Choice(nw.links.LEVELS),
            default="country",
            show_default=True,
            help="Actor keys: countries (IRN), country+sector (IRNMIL) or actor ids. "
            "Armed groups are their own nodes at every level.",
        ),
        click.option(
            "--roll-up",
            type=click.Choice(nw.links.ROLL_UPS),
            default=None,
            help="patrons: count an armed group as the state documented as backing it "
            "on the event's date (default: groups stay apart).",
        ),
        click.option(
            "--include",
            type=click.Choice(["hypothetical", "negated"]),
            multiple=True,
            help="Also count these modalities (asserted and intended always count).",
        ),
        click.option("--include-comments", is_flag=True, help="Count events from reader comments."),
        click.option("--no-dedup", is_flag=True, help="Count every mention, not each event once."),
        min_confidence_option,
        click.option(
            "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _setup(window, level, roll_up, include, include_comments, no_dedup):
    start, end = parse_window(window) if window else (None, None)
    options = nw.LinkOptions(
        level=level,
        roll_up=roll_up,
        modalities=nw.links.DEFAULT_MODALITIES | set(include),
        include_comments=include_comments,
        dedup=not no_dedup,
    )
    return start, end, options


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    return str(value)


def print_frame(frame: pl.DataFrame, fmt: str, *, title: str = "", columns=None) -> None:
    """A polars frame as a rich table (``columns`` only), CSV or JSON lines (all columns)."""
    if fmt == "json":
        for row in frame.to_dicts():
            sys.stdout.write(json.dumps(row, default=str) + "\n")
        return
    if fmt == "csv":
        flat = frame.with_columns(
            [pl.col(c).list.join(" ") for c, t in frame.schema.items() if isinstance(t, pl.List)]
        )
        # Actor names and labels come from user actor files: no control codes to the terminal.
        flat = flat.with_columns(
            [
                pl.col(c).map_elements(printable, return_dtype=pl.String)
                for c, t in flat.schema.items()
                if t == pl.String
            ]
        )
        sys.stdout.write(flat.write_csv())
        return
    columns = [c for c in (columns or frame.columns) if c in frame.columns]
    table = Table(title=cell(title) if title else None, title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in frame.select(columns).iter_rows():
        table.add_row(*(cell(_cell(v)) for v in row))
    _console().print(table)


def print_evidence(db: str, event_ids: list[str], limit: int) -> None:
    """The sentences behind a result, at most ``limit`` of them."""
    rows = evidence(db, event_ids[:limit]) if limit else pl.DataFrame()
    for row in rows.iter_rows(named=True):
        say(
            f"    {row['event_id']} {row['plover_type']} {row['cameo_code']} ({row['modality']}) "
            f"{row['article_id']} s{row['sentence_index']} "
            f"[{row['trigger_start']}:{row['trigger_end']}] {row['trigger']!r}: "
            f"{row['sentence'][:160]}"
        )
    if len(event_ids) > limit:
        click.echo(f"    ... and {len(event_ids) - limit} more")


@click.command()
@click.argument("a")
@click.argument("b")
@common_options
@click.option(
    "--freq",
    type=click.Choice(nw.series.FREQS),
    default="month",
    show_default=True,
    help="Period length ('all': one row over everything, dated or not).",
)
@click.option("--types", is_flag=True, help="One row per PLOVER type as well.")
@click.option("--plot", type=click.Path(dir_okay=False), help="Write a timeline (.png/.svg).")
@force_option
def dyad(
    a,
    b,
    db,
    window,
    level,
    roll_up,
    include,
    include_comments,
    no_dedup,
    min_confidence,
    fmt,
    freq,
    types,
    plot,
    force,
):
    """How actors A and B treat each other, period by period (e.g. dyad IRN USA)."""
    if plot:
        check_plot_path(plot)
    check_outputs(db, force, plot, _html(plot))
    start, end, options = _setup(window, level, roll_up, include, include_comments, no_dedup)
    counted = {"start": start, "end": end, "options": options, "min_confidence": min_confidence}
    frame = (nw.dyad_type_counts if types else nw.dyad_series)(db, a, b, freq=freq, **counted)
    shown = ["period", "direction", *(["plover_type"] if types else [])]
    shown += ["events", "cooperation", "conflict", "goldstein_mean", "plover_mean"]
    title = f"{a.upper()}–{b.upper()} by {freq}{_threshold(min_confidence)}"
    print_frame(frame, fmt, title=title, columns=shown)
    if fmt == "table":
        _say_date_rule(window, freq)
    if plot:
        title = f"{a.upper()}–{b.upper()}"
        written = plot_dyad(frame, plot, title=title, freq=freq, overwrite=force, protected=[db])
        page = write_dyad_html(frame, _html(plot), title=title, overwrite=force, protected=[db])
        say(f"plot: {written} (interactive: {page})", err=True)


def _html(plot: str | None) -> str | None:
    """The interactive HTML page written beside a plot (``june.png`` → ``june.html``)."""
    return str(html_path(plot)) if plot else None


def _say_date_rule(window: str | None, freq: str = "all") -> None:
    """State how loosely dated events were counted (stderr, under a table)."""
    if freq != "all":
        say(
            f"an event dated to a range (a month, a year, an undated article's inferred window) "
            f"counts in each {freq} it overlaps, weighted by its share of days there; "
            "undated events count only with --freq all",
            err=True,
        )
    elif window:
        say(
            f"an event dated to a range counts in {window} by the share of its days inside it",
            err=True,
        )


def _threshold(min_confidence: float) -> str:
    """The confidence threshold for a table title ("" when every event counts)."""
    return f", confidence >= {min_confidence:g}" if min_confidence > 0 else ""


def _network(db, start, end, options, half_life, measure, min_confidence):
    return nw.signed_network(
        db,
        start=start,
        end=end,
        half_life_days=half_life,
        measure=measure,
        options=options,
        min_confidence=min_confidence,
    )


def _edges_frame(graph) -> pl.DataFrame:
    rows = [
        {
            "a": a,
            "b": b,
            "weight": d["weight"],
            "cooperation": d["cooperation"],
            "conflict": d["conflict"],
            "events": d["n_events"],
            "event_ids": d["event_ids"],
        }
        for a, b, d in sorted(graph.edges(data=True), key=lambda e: (-abs(e[2]["weight"]), e[:2]))
    ]
    schema = {"a": pl.String, "b": pl.String, "weight": pl.Float64, "cooperation": pl.Float64}
    schema |= {"conflict": pl.Float64, "events": pl.Int64, "event_ids": pl.List(pl.String)}
    return pl.DataFrame(rows, schema=schema)


_network_options = [
    click.option(
        "--half-life",
        type=click.FloatRange(min=0, min_open=True),
        callback=_finite,
        help="Fade older events: half-life in days.",
    ),
    click.option(
        "--measure",
        type=click.Choice(nw.graph.MEASURES),
        default="net",
        show_default=True,
        help="Edge weight: net cooperation - conflict, or Goldstein sum / 10.",
    ),
    click.option("--plot", type=click.Path(dir_okay=False), help="Draw it (.png/.svg)."),
    force_option,
]


def network_options(func):
    """Options of the commands that build one signed network."""
    for option in reversed(_network_options):
        func = option(func)
    return func


def _balance_line(graph) -> str:
    bal = nw.structural_balance(graph)
    share = (
        "n/a"
        if bal.n_triads == 0
        else f"{bal.share_balanced:.2f}; weakly balanced {bal.weak_share_balanced:.2f}"
    )
    signed = sum(1 for _, _, w in graph.edges(data="weight") if w)
    return (
        f"structural balance: {bal.n_balanced}/{bal.n_triads} triads balanced ({share}); "
        f"frustration {bal.frustration} of {signed} signed edges "
        f"(normalised balance {bal.normalized_frustration:.2f})"
    )


@click.command()
@common_options
@network_options
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    help="Write the graph: .graphml, .gexf or .json (with evidence event ids).",
)
def network(
    db,
    window,
    level,
    roll_up,
    include,
    include_comments,
    no_dedup,
    min_confidence,
    fmt,
    half_life,
    measure,
    plot,
    force,
    out,
):
    """The signed actor network of a window (e.g. network --window 2014-06)."""
    if out:
        graph_format(out)
    if plot:
        check_plot_path(plot)
    check_outputs(db, force, out, plot, _html(plot))
    start, end, options = _setup(window, level, roll_up, include, include_comments, no_dedup)
    graph = _network(db, start, end, options, half_life, measure, min_confidence)
    edges = _edges_frame(graph)
    print_frame(
        edges,
        fmt,
        title=f"signed network, {window or 'all time'}{_threshold(min_confidence)}: "
        f"{graph.number_of_nodes()} actors",
        columns=["a", "b", "weight", "cooperation", "conflict", "events"],
    )
    if fmt == "table":
        click.echo(_balance_line(graph))
        _say_date_rule(window)
    if out:
        written = nw.write_graph(graph, out, overwrite=force, protected=[db])
        say(f"graph: {out} ({written})", err=True)
    if plot:
        # The network alone: who cooperates and who fights; `blocs --plot` colours blocs.
        drawn = plot_network(graph, plot, overwrite=force, protected=[db])
        page = write_network_html(
            graph, signed_layout(graph), _html(plot), overwrite=force, protected=[db]
        )
        say(f"plot: {drawn} (interactive: {page})", err=True)


@click.command()
@common_options
@network_options
@click.option("--max-blocs", type=click.IntRange(min=1), default=8, show_default=True)
def blocs(
    db,
    window,
    level,
    roll_up,
    include,
    include_comments,
    no_dedup,
    min_confidence,
    fmt,
    half_life,
    measure,
    plot,
    force,
    max_blocs,
):
    """Alliance blocs, structural balance, and each actor's friends and enemies."""
    if plot:
        check_plot_path(plot)
    check_outputs(db, force, plot, _html(plot))
    start, end, options = _setup(window, level, roll_up, include, include_comments, no_dedup)
    graph = _network(db, start, end, options, half_life, measure, min_confidence)
    part = nw.find_blocs(graph, max_blocs=max_blocs)
    rows = [
        {"bloc": i, "members": members, "size": len(members)}
        for i, members in enumerate(part.blocs())
    ]
    relations = {r.actor: r for r in nw.actor_relations(graph)}
    per_actor = pl.DataFrame(
        [
            {
                "actor": n,
                "label": graph.nodes[n].get("label", n),
                "bloc": part.labels[n],
                "friends": relations[n].friends if n in relations else [],
                "enemies": relations[n].enemies if n in relations else [],
                "shared_enemies": [
                    f"{other}:{'/'.join(common)}"
                    for other, common in sorted(relations[n].shared_enemies.items())
                ]
                if n in relations
                else [],
            }
            for n in sorted(graph, key=lambda n: (part.labels[n], n))
        ],
        schema={
            "actor": pl.String,
            "label": pl.String,
            "bloc": pl.Int64,
            "friends": pl.List(pl.String),
            "enemies": pl.List(pl.String),
            "shared_enemies": pl.List(pl.String),
        },
    )
    if fmt == "table":
        print_frame(
            pl.DataFrame(
                rows, schema={"bloc": pl.Int64, "members": pl.List(pl.String), "size": pl.Int64}
            ),
            fmt,
            title=f"blocs, {window or 'all time'}{_threshold(min_confidence)} "
            f"(frustration {part.frustration:.2f})",
        )
        click.echo(f"method: {part.method}")
        click.echo(_balance_line(graph))
    print_frame(per_actor, fmt, title="friends, enemies and the enemies they share")
    if fmt == "table":
        _say_date_rule(window)
    if plot:
        drawn = plot_network(graph, plot, blocs=part.labels, overwrite=force, protected=[db])
        page = write_network_html(
            graph,
            signed_layout(graph),
            _html(plot),
            blocs=part.labels,
            title="blocs of the signed network",
            overwrite=force,
            protected=[db],
        )
        say(f"plot: {drawn} (interactive: {page})", err=True)


@click.command(name="bedfellows")
@common_options
@click.option("--strange-only", is_flag=True, help="Only pairs hostile in the long run.")
@click.option(
    "--evidence",
    "n_evidence",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Sentences shown per pair (table format).",
)
def bedfellows_cmd(
    db,
    window,
    level,
    roll_up,
    include,
    include_comments,
    no_dedup,
    min_confidence,
    fmt,
    strange_only,
    n_evidence,
):
    """Strange bedfellows: pairs cooperating against a common enemy, hostile pairs first."""
    start, end, options = _setup(window, level, roll_up, include, include_comments, no_dedup)
    frame = nw.strange_bedfellows(
        db,
        start=start,
        end=end,
        options=options,
        strange_only=strange_only,
        min_confidence=min_confidence,
    )
    columns = ["a", "b", "strange", "relation", "cooperation", "enemies", "score"]
    title = f"common enemies, {window or 'all time'}{_threshold(min_confidence)}"
    print_frame(frame, fmt, title=title, columns=columns)
    if fmt != "table":
        return
    _say_date_rule(window)
    for row in frame.iter_rows(named=True):
        kind = "strange bedfellows" if row["strange"] else "allies"
        click.echo("")
        say(
            f"{row['a_label']} and {row['b_label']} ({kind}, long-run {row['relation']}): "
            f"{_DOING[row['cooperation']]} against {', '.join(row['enemies'])}"
        )
        print_evidence(db, row["event_ids"], n_evidence)
        if row["discussed_event_ids"]:
            click.echo("  discussed (hypothetical):")
            print_evidence(db, row["discussed_event_ids"], n_evidence)
        click.echo("  common enemy:")
        print_evidence(db, row["enemy_event_ids"], n_evidence)
        if row["hostile_event_ids"]:
            click.echo("  long-run hostility:")
            print_evidence(db, row["hostile_event_ids"], n_evidence)


@click.command()
@click.argument("a", required=False)
@click.argument("b", required=False)
@common_options
@click.option("--freq", type=click.Choice(nw.series.FREQS[:-1]), default="month", show_default=True)
@click.option("--min-events", type=click.IntRange(min=1), default=10, show_default=True)
@click.option(
    "--min-z", type=click.FloatRange(min=0), default=3.0, show_default=True, callback=_finite
)
@click.option(
    "--min-segment-events",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Links needed on each side of a change.",
)
def shifts(
    a,
    b,
    db,
    window,
    level,
    roll_up,
    include,
    include_comments,
    no_dedup,
    min_confidence,
    fmt,
    freq,
    min_events,
    min_z,
    min_segment_events,
):
    """Significant changes in dyads' relations (all dyads, those of A, or A–B)."""
    start, end, options = _setup(window, level, roll_up, include, include_comments, no_dedup)
    frame = nw.shifts(
        db,
        a=a,
        b=b,
        freq=freq,
        start=start,
        end=end,
        options=options,
        min_events=min_events,
        min_z=min_z,
        min_segment_events=min_segment_events,
        min_confidence=min_confidence,
    )
    columns = ["a", "b", "period", "change", "mean_before", "mean_after", "z"]
    title = f"shifts (PELT on the mean Goldstein score per period{_threshold(min_confidence)})"
    print_frame(frame, fmt, title=title, columns=columns)
    if fmt == "table" and frame.is_empty():
        click.echo(f"no shift with |z| >= {min_z} among dyads with >= {min_events} events")
    if fmt == "table":
        _say_date_rule(window, freq)


def _stance(coop: float, conflict: float) -> str:
    if not coop and not conflict:
        return "talk only"
    if coop and conflict:
        return "mixed"
    return "cooperative" if coop else "hostile"


def print_alliance_summary(db: str, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> None:
    """The alliance picture in a few lines: dyads, blocs, balance, common enemies,
    from the events with ``confidence >= min_confidence``."""
    graph = nw.signed_network(db, min_confidence=min_confidence)
    talk = nw.signed_network(
        db,
        options=nw.LinkOptions(modalities=frozenset({"hypothetical", "negated"})),
        min_confidence=min_confidence,
    )
    click.echo(
        "\nAlliance summary (asserted and intended events; talk = negated/hypothetical"
        f"{_threshold(min_confidence)})"
    )
    click.echo(f"{'dyad':<20}{'stance':<13}{'coop':>6}{'conf':>6}{'talk':>6}{'goldstein':>11}")
    pairs = sorted(
        set(graph.edges) | set(talk.edges),
        key=lambda p: (-(graph.edges[p]["n_events"] if graph.has_edge(*p) else 0), p),
    )
    for a, b in pairs:
        d = graph.edges[a, b] if graph.has_edge(a, b) else {}
        n_talk = talk.edges[a, b]["n_events"] if talk.has_edge(a, b) else 0
        coop, conflict = d.get("cooperation", 0.0), d.get("conflict", 0.0)
        say(
            f"{a + '-' + b:<20}{_stance(coop, conflict):<13}{coop:>6.1f}{conflict:>6.1f}"
            f"{n_talk:>6}{d.get('goldstein', 0.0):>11.1f}"
        )
    if graph.number_of_edges():
        blocs_found = nw.find_blocs(graph).blocs()
        say("blocs: " + " | ".join(" ".join(members) for members in blocs_found))
        click.echo(_balance_line(graph))
    for row in nw.strange_bedfellows(db, min_confidence=min_confidence).iter_rows(named=True):
        kind = "strange bedfellows, long-run hostile" if row["strange"] else row["relation"]
        say(
            f"common enemy: {row['a']}-{row['b']} ({kind}) {_DOING[row['cooperation']]} "
            f"against {', '.join(row['enemies'])}"
        )
