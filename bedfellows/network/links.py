"""Dyad links: the event stream as pairs of actors, built and deduplicated in DuckDB.

Every alliance measure starts here. One *link* is one (deduplicated) event
between two actors ``a < b``, with flags for the directions it runs in:

- an event's sources and targets give ``source → target`` pairs; a joint act
  (several sources and no target: "Iran and Iraq signed a pact") links every
  pair of its sources in both directions, as PLOVER codes such acts; the
  coder already stores "Iran and Iraq met" with each party as the other's
  target, which gives both directions too;
- the two ends are *actor keys* at the chosen level: ``country`` (ISO alpha-3;
  an IGO with no country is its CAMEO code), ``sector`` (country + PLOVER
  sector, ``IRNMIL``) or ``actor`` (the knowledge-base id when known, else the
  country key). A bare sector with no country ("the governments") is nobody in
  particular and joins no dyad;
- an armed non-state group is its own node at every level, never its country
  (al-Shabaab attacking Kenyan troops links al-Shabaab and KEN, not SOM and
  KEN), unless the role it had on the event's date is its country's
  government (sector GOV: the Taliban after August 2021): its CAMEO code
  when that names the organisation itself (nine letters, the codebook's
  third block: ``IMGMUSISI``), else its knowledge-base id in
  capitals like every other key at these levels (``KATAIB_HEZBOLLAH``;
  ``BACKED_BY:IRN`` for "Iran-backed militias"); at the ``actor`` level, the id;
- ``roll_up="patrons"`` folds a group into the state documented as backing it
  on the event's date (``bedfellows.actors.armed``), so "Iran and its proxies"
  can be studied as one side; groups with no documented patron stay apart;
- deduplication: mentions of the same act between the same pair (same CAMEO
  code, PLOVER type, modality, direction and date range) are one link when the
  date is known to the day, across articles (wire copies); with a coarser or no
  date, only within one article, since two articles' "in 2014" need not be the
  same act. A link's weight is the highest confidence among its mentions, and
  it keeps every mention's event id as evidence.

By default only asserted and intended events count (negated and hypothetical
ones, and reader comments, are excluded; ``LinkOptions`` includes them on
request). A date window keeps the events whose date range overlaps it, each
weighted by the share of its range inside the window (``share``): an act known
only to lie somewhere in 2014 counts 30/365 in June 2014, an undated article's
inferred window counts in every month it spans, in proportion, and an event
known to the day counts whole or not at all. Undated events are in no window.
Events whose ``confidence`` is below ``min_confidence`` (default
``bedfellows.thresholds.DEFAULT_MIN_CONFIDENCE``; 0 keeps every event) are left
out before deduplication: such a mention is neither evidence nor weight, and a
link all of whose mentions are below the threshold does not exist.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..actors.armed import armed_groups, proxy_id
from ..errors import ConfigError
from ..schema import Modality
from ..thresholds import check_min_confidence

LEVELS = ("country", "sector", "actor")
ROLL_UPS = ("patrons",)
DEFAULT_MODALITIES = frozenset({Modality.ASSERTED.value, Modality.INTENDED.value})
ALL_MODALITIES = frozenset(m.value for m in Modality)
COOPERATIVE_QUADS = (1, 2)


@dataclass(frozen=True, slots=True)
class LinkOptions:
    """Which events make links, and at which actor level.

    ``level``: ``country`` | ``sector`` | ``actor`` (see the module docstring).
    ``modalities``: the event modalities counted (default asserted + intended).
    ``include_comments``: also count events coded from reader comments.
    ``dedup``: merge mentions of one act (see the module docstring).
    ``roll_up``: None (groups are their own nodes) or ``"patrons"`` (a group
    counts as its patron state where one is documented for the event's date).
    """

    level: str = "country"
    modalities: frozenset[str] = field(default=DEFAULT_MODALITIES)
    include_comments: bool = False
    dedup: bool = True
    roll_up: str | None = None

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ConfigError(f"actor level must be one of {', '.join(LEVELS)}, got {self.level!r}")
        if self.roll_up is not None and self.roll_up not in ROLL_UPS:
            raise ConfigError(f"roll-up must be one of {', '.join(ROLL_UPS)}, got {self.roll_up!r}")
        modalities = frozenset(str(m).strip().lower() for m in self.modalities)
        unknown = sorted(modalities - ALL_MODALITIES)
        if unknown:
            raise ConfigError(
                f"unknown modality {', '.join(unknown)}; known: {', '.join(sorted(ALL_MODALITIES))}"
            )
        if not modalities:
            raise ConfigError("at least one modality must be counted")
        object.__setattr__(self, "modalities", modalities)

    def with_modalities(self, *extra: str) -> LinkOptions:
        """The same options counting ``extra`` modalities too."""
        return replace(self, modalities=self.modalities | set(extra))

    def key_sql(self, alias: str, when: str | None = None) -> str:
        """SQL for the actor key of ``alias`` under these options (``when``: the SQL
        of the event's date, which chooses a patron's spell when rolling up)."""
        return actor_key_sql(self.level, alias, roll_up=self.roll_up, when=when)


def actor_key_sql(
    level: str, alias: str = "ea", *, roll_up: str | None = None, when: str | None = None
) -> str:
    """SQL for the actor key of an ``event_actors`` row at ``level`` (NULL: no key).

    roll_up: ``"patrons"`` puts a group's documented patron in its place;
    when: the SQL of the event's date for the patron's spell (None: any spell).
    """
    a = alias
    if level not in LEVELS:
        raise ConfigError(f"actor level must be one of {', '.join(LEVELS)}, got {level!r}")
    # A group that governs a state is that state's government (the Taliban since
    # August 2021: their spell there is GOV), not a node of its own.
    group = (
        f"WHEN {a}.kind = 'group' AND {a}.actor_id IS NOT NULL "
        f"AND coalesce({a}.sector, '') <> 'GOV' THEN "
        f"CASE WHEN length(coalesce({a}.cameo, '')) >= 9 THEN {a}.cameo "
        f"ELSE upper({a}.actor_id) END"
    )
    nonstate = f"WHEN {a}.actor_id IS NOT NULL THEN coalesce({a}.cameo, {a}.actor_id)"
    if level == "sector":
        key = (
            f"CASE {group} WHEN {a}.country IS NOT NULL THEN {a}.country || "
            f"coalesce({a}.sector, '') {nonstate} END"
        )
    elif level == "actor":
        country = f"CASE WHEN {a}.country IS NOT NULL THEN {a}.country {nonstate} END"
        key = f"coalesce({a}.actor_id, {country})"
    else:
        key = f"CASE {group} WHEN {a}.country IS NOT NULL THEN {a}.country {nonstate} END"
    if roll_up is None:
        return key
    if roll_up not in ROLL_UPS:
        raise ConfigError(f"roll-up must be one of {', '.join(ROLL_UPS)}, got {roll_up!r}")
    return f"CASE {_patron_cases(a, when)} ELSE {key} END"


def _patron_cases(a: str, when: str | None) -> str:
    """``WHEN`` clauses mapping each group with documented patrons (and each
    "X-backed" proxy) to its patron on the event's date."""
    clauses = [
        f"WHEN {a}.kind = 'group' AND starts_with({a}.actor_id, '{proxy_id('')}') "
        f"THEN substr({a}.actor_id, {len(proxy_id('')) + 1})"
    ]
    for group in armed_groups().values():
        for spell in group.patrons:
            cond = [f"{a}.actor_id = '{group.group_id}'"]
            if when is not None and (spell.start or spell.end):
                inside = []
                if spell.start:
                    inside.append(f"{when} >= DATE '{spell.start.isoformat()}'")
                if spell.end:
                    inside.append(f"{when} <= DATE '{spell.end.isoformat()}'")
                cond.append(f"({when} IS NULL OR ({' AND '.join(inside)}))")
            clauses.append(f"WHEN {' AND '.join(cond)} THEN '{spell.country}'")
    return " ".join(clauses)


def check_window(start: date | None, end: date | None) -> None:
    """Raise ConfigError when a window ends before it starts."""
    if start is not None and end is not None and start > end:
        raise ConfigError(f"window start {start} is after its end {end}")


def event_conditions(
    modalities: frozenset[str],
    include_comments: bool,
    start: date | None,
    end: date | None,
    *,
    min_confidence: float,
) -> tuple[list[str], list[Any]]:
    """SQL conditions (over ``events e``) and parameters selecting the counted events.

    ``min_confidence`` keeps events with ``confidence >= min_confidence``
    (ConfigError outside [0, 1]).
    """
    threshold = check_min_confidence(min_confidence)
    mods = sorted(modalities)
    conds = [f"e.modality IN ({', '.join('?' * len(mods))})", "e.confidence >= ?"]
    params: list[Any] = [*mods, threshold]
    if not include_comments:
        conds.append("NOT e.is_comment")
    if start is not None or end is not None:
        conds.append("e.date_start IS NOT NULL")
    if start is not None:
        conds.append("e.date_end >= ?")
        params.append(start)
    if end is not None:
        conds.append("e.date_start <= ?")
        params.append(end)
    return conds, params


def _day(value: date) -> str:
    return f"DATE '{value.isoformat()}'"


def share_sql(
    start: date | None,
    end: date | None,
    alias: str = "e",
    *,
    lo: str | None = None,
    hi: str | None = None,
) -> str:
    """SQL of the share (0–1) of an event's date range that lies inside ``[start, end]``
    (and inside ``[lo, hi]``, SQL date expressions, when given): whole days
    counted inclusively; 1 with no bounds; 0 for an undated event."""
    first, last = f"{alias}.date_start", f"{alias}.date_end"
    lows = [f"{alias}.date_start"] + ([_day(start)] if start else []) + ([lo] if lo else [])
    highs = [f"{alias}.date_end"] + ([_day(end)] if end else []) + ([hi] if hi else [])
    if len(lows) == len(highs) == 1:
        return f"CASE WHEN {first} IS NULL THEN 0.0 ELSE 1.0 END"
    low = lows[0] if len(lows) == 1 else f"greatest({', '.join(lows)})"
    high = highs[0] if len(highs) == 1 else f"least({', '.join(highs)})"
    return (
        f"coalesce(greatest(date_diff('day', {low}, {high}) + 1, 0)::DOUBLE"
        f" / (date_diff('day', {first}, {last}) + 1), 0.0)"
    )


def links_sql(
    options: LinkOptions,
    *,
    start: date | None = None,
    end: date | None = None,
    actors: Sequence[str] | None = None,
    roles: Sequence[str] = ("source", "target"),
    min_confidence: float,
) -> tuple[str, list[Any]]:
    """A query whose rows are links (see the module docstring), and its parameters.

    Columns: ``link_id`` (smallest event id), ``a``, ``b`` (actor keys, a < b),
    ``ab``/``ba`` (the act runs a → b / b → a), ``cameo_code``, ``plover_type``,
    ``modality``, ``quad_class``, ``goldstein``, ``plover_score``, ``date_start``,
    ``date_end``, ``date_granularity``, ``confidence`` (highest of the mentions),
    ``share`` (of the date range inside the window; 1 without one), ``weight``
    (confidence × share), ``n_mentions`` and ``event_ids`` (sorted).

    ``actors`` keeps only links whose both ends are among them (a dyad query
    passes its two keys, which lets DuckDB prune early). ``min_confidence``
    keeps the events with ``confidence >= min_confidence`` (see the module docstring).
    """
    check_window(start, end)
    key = options.key_sql("ea", when="ev.date_start")
    conds, params = event_conditions(
        options.modalities, options.include_comments, start, end, min_confidence=min_confidence
    )
    role_list = ", ".join(f"'{r}'" for r in roles)
    end_conds = [f"ea.role IN ({role_list})"]
    end_params: list[Any] = []
    if actors is not None:
        marks = ", ".join("?" * len(actors))
        end_conds.append(f"({key}) IN ({marks})")
        end_params += list(actors)
        # Only the events of these actors: a dyad query then never scans the rest.
        conds.append(
            f"e.event_id IN (SELECT ea.event_id FROM event_actors ea "
            f"JOIN events ev ON ev.event_id = ea.event_id "
            f"WHERE ea.role IN ({role_list}) AND ({key}) IN ({marks}))"
        )
        params += list(actors)
    dedup_key = (
        "CASE WHEN j.date_granularity = 'day' THEN NULL ELSE j.article_id END"
        if options.dedup
        else "j.event_id"
    )
    sql = f"""
WITH ev AS (
    SELECT e.event_id, e.article_id, e.cameo_code, e.plover_type, e.modality, e.quad_class,
           e.goldstein, e.plover_score, e.date_start, e.date_end, e.date_granularity,
           e.confidence, {share_sql(start, end) if start or end else "1.0"} AS share
    FROM events e
    WHERE {" AND ".join(conds)}
),
ends AS (
    SELECT ea.event_id, ea.role, ({key}) AS k
    FROM event_actors ea JOIN ev ON ea.event_id = ev.event_id
    WHERE {" AND ".join(end_conds)} AND ({key}) IS NOT NULL
),
targetless AS (
    SELECT ev.event_id FROM ev
    ANTI JOIN (SELECT event_id FROM event_actors WHERE role = 'target') t
        ON t.event_id = ev.event_id
),
ordered AS (
    SELECT s.event_id, s.k AS src, t.k AS tgt
    FROM ends s JOIN ends t ON s.event_id = t.event_id
    WHERE s.role = 'source' AND t.role = 'target' AND s.k <> t.k
    UNION ALL
    SELECT s.event_id, s.k AS src, s2.k AS tgt
    FROM ends s JOIN ends s2 ON s.event_id = s2.event_id
    SEMI JOIN targetless tl ON tl.event_id = s.event_id
    WHERE s.role = 'source' AND s2.role = 'source' AND s.k <> s2.k
),
pairs AS (
    SELECT event_id, least(src, tgt) AS a, greatest(src, tgt) AS b,
           bool_or(src < tgt) AS ab, bool_or(src > tgt) AS ba
    FROM ordered
    GROUP BY ALL
)
SELECT min(j.event_id) AS link_id, j.a, j.b, j.ab, j.ba, j.cameo_code, j.plover_type,
       j.modality, any_value(j.quad_class) AS quad_class, any_value(j.goldstein) AS goldstein,
       any_value(j.plover_score) AS plover_score, j.date_start, j.date_end,
       any_value(j.date_granularity) AS date_granularity, max(j.confidence) AS confidence,
       any_value(j.share) AS share, max(j.confidence) * any_value(j.share) AS weight,
       count(*) AS n_mentions, list(j.event_id ORDER BY j.event_id) AS event_ids
FROM (SELECT p.*, ev.* EXCLUDE (event_id) FROM pairs p JOIN ev ON ev.event_id = p.event_id) j
GROUP BY j.a, j.b, j.ab, j.ba, j.cameo_code, j.plover_type, j.modality, j.date_start,
         j.date_end, {dedup_key}
"""
    return sql, params + end_params
