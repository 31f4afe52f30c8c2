"""PNG/SVG plots: a dyad's timeline and a signed network with its blocs.

matplotlib is imported only when a plot is drawn (with the Agg backend, so no
display is needed); the file type follows the path's suffix.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import polars as pl

from ..errors import ConfigError
from ..util.atomic import atomic_output

PLOT_SUFFIXES = (".png", ".svg", ".pdf")
# Colour-blind-safe categorical palette (Okabe & Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")


def _pyplot():
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        # SVG text stays text: searchable, selectable and smaller than paths.
        matplotlib.rcParams["svg.fonttype"] = "none"

    except ImportError as exc:  # pragma: no cover - matplotlib is a dependency
        raise ConfigError("plots need matplotlib: pip install matplotlib") from exc
    return plt


def check_plot_path(path: str | Path) -> Path:
    """``path`` as a Path if its suffix is a plot format (ConfigError if not)."""
    path = Path(path)
    if path.suffix.lower() not in PLOT_SUFFIXES:
        raise ConfigError(f"{path}: plots are written as {', '.join(PLOT_SUFFIXES)} files")
    return path


def _save(fig, path: Path, *, overwrite: bool, protected: Iterable[str | Path]) -> None:
    """Save atomically; the temporary name has no plot suffix, so the format is explicit."""
    with atomic_output(path, overwrite=overwrite, protected=protected) as tmp:
        fig.savefig(tmp, dpi=150, bbox_inches="tight", format=path.suffix.lower()[1:])


#: Days a period of each length spans, for bar widths (a bar is 80 % of its period).
_PERIOD_DAYS = {"day": 1, "week": 7, "month": 30.4, "quarter": 91.3, "year": 365.2}


def plot_dyad(
    series: pl.DataFrame,
    path: str | Path,
    *,
    title: str = "",
    freq: str | None = None,
    overwrite: bool = False,
    protected: Iterable[str | Path] = (),
) -> Path:
    """Draw a ``dyad_series`` frame: cooperation above the axis, conflict below it
    (bars, both directions together) and each direction's mean Goldstein score
    (lines). ``freq`` (the series' period) sets the bar width to 80 % of a
    period; dates are ticked by a concise date locator, never in hours.

    Written atomically; an existing file is replaced only with ``overwrite``,
    ``protected`` files never (ConfigError)."""
    path = check_plot_path(path)
    dated = series.filter(pl.col("period").is_not_null()).sort("period")
    if dated.is_empty():
        raise ConfigError("nothing to plot: no events fall inside single periods")
    plt = _pyplot()
    from matplotlib import dates as mdates

    fig, (ax_top, ax_low) = plt.subplots(2, 1, figsize=(9, 5.5), sharex=True)
    both = dated.filter(pl.col("direction") == "both")
    days = both["period"].to_list()
    width = _PERIOD_DAYS[freq] * 0.8 if freq in _PERIOD_DAYS else _bar_width(days)
    # Bars start at their period's first day and cover it.
    ax_top.bar(
        days,
        both["cooperation"].to_list(),
        width=width,
        align="edge",
        color="#009E73",
        label="cooperation (above the axis)",
    )
    ax_top.bar(
        days,
        [-c for c in both["conflict"]],
        width=width,
        align="edge",
        color="#D55E00",
        label="conflict (below the axis)",
    )
    ax_top.axhline(0, color="black", linewidth=0.6)
    # Symmetric, so "above" and "below" read at a glance; conflict ticks unsigned.
    top = max([*both["cooperation"].to_list(), *both["conflict"].to_list(), 0.0]) or 1.0
    ax_top.set_ylim(-1.15 * top, 1.15 * top)
    from matplotlib.ticker import FuncFormatter

    ax_top.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{abs(v):g}"))
    ax_top.set_ylabel("events, weighted by\nconfidence and date share")
    ax_top.legend(loc="upper left", fontsize=8)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10, interval_multiples=True)
    # Dates are days: never tick hours, whatever the span.
    locator.intervald[mdates.HOURLY] = []
    ax_low.xaxis.set_major_locator(locator)
    ax_low.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    for direction, style in zip(
        [d for d in dated["direction"].unique(maintain_order=True) if d != "both"],
        ("-o", "--s"),
        strict=False,
    ):
        part = dated.filter(pl.col("direction") == direction)
        ax_low.plot(part["period"].to_list(), part["goldstein_mean"].to_list(), style, ms=3)
        ax_low.lines[-1].set_label(direction)
    ax_low.axhline(0, color="black", linewidth=0.6)
    ax_low.set_ylim(-10.5, 10.5)
    ax_low.set_ylabel("mean Goldstein")
    ax_low.legend(loc="upper left", fontsize=8)
    fig.suptitle(title)
    try:
        _save(fig, path, overwrite=overwrite, protected=protected)
    finally:
        plt.close(fig)
    return path


def _bar_width(days: list) -> float:
    if len(days) < 2:
        return 20.0
    gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
    return max(min(gaps) * 0.8, 0.8)


def signed_layout(graph: nx.Graph, *, seed: int = 0) -> dict:
    """Node positions laid out by cooperation only, so allies sit together and
    enemies apart (deterministic for a seed: the PNG and the HTML agree)."""
    layout = nx.Graph()
    layout.add_nodes_from(graph)
    layout.add_edges_from(
        (a, b, {"weight": d["weight"]}) for a, b, d in graph.edges(data=True) if d["weight"] > 0
    )
    return nx.spring_layout(layout, seed=seed, weight="weight")


def plot_network(
    graph: nx.Graph,
    path: str | Path,
    *,
    blocs: dict[str, int] | None = None,
    title: str = "",
    seed: int = 0,
    overwrite: bool = False,
    protected: Iterable[str | Path] = (),
) -> Path:
    """Draw a signed network: cooperative edges solid green, hostile edges dashed
    orange, width by |weight|, nodes named by their labels. With ``blocs`` (the
    blocs plot) nodes are coloured by bloc and a legend lists each bloc's
    members; without, nodes are one colour and the legend explains the edges.
    Written like ``plot_dyad``."""
    path = check_plot_path(path)
    if graph.number_of_nodes() == 0:
        raise ConfigError("nothing to plot: the network has no actors")
    plt = _pyplot()
    pos = signed_layout(graph, seed=seed)
    fig, ax = plt.subplots(figsize=(8, 7))
    top = max((abs(d["weight"]) for _, _, d in graph.edges(data=True)), default=1.0) or 1.0
    for sign, colour, style in ((1, "#009E73", "solid"), (-1, "#D55E00", "dashed")):
        edges = [(a, b) for a, b, d in graph.edges(data=True) if d["weight"] * sign > 0]
        widths = [0.8 + 3.0 * abs(graph[a][b]["weight"]) / top for a, b in edges]
        nx.draw_networkx_edges(
            graph, pos, edgelist=edges, width=widths, edge_color=colour, style=style, ax=ax
        )
    colours = [
        PALETTE[(blocs or {}).get(n, 0) % len(PALETTE)] if blocs else "#BBBBBB" for n in graph
    ]
    nx.draw_networkx_nodes(graph, pos, node_color=colours, node_size=380, ax=ax)
    labels = {n: graph.nodes[n].get("label") or n for n in graph}
    nx.draw_networkx_labels(graph, pos, labels=labels, font_size=8, ax=ax)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [
        Line2D([], [], color="#009E73", linewidth=2, label="cooperation (solid)"),
        Line2D([], [], color="#D55E00", linewidth=2, linestyle="dashed", label="conflict (dashed)"),
        Line2D([], [], color="#777777", linewidth=4, label="wider: stronger (|weight|)"),
    ]
    if blocs:
        members: dict[int, list[str]] = {}
        for node, bloc in sorted(blocs.items(), key=lambda kv: (kv[1], kv[0])):
            members.setdefault(bloc, []).append(str(labels.get(node, node)))
        for bloc, nodes in sorted(members.items()):
            shown = ", ".join(nodes[:6]) + (f" +{len(nodes) - 6}" if len(nodes) > 6 else "")
            colour = PALETTE[bloc % len(PALETTE)]
            handles.append(Patch(color=colour, label=f"bloc {bloc}: {shown}"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    default = "blocs of the signed network" if blocs else "signed network"
    ax.set_title(title or default)
    ax.axis("off")
    try:
        _save(fig, path, overwrite=overwrite, protected=protected)
    finally:
        plt.close(fig)
    return path
