"""The alliance picture from the event stream: dyad series, signed networks,
blocs, structural balance, common enemies ("strange bedfellows") and shifts.

Every function takes the event database (a DuckDB file path, an open
``bedfellows.store.Store`` or a DuckDB connection over the store schema) and
returns polars frames or networkx graphs. DuckDB does the aggregation
(``links``); the graph algorithms work on the small aggregated graphs.
"""

from .balance import Balance, Triad, structural_balance, triads
from .blocs import BlocPartition, find_blocs
from .changepoint import ChangePoint, change_points, pelt
from .export import graph_to_dict, write_graph
from .graph import network_series, signed_network
from .links import LinkOptions
from .relations import ActorRelations, actor_relations, enemies, friends, shared_enemies
from .scores import adjusted_rand_index
from .series import dyad_series, dyad_type_counts
from .shifts import shifts
from .strange import strange_bedfellows

__all__ = [
    "ActorRelations",
    "Balance",
    "BlocPartition",
    "ChangePoint",
    "LinkOptions",
    "Triad",
    "actor_relations",
    "adjusted_rand_index",
    "change_points",
    "dyad_series",
    "dyad_type_counts",
    "enemies",
    "find_blocs",
    "friends",
    "graph_to_dict",
    "network_series",
    "pelt",
    "shared_enemies",
    "shifts",
    "signed_network",
    "strange_bedfellows",
    "structural_balance",
    "triads",
    "write_graph",
]
