"""Write signed networks as GraphML, GEXF or JSON (chosen by the file's suffix).

GraphML and GEXF hold only scalar attributes, so there ``event_ids`` becomes
one space-separated string and dates become ISO strings; JSON keeps lists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import ConfigError
from ..util.atomic import atomic_output

FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json"}


def _scalar(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return " ".join(str(v) for v in value)
    return value


def _flat_copy(graph: nx.Graph) -> nx.Graph:
    """A copy with only scalar attributes (None dropped), for GraphML/GEXF."""
    flat = nx.Graph()
    flat.graph.update({k: _scalar(v) for k, v in graph.graph.items() if v is not None})
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in attrs.items() if v is not None})
    for a, b, attrs in graph.edges(data=True):
        flat.add_edge(a, b, **{k: _scalar(v) for k, v in attrs.items() if v is not None})
    return flat


def graph_to_dict(graph: nx.Graph) -> dict[str, Any]:
    """Nodes, edges (with weights and evidence event ids) and the window, as plain JSON data."""
    meta = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in graph.graph.items()}
    nodes = [{"id": n, **attrs} for n, attrs in sorted(graph.nodes(data=True))]
    edges = [
        {"source": a, "target": b, **attrs}
        for a, b, attrs in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1]))
    ]
    return {"graph": meta, "nodes": nodes, "edges": edges}


def graph_format(path: str | Path, fmt: str | None = None) -> str:
    """The graph format for ``path``: ``fmt`` if given, else by suffix (ConfigError if neither)."""
    path = Path(path)
    fmt = fmt or FORMATS.get(path.suffix.lower())
    if fmt not in FORMATS.values():
        raise ConfigError(
            f"{path}: cannot tell the graph format; use a .graphml, .gexf or .json file name"
        )
    return fmt


def write_graph(
    graph: nx.Graph,
    path: str | Path,
    fmt: str | None = None,
    *,
    overwrite: bool = False,
    protected: Iterable[str | Path] = (),
) -> str:
    """Write ``graph`` to ``path`` as ``fmt`` (graphml | gexf | json; default: by suffix).

    The file is written atomically; an existing file is replaced only with
    ``overwrite``, and ``protected`` files (the database read) never.
    RETURNS (str): the format written. Raises ConfigError for an unknown
    format or a refused or unwritable path.
    """
    fmt = graph_format(path, fmt)
    with atomic_output(path, overwrite=overwrite, protected=protected) as tmp:
        if fmt == "json":
            text = json.dumps(graph_to_dict(graph), indent=1, ensure_ascii=False)
            tmp.write_text(text + "\n", encoding="utf-8")
        elif fmt == "graphml":
            nx.write_graphml(_flat_copy(graph), tmp)
        else:
            nx.write_gexf(_flat_copy(graph), tmp)
    return fmt
