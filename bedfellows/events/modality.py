"""Modality of an event mention: asserted, negated, hypothetical or intended.

First version, rules over the dependency parse. The cues are looked for on the
trigger's own clause (its auxiliaries, negation, determiners) and on the chain
of verbs that *embed* it through control or complement relations ("might
consider a partnership", "refused to sign", "ruled out talks"), but not through
speech verbs: "X said Y attacked" is a claim by X, not a hypothesis.

Precedence when several cues apply: negated > hypothetical > intended.
"""

from __future__ import annotations

from dataclasses import dataclass

from bedfellows.schema import Modality

NEGATORS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "neither", "nor"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "can"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})

# Verbs that put their complement up for consideration rather than assert it.
CONSIDER_VERBS = frozenset(
    {
        "consider",
        "weigh",
        "mull",
        "contemplate",
        "explore",
        "discuss",
        "debate",
        "propose",
        "suggest",
        "float",
        "envisage",
        "imagine",
        "picture",
        "examine",
        "study",
        "seek",
        "hope",
        "wish",
    }
)
# Verbs that negate their complement ("refused to sign", "ruled out talks").
NEGATING_VERBS = frozenset({"refuse", "deny", "decline", "fail", "reject", "abandon", "avoid"})
# Verbs that make their complement an intention ("plans to send troops").
INTENT_VERBS = frozenset(
    {"plan", "intend", "aim", "prepare", "pledge", "promise", "vow", "want", "expect", "decide"}
)
# Verbs that commit to their complement without doing it ("agreed to send").
COMMIT_VERBS = frozenset({"agree", "offer", "commit", "undertake", "volunteer", "consent"})
# Verbs whose complement is asked for or threatened, not done ("urged Iran to
# stop", "called on Iraq to settle", "threatened to cut supplies").
ASKING_VERBS = frozenset(
    {
        "ask",
        "urge",
        "call",
        "demand",
        "press",
        "appeal",
        "request",
        "order",
        "invite",
        "encourage",
        "threaten",
        "warn",
        "push",
        "pressure",
        "beg",
    }
)
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl"})
HYPOTHETICAL_WORDS = frozenset(
    {
        "possible",
        "possibility",
        "possibly",
        "perhaps",
        "maybe",
        "potential",
        "potentially",
        "likely",
        "unlikely",
        "whether",
        "if",
        "idea",
        "prospect",
        "impossible",
        "hypothetical",
    }
)
# Speech and report verbs: their complement is attributed, not embedded modally.
SPEECH_VERBS = frozenset(
    {
        "say",
        "state",
        "report",
        "announce",
        "tell",
        "claim",
        "add",
        "note",
        "insist",
        "declare",
        "assert",
        "confirm",
        "write",
        "quote",
        "reiterate",
        "explain",
        "stress",
        "emphasize",
        "emphasise",
        "indicate",
        "allege",
        "acknowledge",
        "argue",
        "believe",
        "think",
    }
)

# Dependency relations through which an embedding verb's modality carries down.
_EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "dobj", "pobj", "pcomp", "acl"})


@dataclass(frozen=True, slots=True)
class ModalityCue:
    """The modality decided for a trigger and the word that decided it."""

    modality: Modality
    cue: str | None = None


def _clause_verb(tok):
    """The verb that heads the clause a (possibly nominal) trigger sits in."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
            return cur
        cur = cur.head
    return cur


def _local_cues(verb, trigger) -> ModalityCue | None:
    """Negation and modal cues on one clause: its verb's children and the trigger."""
    neg = hyp = fut = None
    for child in verb.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "advmod" and low == "never"):
            neg = low
        elif child.dep_ in ("aux", "auxpass"):
            if low in HYPOTHETICAL_AUX:
                hyp = low
            elif low in FUTURE_AUX or (low == "going" and verb.tag_ == "VB"):
                fut = low
        elif child.dep_ in ("advmod", "mark") and low in HYPOTHETICAL_WORDS:
            hyp = low
        elif child.dep_ in ("attr", "dobj", "nsubj") and child is not trigger:
            # "there will be no coordination": the negating determiner sits on
            # the nominal trigger itself, handled below.
            pass
    if trigger is not verb:
        for child in trigger.children:
            if child.dep_ == "det" and child.lower_ in ("no", "neither") or child.dep_ == "neg":
                neg = child.lower_
            elif child.dep_ == "amod" and child.lower_ in HYPOTHETICAL_WORDS:
                hyp = child.lower_
    if neg:
        return ModalityCue(Modality.NEGATED, neg)
    if hyp:
        return ModalityCue(Modality.HYPOTHETICAL, hyp)
    if fut:
        return ModalityCue(Modality.INTENDED, fut)
    return None


