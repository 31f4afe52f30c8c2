"""Interactive HTML beside each plot: one standalone file, no network at view time.

The page holds an inline SVG drawn here (no JavaScript library, nothing
fetched): hovering an edge, node or bar shows its figures and the ids of the
events behind it (``<title>`` tooltips), and a table below lists the same
figures for copying. Written atomically like the PNGs, under the same
``--force`` rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path

import networkx as nx
import polars as pl

from ..util.atomic import atomic_output
from .plots import PALETTE

__all__ = ["html_path", "write_dyad_html", "write_network_html"]

_WIDTH, _HEIGHT, _PAD = 900, 620, 60
_GREEN, _ORANGE = "#009E73", "#D55E00"
_STYLE = """
body { font-family: sans-serif; margin: 1.5em; color: #222; }
svg { border: 1px solid #ddd; background: #fff; }
svg .hover:hover { opacity: 0.65; cursor: help; }
table { border-collapse: collapse; margin-top: 1em; font-size: 0.85em; }
td, th { border: 1px solid #ccc; padding: 2px 6px; text-align: left; }
.note { color: #555; font-size: 0.9em; }
"""


def html_path(plot: str | Path) -> Path:
    """The HTML file written beside a plot: ``june.png`` → ``june.html``."""
    return Path(plot).with_suffix(".html")


def _page(title: str, svg: str, note: str, header: Iterable[str], rows: Iterable[Iterable]) -> str:
    head = "".join(f"<th>{escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows
    )
    return (
        f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h2>{escape(title)}</h2><p class='note'>{escape(note)}</p>{svg}"
        f"<table><tr>{head}</tr>{body}</table></body></html>\n"
    )


def _write(path: Path, text: str, overwrite: bool, protected: Iterable[str | Path]) -> Path:
    with atomic_output(path, overwrite=overwrite, protected=protected) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path


def _ids(data: Mapping) -> str:
    ids = list(data.get("event_ids") or [])
    more = f" (+{len(ids) - 10} more)" if len(ids) > 10 else ""
    return ", ".join(ids[:10]) + more


def write_network_html(
    graph: nx.Graph,
    pos: Mapping[str, tuple[float, float]],
    path: str | Path,
    *,
    blocs: Mapping[str, int] | None = None,
    title: str = "signed network",
    overwrite: bool = False,
    protected: Iterable[str | Path] = (),
) -> Path:
    """The network at the plot's positions, with a tooltip per edge and node."""
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0

    def xy(node: str) -> tuple[float, float]:
        x, y = pos[node]
        return (
            _PAD + (x - min(xs)) / span_x * (_WIDTH - 2 * _PAD),
            _PAD + (max(ys) - y) / span_y * (_HEIGHT - 2 * _PAD),
        )

    label = {n: str(graph.nodes[n].get("label") or n) for n in graph}
    top = max((abs(d["weight"]) for _, _, d in graph.edges(data=True)), default=1.0) or 1.0
    parts, rows = [], []
    for a, b, d in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        (x1, y1), (x2, y2) = xy(a), xy(b)
        colour, dash = (_GREEN, "") if d["weight"] > 0 else (_ORANGE, "stroke-dasharray='6,4'")
        tip = (
            f"{label[a]} – {label[b]}: weight {d['weight']:.3g}, cooperation "
            f"{d.get('cooperation', 0):.3g}, conflict {d.get('conflict', 0):.3g}, "
            f"{d.get('n_events', 0)} events; evidence: {_ids(d)}"
        )
        width = 1 + 5 * abs(d["weight"]) / top
        parts.append(
            f"<line class='hover' x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' "
            f"stroke='{colour}' stroke-width='{width:.1f}' {dash}><title>{escape(tip)}</title>"
            "</line>"
        )
        rows.append((label[a], label[b], f"{d['weight']:.3g}", d.get("n_events", 0), _ids(d)))
    for node in sorted(graph):
        x, y = xy(node)
        bloc = (blocs or {}).get(node)
        fill = PALETTE[bloc % len(PALETTE)] if bloc is not None else "#BBBBBB"
        tip = f"{label[node]} ({node})" + (f", bloc {bloc}" if bloc is not None else "")
        parts.append(
            f"<g class='hover'><circle cx='{x:.1f}' cy='{y:.1f}' r='13' fill='{fill}'>"
            f"<title>{escape(tip)}</title></circle><text x='{x:.1f}' y='{y - 17:.1f}' "
            f"text-anchor='middle' font-size='12'>{escape(label[node])}</text></g>"
        )
    svg = (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{_WIDTH}' height='{_HEIGHT}' "
        f"viewBox='0 0 {_WIDTH} {_HEIGHT}'>{''.join(parts)}</svg>"
    )
    note = (
        "Green solid: cooperation; orange dashed: conflict; wider: stronger. "
        "Hover an edge or a node for its figures and evidence event ids."
        + (" Node colours are blocs." if blocs else "")
    )
    header = ("a", "b", "weight", "events", "evidence (event ids)")
    return _write(Path(path), _page(title, svg, note, header, rows), overwrite, protected)


def write_dyad_html(
    series: pl.DataFrame,
    path: str | Path,
    *,
    title: str = "",
    overwrite: bool = False,
    protected: Iterable[str | Path] = (),
) -> Path:
    """The dyad's periods as bars (cooperation above, conflict below), with tooltips."""
    both = series.filter(pl.col("period").is_not_null() & (pl.col("direction") == "both")).sort(
        "period"
    )
    records = both.to_dicts()
    top = max([r["cooperation"] for r in records] + [r["conflict"] for r in records] + [0.0])
    top = top or 1.0
    mid = _HEIGHT / 2
    slot = (_WIDTH - 2 * _PAD) / max(len(records), 1)
    parts = [
        f"<line x1='{_PAD}' y1='{mid}' x2='{_WIDTH - _PAD}' y2='{mid}' stroke='#000' "
        "stroke-width='0.8'/>"
    ]
    rows = []
    for i, r in enumerate(records):
        x = _PAD + i * slot
        scale = (mid - _PAD) / top
        tip = (
            f"{r['period']}: {r['events']} events, cooperation {r['cooperation']:.3g}, "
            f"conflict {r['conflict']:.3g}; evidence: {_ids(r)}"
        )
        for value, colour, above in (
            (r["cooperation"], _GREEN, True),
            (r["conflict"], _ORANGE, False),
        ):
            height = value * scale
            y = mid - height if above else mid
            parts.append(
                f"<rect class='hover' x='{x + slot * 0.1:.1f}' y='{y:.1f}' "
                f"width='{slot * 0.8:.1f}' height='{height:.1f}' fill='{colour}'>"
                f"<title>{escape(tip)}</title></rect>"
            )
        if i == 0 or records[i - 1]["period"].year != r["period"].year:
            parts.append(
                f"<text x='{x:.1f}' y='{_HEIGHT - _PAD / 3:.1f}' font-size='11'>"
                f"{r['period'].year}</text>"
            )
        rows.append(
            (r["period"], r["events"], f"{r['cooperation']:.3g}", f"{r['conflict']:.3g}", _ids(r))
        )
    svg = (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{_WIDTH}' height='{_HEIGHT}' "
        f"viewBox='0 0 {_WIDTH} {_HEIGHT}'>{''.join(parts)}</svg>"
    )
    note = (
        "Cooperation above the axis (green), conflict below (orange), weighted by confidence "
        "and the share of each event's dates in the period. Hover a bar for its evidence."
    )
    header = ("period", "events", "cooperation", "conflict", "evidence (event ids)")
    return _write(Path(path), _page(title or "dyad", svg, note, header, rows), overwrite, protected)
