"""Actors, places and dates of a sentence, as every stage sees them.

``SentenceContext`` holds the per-sentence facts (its date expressions, its
places, its entities); ``Grounder`` resolves parse heads to actors (placing an
actor by "from Calgary", "police in Kandahar"), dates an event by its trigger,
and gives country-less actors the country their sentence or place implies.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from bedfellows.actors import ActorKB
from bedfellows.dates import event_date, find_expressions
from bedfellows.geo import default_geocoder
from bedfellows.nlp.spans import EntityIndex
from bedfellows.schema import ActorRef, Article, DateBasis, EventDate, Place

from ..implicit import needs_country, with_context_country
from ..mentions import ArticleMemory, MentionResolver
from ..modality import date_tenses

PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
DATE_LABELS = frozenset({"DATE", "TIME"})
_PEOPLE_AND_PLACE_LABELS = frozenset({"NORP", "GPE", "LOC"})
# "activists from Calgary", "police in Kandahar", "a group based in Trinidad".
_HOME_PREPS = frozenset({"from", "in"})
_BASED_VERBS = frozenset({"based", "located", "headquartered", "stationed"})
# Sectors that act only in their own country (police, courts).
_AT_HOME = frozenset({"COP", "JUD"})
# Sectors of private people: their nationality says nothing of the country of
# the officials acting on them.
_NATIONALS = frozenset({"CVL", "PPL", "BUS", "EDU", "MED", "REF", "LAB", "JRN", "AGR", "REL"})
# Dependencies that open a clause of its own under a trigger.
_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "parataxis", "csubj"})


@dataclass
class SentenceContext:
    """Per-sentence facts shared by all its triggers.

    The date expressions and places are found on first need: most sentences
    have no trigger, and scanning them for dates would be wasted work.
    """

    sent: object
    offset: int  # char offset of the Doc in the article body (or comment)
    index: int  # sentence index within the article
    ents: list  # the sentence's entities (``sent.ents``, read once)
    doc_ents: EntityIndex  # the paragraph's entities by token
    grounder: Grounder
    # Countries the sentence names, by the reporter token left out (-1: none)
    # and whether the dateline counts; filled on first need, shared by the
    # sentence's events.
    countries: dict[tuple[int, bool], set[str]] = field(default_factory=dict)
    _expressions: list[tuple[str, int, int]] | None = None
    _places: list[tuple[object, Place]] | None = None

    @property
    def expressions(self) -> list[tuple[str, int, int]]:
        """Date expressions of the sentence: (text, start, end), offsets in the sentence."""
        if self._expressions is None:
            sent = self.sent
            exprs = [
                (e.text, e.start_char - sent.start_char, e.end_char - sent.start_char)
                for e in self.ents
                if e.label_ in DATE_LABELS
            ]
            covered = {(s, e) for _, s, e in exprs}
            for expr in find_expressions(sent.text):
                if (expr.start, expr.end) not in covered:
                    exprs.append((expr.text, expr.start, expr.end))
            self._expressions = exprs
        return self._expressions

    @property
    def places(self) -> list[tuple[object, Place]]:
        """The sentence's places named after a place preposition, with their entities."""
        if self._places is None:
            places = []
            for ent in self.ents:
                if ent.label_ in PLACE_LABELS and place_prep(ent) is not None:
                    place = self.grounder.place(ent, self.offset)
                    if place is not None:
                        places.append((ent, place))
            self._places = places
        return self._places


def named(refs) -> bool:
    """True when some actor has a country or an identity of its own."""
    return any(r.country or r.actor_id for r in refs)


def apart(refs, opposed) -> list[ActorRef]:
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


def same_actor(ref: ActorRef, refs) -> bool:
    """True when ``ref`` names the same actor (country and id) as one of ``refs``."""
    return any((ref.country, ref.actor_id) == (r.country, r.actor_id) for r in refs)


def _bare_people(ref: ActorRef) -> bool:
    """A people named by its demonym alone ("the Albanians"): a country, no sector."""
    return ref.kind == "country" and not ref.sector


def own_clause(trigger) -> set[int]:
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