def modality_of(trigger) -> ModalityCue:
    """Decide the modality of the event whose trigger token is ``trigger``.

    trigger (Token): the event's trigger word (verb or event noun).
    RETURNS (ModalityCue): the modality and the cue word (None when asserted).
    """
    verb = _clause_verb(trigger)
    found = _local_cues(verb, trigger)
    # Walk up through embedding verbs ("refused to sign", "might consider talks").
    cur, steps = verb, 0
    while found is None and cur.dep_ in _EMBEDDING_DEPS and steps < 4:
        head = cur.head
        if head is cur:
            break
        lemma = head.lemma_.lower()
        if lemma in SPEECH_VERBS:
            break
        if lemma in NEGATING_VERBS:
            found = ModalityCue(Modality.NEGATED, head.text)
        elif lemma in CONSIDER_VERBS or head.lower_ in HYPOTHETICAL_WORDS:
            found = ModalityCue(Modality.HYPOTHETICAL, head.text)
        elif lemma in INTENT_VERBS or lemma in COMMIT_VERBS and cur.dep_ in _COMPLEMENT_DEPS:
            found = ModalityCue(Modality.INTENDED, head.text)
        elif lemma in ASKING_VERBS and cur.dep_ in _COMPLEMENT_DEPS:
            found = ModalityCue(Modality.HYPOTHETICAL, head.text)
        else:
            found = _local_cues(head, head)
            if found and found.modality is Modality.INTENDED and cur.dep_ == "conj":
                found = None  # "will meet and sign": future of the first verb only
        cur, steps = head, steps + 1
    # The trigger verb itself may be a consideration verb's object noun
    # ("could be considering talks"): handled by the local cues of "considering";
    # and a nominal trigger governed by a consideration verb is hypothetical.
    if found is None and trigger is not verb and verb.lemma_.lower() in CONSIDER_VERBS:
        found = ModalityCue(Modality.HYPOTHETICAL, verb.text)
    # An event noun as the subject of a copula is being judged, not reported
    # ("Collaboration between the two is something that will not be an easy
    # sell", "A deal is unlikely"): hypothetical.
    judged = trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj"
    if found is None and judged and trigger.head.lemma_.lower() == "be":
        found = ModalityCue(Modality.HYPOTHETICAL, trigger.head.text)
    return found or ModalityCue(Modality.ASSERTED)


def reporter_of(trigger):
    """The token heading the phrase a sentence attributes the event to, if any.

    Looks for a speech verb that embeds the trigger's clause ("X said that …",
    "“…,” the agency reported") and for "according to X".
    RETURNS (Token | None): the head of the reporter's noun phrase.
    """
    cur = _clause_verb(trigger)
    for _ in range(6):
        for child in cur.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                for grand in child.children:
                    if grand.dep_ == "prep" and grand.lower_ == "to":
                        for pobj in grand.children:
                            if pobj.dep_ == "pobj":
                                return pobj
        if cur.lemma_.lower() in SPEECH_VERBS and cur is not trigger:
            for child in cur.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("it", "there"):
                    return child
        if cur.head is cur:
            # Quote first, speech verb after: "“…,” the agency reported." parses
            # with the quoted clause as ccomp of the speech verb (handled above),
            # or the speech verb as a parataxis/ccomp child of the quote's root.
            for child in cur.children:
                if (
                    child.dep_ in ("parataxis", "ccomp")
                    and child.lemma_.lower() in SPEECH_VERBS
                    and child.i > trigger.i
                ):
                    for grand in child.children:
                        if grand.dep_ == "nsubj":
                            return grand
            break
        cur = cur.head
    return None
