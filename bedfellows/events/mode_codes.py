"""Codes for acts that are promised, forecast or refused rather than done.

The coder finds an act ("send aid", "attack", "meet") and, separately, how the
sentence holds it ("will send", "agreed to meet", "refused to send"):

- A refusal to cooperate or yield is a rejection, in CAMEO (12: 121 reject
  material cooperation, 125 reject proposal to meet, ...) and so in PLOVER
  (REJECT). Only refusals count: "will not", "would not", "refused to",
  "declined to", "is not ready to", "failed to reach agreement". A plain
  past negation ("did not sign") stays a negated act: nothing happened.
- An intended act keeps its CAMEO act code ("will supply arms" stays 072, as
  the CAMEO dictionaries and the PETRARCH coders code it; the modality says it
  is intended) unless it is committed to: "agreed to resign", "pledged to
  send aid", "is willing to withdraw", "said it will release" are CAMEO's
  intentions (0341, 0333, 0356, 0353), as the codebook's 030 reads ("offer,
  promise, agree to, or otherwise indicate willingness or commitment to
  cooperate") and as the PETRARCH-2 gold codes "announced it would free".
  Its PLOVER type follows the PLOVER manual: "Cooperative actions ...
  reported in future tense ... should be coded as AGREE", and a forecast
  attack is a THREATEN ("THREATEN could be ASSAULT + hypothetical ... the
  coder should always return the single event category"). The CAMEO
  codebook says the same (usage notes of 030 and 130); ``intent_code`` gives
  the CAMEO intention or threat code for users who want it.

An act reported as done that the CAMEO dictionary codes as an intention
("sent peacekeepers": 0334) takes the act's own code (074), unless a verb of
intent or commitment is the trigger.

An intended yielding act (CAMEO 08 "Yield": PLOVER RETREAT or CONCEDE) is a
CONCEDE, not an AGREE, as the PLOVER manual says twice: "Future cooperative
actions of type RETREAT + future and CONCEDE + future ... do not reduce to
AGREE" (AGREE) and "Announcements of future retreats should be coded as
CONCEDE" (CONCEDE). Its CAMEO code is CAMEO's intention to yield (035x), as
for other commitments.
"""

from __future__ import annotations

from bedfellows.schema import Modality

from .modality import (
    COMMIT_VERBS,
    INTENT_VERBS,
    READY_ADJECTIVES,
    SPEECH_VERBS,
    adjective_negated,
)

# Act code prefix → intention code (longest prefix wins; absent = no change:
# statements, appeals and verbal acts of 05 such as praise stay as they are).
_INTENT = {
    "04": "036",
    "045": "039",
    "050": "032",
    "054": "032",
    "057": "030",
    "06": "031",
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "07": "033",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "08": "035",
    "081": "0351",
    "082": "0352",
    "083": "034",
    "0831": "0341",
    "0832": "0342",
    "0833": "0343",
    "0834": "0344",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
}

# Intention code → the act it intends: the CAMEO dictionary gives some verbs
# that do the act an intention code ("send &PKO" 0334, "accept &REFUGEE" 0333,
# "train pilots" 0312); an act reported as done is the act (074, 073, 062).
_DONE = {
    "031": "060",
    "0311": "061",
    "0312": "062",
    "0313": "063",
    "0314": "064",
    "033": "070",
    "0331": "071",
    "0332": "072",
    "0333": "073",
    "0334": "074",
    "034": "083",
    "0341": "0831",
    "0342": "0832",
    "0343": "0833",
    "0344": "0834",
    "035": "080",
    "0351": "081",
    "0352": "082",
    "0353": "084",
    "0354": "085",
    "0355": "086",
    "0356": "087",
}

# Conflictual act code prefix → threat code. Force posture (15) is left alone:
# "will deploy troops to the border" is already the posture, not a threat of it.
_THREAT = {
    "14": "133",
    "16": "131",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "17": "130",
    "172": "132",
    "1721": "1321",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
    "173": "137",
    "175": "137",
    "18": "1383",
    "19": "138",
    "191": "1381",
    "192": "1382",
    "193": "1384",
    "194": "1384",
    "195": "1384",
    "20": "1383",
    "204": "1385",
}

# Cooperative act (or intention) code prefix → rejection code.
_REFUSAL = {
    "03": "120",
    "031": "121",
    "0311": "1211",
    "0312": "1212",
    "0313": "1213",
    "033": "122",
    "0331": "1221",
    "0332": "1222",
    "0333": "1223",
    "0334": "1224",
    "034": "123",
    "0341": "1231",
    "0342": "1232",
    "0343": "1233",
    "0344": "1234",
    "035": "124",
    "0351": "1241",
    "0352": "1242",
    "0353": "1243",
    "0354": "1244",
    "0355": "1245",
    "0356": "1246",
    "036": "125",
    "037": "127",
    "038": "126",
    "04": "125",
    "045": "126",
    "05": "120",
    "06": "121",
    "061": "1211",
    "062": "1212",
    "063": "1213",
    "07": "122",
    "071": "1221",
    "072": "1222",
    "073": "1223",
    "074": "1224",
    "08": "124",
    "081": "1241",
    "082": "1242",
    "083": "123",
    "0831": "1231",
    "0832": "1232",
    "0833": "1233",
    "0834": "1234",
    "084": "1243",
    "085": "1244",
    "086": "1245",
    "087": "1246",
}

