"""Whether each coded event is right, for training and checking calibrated confidence.

An event is **right** when it is one of the gold events of its record: for
PLOVER (one gold event per sentence) its PLOVER type is the gold label and its
source and target country codes equal the gold ones (a role the gold event
leaves empty is not checked); for PETRARCH-2 (one or more gold events per
sentence) its CAMEO root, source country and target country match one gold
event. Any other event of the sentence counts as wrong, including a real
event the gold annotators did not code: so these labels understate how often
secondary events are right, and the calibration curve is conservative.

``labelled_events`` returns (event, right?) pairs of a set's records; callers
decide which part (tune or lockbox) they read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bedfellows.schema import Event

from ..scoring import set_match
from . import petrarch, plover
from .common import GoldRecord

#: Gold sets whose events can be labelled right or wrong.
SETS = ("plover_gsr_dev", "petr2_gsr_validation")


def plover_right(record: GoldRecord, event: Event) -> bool:
    """True when ``event`` is the PLOVER record's gold event (type, source and target)."""
    gold = record.events[0]
    if event.plover_type != gold.label:
        return False
    if gold.sources and not set_match(gold.sources, plover.actor_codes(event.sources)):
        return False
    return not gold.targets or set_match(gold.targets, plover.actor_codes(event.targets))


def petrarch_right(record: GoldRecord, event: Event) -> bool:
    """True when ``event`` matches one gold event of the PETRARCH-2 record
    (CAMEO root, source country, target country)."""
    for gold in record.events:
        flags = petrarch._match(gold, event)  # noqa: SLF001 - the set's own matcher
        if flags["root"] and flags["source_country"] and flags["target_country"]:
            return True
    return False


JUDGES = {"plover_gsr_dev": plover_right, "petr2_gsr_validation": petrarch_right}


def labelled_events(
    set_name: str, records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]
) -> list[tuple[Event, bool]]:
    """Each predicted event of ``records`` with whether it is right (see module doc)."""
    judge = JUDGES[set_name]
    out = []
    for rec in records:
        for ev in predictions.get(rec.record_id, ()):
            out.append((ev, judge(rec, ev)))
    return out
