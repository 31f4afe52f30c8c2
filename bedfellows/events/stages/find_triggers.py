"""Stage 1: the words of a sentence that may report an event.

A verb (not a speech or light verb, which only code through a pattern naming
more words: "declared a ceasefire", "taken into custody"), an event noun of
the noun table, or a predicate adjective of comment ("is skeptical of").
Left out: "according to", modifiers ("US-led forces", "the besieged town"),
a framing verb whose object is an event noun ("might consider a
partnership": the noun is the event), and nouns an earlier coded verb took
as its pattern's object (``consumed``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from bedfellows.data import read_tsv

from ..modality import CONSIDER_VERBS, INTENT_VERBS, SPEECH_VERBS
from ..nouns import NounLexicon
from .candidate import Trigger

# Verbs too light to carry an event of their own ("have", "be", "do").
LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make", "take", "give", "go", "come"})
_FRAMING_VERBS = CONSIDER_VERBS | INTENT_VERBS


@cache
def comment_adjectives() -> dict[str, str]:
    """Predicate adjectives that make a comment what CAMEO calls pessimistic
    (012) or optimistic (013), and that code: "said it is skeptical of", "is
    confident that" (``comment_adjectives.tsv``, read once)."""
    return {row["adjective"]: row["cameo_code"] for row in read_tsv("comment_adjectives.tsv")}


# A verb's own subject or object: a "participle" that has one is a clause.
_OWN_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj"})


def is_attribution(tok) -> bool:
    """ "according to the US government": a source of the news, not an event."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "according" and nxt is not None and nxt.lower_ == "to"


def is_hyphen_modifier(tok) -> bool:
    """ "US-led forces", "Iranian-backed militias", and a present participle used
    as an adjective ("Algeria's leading activist", "the ruling party"): a
    description, not an event."""
    if tok.dep_ != "amod":
        return False
    return (tok.i > 0 and tok.nbor(-1).text == "-") or (tok.tag_ == "VBG" and tok.i < tok.head.i)


def frames_noun_event(verb, nouns: NounLexicon) -> bool:
    """True when the verb's object is an event noun ("consider a partnership"),
    or the subject of a small clause ("consider [a partnership with Sudan to
    manage the river]") the parser made of it."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    objects += [
        g
        for c in verb.children
        if c.dep_ in ("ccomp", "xcomp")
        for g in c.children
        if g.dep_ == "nsubj"
    ]
    return any(o.lemma_.lower() in nouns.nouns for o in objects)


#: Modifiers that make an event noun name no particular event that happened:
#: earlier events recalled ("previous riots", "the past clashes") or any event of
#: the kind ("any attack", "such talks", "every protest"). PLOVER codes events
#: that took place or were said, promised, threatened or denied, with earlier
#: ones marked as such (manual, auxiliary modes: "whether a reported event is
#: historical, future, hypothetical, or has a negation"), not a kind of event.
_NO_OCCURRENCE = frozenset(
    {"previous", "past", "earlier", "former", "prior", "any", "such", "every", "each"}
)


def names_an_event(noun) -> bool:
    """True when an event noun names an event of this report, not a kind of thing.

    A noun that modifies another noun names the thing, not an event ("riot
    police", "attack helicopters", "the talks process"); a noun under a
    modifier of recall or generality (``_NO_OCCURRENCE``) names none.
    """
    if noun.dep_ == "compound":
        return False
    return not any(
        c.lower_ in _NO_OCCURRENCE for c in noun.children if c.dep_ in ("amod", "det", "predet")
    )


# Parts of speech a trigger can have (verb, event noun, comment adjective).
_TRIGGER_POS = frozenset({"VERB", "NOUN", "ADJ"})


def find_triggers(sent, nouns: NounLexicon, consumed: set[int]) -> Iterator[Trigger]:
    """The sentence's triggers, in word order.

    ``consumed`` is read lazily, word by word: the caller adds the object
    nouns of each verb it codes before asking for the next trigger.
    """
    for tok in sent:
        pos = tok.pos_
        if pos not in _TRIGGER_POS:
            continue
        if tok.i in consumed or is_attribution(tok) or is_hyphen_modifier(tok):
            continue
        if (
            pos == "VERB"
            and tok.dep_ == "amod"
            and not any(c.dep_ in _OWN_ARGUMENT_DEPS for c in tok.children)
        ):
            # "a suspected terrorist", "the besieged town": a participle
            # before a noun describes it; it reports no act of anyone here.
            # (With a subject or object of its own it is a misparsed verb:
            # "Trump threatened “rogue regimes …”".)
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in _FRAMING_VERBS and frames_noun_event(tok, nouns):
            # "might consider a partnership", "is weighing cooperation": the noun is
            # the event and the verb only its modality.
            continue
        if tok.pos_ == "VERB" and lemma not in SPEECH_VERBS and lemma not in LIGHT_VERBS:
            yield Trigger(tok, lemma, "verb")
        elif tok.pos_ == "ADJ" and tok.dep_ == "acomp" and lemma in comment_adjectives():
            yield Trigger(tok, lemma, "comment")
        elif tok.pos_ == "NOUN" and lemma in nouns.nouns and names_an_event(tok):
            yield Trigger(tok, lemma, "noun")
        elif tok.pos_ == "VERB" and (
            lemma in LIGHT_VERBS or any(c.dep_ in ("dobj", "obj") for c in tok.children)
        ):
            # "came together to sign": the light verb lends its subject only,
            # unless a pattern makes it an act ("taken into custody"); a speech
            # verb with an object may be one too ("declared a ceasefire").
            yield Trigger(tok, lemma, "verb", specific_only=True)
