"""Who did it and to whom: source and target tokens of a trigger in the parse.

Handles active and passive voice (the ``agent`` is the source), subjects shared
across ``xcomp``/``advcl``/``conj`` ("came together to sign", "met and agreed"),
relative clauses ("governments that finance"), phrasal verbs ("called on Iraq"),
and purpose clauses ("sent troops to help bolster the Iraqi military").
Returned tokens are noun-phrase heads; conjuncts are expanded by the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .modality import SPEECH_VERBS

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj", "attr", "oprd"})
# Prepositions that introduce an event's target ("talks with Iran", "fight
# against ISIS", "aid to Iraq", "called on Iraq").
TARGET_PREPS = frozenset(
    {"with", "against", "to", "on", "upon", "toward", "towards", "at", "into", "over", "from"}
)
# Clauses whose missing subject is the head's subject.
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "advcl", "conj", "acl", "pcomp"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
# Non-referential words that never name an actor.
NON_ACTOR_HEADS = frozenset({"it", "there", "this", "that", "what", "which", "who", "one"})
#: Abstract heads that a sector word may modify without naming an actor:
#: "border security", "military support", "security cooperation".
ABSTRACT_HEADS = frozenset({
    "security", "support", "aid", "assistance", "help", "cooperation", "coordination",
    "training", "equipment", "capability", "capabilities", "affairs", "operation",
    "operations", "exercise", "exercises", "offensive", "strategy", "policy", "presence",
    "protest", "protests", "demand", "demands", "call", "calls", "appeal", "request",
    "measure", "measures", "sanction", "sanctions", "decision", "plan", "plans",
    "contact", "contacts", "ties", "relations", "proposal", "offer", "invitation",
    "ultimatum", "initiative", "resolution", "agreement", "deal", "accord", "treaty",
})  # fmt: skip


@dataclass(slots=True)
class Arguments:
    """Candidate source and target noun-phrase heads for one trigger."""

    sources: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    passive: bool = False
    inherited_source: bool = False


def entity_tokens(tok) -> list:
    """The tokens of the named entity ``tok`` is in (just ``tok`` outside one).

    Walks the IOB tags: ``Doc.ents`` would build every entity span per call.
    """
    if tok.ent_iob_ not in ("B", "I"):
        return [tok]
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return list(doc[start:end])


def _coordinated(tok) -> list:
    """Children of ``tok`` coordinated with it. The small parser reads a list
    ("The US, Russia, and Switzerland") as an apposition carrying the rest of
    the list, and splits a name ("Barack Obama and Vladimir Putin") inside an
    entity: a list-carrying apposition counts, and so do the conjuncts of the
    other tokens of ``tok``'s entity."""
    owners = entity_tokens(tok)
    out = []
    for owner in owners:
        for c in owner.children:
            if c.pos_ not in ("PROPN", "NOUN") or c.i == tok.i:
                continue
            if c.dep_ == "conj" or (
                c.dep_ == "appos" and any(g.dep_ in ("cc", "conj") for g in c.children)
            ):
                out.append(c)
    return out


def conjuncts(tok) -> list:
    """``tok`` and the heads it is coordinated with ("Iran, Iraq and Syria")."""
    out, stack, seen = [], [tok], {tok.i}
    while stack:
        cur = stack.pop()
        out.append(cur)
        for c in _coordinated(cur):
            if c.i not in seen:
                seen.add(c.i)
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _subjects(verb) -> tuple[list, list, bool]:
    """(active subjects, passive subjects, has_agent) of a verb's own clause."""
    subj, psubj, agents = [], [], []
    # A subject the parser hung on an auxiliary ("workers were on Wednesday
    # taken": "workers" under "were") is still the verb's.
    kids = list(verb.children)
    kids += [g for c in kids if c.dep_ in ("aux", "auxpass") for g in c.children]
    for child in kids:
        if child.dep_ in SUBJECT_DEPS and child.tag_ == "VBG":
            # "The Red Cross operating in Iraq said": the parser made the
            # participle the subject and hung the noun on it.
            own = [g for g in child.children if g.dep_ == "nsubj"]
            subj.extend(own or [child])
        elif child.dep_ in SUBJECT_DEPS:
            subj.append(child)
        elif child.dep_ in PASSIVE_SUBJECT_DEPS:
            psubj.append(child)
        elif child.dep_ == "agent":
            agents.extend(g for g in child.children if g.dep_ == "pobj")
    if subj and not psubj and any(c.dep_ == "auxpass" for c in verb.children):
        # "workers were on Wednesday taken into custody": a subject the parser
        # labelled active in a passive clause is the passive subject.
        subj, psubj = [], subj
    if agents:
        return agents, psubj, True
    return subj, psubj, False


