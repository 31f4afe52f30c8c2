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
from datetime import date, timedelta

from bedfellows.dates import Tense, TenseOf
from bedfellows.schema import ActorRef, DateBasis, EventDate, Granularity, Modality

NEGATORS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "neither", "nor"})
# "must": an obligation someone states ("Iran must withdraw") is not a report that it happened.
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "can", "must"})
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
        "unless",
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
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def misparsed_conjunct(tok) -> bool:
    """True for a finite verb parsed as conjoined to a to-infinitive ("refused to
    send troops and urged France …" with "urged" under "send"): a past or
    present tense cannot continue the infinitive, so it is a second act of the
    clause above, outside whatever embeds the infinitive."""
    if tok.dep_ != "conj" or tok.head.tag_ != "VB" or tok.tag_ not in _FINITE_TAGS:
        return False
    # A word spelled as the infinitive ("live up to it and provoke Iran") is no
    # evidence of a finite verb, whatever the tagger says: the present and (for
    # "put", "cut", "set") the past are written alike, so it may be the
    # infinitive continued.
    return tok.lower_ != tok.lemma_.lower()


# "is going to visit", "is set to deliver", "are due to meet", "is about to
# reopen", "is scheduled to host": frames that put their complement ahead.
FUTURE_FRAMES = frozenset(
    {"going", "set", "due", "about", "scheduled", "poised", "slated", "expected", "bound"}
)
# Adjectives that make their to-complement an intention ("is ready to send
# troops", "willing to withdraw") or deny it ("unable to attack").
READY_ADJECTIVES = frozenset({"ready", "willing", "prepared", "eager", "determined", "keen"})
UNABLE_ADJECTIVES = frozenset({"unable", "unwilling", "reluctant", "powerless"})
# Copulas whose nominal subject is judged rather than reported ("a deal
# remains possible").
_COPULAS = frozenset({"be", "remain", "seem", "appear", "look", "become", "sound"})
# Subjects that deny the act outright ("nobody attacked", "none of them came").
# Subordinators of a condition: the clause they head is hypothetical, and so is
# the clause it conditions.
_CONDITIONS = frozenset({"if", "unless"})
# Subordinators of an open question or a condition: the clause they head, and
# whatever it embeds, is not asserted. PLOVER manual, auxiliary modes:
# "hypothetical: 'If Russian forces were to cross the border, that would …'".
_OPEN = frozenset({"whether", "if"})
_NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "neither", "nothing", "no one"})
# Phrasal negators: verb + particle ("ruled out talks", "backed out of the deal").
_NEGATING_PHRASALS = frozenset({("rule", "out"), ("back", "out"), ("pull", "out")})


@dataclass(frozen=True, slots=True)
class ModalityCue:
    """The modality decided for a trigger and the word that decided it."""

    modality: Modality
    cue: str | None = None


def lemma_in(tok, words: frozenset[str]) -> bool:
    """Whether ``tok``'s lemma is in ``words``, forgiving lemmatizer slips.

    The statistical lemmatizer sometimes misses a regular form ("hopes" →
    "hop"), so the word itself minus a regular ending is tried too.
    """
    low = tok.lower_
    if tok.lemma_.lower() in words or low in words:
        return True
    for suffix, repl in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if low.endswith(suffix) and low[: -len(suffix)] + repl in words:
            return True
    return False