# Verbs whose to-complement is an act committed to: CAMEO's "express intent"
# ("agreed to", "offered to", and the promises among the intent verbs).
COMMITTING_VERBS = COMMIT_VERBS | {"promise", "pledge", "vow"}
# Verbs whose to-complement is refused ("refused to send", "declined to meet").
REFUSING_VERBS = frozenset({"refuse", "decline"})
_YIELD_ROOT = "08"  # CAMEO 08 "Yield": an intended yield is a CONCEDE (module docstring)
# "failed to reach agreement", "failed to sign": not agreeing is a rejection
# (as the PLOVER gold codes it, REJECT); "failed to stop the attack" is not.
_AGREEING_VERBS = frozenset({"reach", "agree", "sign", "conclude", "finalize", "finalise"})
# Auxiliaries that make "not" a refusal of will rather than a report that
# something did not happen ("will not accept", "won't send", "would not join").
_VOLITIONAL_AUX = frozenset({"will", "wo", "would", "shall", "'ll"})
# Subordinators of a condition ("unless Chad holds elections").
_CONDITIONS = frozenset({"if", "unless"})
# "is not ready to", "not prepared to", "unwilling to".
_READINESS = frozenset({"ready", "prepared", "willing"})


def _lookup(table: dict[str, str], code: str) -> str | None:
    for size in range(len(code), 1, -1):
        found = table.get(code[:size])
        if found is not None:
            return found
    return None


def _clause_verb(tok):
    # The verb that carries the auxiliaries of a nominal trigger ("no aid").
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def is_refusal(trigger) -> bool:
    """True when the sentence refuses the act of ``trigger`` rather than denying it happened.

    trigger (Token): the act's trigger word.
    """
    verb = _clause_verb(trigger)
    kids = list(verb.children)
    negated = any(c.dep_ == "neg" for c in kids)
    if negated and any(c.dep_ == "aux" and c.lower_ in _VOLITIONAL_AUX for c in kids):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        if head.lemma_.lower() in REFUSING_VERBS:
            return True
        if head.lemma_.lower() == "fail" and verb.lemma_.lower() in _AGREEING_VERBS:
            return True
        # "is not ready to sign", "unwilling to meet"
        if head.lemma_.lower() in _READINESS and adjective_negated(head):
            return True
        if head.lemma_.lower() == "unwilling":
            return True
    return False


def is_commitment(trigger) -> bool:
    """True when the act is committed to rather than merely told in the future
    ("will send"): the complement of a verb of commitment ("agreed to resign",
    "pledged to send"), of readiness ("is willing to withdraw", "ready to
    contribute"), or a future act in reported speech ("Farc said it will
    release the hostages", "Israel announced it would free prisoners")."""
    verb = _clause_verb(trigger)
    head = verb.head
    if head.i == verb.i:
        return False
    if verb.dep_ == "xcomp":
        return head.lemma_.lower() in COMMITTING_VERBS or (
            head.pos_ == "ADJ" and head.lower_ in READY_ADJECTIVES
        )
    if verb.dep_ == "ccomp" and head.lemma_.lower() in SPEECH_VERBS:
        return any(c.dep_ == "aux" and c.lower_ in _VOLITIONAL_AUX for c in verb.children)
    return False


def is_conditional_commitment(trigger) -> bool:
    """True for an act promised on a condition: "will withdraw its troops unless
    Chad holds elections", "would lift sanctions if Iran complied".

    The condition makes the act hypothetical, but the speaker commits to it:
    a conditional conflictual act is the canonical threat, a conditional
    cooperative one an offer.
    """
    verb = _clause_verb(trigger)
    kids = list(verb.children)
    if any(c.dep_ == "neg" for c in kids):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _VOLITIONAL_AUX for c in kids):
        return False
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)
        for c in kids
    )


def intent_code(code: str) -> str | None:
    """The CAMEO intention (03) or threat (13) code of an act told in the future.

    code (str): the act's CAMEO code ("073" provide humanitarian aid).
    RETURNS (str | None): "0333" (intent to provide humanitarian aid), "1384"
        for an attack, or None for acts with no such code (statements, appeals,
        force posture).
    """
    return _lookup(_INTENT, code) or _lookup(_THREAT, code)


def code_for_mode(code: str, modality: Modality, trigger) -> tuple[str, Modality, str | None]:
    """The CAMEO code and modality to store for an act, and a PLOVER type if it differs.

    code (str): the act's own CAMEO code.
    modality (Modality): how the sentence holds the act.
    trigger (Token): the act's trigger word (for refusal cues).
    RETURNS (tuple): (CAMEO code, modality, PLOVER type or None to take the
        CAMEO code's own). A refusal becomes an asserted rejection (the refusal
        happened); an intended cooperative act is an AGREE and an intended
        conflictual act a THREATEN, both still marked ``INTENDED``; so is one
        promised on a condition ("will withdraw unless ..."), still marked
        ``HYPOTHETICAL``.
    """
    if modality is Modality.NEGATED and is_refusal(trigger):
        mapped = _lookup(_REFUSAL, code)
        if mapped is not None:
            return mapped, Modality.ASSERTED, None
    if (
        modality is Modality.ASSERTED
        and code in _DONE
        and trigger.lemma_.lower() not in COMMITTING_VERBS | INTENT_VERBS
    ):
        # "Britain sent troops to the peacekeeping mission": done, not intended.
        return _DONE[code], modality, None
    committed = modality is Modality.HYPOTHETICAL and is_conditional_commitment(trigger)
    if modality is Modality.INTENDED or committed:
        intent = _lookup(_INTENT, code)
        if intent is not None:
            # "agreed to resign", "pledged to send aid": the CAMEO codebook codes the
            # commitment itself (030: "offer, promise, agree to … cooperate").
            plover = "CONCEDE" if code[:2] == _YIELD_ROOT else "AGREE"
            return (intent if is_commitment(trigger) else code), modality, plover
        if _lookup(_THREAT, code) is not None:
            return code, modality, "THREATEN"
    return code, modality, None
