"""Code parsed sentences into events: who did what to whom, when, where, how sure.

For each sentence: verbs found in the CAMEO verb-pattern dictionary and event
nouns from the noun table are triggers; their sources and targets come from the
dependency parse (``arguments``), are resolved to actors (``mentions``) at the
event's own date, and the event is coded in CAMEO and PLOVER (``codebook``),
with modality and attribution (``modality``), date (``dates``) and place.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from bedfellows.actors import ActorKB
from bedfellows.dates import event_date, find_expressions
from bedfellows.errors import CodingError
from bedfellows.geo import default_geocoder
from bedfellows.nlp.spans import EntityIndex
from bedfellows.schema import (
    ActorRef,
    Article,
    DateBasis,
    Event,
    EventDate,
    Modality,
    Paragraph,
    Place,
)

from .arguments import (
    CONFLICT,
    COOPERATION,
    YIELD,
    arguments_of,
    between_parties,
    commits_to_future,
    complement_subjects,
    condition_subjects,
    defied_parties,
    for_objects,
    governing_subject,
    noun_object_attachments,
    object_attachments,
    objects_of,
    opposed_parties,
    purpose_objects,
)
from .codebook import Codebook
from .dating import ArticleDater
from .implicit import (
    implied_agent,
    location_target,
    needs_country,
    protest_target,
    reciprocal_targets,
    with_context_country,
)
from .mentions import ArticleMemory, MentionResolver
from .modality import (
    ASKING_VERBS,
    CONSIDER_VERBS,
    INTENT_VERBS,
    SPEECH_VERBS,
    historical_of,
    misparsed_conjunct,
    modality_of,
    named_source,
    reporter_of,
)
from .mode_codes import COMMITTING_VERBS, REFUSING_VERBS, code_for_mode
from .nouns import NounLexicon
from .protest_acts import protest_code
from .verbs import VerbLexicon

_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_DATE_LABELS = frozenset({"DATE", "TIME"})
_PEOPLE_AND_PLACE_LABELS = frozenset({"NORP", "GPE", "LOC"})
# Acts whose "for" names a side or a reason, not the party acted on: protests
# (14), assault and fighting (18-20: "fought for Ukraine"), and disapproval
# (11: "criticised for its silence"; the CAMEO dictionary codes "fight for" 111).
_SIDE_TAKING_ROOTS = frozenset({"11", "14", "18", "19", "20"})
# "activists from Calgary", "police in Kandahar", "a group based in Trinidad".
_HOME_PREPS = frozenset({"from", "in"})
_BASED_VERBS = frozenset({"based", "located", "headquartered", "stationed"})
# Sectors that act only in their own country (police, courts).
_AT_HOME = frozenset({"COP", "JUD"})
# Sectors of private people: their nationality says nothing of the country of
# the officials acting on them.
_NATIONALS = frozenset({"CVL", "PPL", "BUS", "EDU", "MED", "REF", "LAB", "JRN", "AGR", "REL"})
# Verbs too light to carry an event of their own ("have", "be", "do").
_LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make", "take", "give", "go", "come"})
_WINDOW = 12  # words after the verb that patterns may match
_FRAMING_VERBS = CONSIDER_VERBS | INTENT_VERBS
# CAMEO roots whose target is whoever is asked to act: appeal, demand.
_ASKING_ROOTS = frozenset({"02", "10"})
# Verbs that weigh a policy option, and what CAMEO codes that as.
_PONDERING_VERBS = frozenset({"consider", "weigh", "mull", "contemplate", "explore"})
#: Verb + bare object idioms that are no act of the verb ("took place").
_IDIOMS = {"take": frozenset({"place", "effect"})}
_FORCE_POSTURE_ROOT = "15"  # CAMEO 15, PLOVER MOBILIZE
_MILITARY_COOPERATION = "062"  # CAMEO "Cooperate militarily": "joint military games"
_DISAPPROVE_ROOT = "11"  # CAMEO 11 "Disapprove" (the dictionary's "V against")
#: Sectors of armed men: what a violence verb does to them is violence.
_ARMED = frozenset({"MIL", "REB", "UAF", "COP", "SPY", "INS"})
_SIGN_CODE = "057"  # CAMEO "Sign formal agreement": "ratify, sign, finalize an agreement"
_CONSIDER_CODE = "014"
_OPTION_NOUNS = frozenset({"possibility", "option", "idea", "prospect"})
_PROTEST_ROOT = "14"
# Prepositions that name the act by which a passive event happened ("killed in
# shelling", "wounded during an attack").
_INSTRUMENT_PREPS = frozenset({"in", "during"})
# Speech verbs that also accuse (or claim responsibility), as the CAMEO
# dictionaries code them: see ``EventCoder._claims``.
_ACCUSING_SPEECH = frozenset({"allege", "claim"})
# Predicate adjectives that make a comment what CAMEO calls pessimistic (012)
# or optimistic (013): "said it is skeptical of", "is confident that".
_COMMENT_ADJECTIVES = {
    **dict.fromkeys(
        ("skeptical", "sceptical", "pessimistic", "doubtful", "wary", "concerned", "worried"),
        "012",
    ),
    **dict.fromkeys(("optimistic", "confident", "hopeful", "upbeat"), "013"),
}
# Verbs that state what another party must do: a demand (CAMEO 100).
_OBLIGING_SPEECH = frozenset(
    {"say", "state", "insist", "stress", "conclude", "declare", "tell", "warn", "argue"}
)
_DEMAND_CODE = "100"
# Verbs with one sense, and the CAMEO code prefixes it allows. What a demand
# asks for ("demanded that the government end curbs", "asked Iran to attack")
# is the content of a request, not the act, and an arrest is an arrest wherever
# it happens ("arrested from several areas" is no occupation, 192; "arrested at
# police stations" no confiscation, 1711): a dictionary pattern outside these
# codes yields to the bare verb's code.
_SINGLE_SENSE_VERBS = {
    **dict.fromkeys(("ask", "demand", "appeal", "request", "beg"), ("02", "10")),
    **dict.fromkeys(("arrest", "detain", "apprehend", "nab"), ("173",)),
}
_THREAT_ROOT = "13"
#: CAMEO arrest, detain or charge: an act on someone.
_ARREST = "173"
# Particles of phrasal verbs ("round up", "lock up"): a pattern of these words
# only says nothing about whom the act is done to.
_PARTICLES = frozenset({"up", "down", "off", "out", "away", "back", "in"})
# Pattern words that name custody or a charge ("taken into custody").
_DETENTION_WORDS = frozenset({"&DETENTION", "custody", "arrest", "charge", "charges", "&CRIME"})
_PERSONAL_PRONOUNS = frozenset(
    {"him", "her", "them", "us", "me", "who", "whom", "he", "she", "they"}
)


def _not_holding(heads: list, noun) -> list:
    """The heads whose phrase does not hold ``noun``: in "the arrest of X has
    exposed ..." or "the figure of arrests has crossed 3,000" the subject of the
    governing verb is the noun's own phrase, not the party to its event."""
    return [h for h in heads if not any(t.i == noun.i for t in h.subtree)]


def _needs_detainee(pattern, bare_code: str | None) -> bool:
    """True when the arrest reading (173) of a verb that is not an arrest verb
    itself rests on its subject, a particle or a word that may be elsewhere in
    the sentence ("police took", "rounded up", "take ... leader"): only someone
    taken makes it an arrest ("police took 12 men" yes, "police took time",
    "the decision was taken at the leader's house" no). A pattern naming custody
    or a charge ("taken into custody", "booked for murder", "remanded in
    custody") says so on its own."""
    if pattern.code != _ARREST or bare_code == _ARREST:
        return False
    if pattern.curated:
        return all(w in _PARTICLES for w in pattern.after)
    return not any(w in _DETENTION_WORDS for w in pattern.after)


def _person_object(verb) -> bool:
    """True when the verb's object or passive subject is a personal pronoun
    ("caught them", "they were held") or "some of them"; not a reflexive."""
    for child in verb.children:
        if child.dep_ not in ("dobj", "obj", "nsubjpass"):
            continue
        if child.lower_ in _PERSONAL_PRONOUNS:
            return True
        for prep in child.children:
            if prep.lower_ == "of" and any(g.lower_ in _PERSONAL_PRONOUNS for g in prep.children):
                return True
    return False