def place_prep(ent):
    """The preposition that makes an entity a place: "in Kabul", "at the UN",
    "in Kenya's capital", "in Montenegro province" (a country's city or
    region is in that country)."""
    tok = ent.root
    if tok.dep_ in ("poss", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "in Kenya's capital", "in Montenegro province"
    head = tok.head
    return head if head is not tok and head.lower_ in PLACE_PREPS else None


class Grounder:
    """Resolves a sentence's heads to actors and places, and dates its events."""

    def __init__(self, kb: ActorKB, mentions: MentionResolver) -> None:
        self.kb = kb
        self.mentions = mentions

    # -- the sentence ------------------------------------------------------
    def context(
        self, sent, index_of_ents: EntityIndex, offset: int, index: int, article: Article
    ) -> SentenceContext:
        """The sentence's entities; its date expressions and places on first need."""
        return SentenceContext(sent, offset, index, index_of_ents.within(sent), index_of_ents, self)

    def place(self, ent, offset: int) -> Place | None:
        """The Place an entity names, located by the gazetteer when it can."""
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

    def date_of(
        self, ctx: SentenceContext, article: Article, trigger
    ) -> tuple[EventDate, date | None]:
        """The event's date, and the date used to pick actors' roles (the
        event's own date when known, else the publication date)."""
        sent = ctx.sent
        edate = event_date(
            ctx.expressions,
            article.published,
            trigger_offset=trigger.idx - sent.start_char,
            sentence=sent.text,
            tense=date_tenses(sent, trigger),
        )
        if edate.basis is DateBasis.EXPRESSION and edate.text_start is not None:
            shift = sent.start_char + ctx.offset
            edate = replace(
                edate, text_start=edate.text_start + shift, text_end=edate.text_end + shift
            )
        return edate, (edate.start if edate.start is not None else article.published)

    # -- actors ------------------------------------------------------------
    def resolve(self, heads, when, ctx: SentenceContext, memory: ArticleMemory) -> list[ActorRef]:
        """The actors the heads name (teaching ``memory`` antecedents on the way)."""
        if not heads:
            return []
        refs = self.mentions.resolve_heads(heads, when, ctx.offset, memory)
        return [self._placed(ref, ctx) for ref in refs]

    def _placed(self, ref: ActorRef, ctx: SentenceContext) -> ActorRef:
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
                if ent is None or ent.label_ not in PLACE_LABELS:
                    continue
                place = self.place(ent, ctx.offset)
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

    def surface_fallback(self, verb, when, ctx: SentenceContext, memory: ArticleMemory):
        """When the parse gives no subject ("Trump threatened “…”" misparsed),
        take the nearest actor entity to the left as source and actor
        entities to the right (within the clause) as targets.

        RETURNS (tuple): sources, targets, and whether a source was found.
        """
        left = [e for e in ctx.ents if e.end <= verb.i and e.label_ not in DATE_LABELS]
        if not left:
            return [], [], False
        between = [t for t in ctx.sent if left[-1].end <= t.i < verb.i and t.pos_ == "VERB"]
        if between:
            return [], [], False
        sources = self.resolve([left[-1].root], when, ctx, memory)
        right = [
            e.root
            for e in ctx.ents
            if e.start > verb.i and e.label_ not in DATE_LABELS and e.start - verb.i <= 25
        ]
        targets = self.resolve(right, when, ctx, memory)
        return sources, targets, bool(sources)

    # -- country context ---------------------------------------------------
    def fill_from_sentence(self, roles, ctx, rep_tok, when, memory) -> tuple[list, ...]:
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
        names = [
            (e.start_char + ctx.offset, e.end_char + ctx.offset)
            for e in ctx.ents
            if e.label_ in _PEOPLE_AND_PLACE_LABELS
        ]
        return [
            r
            if any(r.start <= a and b <= r.end for a, b in names)
            else with_context_country([r], countries, self.kb)[0]
            for r in refs
        ]

    def at_home(self, sources, targets, ctx) -> list:
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
        heads = [e.root for e in ctx.ents if e.label_ not in DATE_LABELS and e.root.i not in skip]
        # A scratch memory: looking at the sentence must not change which
        # actor a later pronoun stands for. The dateline ("NAIROBI (AP) —"),
        # never an actor, counts unless ``dateline`` is False: where the story
        # was filed is most often where its first sentence happens.
        kept = memory.dateline if not dateline else None
        scratch = replace(memory, people=dict(memory.people), events=[], dateline=kept)
        refs = self.resolve(heads, when, ctx, scratch) if heads else []
        found = {r.country for r in refs if r.country and r.basis == "text"}
        found |= {p.country for ent, p in ctx.places if p.country and ent.root.i not in skip}
        ctx.countries[key] = found
        return found

    def event_place(self, trigger, ctx: SentenceContext) -> Place | None:
        """The place of the trigger's own clause, else of a clause it is part of."""
        if not ctx.places:
            return None
        # The trigger's own clause first, then the clauses it is part of; not a
        # clause inside it ("eased measures in Montenegro, as authorities in
        # Croatia cracked down": Croatia is the crackdown's place).
        for clause in (own_clause(trigger), {a.i for a in trigger.ancestors}):
            for ent, place in ctx.places:
                prep = place_prep(ent)
                if prep is not None and prep.head.i in clause:
                    return place
        return None