# Documents whose "-ing" modifier says what their issuer says ("a statement
# calling for talks").
_STATEMENT_NOUNS = frozenset(
    {"statement", "declaration", "letter", "communique", "communiqué", "message", "resolution"}
)


def _inherit_subject(verb) -> list:
    """Subject shared from the governing verb (control, coordination, relcl)."""
    cur = verb
    for _ in range(4):
        if cur.dep_ == "relcl":
            return [cur.head]
        if (
            cur.dep_ == "acl"
            and cur.tag_ == "VBG"
            and cur.head.lemma_.lower() in _STATEMENT_NOUNS
            and cur.head.dep_ in ("dobj", "obj")
        ):
            # "The PKK issued a declaration demanding …": whoever issued it says it.
            return _subjects(cur.head.head)[0]
        if cur.dep_ not in SHARED_SUBJECT_DEPS or cur.head.i == cur.i:
            return []
        head = cur.head
        if cur.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "xcomp"):
            # "Pakistan is willing to withdraw", "ready to contribute troops": the
            # adjective's subject is its copula's.
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return []
        subj, psubj, has_agent = _subjects(head)
        if subj:
            return subj
        if psubj and not has_agent and cur.dep_ == "xcomp":
            # "Obama is scheduled to attend": the passive subject does the attending.
            return psubj
        if psubj and not has_agent and cur.dep_ == "conj":
            return []
        cur = head
    return []


# "sentenced to prison", "sent to jail": where someone is held, not a party
# (the sector dictionary reads "prison" as the police).
_CONFINEMENT = frozenset({"prison", "jail", "gaol", "custody", "detention"})


def prep_objects(tok, word: str, deps: frozenset[str] = frozenset({"prep"})) -> list:
    """Heads of the objects of ``tok``'s preposition ``word``: "of" in "ministers
    of Iraq and Iran", "by" in "an attack by rebels" (``deps``: the relations
    the preposition may hang by)."""
    return [
        g
        for c in tok.children
        if c.dep_ in deps and c.lower_ == word
        for g in c.children
        if g.dep_ == "pobj"
    ]


def objects_of(tok, *, skip: frozenset[int] = frozenset()) -> list:
    """Direct objects and target-preposition objects attached to ``tok``."""
    out = []
    for child in tok.children:
        if child.i in skip:
            continue
        if child.dep_ == "dative" and child.pos_ == "ADP":
            # spaCy labels "to" after give/provide/send "dative": its object counts.
            out.extend(g for g in child.children if g.dep_ == "pobj")
        elif child.dep_ in OBJECT_DEPS:
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            out.extend(
                g
                for g in child.children
                if g.dep_ == "pobj" and not (child.lower_ == "to" and g.lemma_ in _CONFINEMENT)
            )
        elif child.dep_ in ("ccomp", "xcomp", "oprd") and child.pos_ == "ADJ":
            # "found six men guilty", "declared him dead": the subject of the
            # small clause is the one the verb acts on.
            out.extend(g for g in child.children if g.dep_ in ("nsubj", "nsubjpass"))
        elif child.dep_ == "prt":
            # "called on Iraq" may attach "on" as a particle with a dobj sibling.
            continue
    return out


# "were engaged in", "is involved in": a state the subject is in, not an act
# done to it.
_STATIVE_PARTICIPLES = frozenset({"engage", "involve"})


