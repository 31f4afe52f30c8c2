"""Stage 5: whether the event happened, and the code its mode makes of it.

Negation, hypothesis and intent come from the trigger's clause
(``bedfellows.events.modality``); a refusal or a commitment recodes the act
("refused to send troops": CAMEO 12x, PLOVER REJECT; ``mode_codes``); an
event set in the past is marked historical.
"""

from __future__ import annotations

from datetime import date

from bedfellows.schema import Modality

from ..modality import historical_of, modality_of
from ..mode_codes import code_for_mode
from .candidate import Candidate


def set_modality(cand: Candidate, published: date | None) -> None:
    """Set ``cand``'s modality, its code and PLOVER type under that mode, and
    whether it is historical; an event not asserted is less sure."""
    trigger = cand.trigger
    mod = modality_of(trigger)
    code, modality, mode_type = code_for_mode(cand.code, mod.modality, trigger)
    cand.code, cand.modality = code, modality
    cand.plover_type = cand.plover_type or mode_type
    if modality is not Modality.ASSERTED:
        cand.confidence -= 0.05
    cand.historical = historical_of(trigger, cand.edate, published)
