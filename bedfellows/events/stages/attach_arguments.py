"""Stage 3: who did it, to whom, against whom, and when.

``ArgumentAttacher.attach`` reads the sources, targets and opposed parties of
a matched trigger from the parse (``bedfellows.events.arguments``), with the
fallbacks each kind of trigger needs, resolves them to actors at the event's
own date, and settles the code where the arguments decide it (violence
against armed men, the kind of protest). ``situate`` runs after the
constraint checks: the event's place, the country context of country-less
actors, and the targets an act implies ("protested" against its own
government).
"""

from __future__ import annotations

from bedfellows.schema import Article

from ..arguments import (
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
    prep_objects,
    purpose_objects,
)
from ..implicit import (
    implied_agent,
    location_target,
    needs_country,
    protest_target,
    reciprocal_targets,
    with_context_country,
)
from ..mentions import ArticleMemory
from ..modality import ASKING_VERBS, reporter_of
from ..nouns import NounLexicon
from ..protest_acts import protest_code
from ..verbs import VerbLexicon
from .candidate import Candidate, Match
from .code_facts import ARREST, DISAPPROVE_ROOT, VIOLENCE_ROOTS
from .grounding import Grounder, SentenceContext, apart, named, same_actor

# Acts whose "for" names a side or a reason, not the party acted on: protests
# (14), assault and fighting (18-20: "fought for Ukraine"), and disapproval
# (11: "criticised for its silence"; the CAMEO dictionary codes "fight for" 111).
_SIDE_TAKING_ROOTS = frozenset({"11", "14", "18", "19", "20"})
# CAMEO roots whose target is whoever is asked to act: 02 "Appeal", 10 "Demand".
_ASKING_ROOTS = frozenset({"02", "10"})
_THREAT_ROOT = "13"  # CAMEO 13 "Threaten"
_PROTEST_ROOT = "14"  # CAMEO 14 "Protest"
#: Sectors of armed men: what a violence verb does to them is violence.
_ARMED = frozenset({"MIL", "REB", "UAF", "COP", "SPY", "INS"})
# Prepositions that name the act by which a passive event happened ("killed in
# shelling", "wounded during an attack").
_INSTRUMENT_PREPS = frozenset({"in", "during"})


# Whom an event noun's "of" names, by the act (the CAMEO codebook's own
# descriptions): the one acted on for coercion and violence (17 "Coerce": "the
# arrest of the leader"; 18-20: "the killing of civilians"); the one acting for
# protest and force posture (14 "Protest": "a protest of farmers"; 15 "Exhibit
# force posture", 154 "Mobilize or increase armed forces": "the deployment of
# the Iraqi army") and a military retreat (0874 "Retreat or surrender
# militarily": "the withdrawal of Israeli troops"), whose forces are its own.
_OF_PATIENT_ROOTS = frozenset({"17", "18", "19", "20"})
_OF_AGENT_ROOTS = frozenset({"14", "15"})
_OF_AGENT_CODES = frozenset({"087", "0871", "0872", "0873", "0874"})


#: Verbs that pass judgment in court. PLOVER SANCTION mode "convict": "Find an
#: entity or behavior guilty ... in a court of law ... found guilty and sentenced
#: or sanctioned via court-order"; the CAMEO dictionary codes them as arrests
#: or restrictions (173, 172), which their CAMEO codes stay.
_JUDGING_VERBS = frozenset({"convict", "sentence"})


def judges(lemma: str, pattern) -> bool:
    """True for a court's judgment: "convicted", "sentenced", "found … guilty"."""
    return lemma in _JUDGING_VERBS or (pattern is not None and pattern.after[:1] == ("guilty",))


def noun_agents(noun) -> list:
    """ "an attack by rebels", "the arrest of X by police": the heads after an
    event noun's "by", which names who acted (as after a passive verb)."""
    return prep_objects(noun, "by", frozenset({"prep", "agent"}))