def _clause_verb(tok):
    """The verb that heads the clause a (possibly nominal) trigger sits in."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT":
            return cur
        cur = cur.head
    return cur


def _negative_np(tok) -> str | None:
    """The negating word of a noun phrase ("no warships", "neither Iran nor …")."""
    if tok.lower_ in _NEGATIVE_SUBJECTS:
        return tok.lower_
    for child in tok.children:
        if child.dep_ in ("det", "preconj") and child.lower_ in ("no", "neither"):
            return child.lower_
    return None


def _local_cues(verb, trigger) -> ModalityCue | None:
    """Negation and modal cues on one clause: its verb's children and the trigger."""
    neg = hyp = fut = None
    impossible = False
    for child in verb.children:
        low = child.lower_
        dep = child.dep_
        if low == "out" and any(
            g.lower_ == "of" and any(p.lower_ == "question" for p in g.children)
            for g in child.children
        ):
            impossible = True  # "is out of the question"
            continue
        if dep == "neg" or (dep == "advmod" and low == "never"):
            neg = low
        elif dep in ("aux", "auxpass"):
            if low in HYPOTHETICAL_AUX:
                hyp = low
            elif low in FUTURE_AUX or (low == "going" and verb.tag_ == "VB"):
                fut = low
        elif dep in ("advmod", "mark", "acomp") and low in HYPOTHETICAL_WORDS:
            # "perhaps", "if", "whether"; "is possible/unlikely (that …)"
            hyp = low
        elif dep in ("nsubj", "nsubjpass") and child.i != trigger.i and _negative_np(child):
            # "No warships attacked", "Neither Iran nor Iraq attended".
            neg = _negative_np(child)
        elif dep == "prep" and any(_negative_np(g) for g in child.children if g.dep_ == "pobj"):
            # "at no point did …", "under no circumstances will …"
            neg = child.lower_
        elif dep == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in _CONDITIONS for g in child.children
        ):
            # The consequence of a condition: "… would defend it if Russia attacks".
            hyp = hyp or "if"
    if trigger.i != verb.i:
        for child in trigger.children:
            if child.dep_ == "det" and child.lower_ in ("no", "neither") or child.dep_ == "neg":
                neg = child.lower_
            elif child.dep_ == "amod" and child.lower_ in HYPOTHETICAL_WORDS:
                hyp = child.lower_
    if impossible:
        # Ruled out, unless negated: "not out of the question" leaves it possible.
        if neg:
            return ModalityCue(Modality.HYPOTHETICAL, "question")
        return ModalityCue(Modality.NEGATED, "question")
    if neg:
        return ModalityCue(Modality.NEGATED, neg)
    if hyp:
        return ModalityCue(Modality.HYPOTHETICAL, hyp)
    if fut:
        return ModalityCue(Modality.INTENDED, fut)
    return None


def _embedding_cue(head, cur) -> ModalityCue | None:
    """The modality an embedding word ``head`` gives its complement ``cur``."""
    complement = cur.dep_ in _COMPLEMENT_DEPS
    if lemma_in(head, NEGATING_VERBS):
        return ModalityCue(Modality.NEGATED, head.text)
    if any((head.lemma_.lower(), c.lower_) in _NEGATING_PHRASALS for c in head.children):
        return ModalityCue(Modality.NEGATED, head.text)
    if complement and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children):
        # "has yet to release", "is yet to sign": not done so far.
        return ModalityCue(Modality.NEGATED, "yet")
    if lemma_in(head, CONSIDER_VERBS) or head.lower_ in HYPOTHETICAL_WORDS:
        return ModalityCue(Modality.HYPOTHETICAL, head.text)
    question = next((c for c in head.children if c.dep_ == "mark" and c.lower_ in _OPEN), None)
    if question is not None:
        # "must decide whether he wants to provoke Iran": an open question, or
        # a condition ("if they want to attack"), leaves what it embeds open.
        return ModalityCue(Modality.HYPOTHETICAL, question.text)
    if complement and lemma_in(head, ASKING_VERBS):
        return ModalityCue(Modality.HYPOTHETICAL, head.text)
    if lemma_in(head, INTENT_VERBS) or complement and lemma_in(head, COMMIT_VERBS):
        return ModalityCue(Modality.INTENDED, head.text)
    if cur.dep_ == "xcomp" and head.lower_ in FUTURE_FRAMES:
        return ModalityCue(Modality.INTENDED, head.text)
    if cur.dep_ == "xcomp" and head.lower_ in READY_ADJECTIVES | UNABLE_ADJECTIVES:
        if adjective_negated(head) or head.lower_ in UNABLE_ADJECTIVES:
            return ModalityCue(Modality.NEGATED, head.text)
        return ModalityCue(Modality.INTENDED, head.text)
    found = _local_cues(head, head)
    if found and found.modality is Modality.INTENDED and cur.dep_ == "conj":
        return None  # "will meet and sign": future of the first verb only
    return found


def adjective_negated(adj) -> bool:
    """True when a predicate adjective is negated, on itself or on its copula
    ("is not ready to sign" hangs "not" on "is")."""
    copula = adj.head if adj.dep_ == "acomp" else adj
    return any(c.dep_ == "neg" for c in (*adj.children, *copula.children))


