"""Turn noun-phrase heads in the parse into resolved actors (ActorRef).

The words of the phrase ("Iraqi Defense Minister Erfan al-Hiyali", "Defense
Ministers of Iraq and Iran", "Sarah Allawi, advisor to the Iraqi vice
president") go to the actor resolver with the event's date. An article-level
memory carries what was learnt about a person to later mentions of the same
surname, "the two nations" / "both sides" to the last pair of countries, and
pronouns to their antecedent: the speaker for the subject of reported speech
("Norway said it had expelled …"), else the last person ("he", "she") or state
or organisation (a subject "it") named just before. Abstract heads ("Sweden's
decision", "a Senegalese peace plan") resolve to whoever owns them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from bedfellows.actors import ActorKB, Resolution, resolve_phrase
from bedfellows.actors.resolve import BACKING_WORDS
from bedfellows.schema import ActorRef, Dateline, Event

from .arguments import ABSTRACT_HEADS, NON_ACTOR_HEADS, conjuncts, entity_tokens, prep_objects
from .modality import SPEECH_VERBS

_PHRASE_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nmod", "nummod", "case", "punct", "quantmod", "npadvmod"}
)
_PAIR_WORDS = frozenset({"two", "both"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_POSSESSIVES = frozenset({"their", "its"})
_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
#: Sectors of a person's office; an undated article's title mention sets them.
_OFFICES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
_PAIR_NOUNS = frozenset({"nation", "country", "side", "government", "state", "neighbor"})
# "advisor of the president", "security forces in Guinea", "activists from
# Fatah": the country of a country-less head may hang on it.
_AGENT_OF = frozenset({"of", "in", "from"})
# "regimes like North Korea and Iran", "groups such as Hezbollah": the examples
# name the actors a generic head stands for.
_EXAMPLE_PREPS = frozenset({"like", "including", "as"})


_LED_WORDS = frozenset({"led", *BACKING_WORDS})


def _left_phrase(head) -> list:
    """Tokens of the head's noun phrase up to and including the head (and the
    rest of the head's entity, when the parser split a name: "Barack" tagged
    as a preposition with "Obama" as its object)."""
    toks = entity_tokens(head)
    for child in head.lefts:
        # "US-led forces", "the Saudi-led coalition": led by that country, and
        # coded as its forces (a verb modifier otherwise names no actor);
        # "Iran-backed militias": the resolver makes the country their patron.
        led = child.lower_ in _LED_WORDS and child.i > 0 and child.nbor(-1).text == "-"
        if child.dep_ in _PHRASE_DEPS and (child.pos_ not in ("VERB", "AUX") or led):
            toks.extend(t for t in child.subtree)
    toks = sorted(set(toks), key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].is_quote):
        toks.pop(0)
    return toks or [head]


@dataclass(slots=True)
class ArticleMemory:
    """What earlier sentences of the same article taught about actors."""

    people: dict[str, ActorRef] = field(default_factory=dict)  # surname → actor
    last_pair: tuple[ActorRef, ...] = ()
    # The article's events so far; a later agentless re-mention ("the accords
    # were signed in Tehran") may add its place to one of them.
    events: list[Event] = field(default_factory=list)
    sentence: int = 0  # index of the sentence being coded (set by the coder)
    # The last person and the last state or organisation named, with the index
    # of their sentence: antecedents of "he"/"she" and of a subject "it".
    last_person: tuple[ActorRef, int] | None = None
    last_party: tuple[ActorRef, int] | None = None
    # The dateline of the paragraph being coded ("NEW DELHI:"), set by the coder:
    # where the story was filed, so no phrase in it names an actor.
    dateline: Dateline | None = None

    def in_dateline(self, tok, offset: int) -> bool:
        """True when token ``tok`` (of a Doc at ``offset`` in the body) is in the dateline."""
        return self.dateline is not None and self.dateline.covers(tok.idx + offset)

    def remember(self, head, ref: ActorRef) -> None:
        """Remember a person by surname, and pairs of countries for "both sides"."""
        if head.ent_type_ == "PERSON" or ref.kind == "person":
            self.people[head.lower_] = ref

    def saw(self, ref: ActorRef) -> None:
        """Note a named actor as the latest antecedent of its kind."""
        if ref.basis != "text":
            return
        if ref.kind == "person" and ref.country:
            self.last_person = (ref, self.sentence)
        elif ref.kind in ("country", "group", "igo") and (ref.country or ref.actor_id):
            self.last_party = (ref, self.sentence)

    def antecedent(self, pronoun) -> ActorRef | None:
        """The actor a pronoun stands for, when the text makes it clear.

        "he"/"she"/"him"/"her": the last person named in this or the previous
        two sentences. "it" as the subject of a verb other than "be" (not "it
        is unlikely"): the last state or organisation named in this or the
        previous sentence. Anything else ("they", "we") stays unresolved.
        """
        word = pronoun.lower_
        if word in _PERSON_PRONOUNS and self.last_person is not None:
            ref, seen = self.last_person
            return ref if self.sentence - seen <= 2 else None
        if (
            word == "it"
            and pronoun.dep_ in ("nsubj", "nsubjpass")
            and pronoun.head.lemma_.lower() != "be"
            and self.last_party is not None
        ):
            ref, seen = self.last_party
            return ref if self.sentence - seen <= 1 else None
        return None

    def offices(self) -> dict[str, ActorRef]:
        """Persons of undated events named with an office (actor id → the office's ref)."""
        out: dict[str, ActorRef] = {}
        for ev in self.events:
            if ev.date.start is not None:
                continue
            for ref in (*ev.sources, *ev.targets):
                if ref.kind == "person" and ref.actor_id and ref.sector in _OFFICES:
                    out.setdefault(ref.actor_id, ref)
        return out

    @staticmethod
    def with_office(ref: ActorRef, offices: dict[str, ActorRef]) -> ActorRef:
        """``ref`` with the office its person holds elsewhere in the article."""
        office = offices.get(ref.actor_id or "")
        if office is None or ref.sector in _OFFICES or ref.kind != "person":
            return ref
        return replace(office, text=ref.text, start=ref.start, end=ref.end, basis=ref.basis)

    def remember_group(self, refs: list[ActorRef]) -> None:
        countries = {r.country for r in refs if r.country}
        if len(countries) == 2:
            self.last_pair = tuple(refs)


class MentionResolver:
    """Resolves noun-phrase heads to ActorRefs, one instance per coder."""

    _CACHE_SIZE = 8192

    def __init__(self, kb: ActorKB) -> None:
        self.kb = kb
        # Every trigger of a sentence resolves the same heads again; a
        # Resolution is frozen, so one per (words, date) can be shared.
        self._cache: dict[tuple, Resolution | None] = {}

    def _resolve_words(self, words: list[str], when: date | None) -> Resolution | None:
        key = (tuple(words), when)
        try:
            return self._cache[key]
        except KeyError:
            pass
        if len(self._cache) >= self._CACHE_SIZE:
            self._cache.clear()
        res = self._cache[key] = resolve_phrase(words, when, kb=self.kb)
        return res

    def resolve_head(
        self, head, when: date | None, offset: int, memory: ArticleMemory
    ) -> list[ActorRef]:
        """Actors denoted by one noun-phrase head (a pair phrase gives two).

        head (Token): the head token; offset (int): char offset of the Doc in
        Article.body, so spans point into the article. A head in the article's
        dateline names no actor, and dateline words never join another's phrase.
        """
        if memory.in_dateline(head, offset):
            return []
        if head.pos_ == "PRON":
            refs = self._speaker(head, when, offset, memory)
            if not refs:
                ref = memory.antecedent(head)
                refs = [ref] if ref is not None else []
            end = head.idx + len(head.text) + offset
            return [
                replace(r, text=head.text, start=head.idx + offset, end=end, basis="antecedent")
                for r in refs
            ]
        if head.lower_ in NON_ACTOR_HEADS:
            return []
        if head.pos_ == "NOUN" and head.lower_ in ABSTRACT_HEADS:
            # "Sweden's decision", "a Senegalese peace plan", "a United Nations
            # appeal": the act is no actor, but whose act it is names one.
            owners = [c for c in head.children if c.dep_ in _OWNER_DEPS]
            return [
                r
                for owner in owners
                for r in self.resolve_head(owner, when, offset, memory)
                if r.country or r.actor_id
            ]
        # "new delhi: the national conference": the parser may hang the dateline
        # on the phrase that follows it.
        phrase = [t for t in _left_phrase(head) if not memory.in_dateline(t, offset)]
        last = phrase[-1]
        start = phrase[0].idx + offset
        end = last.idx + len(last.text) + offset
        # A Span's text, not Doc.text: the latter rebuilds the whole paragraph.
        text = head.doc[phrase[0].i : last.i + 1].text
        words = [t.text for t in phrase]
        if head.lemma_.lower() in _PAIR_NOUNS and any(t.lower_ in _PAIR_WORDS for t in phrase):
            return [replace(r, text=text, start=start, end=end) for r in memory.last_pair]
        if head.pos_ in ("NOUN", "PROPN"):
            many = self._of_conjuncts(head, words, text, start, end, when)
            many = many or self._modifier_conjuncts(head, phrase, text, start, end, when)
            if many:
                return many
        extra: list[str] = []
        for child in head.rights:
            if child.dep_ == "appos" or child.dep_ == "prep" and child.lower_ in _AGENT_OF:
                extra.extend(t.text for t in child.subtree)
        res = self._resolve_words(words, when)
        if (res is None or res.country is None) and extra:
            combined = self._resolve_words(words + extra, when)
            if combined is not None:
                res = combined
        elif extra and head.ent_type_ == "PERSON" and res.kind == "person":
            # "King Hassan of Morocco" is not Jordan's Prince Hassan: a country
            # named with a person overrides a namesake elsewhere.
            combined = self._resolve_words(words + extra, when)
            if combined is not None and combined.country and combined.country != res.country:
                res = combined
        if (res is None or res.country is None) and head.pos_ == "NOUN":
            examples = self._examples(head, when, offset, memory)
            if examples:
                return examples
        if res is not None and res.country is None and res.sector and head.pos_ == "NOUN":
            owner = self._possessor(head, when, offset, memory)
            if owner is not None and owner.country:
                # "their forces" after "Bosnian Serbs said": the owner's country.
                return [
                    replace(
                        res.to_ref(text, start, end),
                        country=owner.country,
                        cameo=(owner.cameo or owner.country)[:3] + (res.cameo or ""),
                        kind="country",
                        basis="antecedent",
                    )
                ]
        if res is None:
            known = memory.people.get(head.lower_)
            if known is not None:
                return [replace(known, text=text, start=start, end=end)]
            return []
        known = memory.people.get(head.lower_)
        ref = res.to_ref(text, start, end)
        # Undated: a bare "Obama" means the office the article names elsewhere
        # ("President Obama"), not the person's default role.
        same = known is not None and known.actor_id == res.actor_id
        if when is None and same and known.sector in _OFFICES and res.sector not in _OFFICES:
            return [replace(known, text=text, start=start, end=end)]
        if res.kind == "person" or head.ent_type_ == "PERSON":
            memory.remember(head, ref)
        return [ref]

    def _possessor(self, head, when, offset, memory) -> ActorRef | None:
        """The actor a possessive pronoun on ``head`` stands for ("their forces",
        "its army"): the speaker when the phrase is the subject of what the
        speaker says, else the state or organisation named just before."""
        poss = next(
            (c for c in head.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVES), None
        )
        if poss is None:
            return None
        clause = head.head
        reported = head.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp"
        if reported and clause.head.lemma_.lower() in SPEECH_VERBS:
            speakers = [c for c in clause.head.children if c.dep_ == "nsubj"]
            refs = [
                r for r in self.resolve_heads(speakers, when, offset, memory) if r.kind != "person"
            ]
            if refs:
                return refs[0]
        if memory.last_party is not None and memory.last_party[1] == memory.sentence:
            return memory.last_party[0]
        return None

    def _speaker(self, pronoun, when, offset, memory) -> list[ActorRef]:
        """ "Switzerland said it had expelled …", "the rebels said they would …":
        the subject pronoun of what someone says is, in news, the speaker."""
        clause = pronoun.head
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
            return []
        speech = clause.head
        if speech.lemma_.lower() not in SPEECH_VERBS:
            return []
        speakers = [c for c in speech.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if not speakers and speech.dep_ in ("pcomp", "advcl", "xcomp"):
            # "King Hassan was quoted as saying he would …": the speaker is the
            # subject of the clause the speech verb hangs on.
            outer = speech.head.head if speech.head.dep_ == "prep" else speech.head
            speakers = [
                c for c in outer.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
            ]
        if not speakers:
            return []
        word = pronoun.lower_
        if word in _PERSON_PRONOUNS:
            # A person, or a title and name the knowledge base places by
            # country only ("King Hassan of Morocco").
            return [
                r
                for head in speakers
                for r in self.resolve_heads([head], when, offset, memory)
                if r.kind == "person" or head.ent_type_ == "PERSON"
            ]
        refs = self.resolve_heads(speakers, when, offset, memory)
        if word == "it":
            refs = [r for r in refs if r.kind != "person"][:1]
        elif word not in ("they", "we"):
            return []
        return refs

    def _examples(self, head, when, offset, memory) -> list[ActorRef]:
        """Actors named as examples of a generic head ("regimes like Iran")."""
        out: list[ActorRef] = []
        for child in head.rights:
            if child.dep_ != "prep" or child.lower_ not in _EXAMPLE_PREPS:
                continue
            if child.lower_ == "as" and not any(t.lower_ == "such" for t in child.lefts):
                continue
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                for part in conjuncts(obj):
                    if part.pos_ == "PROPN":
                        out.extend(self.resolve_head(part, when, offset, memory))
        return out

    def _modifier_conjuncts(self, head, phrase, text, start, end, when) -> list[ActorRef]:
        """ "Egyptian and Turkish diplomats": one actor per coordinated modifier."""
        for mod in head.lefts:
            parts = [mod] + [c for c in mod.children if c.dep_ == "conj"]
            if mod.dep_ not in ("amod", "compound", "nmod") or len(parts) < 2:
                continue
            coordinated = {t.i for part in parts for t in part.subtree}
            rest = [t.text for t in phrase if t.i not in coordinated]
            out = []
            for part in parts:
                res = self._resolve_words([part.text, *rest], when)
                if res is not None and res.country:
                    out.append(res.to_ref(text, start, end))
            if len(out) >= 2:
                return out
        return []

    def _of_conjuncts(self, head, words, text, start, end, when) -> list[ActorRef]:
        """ "Defense Ministers of Iraq and Iran": one actor per country named."""
        objs = prep_objects(head, "of")
        if not objs:
            return []
        parts = conjuncts(objs[0])
        if len(parts) < 2:
            return []
        out = []
        for part in parts:
            res = self._resolve_words(words + [t.text for t in _left_phrase(part)], when)
            if res is not None and res.country:
                out.append(res.to_ref(text, start, end))
        return out if len(out) >= 2 else []

    def resolve_heads(self, heads, when, offset, memory) -> list[ActorRef]:
        """Resolve each head and its conjuncts; drop repeats of the same actor."""
        out: list[ActorRef] = []
        seen: set[tuple] = set()
        for head in heads:
            for tok in conjuncts(head):
                for ref in self.resolve_head(tok, when, offset, memory):
                    key = (ref.start, ref.cameo or ref.actor_id)
                    if key not in seen:
                        seen.add(key)
                        out.append(ref)
                        memory.saw(ref)
        return out
