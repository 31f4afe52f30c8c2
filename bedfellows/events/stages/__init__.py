"""The stages of event coding, in the order ``EventCoder`` runs them.

Per sentence, every trigger found (``find_triggers``) goes through its own
chain, one stage after the other, before the next trigger is looked at (a
coded verb consumes its object noun, and resolving actors teaches the
article's memory, so the order is part of the behaviour):

1. ``find_triggers``: which words may report an event (verbs, event nouns,
   comment adjectives);
2. ``match_patterns``: the CAMEO code a trigger's words match (verb patterns,
   the noun table), and the "V against" reading;
3. ``attach_arguments``: sources, targets and opposed parties from the parse,
   resolved to actors at the event's date; then (``situate``) the event's
   place and the country context of country-less actors;
4. ``check_constraints``: what the codebook requires of an event (an arrest
   needs a detainee, most acts an agent) and recodes (joint exercises are
   military cooperation, only cooperation has opposed parties);
5. ``set_modality``: negation, hypothesis, intent, history, and the code a
   mode turns the act into ("refused to send troops");
6. ``merge_events``: of a sentence's events, drop those that are only the
   content or purpose of another one;
7. ``speech_acts``: add the acts done by saying ("X alleged that Y attacked",
   "X said Y must …").

``grounding`` (actors, places and dates in the sentence), ``code_facts``
(which codes cooperate, against whom) and ``assemble`` (the ``Event`` record)
serve the stages. Stage modules import only those helpers and the layers below
(``bedfellows.events.*``), never ``bedfellows.events.coder``.
"""

from __future__ import annotations

#: Every stage, in order.
STAGES = (
    "triggers",
    "patterns",
    "arguments",
    "constraints",
    "modality",
    "merge",
    "speech_acts",
)
#: The stages ``EventCoder(ablate=...)`` can switch off. Without triggers,
#: patterns or arguments there is nothing to code (no trigger, no code, no
#: actor), so those always run.
ABLATABLE = frozenset({"constraints", "modality", "merge", "speech_acts"})
