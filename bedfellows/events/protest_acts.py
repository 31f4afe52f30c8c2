"""What protesters do is protest.

PLOVER's PROTEST covers "all civilian demonstrations and other collective
actions carried out as protests", and CAMEO codes a crowd's violence as a riot
(145 "protest violently, riot"), not as an armed attack. The verb dictionaries
code the act alone: "protesters blocked the bridge" comes out as a blockade
(191), "demonstrators threw rocks" as an assault (180), "crowds gathered" as a
meeting (040). When everyone doing the act is named as protesters, this
module gives the code of the protest the act is.

Verbal acts keep their codes: a demand (10), an accusation (11), an appeal
(02) or a threat (13) by protesters is said, not done, and PLOVER codes it as
said.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Head words (lemmas) that name people by their protesting.
PROTESTER_LEMMAS = frozenset(
    {
        "protester",
        "protestor",
        "demonstrator",
        "rioter",
        "marcher",
        "striker",
        "picketer",
        "mob",
    }
)
# Acts of force by protesters: a riot. Artillery, air strikes and mass
# violence (194, 195, 20) are warfare, whoever wages it.
_RIOT_CODES = ("17", "18", "190", "193")
# Collective acts coded as something else: a demonstration. A consultation (04)
# only without anyone met: "crowds gathered" is a rally, "demonstrators
# received the ministers" a meeting.
_RALLY_ROOTS = frozenset({"03", "05", "06", "12", "15", "16"})
# Said, not done: statements, appeals, investigations, demands, accusations,
# threats (and protests already).
_VERBAL_ROOTS = frozenset({"01", "02", "09", "10", "11", "13", "14"})
# Verbs whose protest is an obstruction (CAMEO 144 "obstruct passage, block").
_BLOCKING = frozenset({"block", "blockade", "barricade", "obstruct", "shut", "close", "occupy"})


def names_protesters(head) -> bool:
    """True when the noun phrase headed by ``head`` names protesters
    ("protesters", "dozens of demonstrators", "an angry mob")."""
    if head.lemma_.lower() in PROTESTER_LEMMAS or head.lower_ in PROTESTER_LEMMAS:
        return True
    # "dozens of protesters", "thousands of demonstrators"
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in PROTESTER_LEMMAS:
                    return True
    return False


def protest_code(
    code: str, verb_lemma: str, source_heads: Sequence, *, has_target: bool
) -> str | None:
    """The CAMEO protest code of an act done by protesters, or None.

    code (str): the act's code from the dictionaries. verb_lemma (str): the
    trigger's lemma. source_heads (Sequence[Token]): the heads of the act's
    sources; all must name protesters. has_target (bool): the act names a
    party acted upon.
    RETURNS (str | None): "145" for force, "144" for blocking, "141" for other
        collective acts, None when the act is verbal or its doers are not (all)
        protesters.
    """
    if not source_heads or not all(names_protesters(h) for h in source_heads):
        return None
    root = code[:2]
    if root in _VERBAL_ROOTS:
        return None
    if verb_lemma in _BLOCKING:
        return "144"
    if code.startswith(_RIOT_CODES):
        return "145"
    if root in _RALLY_ROOTS or (root == "04" and not has_target):
        return "141"
    return None
