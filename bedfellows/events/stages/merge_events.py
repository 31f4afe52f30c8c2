"""Stage 6: of a sentence's events, keep those that are events of their own.

An event noun that is what a verb did or named ("provided food aid",
"condemned the attack"), an act that is what a request asks or a rejection
turns down ("demanded that Ankara provide information"), a purpose clause
("resigned to allow elections") and a generic framing event whose complement
was coded with the same PLOVER type ("agreed to re-open the border": AGREE
once) are dropped.
"""

from __future__ import annotations

from bedfellows.schema import Event, Modality

from ..modality import misparsed_conjunct

# Dependencies that keep a noun inside what a verb does or names: the object of
# "provided aid", the pact in "signed an agreement on military cooperation".
_CONTENT_DEPS = frozenset(
    {"dobj", "obj", "pobj", "prep", "compound", "amod", "nmod", "conj", "appos", "attr", "dative"}
)
# Dependencies from an act up to the request or rejection it is the content of
# (``asked_of``), and the PLOVER types whose mode is that content.
_ASKED_DEPS = frozenset({"xcomp", "ccomp", "dobj", "obj", "pobj", "pcomp", "prep", "conj"})
# A threatened act stays an event of its own, hypothetical ("threatened to cut
# gas supplies"), as does a refused one, negated ("refused to send troops"):
# the threat or denial of an act is what the modality fields record.
_CONTENT_MODE_TYPES = frozenset({"REQUEST", "REJECT"})
# Prepositions that set one event in time against another ("after the arrests").
_TIME_PREPS = frozenset({"after", "before", "following", "since", "until", "amid"})
# Residual codes of a framing verb (CAMEO 030 "Express intent to cooperate",
# 120 "Reject", 050 "Engage in diplomatic cooperation": "agreed to", "refused
# to") that its complement's own event makes redundant when both have the same
# PLOVER type.
_GENERIC_FRAMES = frozenset({"030", "120", "050"})


def content_of(tok, coded: dict[int, Event]) -> Event | None:
    """The event whose verb ``tok`` is the content of, if any.

    A noun is the content of the verb it hangs on through objects and
    prepositions ("provided food aid", "condemned the attack"): it is what that
    event did or named, not a second event. An infinitival purpose clause
    ("resigned to allow elections", "opened the bridge to allow deliveries")
    says why an event happened, not that a second one did.
    """
    if tok.pos_ == "NOUN":
        cur = tok
        while cur.dep_ in _CONTENT_DEPS and cur.head.i != cur.i:
            if cur.dep_ == "prep" and cur.lower_ in _TIME_PREPS:
                return None  # "after the arrests, police hinted ...": an event of its own
            cur = cur.head
            if cur.pos_ == "VERB" and cur.i in coded:
                return coded[cur.i]
        return None
    if (
        tok.dep_ == "advcl"
        and tok.head.i in coded
        # "shunned work to protest ...": protesting is what the act was.
        and not tok.lemma_.lower().startswith(("protest", "demonstrate"))
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    ):
        return coded[tok.head.i]
    return None


def asked_of(tok, coded: dict[int, Event]) -> Event | None:
    """The request or rejection whose content the act at ``tok`` is, if any.

    PLOVER codes what is requested or rejected as that event's mode (REQUEST
    and REJECT share the modes assist, change, yield, meet), not as an event
    of its own: "demanded that Ankara provide information", "urged its
    citizens to avoid coming", "rejected a proposal for signing a trade
    agreement". The act must lie in the clausal complement or object of that
    event's verb; a relative or adverbial clause ("the prisoners arrested last
    week") describes something that did happen.
    """
    cur = tok
    while cur.dep_ in _ASKED_DEPS and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in _TIME_PREPS:
            return None  # "after the arrests, police hinted ...": an event of its own
        head = cur.head
        if misparsed_conjunct(cur):
            return None
        owner = coded.get(head.i)
        if (
            owner is not None
            and cur.dep_ != "conj"  # "refused to deploy and urged ...": a second act
            and owner.plover_type in _CONTENT_MODE_TYPES
        ):
            return owner
        cur = head
    return None


def _adds_party(purpose: Event, act: Event) -> bool:
    """True when a purpose clause names a party its act does not ("sent forces
    to help Iraq": the help is Iran's act towards Iraq, and the sending alone
    names no one it is for). A party it is against counts too."""
    names = {t.country for t in act.targets if t.country} | {
        s.country for s in (*act.sources, *act.opposed) if s.country
    }
    return any(t.country and t.country not in names for t in (*purpose.targets, *purpose.opposed))


def without_subordinates(events: list[Event], triggers: list) -> tuple[list[Event], list]:
    """Drop events that are only the content or purpose of another event in the
    sentence (what a request asks or a rejection turns down included), and a
    generic framing event ("agreed to", "refused to") whose complement was
    coded with the same PLOVER type ("agreed to re-open the border": AGREE
    once, on "re-open"). RETURNS the kept events and their trigger tokens,
    still paired."""
    coded = {tok.i: ev for tok, ev in zip(triggers, events, strict=True)}
    drop: set[int] = set()
    for tok, ev in zip(triggers, events, strict=True):
        owner = content_of(tok, coded)
        if owner is not None and not (tok.pos_ == "VERB" and _adds_party(ev, owner)):
            drop.add(id(ev))
            continue
        asker = asked_of(tok, coded)
        if (
            asker is not None
            and asker is not ev
            # "refused to sign": the refusal coded on its complement (1211, …)
            # replaces the generic frame (120), below.
            and not (asker.cameo_code in _GENERIC_FRAMES and asker.plover_type == ev.plover_type)
            # "refused to send troops": the denied act, negated (see above).
            and not (asker.plover_type == "REJECT" and ev.modality == Modality.NEGATED)
        ):
            drop.add(id(ev))
            continue
        if (
            tok.dep_ == "nsubjpass"
            and tok.head.i in coded
            and coded[tok.head.i].cameo_root == ev.cameo_root
        ):
            # "demonstrations were held": the verb's pattern coded the noun.
            drop.add(id(ev))
            continue
        head = tok.head
        if tok.dep_ == "xcomp" and head.i in coded:
            frame = coded[head.i]
            if frame.cameo_code in _GENERIC_FRAMES and frame.plover_type == ev.plover_type:
                drop.add(id(frame))
    kept = [(ev, tok) for ev, tok in zip(events, triggers, strict=True) if id(ev) not in drop]
    return [ev for ev, _ in kept], [tok for _, tok in kept]