def of_role(noun, code: str) -> tuple[str | None, list]:
    """Whom an event noun's "of" phrase names and in which role: ("source",
    heads), ("target", heads), or (None, []) when the act does not say."""
    heads = prep_objects(noun, "of")
    if not heads:
        return None, []
    if code[:2] in _OF_PATIENT_ROOTS:
        return "target", heads
    if code[:2] in _OF_AGENT_ROOTS or code in _OF_AGENT_CODES:
        return "source", heads
    return None, []


def _not_holding(heads: list, noun) -> list:
    """The heads whose phrase does not hold ``noun``: in "the arrest of X has
    exposed ..." or "the figure of arrests has crossed 3,000" the subject of the
    governing verb is the noun's own phrase, not the party to its event."""
    return [h for h in heads if not any(t.i == noun.i for t in h.subtree)]


class ArgumentAttacher:
    """Attaches actors to matched triggers."""

    def __init__(self, grounder: Grounder, lexicon: VerbLexicon, nouns: NounLexicon) -> None:
        self.grounder = grounder
        self.lexicon = lexicon
        self.nouns = nouns

    def attach(
        self, match: Match, ctx: SentenceContext, article: Article, memory: ArticleMemory
    ) -> Candidate | None:
        """The candidate event of ``match`` with its actors and date; None when
        a comment has nobody making it."""
        kind = match.trigger.kind
        if kind == "comment":
            return self._comment(match, ctx, article, memory)
        if kind == "noun":
            return self._nominal(match, ctx, article, memory)
        if match.reverse:
            return self._undergone(match, ctx, article, memory)
        return self._verbal(match, ctx, article, memory)

    # -- by kind of trigger ------------------------------------------------
    def _verbal(self, match: Match, ctx, article, memory) -> Candidate:
        resolve = self.grounder.resolve
        verb, lemma, pattern = match.trigger.tok, match.lemma, match.pattern
        args = arguments_of(verb)
        named_in_pattern = self.pattern_objects(pattern, args.targets)
        edate, when = self.grounder.date_of(ctx, article, verb)
        opposed = resolve(match.opposed_heads, when, ctx, memory)
        sources = apart(resolve(args.sources, when, ctx, memory), opposed)
        targets = resolve([t for t in args.targets if t not in named_in_pattern], when, ctx, memory)
        # An object the pattern names is the act ("declared a state of siege"),
        # unless it names a party too ("expelled two Russian diplomats"), or
        # violence names its victims ("killed at least 400 civilians").
        harmed = (pattern.code or "")[:2] in VIOLENCE_ROOTS
        targets += [
            r
            for r in resolve(named_in_pattern, when, ctx, memory)
            if named([r]) or (harmed and r.sector)
        ]
        targets = apart(targets, opposed)
        if pattern.code[:2] == DISAPPROVE_ROOT and any(
            t.sector in _ARMED and t.kind != "person" for t in targets
        ):
            # "attacked government troops", "attacked a militia loyal to the
            # government": the dictionary's "attack … government" (111,
            # criticise) is a verbal attack; against armed men the violence
            # verb means its own act ("attacked the government's policy" stays).
            bare = self.lexicon.match(lemma, [], [])
            if bare is not None and (bare.code or "")[:2] in VIOLENCE_ROOTS:
                pattern = bare
        if not sources and args.passive:
            # "were killed in Israeli tank shelling", "died in police firing":
            # the agent is the one who did the act named after "in".
            sources = resolve(self.instrument_agents(verb), when, ctx, memory)
        fallback = False
        if (
            not sources
            and not args.passive
            and verb.dep_ not in ("ROOT", "xcomp", "advcl", "ccomp")
        ):
            sources, found, fallback = self.grounder.surface_fallback(verb, when, ctx, memory)
            # Violence with no actor to the left either keeps the parser's object
            # ("An explosion killed at least 26 civilians" read as a noun phrase).
            keep = not fallback and (pattern.code or "")[:2] in VIOLENCE_ROOTS
            targets = targets if keep else found
            sources, targets = apart(sources, opposed), apart(targets, opposed)
        # A bare sector object ("all official contact", "the offices") names
        # nobody in particular: look further for a named target.
        if not named(targets):
            found = resolve(purpose_objects(verb), when, ctx, memory)
            targets = apart(found, opposed) or targets
        if not named(targets):
            # "held a meeting with Obama", "shared evidence with the U.S.": the
            # target hangs on the object; "demanded that the US cancel": a demand
            # or appeal targets the subject of what it asks for.
            found = resolve(object_attachments(verb), when, ctx, memory)
            targets = apart(found, opposed) or targets
        asking = pattern.code[:2] in _ASKING_ROOTS or lemma in ASKING_VERBS
        if not named(targets) and asking:
            found = resolve(complement_subjects(verb), when, ctx, memory)
            targets = apart(found, opposed) or targets
        if not named(targets):
            # "wants Putin to attack", "expects Iran to honour the deal": whom the
            # subject wants something of is the one acted on.
            found = resolve(complement_subjects(verb, infinitive_only=True), when, ctx, memory)
            targets = apart(found, opposed) or targets
        if not named(targets) and pattern.code[:2] == _THREAT_ROOT:
            # "threatened to stop talks if the United States deploys missiles":
            # whoever the condition is put to is the one threatened.
            targets = resolve(condition_subjects(verb), when, ctx, memory) or targets
        if not named(targets):
            found = resolve(defied_parties(verb), when, ctx, memory)
            targets = apart(found, opposed) or targets
        if not targets:
            # "prevented the demonstration staged by students", "broke up a rally
            # by opposition supporters": whoever protests is the one acted on.
            targets = apart(resolve(self.protesters(verb), when, ctx, memory), opposed)
        if not named(targets) and pattern.code[:2] not in _SIDE_TAKING_ROOTS:
            found = [r for r in resolve(for_objects(verb), when, ctx, memory) if named([r])]
            targets = apart(found, opposed) or targets
        passive = args.passive or any(c.dep_ == "auxpass" for c in verb.children)
        judgment = judges(lemma, pattern)
        arrest_verb = pattern.code == ARREST and self.lexicon.default_code(lemma) == ARREST
        if not sources and (passive or (arrest_verb and targets)):
            # "were arrested" (also with no subject the parser found: "... and were
            # arrested"): the act itself names its kind of agent; so does "we
            # arrested five men" when "we" names nobody.
            implied = implied_agent(
                pattern.code, verb.idx + ctx.offset, verb.text, judgment=judgment
            )
            sources = [implied] if implied is not None else []
        specific = bool(pattern.after or pattern.before) or match.pondered
        conf = 0.55 + (0.15 if specific else 0.0) + (0.1 if targets else 0.0)
        conf -= 0.15 if fallback else 0.0
        conf -= 0.05 if args.inherited_source else 0.0
        plover = "AGREE" if pattern.code == "057" and commits_to_future(verb) else None
        mode = None
        if judgment and (pattern.code or "")[:2] == "17":
            plover, mode = "SANCTION", "convict"
        code = (
            protest_code(pattern.code, lemma, args.sources, has_target=bool(targets))
            or pattern.code
        )
        return Candidate(
            verb,
            "verb",
            code,
            sources,
            targets,
            when,
            edate,
            conf,
            rule=f"verb:{pattern.verb}:{' '.join(pattern.after)}".rstrip(":"),
            opposed=opposed,
            plover_type=plover,
            plover_mode=mode,
            match=match,
            pattern=pattern,
            # The pattern used the object noun ("sign an agreement", "hold talks"):
            # it must not be coded again as an event noun, once the verb is coded.
            consumes=[t.i for t in objects_of(verb)] if pattern.after else [],
        )

    def _undergone(self, match: Match, ctx, article, memory) -> Candidate:
        """An act the subject undergoes: the dictionary's reverse-only patterns
        ("receive assurance [:030]", "face pressure [:100]", "die in airstrike
        [:195]"). Whoever it comes from ("from Britain", "in a Saudi airstrike")
        is the source, the subject the target."""
        verb, pattern = match.trigger.tok, match.pattern
        edate, when = self.grounder.date_of(ctx, article, verb)
        givers = [
            g
            for head in (verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj")))
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by")
            for g in prep.children
            if g.dep_ == "pobj"
        ] + self.instrument_agents(verb)
        sources = self.grounder.resolve(givers, when, ctx, memory)
        targets = self.grounder.resolve(arguments_of(verb).sources, when, ctx, memory)
        return Candidate(
            verb,
            "reverse",
            match.code,
            sources,
            targets,
            when,
            edate,
            0.7 if sources else 0.45,
            rule=f"verb:{pattern.verb}:{' '.join(pattern.after)}:reverse".rstrip(":"),
            match=match,
            pattern=pattern,
        )

    def _nominal(self, match: Match, ctx, article, memory) -> Candidate:
        resolve = self.grounder.resolve
        noun, code = match.trigger.tok, match.code
        edate, when = self.grounder.date_of(ctx, article, noun)
        # "US-Iranian cooperation", "Iran-Iraq talks": the modifiers are the parties.
        modifier_heads = [
            c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss")
        ]
        # A bare sector word ("military coordination") names no party.
        parties = [r for r in resolve(modifier_heads, when, ctx, memory) if r.country or r.actor_id]
        between = resolve(between_parties(noun), when, ctx, memory)
        parties += between
        # "an alliance against ISIS": who a cooperation is against is no party to it.
        opposed = resolve(match.opposed_heads, when, ctx, memory)
        parties = apart(parties, opposed)
        role, of_heads = of_role(noun, code)
        agents = apart(resolve(noun_agents(noun), when, ctx, memory), opposed)
        if role == "source" and not parties:
            parties = apart(resolve(of_heads, when, ctx, memory), opposed)
        if agents:
            parties = agents
        governing = []
        if not parties or between:  # (resolving adds antecedents: only when needed)
            governing = apart(
                resolve(_not_holding(governing_subject(noun), noun), when, ctx, memory), opposed
            )
        sources = parties or governing
        targets = apart(resolve(objects_of(noun), when, ctx, memory), opposed)
        if role == "target":
            targets = apart(resolve(of_heads, when, ctx, memory), opposed) + targets
        outside = [g for g in governing if not same_actor(g, between)]
        if between and outside and len(parties) == len(between):
            # "ready to host a meeting between Israel and the PLO", "mediated talks
            # between the two sides": the host acts towards the parties.
            sources, targets = outside, between
        if not targets and noun.dep_ in ("dobj", "obj"):
            # "sign a deal with Greece": the target hangs on the governing verb.
            targets = resolve(objects_of(noun.head, skip=frozenset({noun.i})), when, ctx, memory)
            targets = apart(targets, opposed)
        if not targets:
            # "a suspension of air links with Serbia": the target hangs on the object.
            found = resolve(noun_object_attachments(noun), when, ctx, memory)
            targets = apart(found, opposed)
        if not targets and code[:2] in _ASKING_ROOTS:
            # "its demands that Burundi's government grant …": who is asked.
            targets = apart(resolve(complement_subjects(noun), when, ctx, memory), opposed)
        if not sources and code[:2] not in VIOLENCE_ROOTS:
            # "The Pentagon said there will be no coordination with Iran": the
            # speaker is the party. Not for violence: who reports a bombing is
            # rarely who set it off.
            rep = reporter_of(noun)
            if rep is not None:
                sources = resolve([rep], when, ctx, memory)
        if not sources:
            implied = implied_agent(code, noun.idx + ctx.offset, noun.text)
            sources = [implied] if implied is not None else []
        return Candidate(
            noun,
            "noun",
            code,
            sources,
            targets,
            when,
            edate,
            0.45 + (0.1 if targets else 0.0),
            rule=f"noun:{match.lemma}",
            opposed=opposed,
            match=match,
        )

    def _comment(self, match: Match, ctx, article, memory) -> Candidate | None:
        """ "The agency said it is skeptical of the plan": a pessimistic (012) or
        optimistic (013) comment by whoever is so, about what it is so of."""
        adj = match.trigger.tok
        subjects = [c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if adj.head.lemma_.lower() != "be" or not subjects:
            return None
        edate, when = self.grounder.date_of(ctx, article, adj)
        sources = self.grounder.resolve(subjects, when, ctx, memory)
        if not sources:
            return None
        about = [
            g
            for c in adj.children
            if c.dep_ == "prep" and c.lower_ in ("of", "about", "over", "on")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        targets = [r for r in self.grounder.resolve(about, when, ctx, memory) if named([r])]
        return Candidate(
            adj,
            "comment",
            match.code,
            sources,
            targets,
            when,
            edate,
            0.6,
            rule=f"comment:{match.lemma}",
            match=match,
        )

    # -- after the constraint checks ---------------------------------------
    def situate(self, cand: Candidate, ctx: SentenceContext, memory: ArticleMemory) -> None:
        """Give ``cand`` its place, the country context of its country-less
        actors, and the targets its act implies; a source is no target too."""
        kb = self.grounder.kb
        sources, targets, opposed = cand.sources, cand.targets, cand.opposed
        # Only the event's own place: "relief officials in Nairobi said" does not
        # make the victims of a shelling Kenyan.
        place = self.grounder.event_place(cand.trigger, ctx)
        here = {place.country} if place is not None and place.country else set()
        rep_tok = reporter_of(cand.trigger)
        if rep_tok is not None and memory.in_dateline(rep_tok, ctx.offset):
            rep_tok = None  # "lucknow: the governor will decide …, said an official"
        if here:
            sources = with_context_country(sources, here, kb)
            targets = with_context_country(targets, here, kb)
            opposed = with_context_country(opposed, here, kb)
        elif any(needs_country(r) for r in (*sources, *targets, *opposed)):
            sources, targets, opposed = self.grounder.fill_from_sentence(
                (sources, targets, opposed), ctx, rep_tok, cand.when, memory
            )
            targets = self.grounder.at_home(sources, targets, ctx)
        source_keys = {(a.country, a.sector, a.actor_id) for a in sources}
        targets = [t for t in targets if (t.country, t.sector, t.actor_id) not in source_keys]
        if not named(targets):
            implied = reciprocal_targets(sources, cand.code)
            located = location_target(place, kb) if not implied else None
            if located is not None and (located.country, None, located.actor_id) not in source_keys:
                implied = [located]
            if not implied:
                protested = protest_target(sources, cand.code, kb)
                implied = [protested] if protested is not None else []
            targets = [t for t in targets if t.country is None] + implied
        cand.sources, cand.targets = sources, apart(targets, opposed)
        cand.opposed, cand.place, cand.reporter_tok = opposed, place, rep_tok

    # -- parse helpers -----------------------------------------------------
    def instrument_agents(self, verb) -> list:
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

    def pattern_objects(self, pattern, heads) -> list:
        """The heads among ``heads`` that are words of the pattern's object."""
        if not pattern.after:
            return []
        words: set[str] = set()
        for unit in pattern.after:
            members = self.lexicon.synset(unit) if unit.startswith("&") else {unit}
            words.update(w for m in members for w in m.lower().split("_"))
        return [t for t in heads if t.lemma_.lower() in words or t.lower_ in words]

    def protesters(self, verb) -> list:
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
