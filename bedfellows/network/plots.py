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
_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")


def _pyplot():
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
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


def plot_dyad(
    series: pl.DataFrame,
    path: str | Path,
    *,
    title: str = "",
    overwrite: bool = False,
    protected: Iterable[str | Path] = (),
) -> Path:
    """Draw a ``dyad_series`` frame: cooperation up, conflict down (bars, both
    directions together) and each direction's mean Goldstein score (lines).

    Written atomically; an existing file is replaced only with ``overwrite``,
    ``protected`` files never (ConfigError)."""
    path = check_plot_path(path)
    dated = series.filter(pl.col("period").is_not_null()).sort("period")
    if dated.is_empty():
        raise ConfigError("nothing to plot: no events fall inside single periods")
    plt = _pyplot()
    fig, (ax_top, ax_low) = plt.subplots(2, 1, figsize=(9, 5.5), sharex=True)
    both = dated.filter(pl.col("direction") == "both")
    days = both["period"].to_list()
    width = _bar_width(days)
    ax_top.bar(
        days, both["cooperation"].to_list(), width=width, color="#009E73", label="cooperation"
    )
    ax_top.bar(days, [-c for c in both["conflict"]], width=width, color="#D55E00", label="conflict")
    ax_top.axhline(0, color="black", linewidth=0.6)
    ax_top.set_ylabel("events (confidence-weighted)")
    ax_top.legend(loc="upper left", fontsize=8)
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
    fig.autofmt_xdate()
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
    """Draw a signed network: nodes coloured by bloc, cooperative edges solid
    green, hostile edges dashed red, width by |weight|. Written like ``plot_dyad``."""
    path = check_plot_path(path)
    if graph.number_of_nodes() == 0:
        raise ConfigError("nothing to plot: the network has no actors")
    plt = _pyplot()
    layout = nx.Graph()
    layout.add_nodes_from(graph)
    # Lay out by cooperation only, so allies sit together and enemies apart.
    layout.add_edges_from(
        (a, b, {"weight": d["weight"]}) for a, b, d in graph.edges(data=True) if d["weight"] > 0
    )
    pos = nx.spring_layout(layout, seed=seed, weight="weight")
    fig, ax = plt.subplots(figsize=(8, 7))
    top = max((abs(d["weight"]) for _, _, d in graph.edges(data=True)), default=1.0) or 1.0
    for sign, colour, style in ((1, "#009E73", "solid"), (-1, "#D55E00", "dashed")):
        edges = [(a, b) for a, b, d in graph.edges(data=True) if d["weight"] * sign > 0]
        widths = [0.8 + 3.0 * abs(graph[a][b]["weight"]) / top for a, b in edges]
        nx.draw_networkx_edges(
            graph, pos, edgelist=edges, width=widths, edge_color=colour, style=style, ax=ax
        )
    colours = [
        _PALETTE[(blocs or {}).get(n, 0) % len(_PALETTE)] if blocs else _PALETTE[0] for n in graph
    ]
    nx.draw_networkx_nodes(graph, pos, node_color=colours, node_size=380, ax=ax)
    nx.draw_networkx_labels(graph, pos, font_size=8, ax=ax)
    ax.set_title(title or "signed network (green: cooperation, dashed red: conflict)")
    ax.axis("off")
    try:
        _save(fig, path, overwrite=overwrite, protected=protected)
    finally:
        plt.close(fig)
    return path
