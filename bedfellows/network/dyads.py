"""Who cooperates with whom: a per-dyad summary of coded events.

A dyad is an unordered pair of actors at country level (or the actor's CAMEO
code when it is a known actor with no country, e.g. an armed group; a bare
sector with no country joins no dyad). Events with several sources
and no target (``Iran and Iraq signed a pact``) count for every pair among the
sources, as PLOVER codes such joint actions. By default only asserted events
count; negated and hypothetical ones are listed separately as "talk".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

COOPERATIVE_QUADS = frozenset({1, 2})


@dataclass
class DyadSummary:
    """Counts and Goldstein sum for one pair of actors."""

    a: str
    b: str
    cooperation: int = 0
    conflict: int = 0
    goldstein: float = 0.0
    talk: int = 0  # negated / hypothetical / intended mentions, not counted above
    event_ids: list[str] = field(default_factory=list)

    @property
    def stance(self) -> str:
        """ "cooperative", "hostile", "mixed" or "talk only"."""
        if not self.cooperation and not self.conflict:
            return "talk only"
        if self.cooperation and self.conflict:
            return "mixed"
        return "cooperative" if self.cooperation else "hostile"


def _key(actor: dict) -> str | None:
    # A bare sector ("the governments", "protesters") is nobody in particular:
    # it joins no dyad.
    if actor.get("country"):
        return actor["country"]
    return (actor.get("cameo") or actor.get("actor_id")) if actor.get("actor_id") else None


def _pairs(row: dict) -> set[tuple[str, str]]:
    sources = {k for k in map(_key, row.get("sources") or []) if k}
    targets = {k for k in map(_key, row.get("targets") or []) if k}
    pairs = {tuple(sorted((s, t))) for s in sources for t in targets if s != t}
    if not targets:
        pairs |= {tuple(sorted(p)) for p in combinations(sorted(sources), 2)}
    return pairs


def dyad_summary(rows: Iterable[dict]) -> list[DyadSummary]:
    """Summarise event rows (as returned by ``Store.events``) by dyad.

    RETURNS (list[DyadSummary]): sorted by total asserted events, most first.
    """
    dyads: dict[tuple[str, str], DyadSummary] = {}
    for row in rows:
        for a, b in _pairs(row):
            d = dyads.setdefault((a, b), DyadSummary(a, b))
            d.event_ids.append(row["event_id"])
            if (row.get("modality") or "asserted") != "asserted":
                d.talk += 1
            elif row["quad_class"] in COOPERATIVE_QUADS:
                d.cooperation += 1
                d.goldstein += row["goldstein"] or 0.0
            else:
                d.conflict += 1
                d.goldstein += row["goldstein"] or 0.0
    return sorted(dyads.values(), key=lambda d: (-(d.cooperation + d.conflict), -d.talk, d.a, d.b))
