"""Gold data sets: one module each, with ``load(shared)`` and ``score(records, predictions)``.

To add a set (ConfliBERT, CASE 2021, IndiaPoliceEvents, LGL, …), write a module
with ``NAME``, ``FILE``, ``load`` and ``score`` (see ``plover`` and ``petrarch``)
and list it in ``GOLD_SETS``. ``score`` returns a dict whose ``metrics`` are
shares in [0, 1]; unbounded figures go under ``rates`` and ``counts``.

Every set is split into a *tune* part and a *lockbox* part (about a third),
fixed by a hash of the scored unit's id (``common.part_of``); a module whose
sentence records belong to documents names the document with
``partition_unit(record)``. ``synthetic_stories`` is all lockbox
(``ALL_LOCKBOX``). Never read, print or log a lockbox record or its errors:
only aggregate figures of a lockbox may be seen (``common.aggregate_only``).
"""

from __future__ import annotations

from . import (
    case2021,
    conflibert,
    conflibert_ner,
    dates_own,
    indiapolice,
    modality_own,
    petrarch,
    plover,
)
from .common import (
    LOCKBOX,
    TUNE,
    GoldEvent,
    GoldRecord,
    aggregate_only,
    part_of,
    record_part,
    split_parts,
    to_article,
)

#: Gold sets the accuracy benchmark runs, by name.
GOLD_SETS = {plover.NAME: plover, petrarch.NAME: petrarch}
GOLD_SETS[dates_own.NAME] = dates_own
GOLD_SETS.update({m.NAME: m for m in (conflibert, conflibert_ner, case2021, indiapolice)})
GOLD_SETS[modality_own.NAME] = modality_own

__all__ = [
    "GOLD_SETS",
    "LOCKBOX",
    "TUNE",
    "GoldEvent",
    "GoldRecord",
    "aggregate_only",
    "part_of",
    "petrarch",
    "plover",
    "record_part",
    "split_parts",
    "to_article",
]

# Toponym resolution (bedfellows.geo), scored on gold place names rather than events.
from . import lgl  # noqa: E402

GOLD_SETS[lgl.NAME] = lgl

# Case-less copies of PLOVER and PETRARCH-2 (lowercased, all caps): actors without case.
from .recased import copy_set  # noqa: E402

_CASELESS_HEADLINES = {
    plover: ("source_country_accuracy", "target_country_accuracy", "event_type_accuracy"),
    petrarch: ("source_country_match", "target_country_match", "cameo_root_accuracy"),
}
GOLD_SETS.update(
    {
        c.NAME: c
        for m, headline in _CASELESS_HEADLINES.items()
        for c in (copy_set(m, "lower", headline), copy_set(m, "upper", headline))
    }
)

# The synthetic-story lockbox: scored in aggregate only, never inspected.
from . import synthetic_stories  # noqa: E402

GOLD_SETS[synthetic_stories.NAME] = synthetic_stories