def _stative(verb) -> bool:
    """A passive form that describes what its subject does ("were engaged in")."""
    return (
        verb.lemma_.lower() in _STATIVE_PARTICIPLES
        and any(c.dep_ == "prep" and c.lower_ == "in" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def arguments_of(verb) -> Arguments:
    """Source and target heads for a verbal trigger.

    verb (Token): the trigger verb.
    RETURNS (Arguments): sources in the agent role, targets in the patient role.
    """
    args = Arguments()
    subj, psubj, has_agent = _subjects(verb)
    # "the men arrested on Monday", "villages shelled by the army": a participle
    # clause on a noun is a passive whose patient is that noun. Not when the
    # sentence has no other verb, or the participle has an object: then it is a
    # misparsed main verb ("A Syrian newspaper called on Arabs to unite").
    reduced = (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and not psubj
        and verb.sent.root.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
    )
    if has_agent:
        patients = psubj or ([verb.head] if reduced else [])
        args.sources, args.targets, args.passive = subj, patients, True
    elif psubj and _stative(verb):
        args.sources = psubj  # "Serb forces were engaged in ethnic cleansing"
    elif psubj:
        args.targets, args.passive = psubj, True
    elif reduced and not subj:
        args.targets, args.passive = [verb.head], True
    else:
        args.sources = subj
    if not args.sources and not args.passive:
        args.sources = _inherit_subject(verb)
        args.inherited_source = bool(args.sources)
    args.sources = [
        verb.head if (s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl") else s
        for s in args.sources
    ]
    if not args.passive or not args.targets:
        args.targets.extend(objects_of(verb))
    if verb.dep_ == "amod" and subj and not args.targets and verb.i < verb.head.i:
        # "Trump threatened “rogue regimes …”": a verb with its own subject cannot
        # modify the noun after it; the parser misattached the verb's object.
        args.targets.append(verb.head)
    return args


#: Prepositions on a verb's object that name the party acted upon ("sanctions
#: on the Taliban", "autonomy from Serbian authorities") or, after a rejection,
#: the party whose act is answered ("rejected calls by Belarus's rulers").
OBJECT_TARGET_PREPS = frozenset(
    {
        "with",
        "to",
        "against",
        "toward",
        "towards",
        "on",
        "upon",
        "from",
        "by",
        "of",
        "for",
        "between",
    }
)


def _verb_objects(clause) -> list:
    """The verb's object nouns (with their conjuncts: "launched artillery and
    rocket fire against …"): direct object, passive subject ("evidence
    against Russia was presented"), and objects of its target prepositions
    ("advised against travel to Tunisia")."""
    out = []
    for c in clause.children:
        if c.dep_ in ("dobj", "obj", "nsubjpass"):
            out.extend(conjuncts(c))
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def object_attachments(verb) -> list:
    """Target-preposition objects on the verb's object nouns, or on those of
    its complement verbs ("held a meeting with Obama", "imposed sanctions on
    the Taliban", "expressed appreciation for China's help", "promised to
    continue military aid to Mozambique")."""
    out = []
    frontier = [verb]
    for _ in range(3):
        nxt = []
        for clause in frontier:
            for obj in _verb_objects(clause):
                for prep in obj.children:
                    if prep.dep_ == "prep" and prep.lower_ in OBJECT_TARGET_PREPS:
                        out.extend(g for g in prep.children if g.dep_ == "pobj")
            nxt.extend(c for c in clause.children if c.dep_ == "xcomp")
        if out:
            return out
        frontier = nxt
    return out


def noun_object_attachments(noun) -> list:
    """Target-preposition objects on what an event noun acts on ("a suspension
    of air links with Serbia", "a ban on imports from Iran")."""
    objs = [
        g
        for c in noun.children
        if c.dep_ == "prep" and (c.lower_ == "of" or c.lower_ in TARGET_PREPS)
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return [
        g
        for obj in objs
        for prep in obj.children
        if prep.dep_ == "prep" and prep.lower_ in OBJECT_TARGET_PREPS
        for g in prep.children
        if g.dep_ == "pobj"
    ]


def for_objects(verb) -> list:
    """Objects of "for" on the verb: "issued arrest warrants for two Chilean
    men", "sought visas for the dissidents". Not a target preposition in
    general ("fought for Ukraine" names a side, not the one attacked), so
    only a last resort when nothing else names the target."""
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children
        if g.dep_ == "pobj"
    ]


_CONDITIONS = frozenset({"if", "unless"})


def condition_subjects(verb) -> list:
    """Subjects of "if"/"unless" clauses on the verb or its complements
    ("threatened to launch an offensive unless Baghdad accepted")."""
    out, frontier = [], [verb]
    for _ in range(3):
        nxt = []
        for clause in frontier:
            for c in clause.children:
                if c.dep_ == "advcl" and any(m.lower_ in _CONDITIONS for m in c.children):
                    out.extend(g for g in c.children if g.dep_ in ("nsubj", "nsubjpass"))
                elif c.dep_ in ("xcomp", "ccomp"):
                    nxt.append(c)
        frontier = nxt
    return out


# What an act defies: "despite pressure by the commission", "notwithstanding calls from …".
_DEFIANCE_PREPS = frozenset({"despite", "notwithstanding", "defying"})
_PRESSURE_NOUNS = frozenset(
    {
        "pressure", "call", "demand", "appeal", "plea", "request", "objection",
        "opposition", "protest", "criticism", "warning", "threat", "ultimatum",
    }
)  # fmt: skip
_PRESSURE_BY = frozenset({"by", "from", "of"})


def defied_parties(verb) -> list:
    """Whose pressure the act defies: "refused to resign despite mounting
    pressure from the bar association" answers the bar association.
    Looks on the verb and on the verbs it complements ("declined to resign")."""
    out = []
    for clause in (verb, *(verb.ancestors if verb.dep_ == "xcomp" else ())):
        for prep in clause.children:
            if prep.dep_ != "prep" or prep.lower_ not in _DEFIANCE_PREPS:
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in _PRESSURE_NOUNS:
                    continue
                out.extend(
                    g
                    for by in noun.children
                    if by.dep_ == "prep" and by.lower_ in _PRESSURE_BY
                    for g in by.children
                    if g.dep_ == "pobj"
                )
        if clause.dep_ != "xcomp":
            break
    return out


def complement_subjects(verb, *, infinitive_only: bool = False) -> list:
    """Subjects of the verb's clausal complement ("demanded that the US cancel",
    also a noun's: "its demands that Burundi's government grant"); with
    ``infinitive_only``, of a to-infinitive only ("wants Putin to attack")."""
    return [
        g
        for c in verb.children
        if (
            c.dep_ in ("ccomp", "xcomp")
            or c.dep_ == "acl"
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        )
        and (not infinitive_only or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
        for g in c.children
        if g.dep_ in ("nsubj", "nsubjpass")
    ]


def purpose_objects(verb) -> list:
    """Objects of purpose/complement clauses ("to help bolster the army")."""
    out, frontier = [], [c for c in verb.children if c.dep_ in ("xcomp", "advcl")]
    for _ in range(3):
        nxt = []
        for clause in frontier:
            out.extend(objects_of(clause))
            nxt.extend(c for c in clause.children if c.dep_ in ("xcomp", "advcl", "ccomp"))
        frontier = nxt
    return out


def governing_subject(noun):
    """Subject of the verb that governs a nominal trigger ("X considers talks")."""
    cur = noun
    for _ in range(5):
        head = cur.head
        if head.i == cur.i:
            return []
        if head.pos_ in ("VERB", "AUX"):
            if (
                cur.dep_ in SUBJECT_DEPS
                and head.dep_ in ("ccomp", "xcomp")
                and cur.i == noun.i
                # Not through a report: in "the army said a bombing killed four",
                # the army is the speaker, not the bomber.
                and head.head.lemma_.lower() not in SPEECH_VERBS
            ):
                # "consider [a partnership … to manage]": the noun is the subject of a
                # small clause; its party is the subject of the clause above.
                cur = head
                continue
            subj, _psubj, _agent = _subjects(head)
            if subj:
                return subj
            inherited = _inherit_subject(head)
            if inherited:
                return inherited
            return []
        cur = head
    return []


def between_parties(tok) -> list:
    """Objects of "between"/"among" ("talks between Iran and Iraq"): joint parties."""
    return [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst")
        for g in c.children
        if g.dep_ == "pobj"
    ]


#: The preposition naming a party an act is directed against ("an alliance
#: against ISIS"): for a cooperation, that party is opposed, not a target.
OPPOSING_PREPS = frozenset({"against"})
# Dependencies from an act to the nouns that describe it ("formed an alliance",
# "a pact … was signed", "talks on cooperation", "asked for help").
_ACT_NOUN_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd", "dative"})
# Prepositions whose object is a partner or recipient of the act, never what
# describes it ("talks with Iran", "aid to Iraq", "talks between ...").
_PARTNER_PREPS = frozenset({"with", "to", "toward", "towards", "between", "among", "amongst", "by"})
# Objects of a conflictual purpose clause: its direct object and whom it acts on
# ("to combat Boko Haram", "to fight against ISIS", "to crack down on Hamas").
_CONFLICT_OBJECT_PREPS = frozenset({"against", "on", "upon", "at"})


def _opposing_pobjs(tok) -> list:
    return [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in OPPOSING_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _purpose_clauses(tok) -> list:
    """Clauses saying what ``tok``'s act is for or consists in: complements,
    infinitival purpose clauses ("to combat", also on nouns: "an agreement to
    combat", "aid to defeat") and a preposition's clause ("talks on cooperating")."""
    out = []
    for c in tok.children:
        if c.pos_ not in ("VERB", "AUX"):
            if c.dep_ == "prep" and c.lower_ not in _PARTNER_PREPS:
                out.extend(g for g in c.children if g.dep_ == "pcomp" and g.pos_ == "VERB")
            continue
        if c.dep_ == "xcomp" or (
            c.dep_ in ("advcl", "acl", "relcl")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            out.append(c)
    return out


def _conflict_objects(clause) -> list:
    """Whom a conflictual clause acts on: its objects, and whom its object
    noun is against or on ("to launch attacks against ISIS")."""
    out = []
    for c in clause.children:
        if c.dep_ in ("dobj", "obj"):
            out.append(c)
            out.extend(
                g
                for p in c.children
                if p.dep_ == "prep" and p.lower_ in _CONFLICT_OBJECT_PREPS
                for g in p.children
                if g.dep_ == "pobj"
            )
        elif c.dep_ == "prep" and c.lower_ in _CONFLICT_OBJECT_PREPS:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


#: What ``opposed_parties``' ``kind`` says of a word's act: an act of conflict,
#: one that yields (lifts, eases, ends) what it is done to, or another cooperation.
CONFLICT, YIELD, COOPERATION = "conflict", "yield", "cooperation"


def opposed_parties(
    trigger, kind: Callable[[object], str | None], *, own_against: bool = True, depth: int = 3
) -> list:
    """Heads of the parties a cooperative act is directed against.

    The object of "against" on the trigger or on the nouns that describe its
    act ("cooperate against ISIS", "formed an alliance against ISIS", "a pact
    against Hezbollah was signed", "held talks on cooperation against ISIS"),
    and the objects of a purpose clause whose verb is itself an act of conflict
    ("agreed to cooperate to combat Boko Haram", "signed an agreement to fight
    the Taliban"). A purpose clause that is no conflict is followed further
    ("pledged to work together to counter Hamas"). Partners ("with", "to",
    "between") are not walked into. A conflict named by a noun ("the war
    against ISIS") is entered only from a cooperation that is no yielding: who
    "lifted sanctions against Burma" acts for Burma, its target; and a word
    coding nothing ("lift the embargo" is in no pattern) may undo it as well.

    trigger (Token): the cooperative trigger, a verb or a noun.
    kind (Callable): ``CONFLICT`` for a word (verb or event noun) whose act is
        a conflict, ``YIELD`` for one that yields, ``COOPERATION`` for another
        cooperation, else None.
    own_against (bool): whether "against" on the trigger itself counts (not
        for a verb that is a cooperation only through a pattern's noun).
    RETURNS (list): noun-phrase heads, in sentence order, without repeats.
    """
    out: list = []
    seen: set[int] = set()

    def clauses(tok) -> list:
        # A conflictual purpose clause gives its objects; another is walked on.
        walk = []
        for clause in _purpose_clauses(tok):
            if clause.i in seen:
                continue
            if kind(clause) == CONFLICT:
                seen.add(clause.i)
                out.extend(_conflict_objects(clause))
            else:
                walk.append(clause)
        return walk

    frontier = [trigger]
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("dobj", "obj") and trigger.head.i != trigger.i:
        # "discussing cooperation with Pakistan to fight the Taliban": the
        # purpose hangs on the verb the nominal act is the object of.
        out.extend(_opposing_pobjs(trigger.head))
        frontier += clauses(trigger.head)
    for _ in range(depth):
        nxt = []
        for tok in frontier:
            if tok.i in seen:
                continue
            seen.add(tok.i)
            if own_against or tok.i != trigger.i:
                out.extend(_opposing_pobjs(tok))
            nxt.extend(clauses(tok))
            nouns = [c for c in tok.children if c.dep_ in _ACT_NOUN_DEPS and c.pos_ == "NOUN"]
            nouns += [
                g
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ not in _PARTNER_PREPS | OPPOSING_PREPS
                for g in c.children
                if g.dep_ == "pobj" and g.pos_ == "NOUN"
            ]
            own = kind(tok)
            joins = own == COOPERATION or (tok.i == trigger.i and own != YIELD)
            if nouns and not joins:
                nouns = [n for n in nouns if kind(n) != CONFLICT]
            nxt.extend(nouns)
        frontier = nxt
    heads: list = []
    done: set[int] = set()
    for tok in sorted(out, key=lambda t: t.i):
        if tok.i not in done:
            done.add(tok.i)
            heads.append(tok)
    return heads


# Documents that by definition record an intention ("memorandum of
# understanding", "letter of intent", "declaration of intent").
_INTENT_DOCUMENTS = frozenset({"memorandum", "mou", "letter", "declaration"})


def commits_to_future(verb) -> bool:
    """Whether a signed agreement commits its parties to future action.

    PLOVER codes signing an agreement as SUPPORT, but an agreement whose content
    is a commitment to cooperate ("signed a pact to fight terrorism", "a
    memorandum of understanding on defence") is AGREE: "indicate willingness or
    commitment to cooperate" (PLOVER manual, AGREE).
    """
    for obj in objects_of(verb):
        if obj.lemma_.lower() in _INTENT_DOCUMENTS:
            return True
        for child in obj.children:
            if child.dep_ in ("acl", "relcl") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in child.children
            ):
                return True
    return False
