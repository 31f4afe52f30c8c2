"""Gold data sets: one module each, with ``load(shared)`` and ``score(records, predictions)``.

To add a set (ConfliBERT, CASE 2021, IndiaPoliceEvents, LGL, …), write a module
with ``NAME``, ``FILE``, ``load`` and ``score`` (see ``plover`` and ``petrarch``)
and list it in ``GOLD_SETS``. ``score`` returns a dict whose ``metrics`` are
shares in [0, 1]; unbounded figures go under ``rates`` and ``counts``.
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
from .common import GoldEvent, GoldRecord, to_article

#: Gold sets the accuracy benchmark runs, by name.
GOLD_SETS = {plover.NAME: plover, petrarch.NAME: petrarch}
GOLD_SETS[dates_own.NAME] = dates_own
GOLD_SETS.update({m.NAME: m for m in (conflibert, conflibert_ner, case2021, indiapolice)})
GOLD_SETS[modality_own.NAME] = modality_own

__all__ = ["GOLD_SETS", "GoldEvent", "GoldRecord", "petrarch", "plover", "to_article"]

# Toponym resolution (bedfellows.geo), scored on gold place names rather than events.
from . import lgl  # noqa: E402

GOLD_SETS[lgl.NAME] = lgl

# Case-less copies of PLOVER and PETRARCH-2 (lowercased, all caps): actors without case.
from . import petrarch_lower, petrarch_upper, plover_lower, plover_upper  # noqa: E402

GOLD_SETS.update({m.NAME: m for m in (plover_lower, petrarch_lower, plover_upper, petrarch_upper)})