def _is_attribution(tok) -> bool:
    """ "according to the US government": a source of the news, not an event."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "according" and nxt is not None and nxt.lower_ == "to"


def _is_hyphen_modifier(tok) -> bool:
    """ "US-led forces", "Iranian-backed militias", and a present participle used
    as an adjective ("Algeria's leading activist", "the ruling party"): a
    description, not an event."""
    if tok.dep_ != "amod":
        return False
    return (tok.i > 0 and tok.nbor(-1).text == "-") or (tok.tag_ == "VBG" and tok.i < tok.head.i)


# Dependencies that keep a noun inside what a verb does or names: the object of
# "provided aid", the pact in "signed an agreement on military cooperation".
_CONTENT_DEPS = frozenset(
    {"dobj", "obj", "pobj", "prep", "compound", "amod", "nmod", "conj", "appos", "attr", "dative"}
)
# Dependencies from an act up to the request or rejection it is the content of
# (``_asked_of``), and the PLOVER types whose mode is that content.
_ASKED_DEPS = frozenset({"xcomp", "ccomp", "dobj", "obj", "pobj", "pcomp", "prep", "conj"})
# A threatened act stays an event of its own, hypothetical ("threatened to cut
# gas supplies"), as does a refused one, negated ("refused to send troops"):
# the threat or denial of an act is what the modality fields record.
_CONTENT_MODE_TYPES = frozenset({"REQUEST", "REJECT"})
# A verb's own subject or object: a "participle" that has one is a clause.
_OWN_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj"})
# Particles the parser reads as a preposition when "of" follows ("pulled out of").
_PREP_PARTICLES = frozenset({"out"})
# Prepositions that set one event in time against another ("after the arrests").
_TIME_PREPS = frozenset({"after", "before", "following", "since", "until", "amid"})
# Residual codes of a framing verb ("agreed to", "refused to") that its
# complement's own event makes redundant when both have the same PLOVER type.
_GENERIC_FRAMES = frozenset({"030", "120", "050"})
# A dictionary pattern "V against" coded as disapproval: see ``EventCoder._opposition``.
_AGAINST_PATTERN = ("against",)
# CAMEO yield: lifting sanctions or ending a blockade is for whom they were against.
_YIELD_ROOT = "08"


def _content_of(tok, coded: dict[int, Event]) -> Event | None:
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


def _asked_of(tok, coded: dict[int, Event]) -> Event | None:
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
    named = {t.country for t in act.targets if t.country} | {
        s.country for s in (*act.sources, *act.opposed) if s.country
    }
    return any(t.country and t.country not in named for t in (*purpose.targets, *purpose.opposed))


def _without_subordinates(events: list[Event], triggers: list) -> tuple[list[Event], list]:
    """Drop events that are only the content or purpose of another event in the
    sentence (what a request asks or a rejection turns down included), and a
    generic framing event ("agreed to", "refused to") whose complement was
    coded with the same PLOVER type ("agreed to re-open the border": AGREE
    once, on "re-open"). RETURNS the kept events and their trigger tokens,
    still paired."""
    coded = {tok.i: ev for tok, ev in zip(triggers, events, strict=True)}
    drop: set[int] = set()
    for tok, ev in zip(triggers, events, strict=True):
        owner = _content_of(tok, coded)
        if owner is not None and not (tok.pos_ == "VERB" and _adds_party(ev, owner)):
            drop.add(id(ev))
            continue
        asker = _asked_of(tok, coded)
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


#: CAMEO roots of violence (assault, fight, mass violence): reported even when
#: nobody is named as doing it.
_VIOLENCE_ROOTS = frozenset({"18", "19", "20"})


def _pattern_words(toks, lexicon) -> list[str]:
    """Lemmas to match verb patterns against, a hyphenated word kept whole.

    The tokenizer splits "cease-fire" into three tokens; the dictionary writes
    such words whole ("free-trade &TREATY", "counter-attack"), its "set … fire"
    must not fire on a cease-fire, nor its "beat … government" (a defeat) on
    "beat an anti-government protester". A hyphenated pair the patterns write
    as two words stays two ("tear-gas shells" matches "tear gas").
    """
    out: list[str] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if (
            i + 2 < len(toks)
            and toks[i + 1].text == "-"
            and toks[i + 1].i == tok.i + 1
            and toks[i + 2].i == tok.i + 2
            and not tok.whitespace_
            and not toks[i + 1].whitespace_
        ):
            last = toks[i + 2]
            whole = {f"{tok.lower_}-{t}" for t in (last.lower_, last.lemma_.lower())}
            known = sorted(whole & lexicon.hyphenated)
            apart = lexicon.writes_apart(tok.lower_, last.lower_) or lexicon.writes_apart(
                tok.lower_, last.lemma_.lower()
            )
            if known or not apart:
                out.append(known[0] if known else f"{tok.lower_}-{last.lower_}")
                i += 3
                continue
        out.append(tok.lemma_.lower())
        i += 1
    return out


def _unattributed_violence(code: str, targets, earlier: Sequence[Event]) -> bool:
    """True for an act of violence with no agent named ("two soldiers were
    killed", "a market was shelled") that is not a re-mention of violence the
    article already coded: it is kept with no source, as ACLED keeps
    "unidentified armed group" events, rather than dropped. Other acts without
    an agent stay uncoded (a request or a meeting needs someone doing it)."""
    if code[:2] not in _VIOLENCE_ROOTS or not targets:
        return False
    return not any(ev.cameo_root in _VIOLENCE_ROOTS for ev in earlier)


def _named(refs) -> bool:
    """True when some actor has a country or an identity of its own."""
    return any(r.country or r.actor_id for r in refs)


def _apart(refs, opposed) -> list[ActorRef]:
    """``refs`` without the parties a cooperation is directed against: the same
    mention, or the same actor named again."""
    if not opposed:
        return list(refs)
    spans = [(o.start, o.end) for o in opposed]
    ids = {o.actor_id for o in opposed if o.actor_id}
    return [
        r
        for r in refs
        if not any(r.start < end and start < r.end for start, end in spans)
        and not (r.actor_id and r.actor_id in ids)
    ]


@dataclass
class SentenceContext:
    """Per-sentence facts shared by all its triggers."""

    sent: object
    offset: int  # char offset of the Doc in the article body (or comment)
    index: int  # sentence index within the article
    expressions: list[tuple[str, int, int]]
    places: list[tuple[object, Place]]
    ents: list  # the sentence's entities (``sent.ents``, read once)
    doc_ents: EntityIndex  # the paragraph's entities by token
    # Countries the sentence names, by the reporter token left out (-1: none)
    # and whether the dateline counts; filled on first need, shared by the
    # sentence's events.
    countries: dict[tuple[int, bool], set[str]] = field(default_factory=dict)


def _event_id(article_id: str, sentence_index: int, trigger_start: int, code: str, actors) -> str:
    key = f"{article_id}|{sentence_index}|{trigger_start}|{code}|" + ",".join(
        sorted(a.cameo or a.actor_id or a.text for a in actors)
    )
    return "e_" + hashlib.sha256(key.encode()).hexdigest()[:20]


class EventCoder:
    """Turns spaCy Docs of article paragraphs into Events."""

    def __init__(
        self,
        kb: ActorKB | None = None,
        lexicon: VerbLexicon | None = None,
        codebook: Codebook | None = None,
        nouns: NounLexicon | None = None,
    ) -> None:
        self.kb = kb or ActorKB.load()
        self.lexicon = lexicon or VerbLexicon.load()
        self.codebook = codebook or Codebook.load()
        self.nouns = nouns or NounLexicon.load()
        self.mentions = MentionResolver(self.kb)
        self.dating = ArticleDater(self.kb)  # undated articles' inferred windows

    # -- public ------------------------------------------------------------
    def code_doc(
        self,
        doc,
        article: Article,
        paragraph: Paragraph,
        first_sentence_index: int,
        memory: ArticleMemory,
    ) -> tuple[list[Event], int]:
        """Code one parsed paragraph.

        The events are also appended to ``memory.events``, where later paragraphs
        may still add a place to them: read the article's final events there.

        RETURNS (tuple[list[Event], int]): the new events and the number of sentences.
        """
        first = len(memory.events)
        n = 0
        # Every sentence asks for its entities: read Doc.ents once (see EntityIndex).
        ents = EntityIndex(doc)
        memory.dateline = paragraph.dateline  # None on every paragraph but the first
        if article.published is None and not paragraph.is_comment:
            self.dating.observe(doc, article, ents)
        for n, sent in enumerate(doc.sents, start=1):
            ctx = self._context(sent, ents, paragraph.start, first_sentence_index + n - 1, article)
            memory.events.extend(self._code_sentence(ctx, article, paragraph, memory))
        return memory.events[first:], n

    def finish_article(self, memory: ArticleMemory, article: Article | None = None) -> list[Event]:
        """The article's final events. Undated ``article``: its undated events
        take its inferred window (``self.dating.windows[article_id]``)."""
        events = self._finish_offices(memory)
        if article is not None and article.published is None:
            events = memory.events[:] = self.dating.date_events(events, article)
        return events

    def discard_article(self, article_id: str) -> None:
        """Forget an article left unfinished (it failed, or is coded again from
        its start): nothing read from it may date another try or leak."""
        self.dating.forget(article_id)

    def _finish_offices(self, memory: ArticleMemory) -> list[Event]:
        """In an undated article, a person named
        with an office anywhere ("President Obama") holds it throughout, so
        bare mentions coded before the title was seen take that office too."""
        offices = memory.offices()
        if not offices:
            return memory.events
        out = []
        for ev in memory.events:
            if ev.date.start is not None:
                out.append(ev)
                continue
            sources = tuple(memory.with_office(a, offices) for a in ev.sources)
            targets = tuple(memory.with_office(a, offices) for a in ev.targets)
            opposed = tuple(memory.with_office(a, offices) for a in ev.opposed)
            if sources == ev.sources and targets == ev.targets and opposed == ev.opposed:
                out.append(ev)
                continue
            event_id = _event_id(
                ev.article_id,
                ev.sentence_index,
                ev.trigger_start,
                ev.cameo_code,
                list(sources) + list(targets),
            )
            out.append(
                replace(ev, sources=sources, targets=targets, opposed=opposed, event_id=event_id)
            )
        memory.events[:] = out
        return out

    # -- sentence level ----------------------------------------------------
    def _context(
        self, sent, index_of_ents: EntityIndex, offset: int, index: int, article: Article
    ) -> SentenceContext:
        sent_ents = index_of_ents.within(sent)
        exprs: list[tuple[str, int, int]] = []
        for ent in sent_ents:
            if ent.label_ in _DATE_LABELS:
                exprs.append(
                    (ent.text, ent.start_char - sent.start_char, ent.end_char - sent.start_char)
                )
        covered = {(s, e) for _, s, e in exprs}
        for expr in find_expressions(sent.text):
            if (expr.start, expr.end) not in covered:
                exprs.append((expr.text, expr.start, expr.end))
        places = []
        for ent in sent_ents:
            if ent.label_ in _PLACE_LABELS and _place_prep(ent) is not None:
                place = self._place(ent, offset)
                if place is not None:
                    places.append((ent, place))
        return SentenceContext(sent, offset, index, exprs, places, sent_ents, index_of_ents)

    def _place(self, ent, offset: int) -> Place | None:
        res = self.mentions._resolve_words([t.text for t in ent], None)
        country = res.country if res is not None else None
        # Coordinates (and the country of towns and regions the actor KB does not
        # know) from the gazetteer, ranked against the paragraph's other places;
        # the KB's country, when it has one, is kept and steers the gazetteer.
        located = default_geocoder().place_of(ent, offset, country=country)
        if located is not None:
            return replace(located, country=country or located.country)
        return Place(
            text=ent.text,
            start=ent.start_char + offset,
            end=ent.end_char + offset,
            name=ent.text,
            country=country,
        )

    def _code_sentence(self, ctx, article, paragraph, memory) -> list[Event]:
        out: list[Event] = []
        triggers: list = []  # the trigger token of each event in ``out``
        consumed: set[int] = set()
        sent = ctx.sent
        memory.sentence = ctx.index
        for tok in sent:
            if tok.i in consumed or _is_attribution(tok) or _is_hyphen_modifier(tok):
                continue
            if (
                tok.pos_ == "VERB"
                and tok.dep_ == "amod"
                and not any(c.dep_ in _OWN_ARGUMENT_DEPS for c in tok.children)
            ):
                # "a suspected terrorist", "the besieged town": a participle
                # before a noun describes it; it reports no act of anyone here.
                # (With a subject or object of its own it is a misparsed verb:
                # "Trump threatened “rogue regimes …”".)
                continue
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in _FRAMING_VERBS and self._frames_noun_event(tok):
                # "might consider a partnership", "is weighing cooperation": the noun is
                # the event and the verb only its modality.
                continue
            if tok.pos_ == "VERB" and lemma not in SPEECH_VERBS and lemma not in _LIGHT_VERBS:
                ev = self._verbal(tok, lemma, ctx, article, paragraph, memory, consumed)
            elif tok.pos_ == "ADJ" and tok.dep_ == "acomp" and lemma in _COMMENT_ADJECTIVES:
                ev = self._comment(tok, lemma, ctx, article, paragraph, memory)
            elif tok.pos_ == "NOUN" and lemma in self.nouns.nouns:
                ev = self._nominal(tok, lemma, ctx, article, paragraph, memory)
            elif tok.pos_ == "VERB" and (
                lemma in _LIGHT_VERBS or any(c.dep_ in ("dobj", "obj") for c in tok.children)
            ):
                # "came together to sign": the light verb lends its subject only,
                # unless a pattern makes it an act ("taken into custody"); a speech
                # verb with an object may be one too ("declared a ceasefire").
                ev = self._verbal(
                    tok, lemma, ctx, article, paragraph, memory, consumed, specific_only=True
                )
            else:
                continue
            if ev is not None:
                out.append(ev)
                triggers.append(tok)
        out, triggers = _without_subordinates(out, triggers)
        out += self._claims(out, triggers, ctx, article, paragraph, memory)
        out += self._obligations(ctx, article, paragraph, memory)
        for ev in out:
            memory.remember_group(list(ev.sources))
        return out

    def _comment(self, adj, lemma, ctx, article, paragraph, memory):
        """ "The agency said it is skeptical of the plan": a pessimistic (012) or
        optimistic (013) comment by whoever is so, about what it is so of."""
        subjects = [c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if adj.head.lemma_.lower() != "be" or not subjects:
            return None
        edate, when = self._date(ctx, article, adj)
        sources = self._resolve(subjects, when, ctx, memory)
        if not sources:
            return None
        about = [
            g
            for c in adj.children
            if c.dep_ == "prep" and c.lower_ in ("of", "about", "over", "on")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        targets = [r for r in self._resolve(about, when, ctx, memory) if _named([r])]
        return self._make_event(
            adj,
            _COMMENT_ADJECTIVES[lemma],
            sources,
            targets,
            ctx,
            article,
            paragraph,
            memory,
            confidence=0.6,
            rule=f"comment:{lemma}",
            when=when,
            edate=edate,
        )

    def _obligations(self, ctx, article, paragraph, memory) -> list[Event]:
        """The demand in "X said Y must do Z": X demands of Y (CAMEO 100).

        Only when Y is another party than X ("Iran said it must defend itself"
        obliges nobody else); what Y must do is coded on its own verb, as
        hypothetical.
        """
        out: list[Event] = []
        for tok in ctx.sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in _OBLIGING_SPEECH:
                continue
            clauses = [
                c
                for c in tok.children
                if c.dep_ == "ccomp"
                and any(a.dep_ == "aux" and a.lower_ == "must" for a in c.children)
            ]
            obliged = [
                g for c in clauses for g in c.children if g.dep_ == "nsubj" and g.pos_ != "PRON"
            ]
            if not obliged:
                continue
            speakers, own, when, edate = self._speakers(tok, ctx, article, memory)
            targets = self._resolve(obliged, when, ctx, memory)
            targets = [t for t in targets if (t.country, t.actor_id) not in own]
            if not speakers or not _named(targets):
                continue
            made = self._speech_act(
                tok, _DEMAND_CODE, speakers, targets, (ctx, article, paragraph, memory),
                rule="obligation", when=when, edate=edate,
            )  # fmt: skip
            if made is not None:
                out.append(made)
        return out

    def _speakers(self, verb, ctx, article, memory):
        """Who says what a speech verb says: (actors, their (country, id) keys,
        the date for their roles, the event date)."""
        edate, when = self._date(ctx, article, verb)
        speakers = self._resolve(arguments_of(verb).sources, when, ctx, memory)
        return speakers, {(a.country, a.actor_id) for a in speakers}, when, edate

    def _speech_act(self, verb, code, speakers, targets, where, *, rule, when, edate, above=0.75):
        """An act done by saying ("X said Y must …", "X claimed it attacked …"):
        what the sentence asserts, so it outranks the act it reports (which is
        only demanded or claimed; ``above`` is that act's confidence). ``where``
        is (ctx, article, paragraph, memory)."""
        ctx, article, paragraph, memory = where
        return self._make_event(
            verb,
            code,
            speakers,
            targets,
            ctx,
            article,
            paragraph,
            memory,
            confidence=max(0.8, above + 0.05),
            rule=f"{rule}:{verb.lemma_.lower()}",
            when=when,
            edate=edate,
        )

    def _claims(self, events, triggers, ctx, article, paragraph, memory) -> list[Event]:
        """The accusation in "X alleged that Y attacked Z", and the claim of
        responsibility in "X claimed it had attacked Z".

        "allege" and "claim" report an act (coded on its own trigger, reported by
        X) and also do something to its doer, as the CAMEO dictionaries code
        them: X accuses Y (112), or, when X is the doer, X claims responsibility
        (015). Only for material conflict: claiming a success or a meeting is
        reporting, not accusing.
        """
        out: list[Event] = []
        seen: set[int] = set()
        for tok, ev in zip(triggers, events, strict=True):
            if ev.quad_class != 4 or not ev.sources:
                continue
            clause = tok.head if tok.dep_ == "conj" else tok
            claim = clause.head
            if (
                clause.dep_ != "ccomp"
                or claim.i in seen
                or claim.lemma_.lower() not in _ACCUSING_SPEECH
            ):
                continue
            seen.add(claim.i)
            claimers, own, when, edate = self._speakers(claim, ctx, article, memory)
            if not claimers:
                continue
            doers = {(a.country, a.actor_id) for a in ev.sources}
            code, targets = ("015", list(ev.targets)) if doers <= own else ("112", list(ev.sources))
            made = self._speech_act(
                claim, code, claimers, targets, (ctx, article, paragraph, memory),
                rule="claim", when=when, edate=edate, above=ev.confidence,
            )  # fmt: skip
            if made is not None:
                out.append(made)
        return out

    def _frames_noun_event(self, verb) -> bool:
        # The object, or the subject of a small clause ("consider [a partnership
        # with Sudan to manage the river]") the parser made of it.
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        objects += [
            g
            for c in verb.children
            if c.dep_ in ("ccomp", "xcomp")
            for g in c.children
            if g.dep_ == "nsubj"
        ]
        return any(o.lemma_.lower() in self.nouns.nouns for o in objects)

    # -- triggers ----------------------------------------------------------
    def _verbal(
        self, verb, lemma, ctx, article, paragraph, memory, consumed, *, specific_only=False
    ):
        sent = ctx.sent
        if lemma in _IDIOMS and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _IDIOMS[lemma] and c.n_lefts == 0
            for c in verb.children
        ):
            return None  # "took place", "takes effect": happened, came into force
        # A relative clause describes a noun, it is not what the verb does:
        # "support a resolution that aims to tighten sanctions" is no "support …
        # sanctions".
        described = {
            t.i for c in verb.subtree if c.dep_ == "relcl" and c.i != verb.i for t in c.subtree
        }
        window = [t for t in sent if verb.i < t.i <= verb.i + _WINDOW and t.i not in described]
        after = _pattern_words(window, self.lexicon)
        before = _pattern_words([t for t in sent if t.i < verb.i], self.lexicon)[-_WINDOW:]
        pattern = self.lexicon.match(lemma, before, after)
        particle = self._particle(verb, lemma)
        if particle is not None and not (pattern is not None and pattern.curated):
            # "set up a base", "called off the talks": the dictionary's SET UP and
            # CALL OFF, not SET or CALL with "up"/"off" after them (a hand-written
            # row for the verb and particle, "rounded up" 173, is kept).
            rest = _pattern_words([t for t in window if t != particle], self.lexicon)
            phrasal = self.lexicon.match(f"{lemma} {particle.lower_}", before, rest)
            # "pulled out of the coalition": a pattern of PULL that names "out
            # of coalition" outranks PULL OUT's bare code.
            named = particle.dep_ == "prep" and pattern is not None and pattern.after
            if phrasal is not None and phrasal.code and not (named and phrasal.is_default):
                lemma, after, pattern = f"{lemma} {particle.lower_}", rest, phrasal
        pattern = self._object_pattern(verb, lemma, before, pattern)
        if (
            pattern is not None
            and not pattern.code
            and pattern.passive_code
            and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        ):
            return self._undergone(verb, pattern, ctx, article, paragraph, memory)
        if pattern is None or not pattern.code:
            # Passive voice puts the pattern's object before the verb ("the
            # accords were signed"): match it as if it followed.
            moved = _pattern_words(
                [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree],
                self.lexicon,
            )
            pattern = self.lexicon.match(lemma, before, moved + after) if moved else None
            if pattern is None or not pattern.code:
                return None
        if specific_only and not (pattern.after or pattern.before):
            return None
        if pattern.after:
            pattern = self._own_pattern(verb, lemma, before, pattern)
            if pattern is None:
                return None
        if pattern.after == ("part",) and self._part_in_event(verb):
            # "took part in a war game": the event noun codes what was taken part
            # in, with the verb's subject; the idiom alone is only 030.
            return None
        if lemma == "agree" and self._agreed_on(verb):
            # "the two sides agreed a ceasefire", "a deal was agreed": the
            # agreement is concluded, CAMEO 057 ("finalize an agreement"), not the
            # intention "agreed to a ceasefire" (0356) or "agreed to talk" (030).
            pattern = replace(pattern, code=_SIGN_CODE, passive_code=None)
        if lemma in _SINGLE_SENSE_VERBS and not pattern.code.startswith(_SINGLE_SENSE_VERBS[lemma]):
            bare = self.lexicon.match(lemma, [], [])
            if bare is not None and bare.code:
                pattern = bare
        pattern, opposed_heads = self._opposition(verb, lemma, pattern)
        pondered = lemma in _PONDERING_VERBS and _ponders_an_act(verb)
        if pondered:
            # "is considering sending aid", "weighing sending troops", "exploring
            # the possibility of …": CAMEO 014, consider a policy option. A
            # pattern matched through the act ("consider … aid" → 1311) would code
            # the act, which its own verb codes (hypothetical).
            pattern = replace(pattern, code=_CONSIDER_CODE, before=(), after=(), passive_code=None)
        args = arguments_of(verb)
        named_in_pattern = self._pattern_objects(pattern, args.targets)
        edate, when = self._date(ctx, article, verb)
        opposed = self._resolve(opposed_heads, when, ctx, memory)
        sources = _apart(self._resolve(args.sources, when, ctx, memory), opposed)
        targets = self._resolve(
            [t for t in args.targets if t not in named_in_pattern], when, ctx, memory
        )
        # An object the pattern names is the act ("declared a state of siege"),
        # unless it names a party too ("expelled two Russian diplomats"), or
        # violence names its victims ("killed at least 400 civilians").
        harmed = (pattern.code or "")[:2] in _VIOLENCE_ROOTS
        targets += [
            r
            for r in self._resolve(named_in_pattern, when, ctx, memory)
            if _named([r]) or (harmed and r.sector)
        ]
        targets = _apart(targets, opposed)
        if pattern.code[:2] == _DISAPPROVE_ROOT and any(
            t.sector in _ARMED and t.kind != "person" for t in targets
        ):
            # "attacked government troops", "attacked a militia loyal to the
            # government": the dictionary's "attack … government" (111,
            # criticise) is a verbal attack; against armed men the violence
            # verb means its own act ("attacked the government's policy" stays).
            bare = self.lexicon.match(lemma, [], [])
            if bare is not None and (bare.code or "")[:2] in _VIOLENCE_ROOTS:
                pattern = bare
        if not sources and args.passive:
            # "were killed in Israeli tank shelling", "died in police firing":
            # the agent is the one who did the act named after "in".
            sources = self._resolve(self._instrument_agents(verb), when, ctx, memory)
        fallback = False
        if (
            not sources
            and not args.passive
            and verb.dep_ not in ("ROOT", "xcomp", "advcl", "ccomp")
        ):
            sources, found, fallback = self._surface_fallback(verb, when, ctx, memory)
            # Violence with no actor to the left either keeps the parser's object
            # ("An explosion killed at least 26 civilians" read as a noun phrase).
            keep = not fallback and (pattern.code or "")[:2] in _VIOLENCE_ROOTS
            targets = targets if keep else found
            sources, targets = _apart(sources, opposed), _apart(targets, opposed)
        # A bare sector object ("all official contact", "the offices") names
        # nobody in particular: look further for a named target.
        if not _named(targets):
            found = self._resolve(purpose_objects(verb), when, ctx, memory)
            targets = _apart(found, opposed) or targets
        if not _named(targets):
            # "held a meeting with Obama", "shared evidence with the U.S.": the
            # target hangs on the object; "demanded that the US cancel": a demand
            # or appeal targets the subject of what it asks for.
            found = self._resolve(object_attachments(verb), when, ctx, memory)
            targets = _apart(found, opposed) or targets
        asking = pattern.code[:2] in _ASKING_ROOTS or lemma in ASKING_VERBS
        if not _named(targets) and asking:
            found = self._resolve(complement_subjects(verb), when, ctx, memory)
            targets = _apart(found, opposed) or targets
        if not _named(targets):
            # "wants Putin to attack", "expects Iran to honour the deal": whom the
            # subject wants something of is the one acted on.
            found = self._resolve(
                complement_subjects(verb, infinitive_only=True), when, ctx, memory
            )
            targets = _apart(found, opposed) or targets
        if not _named(targets) and pattern.code[:2] == _THREAT_ROOT:
            # "threatened to stop talks if the United States deploys missiles":
            # whoever the condition is put to is the one threatened.
            targets = self._resolve(condition_subjects(verb), when, ctx, memory) or targets
        if not _named(targets):
            found = self._resolve(defied_parties(verb), when, ctx, memory)
            targets = _apart(found, opposed) or targets
        if not targets:
            # "prevented the demonstration staged by students", "broke up a rally
            # by opposition supporters": whoever protests is the one acted on.
            targets = _apart(self._resolve(self._protesters(verb), when, ctx, memory), opposed)
        if not _named(targets) and pattern.code[:2] not in _SIDE_TAKING_ROOTS:
            found = [r for r in self._resolve(for_objects(verb), when, ctx, memory) if _named([r])]
            targets = _apart(found, opposed) or targets
        if _needs_detainee(pattern, self.lexicon.default_code(lemma)) and not (
            targets or _person_object(verb)
        ):
            # A verb that arrests only in some uses ("rounded up", "took", "held")
            # must name whom: "police took time", "held themselves back" are no arrests.
            return None
        passive = args.passive or any(c.dep_ == "auxpass" for c in verb.children)
        arrest_verb = pattern.code == _ARREST and self.lexicon.default_code(lemma) == _ARREST
        if not sources and (passive or (arrest_verb and targets)):
            # "were arrested" (also with no subject the parser found: "... and were
            # arrested"): the act itself names its kind of agent; so does "we
            # arrested five men" when "we" names nobody.
            implied = implied_agent(pattern.code, verb.idx + ctx.offset, verb.text)
            sources = [implied] if implied is not None else []
        unattributed = False
        if not sources:
            if not _unattributed_violence(pattern.code, targets, memory.events):
                self._enrich_antecedent(pattern.code, ctx, memory.events)
                return None
            unattributed = True
        if pattern.after:
            # The pattern used the object noun ("sign an agreement", "hold talks"):
            # it must not be coded again as an event noun. (Only once the verb is
            # coded: an agentless "removing the sanctions" leaves the noun free.)
            consumed.update(t.i for t in objects_of(verb))
        specific = bool(pattern.after or pattern.before) or pondered
        conf = 0.55 + (0.15 if specific else 0.0) + (0.1 if targets else 0.0)
        conf -= 0.15 if fallback else 0.0
        conf -= 0.05 if args.inherited_source else 0.0
        conf -= 0.2 if unattributed else 0.0
        plover = "AGREE" if pattern.code == "057" and commits_to_future(verb) else None
        code = (
            protest_code(pattern.code, lemma, args.sources, has_target=bool(targets))
            or pattern.code
        )
        return self._make_event(
            verb,
            code,
            sources,
            targets,
            ctx,
            article,
            paragraph,
            memory,
            confidence=conf,
            rule=f"verb:{pattern.verb}:{' '.join(pattern.after)}".rstrip(":"),
            when=when,
            edate=edate,
            plover_type=plover,
            opposed=opposed,
        )

    def _undergone(self, verb, pattern, ctx, article, paragraph, memory) -> Event | None:
        """An act the subject undergoes: the dictionary's reverse-only patterns
        ("receive assurance [:030]", "face pressure [:100]", "die in airstrike
        [:195]"). Whoever it comes from ("from Britain", "in a Saudi airstrike")
        is the source, the subject the target."""
        code = pattern.passive_code
        edate, when = self._date(ctx, article, verb)
        givers = [
            g
            for head in (verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj")))
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by")
            for g in prep.children
            if g.dep_ == "pobj"
        ] + self._instrument_agents(verb)
        sources = self._resolve(givers, when, ctx, memory)
        targets = self._resolve(arguments_of(verb).sources, when, ctx, memory)
        if not targets or not (sources or _unattributed_violence(code, targets, memory.events)):
            return None
        conf = 0.7 if sources else 0.45
        return self._make_event(
            verb,
            code,
            sources,
            targets,
            ctx,
            article,
            paragraph,
            memory,
            confidence=conf,
            rule=f"verb:{pattern.verb}:{' '.join(pattern.after)}:reverse".rstrip(":"),
            when=when,
            edate=edate,
        )

    def _instrument_agents(self, verb) -> list:
        """Agent heads of an act named in a prepositional phrase of ``verb``:
        the modifiers of "shelling" in "killed in Israeli tank shelling", or the
        "by" agent in "wounded in an air strike by government forces"."""
        heads = []
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in _INSTRUMENT_PREPS:
                continue
            for act in prep.children:
                if act.dep_ != "pobj":
                    continue
                if not self._names_act(act):
                    # "in police firing" parsed as "police" modified by "firing", or
                    # "in Turkish artillery shelling" as "in Turkish artillery" and a
                    # clause "shelling" right after it.
                    nxt = act.doc[act.i + 1] if act.i + 1 < len(act.doc) else None
                    if any(self._names_act(c) for c in act.children if c.dep_ == "acl") or (
                        nxt is not None and nxt.head in (act, verb) and self._names_act(nxt)
                    ):
                        heads.append(act)
                    continue
                for mod in act.children:
                    if mod.dep_ in ("amod", "compound", "poss", "nmod"):
                        heads.append(mod)
                    elif mod.dep_ == "prep" and mod.lower_ == "by":
                        heads.extend(c for c in mod.children if c.dep_ == "pobj")
        return heads

    def _names_act(self, tok) -> bool:
        # "firing" may come out as a verb form with lemma "fire".
        return bool({tok.lemma_.lower(), tok.lower_} & self.nouns.nouns)

    def _pattern_objects(self, pattern, heads) -> list:
        """The heads among ``heads`` that are words of the pattern's object."""
        if not pattern.after:
            return []
        words: set[str] = set()
        for unit in pattern.after:
            members = self.lexicon.synset(unit) if unit.startswith("&") else {unit}
            words.update(w for m in members for w in m.lower().split("_"))
        return [t for t in heads if t.lemma_.lower() in words or t.lower_ in words]

    def _part_in_event(self, verb) -> bool:
        """True for "took part in <an event noun>" ("in a war game", "in talks");
        the parser hangs "in" on "part" or on the verb."""
        parts = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.lower_ == "part"]
        return bool(parts) and any(
            g.lemma_.lower() in self.nouns.nouns
            for head in (verb, *parts)
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "in"
            for g in prep.children
            if g.dep_ == "pobj"
        )

    def _agreed_on(self, verb) -> bool:
        """True when the verb's object (or passive subject) is an agreement."""
        words = self.lexicon.synset("&TREATY") | self.lexicon.synset("&CEASEFIRE") | {"deal"}
        return any(
            c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() in words
            for c in verb.children
        )

    def _particle(self, verb, lemma: str):
        """The particle of a phrasal verb the dictionary lists ("set up", "call
        off", "pull out"), or None. "Out" opening "out of" right after the verb
        ("pulled out of the city") is one too, though parsed as a preposition."""
        for child in verb.children:
            particle = child.dep_ == "prt" or (
                child.dep_ == "prep"
                and child.i == verb.i + 1
                and child.lower_ in _PREP_PARTICLES
                and any(g.lower_ == "of" for g in child.children)
            )
            if particle and self.lexicon.knows(f"{lemma} {child.lower_}"):
                return child
        return None

    def _object_pattern(self, verb, lemma, before, pattern):
        """The pattern the verb's object matches over one matched further on,
        when the object is an act ("staged a hunger strike in prison" is a
        strike, "stage … strike", not the block's "put in prison") or a pattern
        names the object itself and codes another kind of act ("workers stopped
        work … of an open-ended strike" is "stop work", 143, not "stop … strike",
        087)."""
        if pattern is None or not pattern.after:
            return pattern
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        if not objects:
            return pattern
        head = objects[0].lemma_.lower()
        # The object phrase up to its head: "a hunger strike", not "… in prison".
        words = [t.lemma_.lower() for t in objects[0].subtree if t.i <= objects[0].i]
        if pattern.after[0] in words:
            return pattern
        own = self.lexicon.match(lemma, before, words)
        if own is None or not own.after or not own.code:
            return pattern
        if head in self.nouns.nouns:
            return own
        names_object = own.after == (head,) and own.code[:2] != (pattern.code or "")[:2]
        return own if names_object else pattern

    def _own_pattern(self, verb, lemma, before, pattern):
        """The pattern to code ``verb`` with, or None when its to-clause carries
        the same event ("united to sign a pact": "unite &TREATY" matched through
        the pact, which "sign" codes in its own right). CAMEO patterns that span
        the clause on purpose ("agree to send troops") are kept."""
        for clause in verb.children:
            if clause.pos_ != "VERB" or not (
                clause.dep_ == "xcomp"
                or (clause.dep_ == "advcl" and any(a.lower_ == "to" for a in clause.lefts))
            ):
                continue
            sent = clause.sent
            inner = self.lexicon.match(
                clause.lemma_.lower(),
                [t.lemma_.lower() for t in sent if t.i < clause.i][-_WINDOW:],
                [t.lemma_.lower() for t in sent if clause.i < t.i <= clause.i + _WINDOW],
            )
            if inner is not None and inner.code == pattern.code:
                return None
            names_complement = bool(pattern.after) and pattern.after[0] == clause.lemma_.lower()
            if (
                inner is not None
                and inner.code
                and lemma in COMMITTING_VERBS | REFUSING_VERBS
                and not names_complement  # "declined to comment": CAMEO's 011
            ):
                # "agreed to lift the sanctions", "declined to resign after
                # allegations": the act under the commitment or refusal is the
                # event (see mode_codes), not "agree … sanctions", "decline … allegation".
                return None
        return pattern

    def _quad_class(self, code: str | None) -> int | None:
        """QuadClass of a CAMEO code (None for no code or one the codebook lacks)."""
        if not code:
            return None
        try:
            return self.codebook.cameo(code).quad_class
        except CodingError:
            return None

    def _act_kind(self, tok) -> str | None:
        """``CONFLICT`` when ``tok`` codes an act of conflict (QuadClass 3–4) in
        its sentence, by the CAMEO verb dictionary ("combat", "fight",
        "counter") or the event-noun table ("sanctions", "attack"); ``YIELD``
        for a yielding act (CAMEO 08: "lift", "ease"), ``COOPERATION`` for
        another act of QuadClass 1–2; None when it codes nothing."""
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN":
            mods = [c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")]
            code = self.nouns.code(lemma, mods) if lemma in self.nouns.nouns else None
        else:
            sent = tok.sent
            pattern = self.lexicon.match(
                lemma,
                [t.lemma_.lower() for t in sent if t.i < tok.i][-_WINDOW:],
                [t.lemma_.lower() for t in sent if tok.i < t.i <= tok.i + _WINDOW],
            )
            code = None if pattern is None or pattern.discard else pattern.code
        quad = self._quad_class(code)
        if quad in (3, 4):
            return CONFLICT
        if quad is None:
            return None
        return YIELD if code[:2] == _YIELD_ROOT else COOPERATION

    def _cooperative(self, code: str | None) -> bool:
        """Whether a CAMEO code is a cooperation by both codebooks: QuadClass
        1–2, and a PLOVER type of quad 1–2 (an investigation, CAMEO 09, is
        QuadClass 1 but PLOVER's ACCUSE: "investigations against X" target X)."""
        if self._quad_class(code) not in (1, 2):
            return False
        try:
            return self.codebook.plover_quad(self.codebook.cameo(code).plover_type) in (1, 2)
        except CodingError:  # no PLOVER type: CAMEO's QuadClass decides
            return True

    def _protesters(self, verb) -> list:
        """Who holds the protest a verb acts on: the agent of its participle
        ("the march organised by Kurdish groups") or its "by" phrase, on the
        noun or, when the parser hung it there, on the active verb."""
        out = []
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
            mods = [c.lemma_.lower() for c in obj.children if c.dep_ in ("amod", "compound")]
            code = self.nouns.code(obj.lemma_.lower(), mods)
            if code is None or code[:2] != _PROTEST_ROOT:
                continue
            for child in obj.children:
                if child.dep_ == "acl" and child.tag_ == "VBN":
                    out += [g for a in child.children if a.dep_ == "agent" for g in a.children]
                elif child.dep_ == "prep" and child.lower_ == "by":
                    out += [g for g in child.children if g.dep_ == "pobj"]
            if not out and not any(c.dep_ == "auxpass" for c in verb.children):
                out += [
                    g
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ == "by"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
        return [t for t in out if t.dep_ == "pobj"]

    def _opposed_heads(self, trigger, code: str) -> list:
        """Heads of the parties a cooperation is directed against; none for
        other events, whose "against X" is their target.

        "against" on a verbal trigger counts only when the verb itself means
        cooperation ("cooperate", "back"), not when a pattern's noun made it
        one ("use &TREATY" matched through "according to": "weapons to use
        against the United States" is no cooperation against it)."""
        if not self._cooperative(code):
            return []
        own = trigger.pos_ != "VERB"
        if not own:
            bare = self.lexicon.match(trigger.lemma_.lower(), [], [])
            own = bare is not None and self._cooperative(bare.code)
        return opposed_parties(trigger, self._act_kind, own_against=own)

    def _opposition(self, verb, lemma: str, pattern):
        """The pattern to code ``verb`` with, and the heads of the parties its
        act is directed against (see ``_opposed_heads``).

        The CAMEO dictionary reads collaborating "against" someone as
        disapproving of them (110: "cooperate against", "ally against", "side
        with … against"). A verb whose own code is a cooperation is coded as
        that cooperation when its "against" party is found: the parties still
        cooperate, and the one they act against is opposed, not a target.
        """
        if (
            pattern.after == _AGAINST_PATTERN
            and not pattern.before
            and pattern.code[:2] == _DISAPPROVE_ROOT
        ):
            bare = self.lexicon.match(lemma, [], [])
            if bare is not None and bare.code:
                heads = self._opposed_heads(verb, bare.code)
                if heads:
                    return bare, heads
        return pattern, self._opposed_heads(verb, pattern.code)

    def _nominal(self, noun, lemma, ctx, article, paragraph, memory):
        mods = [c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")]
        code = self.nouns.code(lemma, mods)
        if code is None:
            return None
        edate, when = self._date(ctx, article, noun)
        # "US-Iranian cooperation", "Iran-Iraq talks": the modifiers are the parties.
        modifier_heads = [
            c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss")
        ]
        # A bare sector word ("military coordination") names no party.
        parties = [
            r for r in self._resolve(modifier_heads, when, ctx, memory) if r.country or r.actor_id
        ]
        between = self._resolve(between_parties(noun), when, ctx, memory)
        parties += between
        # "an alliance against ISIS": who a cooperation is against is no party to it.
        opposed = self._resolve(self._opposed_heads(noun, code), when, ctx, memory)
        parties = _apart(parties, opposed)
        governing = []
        if not parties or between:  # (resolving adds antecedents: only when needed)
            governing = _apart(
                self._resolve(_not_holding(governing_subject(noun), noun), when, ctx, memory),
                opposed,
            )
        sources = parties or governing
        targets = _apart(self._resolve(objects_of(noun), when, ctx, memory), opposed)
        outside = [g for g in governing if not _same_actor(g, between)]
        if between and outside and len(parties) == len(between):
            # "ready to host a meeting between Israel and the PLO", "mediated talks
            # between the two sides": the host acts towards the parties.
            sources, targets = outside, between
        if not targets and noun.dep_ in ("dobj", "obj"):
            # "sign a deal with Greece": the target hangs on the governing verb.
            targets = self._resolve(
                objects_of(noun.head, skip=frozenset({noun.i})), when, ctx, memory
            )
            targets = _apart(targets, opposed)
        if not targets:
            # "a suspension of air links with Serbia": the target hangs on the object.
            found = self._resolve(noun_object_attachments(noun), when, ctx, memory)
            targets = _apart(found, opposed)
        if not targets and code[:2] in _ASKING_ROOTS:
            # "its demands that Burundi's government grant …": who is asked.
            targets = _apart(self._resolve(complement_subjects(noun), when, ctx, memory), opposed)
        if not sources and code[:2] not in _VIOLENCE_ROOTS:
            # "The Pentagon said there will be no coordination with Iran": the
            # speaker is the party. Not for violence: who reports a bombing is
            # rarely who set it off.
            rep = reporter_of(noun)
            if rep is not None:
                sources = self._resolve([rep], when, ctx, memory)
        if not sources:
            implied = implied_agent(code, noun.idx + ctx.offset, noun.text)
            sources = [implied] if implied is not None else []
        if not sources:
            return None
        conf = 0.45 + (0.1 if targets else 0.0)
        return self._make_event(
            noun,
            code,
            sources,
            targets,
            ctx,
            article,
            paragraph,
            memory,
            confidence=conf,
            rule=f"noun:{lemma}",
            when=when,
            edate=edate,
            opposed=opposed,
        )

    # -- helpers -----------------------------------------------------------
    def _resolve(self, heads, when, ctx, memory) -> list[ActorRef]:
        if not heads:
            return []
        refs = self.mentions.resolve_heads(heads, when, ctx.offset, memory)
        return [self._placed(ref, ctx) for ref in refs]

    def _placed(self, ref: ActorRef, ctx) -> ActorRef:
        """An actor's country from where the phrase says it is from.

        "a missionary from Calgary", "a terror group based in Trinidad", "police
        in Kandahar": the gazetteer places towns the knowledge base does not
        know. "the Albanians of southern Serbia": a people *of* a country's
        region are its residents, not the neighbouring state.
        """
        if ref.basis != "text" or not (needs_country(ref) or _bare_people(ref)):
            return ref
        doc = ctx.sent.doc
        span = doc.char_span(ref.start - ctx.offset, ref.end - ctx.offset, alignment_mode="expand")
        if span is None:
            return ref
        head = span.root
        preps = [c for c in head.rights if c.dep_ == "prep"]
        preps += [
            p
            for acl in head.rights
            if acl.dep_ == "acl" and acl.lower_ in _BASED_VERBS
            for p in acl.children
            if p.dep_ == "prep" and p.lower_ == "in"
        ]
        if needs_country(ref):
            wanted = _HOME_PREPS
        elif head.ent_type_ == "NORP" and head.tag_ == "NNPS":
            wanted = frozenset({"of"})
        else:
            return ref
        for prep in preps:
            if prep.lower_ not in wanted:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                ent = ctx.doc_ents.at(obj.i)
                if ent is None or ent.label_ not in _PLACE_LABELS:
                    continue
                place = self._place(ent, ctx.offset)
                if place is None or not place.country or place.country not in self.kb:
                    continue
                if needs_country(ref):
                    return replace(
                        with_context_country([ref], {place.country}, self.kb)[0], basis="text"
                    )
                if place.country != ref.country:
                    return replace(
                        ref, country=place.country, cameo=self.kb.country_cameo(place.country),
                        actor_id=place.country,
                    )  # fmt: skip
        return ref

    def _date(self, ctx, article, trigger) -> tuple[EventDate, date | None]:
        """The event's date, and the date used to pick actors' roles (the
        event's own date when known, else the publication date)."""
        sent = ctx.sent
        edate = event_date(
            ctx.expressions,
            article.published,
            trigger_offset=trigger.idx - sent.start_char,
            sentence=sent.text,
        )
        if edate.basis is DateBasis.EXPRESSION and edate.text_start is not None:
            shift = sent.start_char + ctx.offset
            edate = replace(
                edate, text_start=edate.text_start + shift, text_end=edate.text_end + shift
            )
        return edate, (edate.start if edate.start is not None else article.published)

    def _surface_fallback(self, verb, when, ctx, memory):
        """When the parse gives no subject ("Trump threatened “…”" misparsed),
        take the nearest actor entity to the left as source and actor
        entities to the right (within the clause) as targets."""
        left = [e for e in ctx.ents if e.end <= verb.i and e.label_ not in _DATE_LABELS]
        if not left:
            return [], [], False
        between = [t for t in ctx.sent if left[-1].end <= t.i < verb.i and t.pos_ == "VERB"]
        if between:
            return [], [], False
        sources = self._resolve([left[-1].root], when, ctx, memory)
        right = [
            e.root
            for e in ctx.ents
            if e.start > verb.i and e.label_ not in _DATE_LABELS and e.start - verb.i <= 25
        ]
        targets = self._resolve(right, when, ctx, memory)
        return sources, targets, bool(sources)

    def _enrich_antecedent(self, code, ctx, earlier: list[Event]) -> None:
        """An agentless re-mention ("the accords were signed in Tehran") adds its
        place to the earlier event of the same kind, instead of a new event."""
        if not ctx.places:
            return
        for i in range(len(earlier) - 1, -1, -1):
            ev = earlier[i]
            if ev.cameo_root == code[:2] and ev.place is None:
                earlier[i] = replace(ev, place=ctx.places[0][1])
                return

    def _fill_from_sentence(self, roles, ctx, rep_tok, when, memory) -> tuple[list, ...]:
        """Give country-less sector actors the one country the sentence names.

        Not when that country is a state named as a party in its own right
        ("the government thanked China") or the nationality of private people
        ("a court jailed two Chilean businessmen": a reporter names a
        nationality when it differs from the place's), and not to an actor
        whose own phrase names a people or place the knowledge base could not
        place ("Congolese refugees", "Karen guerrillas"): the sentence's one
        country is then another's.
        """
        here = self._sentence_countries(ctx, rep_tok, when, memory)
        others = {
            a.country
            for role in roles[:2]
            for a in role
            if a.kind == "country" and (a.sector is None or a.sector in _NATIONALS)
        }
        if len(here) == 1 and not here & others:
            return tuple(self._unless_named(role, here, ctx) for role in roles)
        # "TEHRAN: Fishermen were killed by Iraqi gunfire in Iranian waters": the
        # other party's nationality is not theirs, and the one country left is,
        # when the dateline is in it too; the party's own role keeps no country
        # from the sentence. The dateline alone decides nothing: a story may be
        # filed from a bureau abroad ("CAIRO (AP) — Libyan students marched").
        rest = self._sentence_countries(ctx, rep_tok, when, memory, dateline=False) - others
        home = self._dateline_country(ctx, memory)
        if not here & others or home is None or rest != {home}:
            return tuple(list(role) for role in roles)
        return tuple(
            list(role) if any(a.country in others for a in role)
            else self._unless_named(role, rest, ctx)
            for role in roles
        )  # fmt: skip

    def _dateline_country(self, ctx, memory) -> str | None:
        """The country of the article's dateline place when the dateline opens
        this sentence (never an actor: only where the story was filed)."""
        dl = memory.dateline
        if dl is None or dl.place_start is None or dl.place_end is None:
            return None
        sent = ctx.sent
        if not sent.start_char <= dl.start - ctx.offset < sent.end_char:
            return None
        span = sent.doc.char_span(
            dl.place_start - ctx.offset, dl.place_end - ctx.offset, alignment_mode="expand"
        )
        if span is None:
            return None
        res = self.mentions._resolve_words([t.text for t in span if not t.is_punct], None)
        return res.country if res is not None else None

    def _unless_named(self, refs, countries: set[str], ctx) -> list:
        """``refs`` given the one country in ``countries`` (``with_context_country``),
        except an actor whose own phrase names a people or place ("Kurdish
        students", "Congolese refugees"): its country is another's."""
        named = [
            (e.start_char + ctx.offset, e.end_char + ctx.offset)
            for e in ctx.ents
            if e.label_ in _PEOPLE_AND_PLACE_LABELS
        ]
        return [
            r
            if any(r.start <= a and b <= r.end for a, b in named)
            else with_context_country([r], countries, self.kb)[0]
            for r in refs
        ]

    def _at_home(self, sources, targets, ctx) -> list:
        """A country's police and courts act at home: whom "Egyptian police"
        detained or "a Kenyan court" sentenced, named without a country
        ("students", "activists"), are that country's residents. Armies and
        governments also act abroad, so they give no such country; nor does a
        target whose phrase names a people or place ("Kurdish students").
        """
        homes = {a.country for a in sources if a.country}
        if len(homes) != 1 or not any(a.sector in _AT_HOME for a in sources if a.country):
            return list(targets)
        return self._unless_named(targets, homes, ctx)

    def _sentence_countries(self, ctx, rep_tok, when, memory, *, dateline: bool = True) -> set[str]:
        """Countries the sentence names outside its reporter's phrase.

        The context for an actor with no country of its own ("the president",
        "police", "rebels") when the event has no place: in "President Dos
        Santos conceded to UNITA's demands" or "the judge ordered former
        president Menem to appear", the one country the sentence names is
        the actors' own. The reporter ("Thai military sources said") is left
        out: it is where the news came from, not where the event is.
        """
        key = (rep_tok.i if rep_tok is not None else -1, dateline)
        if key in ctx.countries:
            return ctx.countries[key]
        skip = {t.i for t in rep_tok.subtree} if rep_tok is not None else set()
        heads = [e.root for e in ctx.ents if e.label_ not in _DATE_LABELS and e.root.i not in skip]
        # A scratch memory: looking at the sentence must not change which
        # actor a later pronoun stands for. The dateline ("NAIROBI (AP) —"),
        # never an actor, counts unless ``dateline`` is False: where the story
        # was filed is most often where its first sentence happens.
        kept = memory.dateline if not dateline else None
        scratch = replace(memory, people=dict(memory.people), events=[], dateline=kept)
        refs = self._resolve(heads, when, ctx, scratch) if heads else []
        found = {r.country for r in refs if r.country and r.basis == "text"}
        found |= {p.country for ent, p in ctx.places if p.country and ent.root.i not in skip}
        ctx.countries[key] = found
        return found

    def _event_place(self, trigger, ctx) -> Place | None:
        if not ctx.places:
            return None
        # The trigger's own clause first, then the clauses it is part of; not a
        # clause inside it ("eased measures in Montenegro, as authorities in
        # Croatia cracked down": Croatia is the crackdown's place).
        for clause in (_own_clause(trigger), {a.i for a in trigger.ancestors}):
            for ent, place in ctx.places:
                prep = _place_prep(ent)
                if prep is not None and prep.head.i in clause:
                    return place
        return None

    def _make_event(
        self,
        trigger,
        code,
        sources,
        targets,
        ctx,
        article,
        paragraph,
        memory,
        *,
        confidence: float,
        rule: str,
        when,
        edate: EventDate,
        plover_type: str | None = None,
        opposed: Sequence[ActorRef] = (),
    ) -> Event | None:
        # Only the event's own place: "relief officials in Nairobi said" does not
        # make the victims of a shelling Kenyan.
        place = self._event_place(trigger, ctx)
        here = {place.country} if place is not None and place.country else set()
        rep_tok = reporter_of(trigger)
        if rep_tok is not None and memory.in_dateline(rep_tok, ctx.offset):
            rep_tok = None  # "lucknow: the governor will decide …, said an official"
        if here:
            sources = with_context_country(sources, here, self.kb)
            targets = with_context_country(targets, here, self.kb)
            opposed = with_context_country(opposed, here, self.kb)
        elif any(needs_country(r) for r in (*sources, *targets, *opposed)):
            sources, targets, opposed = self._fill_from_sentence(
                (sources, targets, opposed), ctx, rep_tok, when, memory
            )
            targets = self._at_home(sources, targets, ctx)
        source_keys = {(a.country, a.sector, a.actor_id) for a in sources}
        targets = [t for t in targets if (t.country, t.sector, t.actor_id) not in source_keys]
        if not _named(targets):
            implied = reciprocal_targets(sources, code)
            located = location_target(place, self.kb) if not implied else None
            if located is not None and (located.country, None, located.actor_id) not in source_keys:
                implied = [located]
            if not implied:
                protested = protest_target(sources, code, self.kb)
                implied = [protested] if protested is not None else []
            targets = [t for t in targets if t.country is None] + implied
        targets = _apart(targets, opposed)
        if code[:2] == _FORCE_POSTURE_ROOT and len({a.country for a in sources if a.country}) > 1:
            # "Russian and Belarusian troops held manoeuvres": "joint military
            # operations are coded as COOPERATE but single-country exercises
            # should be coded as MOBILIZE" (PLOVER manual); CAMEO 062.
            code = _MILITARY_COOPERATION
        mod = modality_of(trigger)
        code, modality, mode_type = code_for_mode(code, mod.modality, trigger)
        plover_type = plover_type or mode_type
        info = self.codebook.cameo(code)
        if opposed and not self._cooperative(code):
            # "refused to cooperate against ISIS" is a rejection: a conflict
            # event keeps who it is against among its targets.
            targets, opposed = targets + _apart(opposed, targets), []
        reporter = None
        rep_text = None
        if rep_tok is not None:
            refs = self._resolve([rep_tok], when, ctx, memory)
            reporter = refs[0] if refs else None
            phrase = [t for t in rep_tok.subtree if t.i <= rep_tok.i]
            # A Span's text, not Doc.text: the latter rebuilds the whole paragraph.
            rep_text = ctx.sent.doc[phrase[0].i : rep_tok.i + 1].text
            reporter = reporter or named_source(rep_tok, ctx.offset)
        sent = ctx.sent
        if modality is not Modality.ASSERTED:
            confidence -= 0.05
        start = trigger.idx + ctx.offset
        return Event(
            event_id=_event_id(article.article_id, ctx.index, start, code, list(sources) + targets),
            article_id=article.article_id,
            sentence_index=ctx.index,
            sentence=sent.text,
            sentence_start=sent.start_char + ctx.offset,
            sources=tuple(sources),
            targets=tuple(targets),
            opposed=tuple(opposed),
            trigger=trigger.text,
            trigger_start=start,
            trigger_end=start + len(trigger.text),
            cameo_code=info.code,
            cameo_root=info.root,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            plover_type=plover_type or info.plover_type,
            plover_mode=info.plover_mode or None,
            plover_context=info.plover_context or None,
            plover_score=(
                self.codebook.plover_score(plover_type) if plover_type else info.plover_score
            ),
            modality=modality,
            reported_by=reporter,
            reported_by_text=rep_text,
            date=edate,
            place=place,
            confidence=round(max(0.05, min(0.95, confidence)), 2),
            is_comment=paragraph.is_comment,
            comment_index=paragraph.comment_index,
            pattern=rule,
            historical=historical_of(trigger, edate, article.published),
        )


def _bare_people(ref: ActorRef) -> bool:
    """A people named by its demonym alone ("the Albanians"): a country, no sector."""
    return ref.kind == "country" and not ref.sector


# Dependencies that open a clause of its own under a trigger.
_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "parataxis", "csubj"})


def _own_clause(trigger) -> set[int]:
    """Token indices of the trigger's clause, without the clauses inside it."""
    out, stack = set(), [trigger]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        for child in tok.children:
            if child.dep_ in _CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ == "VERB"):
                continue
            stack.append(child)
    return out


def _place_prep(ent):
    """The preposition that makes an entity a place: "in Kabul", "at the UN",
    "in Kenya's capital", "in Montenegro province" (a country's city or
    region is in that country)."""
    tok = ent.root
    if tok.dep_ in ("poss", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "in Kenya's capital", "in Montenegro province"
    head = tok.head
    return head if head is not tok and head.lower_ in _PLACE_PREPS else None


def _ponders_an_act(verb) -> bool:
    """True when a pondering verb's object is an act ("considering sending aid")
    or an option ("exploring the possibility of …")."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp", "pcomp") and child.pos_ == "VERB":
            return True
        if child.dep_ in ("dobj", "obj") and (
            child.pos_ == "VERB" or child.tag_ == "VBG" or child.lemma_.lower() in _OPTION_NOUNS
        ):
            return True
    return False


def _same_actor(ref: ActorRef, refs) -> bool:
    """True when ``ref`` names the same actor (country and id) as one of ``refs``."""
    return any((ref.country, ref.actor_id) == (r.country, r.actor_id) for r in refs)