def _reported_past(verb) -> bool:
    """The clause is the complement of a past-tense speech verb ("said it would …")."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.i != verb.i
        and head.tag_ == "VBD"
        and lemma_in(head, SPEECH_VERBS)
    )


def modality_of(trigger) -> ModalityCue:
    """Decide the modality of the event whose trigger token is ``trigger``.

    The trigger's own clause is read first; then the chain of words that embed
    it, up to a speech verb. A future cue does not end the walk, since an
    embedding negation or hypothesis outranks it ("it is unlikely that Cuba
    will release …" is hypothetical).

    trigger (Token): the event's trigger word (verb or event noun).
    RETURNS (ModalityCue): the modality and the cue word (None when asserted).
    """
    verb = _clause_verb(trigger)
    found = _local_cues(verb, trigger)
    if found is not None and found.cue == "would" and _reported_past(verb):
        # "The Kremlin said Putin would visit": the future of a past report.
        found = ModalityCue(Modality.INTENDED, "would")
    # Walk up through embedding verbs ("refused to sign", "might consider talks").
    cur, steps = verb, 0
    while (found is None or found.modality is Modality.INTENDED) and steps < 4:
        if cur.dep_ not in _EMBEDDING_DEPS or misparsed_conjunct(cur):
            break
        head = cur.head
        if head.i == cur.i or lemma_in(head, SPEECH_VERBS):
            break
        cue = _embedding_cue(head, cur)
        if cue is not None and (found is None or cue.modality is not Modality.INTENDED):
            found = cue
        cur, steps = head, steps + 1
    # The trigger verb itself may be a consideration verb's object noun
    # ("could be considering talks"): handled by the local cues of "considering";
    # and a nominal trigger governed by a consideration verb is hypothetical.
    if found is None and trigger.i != verb.i and lemma_in(verb, CONSIDER_VERBS):
        found = ModalityCue(Modality.HYPOTHETICAL, verb.text)
    if found is None and trigger.i != verb.i and trigger.dep_ in ("dobj", "obj"):
        # "ruled out talks", "rejected a deal", "is planning an offensive".
        found = _embedding_cue(verb, trigger)
    # An event noun as the subject of a copula is being judged, not reported
    # ("Collaboration between the two is something that will not be an easy
    # sell", "A deal remains possible"): hypothetical.
    judged = trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj"
    if found is None and judged and trigger.head.lemma_.lower() in _COPULAS:
        found = ModalityCue(Modality.HYPOTHETICAL, trigger.head.text)
    return found or ModalityCue(Modality.ASSERTED)


# -- tense, for dates without a year -------------------------------------------


def tense_of(tok) -> Tense | None:
    """Which way from the report the clause of ``tok`` (a verb or event noun) lies.

    FUTURE: "will decide", "'ll", "is to be held", and any intended or
    hypothetical event ("plans to visit", "would attend if the government
    allowed it", "was scheduled to leave"). PAST: a perfect ("had left", "has
    been arrested", "could have met": done before the report, whatever the
    modal), a past tense ("met", "was remanded", "did not attend") or a bare
    participle ("the men arrested on Monday"). None for a present tense or a
    bare infinitive, which say nothing either way.
    """
    verb = _clause_verb(tok)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        return Tense.FUTURE
    if "to" in words and verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be":
        return Tense.FUTURE  # "is to meet", "are to be held"
    if any(a.lemma_.lower() == "have" for a in auxes):
        return Tense.PAST
    if modality_of(tok).modality in (Modality.INTENDED, Modality.HYPOTHETICAL):
        return Tense.FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return Tense.PAST
    if verb.tag_ == "VBN" and not auxes and verb.dep_ != "amod":
        return Tense.PAST  # a bare participle: "doctors left for Gujarat on Monday"
    return None


# A date before the noun it labels: "the March 15 deadline", "a Friday rally".
_LABEL_DEPS = frozenset({"compound", "nmod", "amod"})


def date_tenses(sent, trigger) -> TenseOf:
    """The tense of the clause that governs each date expression of ``sent``,
    for ``bedfellows.dates.event_date``.

    A date is read with its own clause ("said on Monday that talks will
    resume": Monday is past for the saying, whatever the event): the trigger's
    tense when the date hangs in the trigger's clause (an event noun keeps its
    own modality: "called for a strike"), else that clause's verb's; when the
    date's own clause says nothing (a present tense, an infinitive), the
    event's tense. A date that labels a noun before it ("the March 15
    deadline") is no time of a clause: the event's tense. A date that
    describes a noun after it ("its order of Wednesday", "Wednesday's
    order") names that thing's own day: no tense. Offsets are characters of
    ``sent``'s text.
    """
    event_verb = _clause_verb(trigger)
    cache: dict[int, Tense | None] = {}

    def tense(tok) -> Tense | None:
        if tok.i not in cache:
            cache[tok.i] = tense_of(tok)
        return cache[tok.i]

    def read(start: int, end: int) -> Tense | None:
        span = sent.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return tense(trigger)
        root = span.root
        if root.dep_ == "poss" or (root.dep_ == "pobj" and root.head.lower_ == "of"):
            return None
        if root.dep_ in _LABEL_DEPS and root.head.i > root.i and root.head.pos_ == "NOUN":
            return tense(trigger)
        verb = _clause_verb(root)
        if verb.i == event_verb.i or verb.i == trigger.i:
            return tense(trigger)
        own = tense(verb)
        return own if own is not None else tense(trigger)

    return read


# Verbs that attribute their complement to their subject without being plain
# speech: "X denied that Y fired" is X's claim (a negated one, see
# NEGATING_VERBS), "X recalled that …", "X admitted that …".
ATTRIBUTION_VERBS = SPEECH_VERBS | frozenset(
    {"deny", "recall", "admit", "reveal", "concede", "maintain", "accuse", "disclose"}
)


def _speaker(verb):
    """The subject (or passive agent) of an attribution verb, if it names someone."""
    for child in verb.children:
        if child.dep_ == "nsubj" and child.lower_ not in ("it", "there"):
            return child
        if child.dep_ == "agent":
            # "it was reported by Pakistani officials that …"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    for child in verb.children:
        if child.dep_ == "nsubjpass" and child.lower_ not in ("it", "there"):
            return child
    head = verb.head
    if head.i != verb.i and verb.dep_ in ("pcomp", "advcl", "pobj", "xcomp"):
        # "Reuters quoted a Lebanese official as saying …": the one quoted.
        quoter = head.head if head.dep_ == "prep" else head
        if lemma_in(quoter, frozenset({"quote", "cite"})):
            for child in quoter.children:
                if child.dep_ == "dobj":
                    return child
    return None


def reporter_of(trigger):
    """The token heading the phrase a sentence attributes the event to, if any.

    Looks for an attribution verb that embeds the trigger's clause ("X said
    that …", "X denied that …", "it was reported by X that …", "“…,” the
    agency reported", "Reuters quoted X as saying …") and for "according to X"
    or "as reported by X".
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
            if child.dep_ == "advcl" and lemma_in(child, SPEECH_VERBS):
                # "As reported by the Iraqi government, Iranian artillery shelled …"
                speaker = _speaker(child)
                if speaker is not None and child.i < trigger.i:
                    return speaker
        if lemma_in(cur, ATTRIBUTION_VERBS) and cur.i != trigger.i:
            speaker = _speaker(cur)
            if speaker is not None:
                return speaker
        if cur.head.i == cur.i:
            # Quote first, speech verb after: "“…,” the agency reported." parses
            # with the quoted clause as ccomp of the speech verb (handled above),
            # or the speech verb as a parataxis/ccomp child of the quote's root.
            for child in cur.children:
                if (
                    child.dep_ in ("parataxis", "ccomp")
                    and lemma_in(child, SPEECH_VERBS)
                    and child.i > trigger.i
                ):
                    for grand in child.children:
                        if grand.dep_ == "nsubj":
                            return grand
            break
        cur = cur.head
    return None


# -- historical ---------------------------------------------------------------

#: How far before publication an event must end to be historical.
HISTORICAL_GAP = timedelta(days=365)
#: Named eras and the year each ended (certain dates only): "during the Cold
#: War" dates an event even when no year is written.
ERA_END_YEARS = {
    ("cold", "war"): 1991,
    ("second", "world", "war"): 1945,
    ("world", "war", "ii"): 1945,
    ("world", "war", "two"): 1945,
    ("first", "world", "war"): 1918,
    ("world", "war", "i"): 1918,
    ("world", "war", "one"): 1918,
}
_PAST_TAGS = frozenset({"VBD", "VBN"})
_ORDINALS = {
    w: i
    for i, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        start=1,
    )
}
_LONG_UNITS = frozenset({"years", "decades", "centuries", "generations"})


def _chain(trigger) -> list:
    """The trigger's clause verb and the words that embed it, up to a speech verb."""
    cur = _clause_verb(trigger)
    out = [trigger, cur] if cur.i != trigger.i else [cur]
    for _ in range(4):
        head = cur.head
        if cur.dep_ not in _EMBEDDING_DEPS or head.i == cur.i or lemma_in(head, SPEECH_VERBS):
            break
        out.append(head)
        cur = head
    return out


def _is_past(chain) -> bool:
    """Some verb of the chain is past tense or perfect ("had clashed", "did not join")."""
    for tok in chain:
        if tok.tag_ in _PAST_TAGS:
            return True
        if any(c.dep_ == "aux" and (c.lemma_ == "have" or c.tag_ == "VBD") for c in tok.children):
            return True
    return False


def _before(year: int, published: date | None) -> bool:
    """A period ending in ``year`` lies well before publication (always, if undated)."""
    return published is None or published - date(year, 12, 31) >= HISTORICAL_GAP


def _century(tok) -> int | None:
    """The century number of "the nineteenth century", "the 19th century"."""
    for child in tok.children:
        low = child.lower_
        if low in _ORDINALS:
            return _ORDINALS[low]
        digits = low[:-2]
        if low[-2:] in ("st", "nd", "rd", "th") and digits.isdigit():
            return int(digits)
    return None


def _lexical_historical(chain, published: date | None) -> bool:
    """Cues that date the event long ago without a resolvable date expression."""
    for tok in chain:
        if (
            tok.lower_ == "used"
            and tok.tag_ == "VBD"
            and any(c.dep_ == "xcomp" for c in tok.children)
        ):
            return True  # "used to buy": a past habit
        for child in tok.children:
            low = child.lower_
            if child.dep_ in ("advmod", "npadvmod") and low in ("ago", "earlier", "before"):
                # "years earlier", "two decades ago" (an undated article)
                units = [g for g in child.children if g.dep_ == "npadvmod"]
                if any(u.lower_ in _LONG_UNITS for u in units):
                    return True
            if child.dep_ != "prep" or low == "since":
                continue
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                mods = ("compound", "amod")
                words = tuple(t.lower_ for t in pobj.subtree if t.dep_ in mods or t.i == pobj.i)
                for era, year in ERA_END_YEARS.items():
                    if words[-len(era) :] == era and _before(year, published):
                        return True
                if pobj.lower_ in ("century", "centuries"):
                    number = _century(pobj)
                    now = (published.year - 1) // 100 + 1 if published else 21
                    if number is not None and number < now:
                        return True
                year = pobj.text if len(pobj.text) == 4 and pobj.text.isdigit() else None
                if low in ("until", "till") and year and _before(int(year), published):
                    return True
    return False


def historical_of(trigger, edate: EventDate, published: date | None) -> bool:
    """Whether the event happened well before the article was written.

    With a publication date P: the event's own date (from an expression in its
    sentence) ends at least ``HISTORICAL_GAP`` before P. Undated article: a
    decade ("in the 1980s") in a past-tense clause. Either way, lexical cues on
    the trigger's clause date it too: "years/decades ago|earlier", a past
    century, a named past era ("during the Cold War"), "until 1996", "used to".

    trigger (Token): the event's trigger. edate (EventDate): its date.
    published (date | None): the article's publication date.
    RETURNS (bool): True when historical.
    """
    chain = _chain(trigger)
    if edate.basis is DateBasis.EXPRESSION and edate.end is not None:
        if published is not None:
            return published - edate.end >= HISTORICAL_GAP
        if edate.granularity is Granularity.DECADE:
            return _is_past(chain)
        return False
    return _lexical_historical(chain, published)


_SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def named_source(tok, offset: int) -> ActorRef | None:
    """A reporter that is no known actor, kept as an unknown actor when it is named.

    "Reuters", "the New York Times": a proper noun in the phrase makes it a
    named source, and so does a personal pronoun ("he said"); "analysts" or
    "the report" is no named source (None).
    tok (Token): head of the reporter phrase. offset (int): the Doc's char
    offset in the article body.
    """
    phrase = [t for t in tok.subtree if t.i <= tok.i or t.dep_ in ("compound", "flat")]
    phrase = [t for t in phrase if t.dep_ not in ("det", "punct")]
    # A personal pronoun speaker ("He said …") stands for someone named
    # earlier, even when that name could not be resolved to an actor.
    speaker = tok.lower_ in _SPEAKER_PRONOUNS
    if not speaker and not any(t.pos_ == "PROPN" for t in phrase):
        return None
    first, last = phrase[0], phrase[-1]
    text = tok.doc[first.i : last.i + 1].text
    start = first.idx + offset
    return ActorRef(
        text=text,
        start=start,
        end=last.idx + len(last.text) + offset,
        name=text,
        kind="unknown",
    )
