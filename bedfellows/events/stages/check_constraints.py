"""Stage 4: what the codebook requires of an event, and the codes it settles.

``admit`` drops a candidate the codebook would not code: an arrest reading
that names nobody taken, an act with no agent (unless it is violence, which
CAMEO and ACLED report with an unknown perpetrator). ``conform`` recodes
joint military exercises (PLOVER: COOPERATE, not MOBILIZE); ``settle_opposed``
runs after modality and gives a non-cooperation its opposed parties as
targets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bedfellows.schema import Event

from ..mentions import ArticleMemory
from ..verbs import VerbLexicon
from .candidate import Candidate
from .code_facts import ARREST, VIOLENCE_ROOTS, CodeFacts
from .grounding import SentenceContext, apart

_FORCE_POSTURE_ROOT = "15"  # CAMEO 15 "Exhibit force posture", PLOVER MOBILIZE
_MILITARY_COOPERATION = "062"  # CAMEO "Cooperate militarily": "joint military games"
# Particles of phrasal verbs ("round up", "lock up"): a pattern of these words
# only says nothing about whom the act is done to.
_PARTICLES = frozenset({"up", "down", "off", "out", "away", "back", "in"})
# Pattern words that name custody or a charge ("taken into custody").
_DETENTION_WORDS = frozenset({"&DETENTION", "custody", "arrest", "charge", "charges", "&CRIME"})
_PERSONAL_PRONOUNS = frozenset(
    {"him", "her", "them", "us", "me", "who", "whom", "he", "she", "they"}
)


def needs_detainee(pattern, bare_code: str | None) -> bool:
    """True when the arrest reading (173) of a verb that is not an arrest verb
    itself rests on its subject, a particle or a word that may be elsewhere in
    the sentence ("police took", "rounded up", "take ... leader"): only someone
    taken makes it an arrest ("police took 12 men" yes, "police took time",
    "the decision was taken at the leader's house" no). A pattern naming custody
    or a charge ("taken into custody", "booked for murder", "remanded in
    custody") says so on its own."""
    if pattern.code != ARREST or bare_code == ARREST:
        return False
    if pattern.curated:
        return all(w in _PARTICLES for w in pattern.after)
    return not any(w in _DETENTION_WORDS for w in pattern.after)


def person_object(verb) -> bool:
    """True when the verb's object or passive subject is a personal pronoun
    ("caught them", "they were held") or "some of them"; not a reflexive."""
    heads = list(verb.children) + [
        # "found him guilty": the small clause's subject is the verb's object.
        g
        for c in verb.children
        if c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ == "ADJ"
        for g in c.children
        if g.dep_ == "nsubj"
    ]
    for child in heads:
        if child.dep_ not in ("dobj", "obj", "nsubjpass") and child.head.i == verb.i:
            continue
        if child.lower_ in _PERSONAL_PRONOUNS:
            return True
        for prep in child.children:
            if prep.lower_ == "of" and any(g.lower_ in _PERSONAL_PRONOUNS for g in prep.children):
                return True
    return False


def unattributed_violence(code: str, targets, earlier: Sequence[Event]) -> bool:
    """True for an act of violence with no agent named ("two soldiers were
    killed", "a market was shelled") that is not a re-mention of violence the
    article already coded: it is kept with no source, as ACLED keeps
    "unidentified armed group" events, rather than dropped. Other acts without
    an agent stay uncoded (a request or a meeting needs someone doing it)."""
    if code[:2] not in VIOLENCE_ROOTS or not targets:
        return False
    return not any(ev.cameo_root in VIOLENCE_ROOTS for ev in earlier)


def enrich_antecedent(code: str, ctx: SentenceContext, earlier: list[Event]) -> None:
    """An agentless re-mention ("the accords were signed in Tehran") adds its
    place to the earlier event of the same kind, instead of a new event."""
    if not ctx.places:
        return
    for i in range(len(earlier) - 1, -1, -1):
        ev = earlier[i]
        if ev.cameo_root == code[:2] and ev.place is None:
            earlier[i] = replace(ev, place=ctx.places[0][1])
            return


class ConstraintChecker:
    """Applies the codebook's requirements to candidate events."""

    def __init__(self, lexicon: VerbLexicon, facts: CodeFacts) -> None:
        self.lexicon = lexicon
        self.facts = facts

    def admit(self, cand: Candidate, ctx: SentenceContext, memory: ArticleMemory) -> bool:
        """Whether ``cand`` may be coded. An agentless violence is kept, less
        sure; an agentless other verb instead lends its place to an earlier
        event of its kind (``memory.events``)."""
        if cand.kind == "noun":
            return bool(cand.sources)
        if cand.kind == "reverse":
            return bool(cand.targets) and bool(
                cand.sources or unattributed_violence(cand.code, cand.targets, memory.events)
            )
        if cand.kind != "verb":
            return True
        pattern = cand.pattern
        if needs_detainee(pattern, self.lexicon.default_code(cand.match.lemma)) and not (
            cand.targets or person_object(cand.trigger)
        ):
            # A verb that arrests only in some uses ("rounded up", "took", "held")
            # must name whom: "police took time", "held themselves back" are no arrests.
            return False
        if not cand.sources:
            if not unattributed_violence(pattern.code, cand.targets, memory.events):
                enrich_antecedent(pattern.code, ctx, memory.events)
                return False
            cand.confidence -= 0.2
        return True

    def has_recipient(self, event: Event) -> bool:
        """Whether an event the PLOVER manual says needs a recipient has one.

        COOPERATE, AID and SANCTION ("Requires recipient: Yes"): material
        cooperation, aid and reduced relations are with or towards someone.
        The coder asks this of a verb coded by its bare entry alone, whose
        code says least about its sense: "led the delegation", "conducted a
        flag march", "headed the commission" with nobody they were for or
        against code no such event (a pattern such as "impose sanctions" names
        the act itself, and its recipient may be in another sentence).
        Partners named together as its actors ("Iran and Iraq cooperated")
        are the reciprocal form, which the manual codes with no recipient.
        """
        if event.targets or not self.facts.codebook.requires_recipient(event.plover_type):
            return True
        partners = {a.country or a.actor_id or a.cameo for a in event.sources}
        return len(partners) >= 2

    def conform(self, cand: Candidate) -> None:
        """Recode what the codebooks code otherwise than the dictionary."""
        if (
            cand.code[:2] == _FORCE_POSTURE_ROOT
            and len({a.country for a in cand.sources if a.country}) > 1
        ):
            # "Russian and Belarusian troops held manoeuvres": "joint military
            # operations are coded as COOPERATE but single-country exercises
            # should be coded as MOBILIZE" (PLOVER manual); CAMEO 062.
            cand.code = _MILITARY_COOPERATION

    def settle_opposed(self, cand: Candidate) -> None:
        """Only a cooperation is directed against someone: "refused to cooperate
        against ISIS" is a rejection, and a conflict event keeps who it is
        against among its targets."""
        if cand.opposed and not self.facts.cooperative(cand.code):
            cand.targets, cand.opposed = cand.targets + apart(cand.opposed, cand.targets), []
