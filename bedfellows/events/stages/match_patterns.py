"""Stage 2: the CAMEO code a trigger's words match.

A verb is matched against the CAMEO verb-pattern dictionary (``VerbLexicon``)
over the words around it, with the readings the dictionary alone gets wrong
settled here (phrasal verbs, idioms, the object's own pattern, verbs with one
sense, "agreed a ceasefire", "is considering sending aid", "V against"); an
event noun against the noun table; a comment adjective against its table.
"""

from __future__ import annotations

from dataclasses import replace

from ..mode_codes import COMMITTING_VERBS, REFUSING_VERBS
from ..nouns import NounLexicon
from ..verbs import VerbLexicon
from .candidate import PATTERN_WINDOW, Match, Trigger
from .code_facts import DISAPPROVE_ROOT, CodeFacts
from .find_triggers import comment_adjectives

#: Verb + bare object idioms that are no act of the verb ("took place").
_IDIOMS = {"take": frozenset({"place", "effect"})}
# Particles the parser reads as a preposition when "of" follows ("pulled out of").
_PREP_PARTICLES = frozenset({"out"})
_SIGN_CODE = "057"  # CAMEO "Sign formal agreement": "ratify, sign, finalize an agreement"
# Verbs that weigh a policy option, and what CAMEO codes that as (014,
# "Consider policy option").
_PONDERING_VERBS = frozenset({"consider", "weigh", "mull", "contemplate", "explore"})
_CONSIDER_CODE = "014"
_OPTION_NOUNS = frozenset({"possibility", "option", "idea", "prospect"})
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
# A dictionary pattern "V against" coded as disapproval: see ``PatternMatcher.opposition``.
_AGAINST_PATTERN = ("against",)


# Currency signs read as their currency's name, as the dictionary's &CURRENCY
# synset spells it: "gave $2bn" matches "give &CURRENCY" (071, economic aid).
_CURRENCY_SIGNS = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}


def pattern_words(toks, lexicon: VerbLexicon) -> list[str]:
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
        out.append(_CURRENCY_SIGNS.get(tok.text, tok.lemma_.lower()))
        i += 1
    return out


#: Dependents whose phrases are other acts: a relative clause describes a noun
#: ("support a resolution that aims to tighten sanctions" is no "support …
#: sanctions"); a coordinated verb is an act of its own ("met the envoy and
#: attacked the plan" is no "meet … plan").
_OTHER_ACTS = frozenset({"relcl", "conj"})
#: Clausal complements: another verb's phrase inside the verb's own.
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})


def pattern_window(verb) -> list:
    """The words after ``verb`` its patterns may match: the verb's own phrase.

    PETRARCH-2's verb patterns name the verb's post-verb nouns and prepositional
    phrases ("* (FOR AID)": the preposition, then its noun); "these patterns do
    not contain other verbs" (the dictionary format, ``dictionaries.rst``,
    "Patterns"). So only the verb's syntactic dependents are read, up to
    ``PATTERN_WINDOW`` words on: not a later clause the parse hangs elsewhere,
    not the phrase of another act (``_OTHER_ACTS``), and not an infinitive's
    "to", which is no preposition ("managed to come up with a budget" is no
    "come to", a visit). Of a complement clause only its verb stays: the
    dictionary's verb-verb readings name it ("address … to close", "vote …
    to withdraw"), and the words after it are that verb's own phrase.
    """
    skipped: set[int] = set()
    subtree = list(verb.subtree)
    for child in subtree:
        if child.i == verb.i or child.dep_ not in _OTHER_ACTS:
            continue
        if child.dep_ == "conj" and child.pos_ not in ("VERB", "AUX"):
            continue  # "aid and arms": coordinated objects are the verb's own
        skipped.update(t.i for t in child.subtree)
    for child in verb.children:
        if child.dep_ in _COMPLEMENT_DEPS and child.pos_ in ("VERB", "AUX", "ADJ"):
            # The complement's own words are its head's: "began moving troops
            # to the border" is no "begin … border" (open the border), "found
            # them guilty of plotting" no "find … plot" (investigate).
            skipped.update(t.i for t in child.subtree if t.i != child.i)
    return [
        t
        for t in subtree
        if verb.i < t.i <= verb.i + PATTERN_WINDOW
        and t.i not in skipped
        and not (t.tag_ == "TO" and t.dep_ == "aux")
    ]


def ponders_an_act(verb) -> bool:
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


class PatternMatcher:
    """Matches triggers to CAMEO codes."""

    def __init__(self, lexicon: VerbLexicon, nouns: NounLexicon, facts: CodeFacts) -> None:
        self.lexicon = lexicon
        self.nouns = nouns
        self.facts = facts

    def match(self, trigger: Trigger, sent) -> Match | None:
        """The code ``trigger`` matches in sentence ``sent``, or None."""
        if trigger.kind == "comment":
            return Match(trigger, comment_adjectives()[trigger.lemma], lemma=trigger.lemma)
        if trigger.kind == "noun":
            noun = trigger.tok
            mods = [c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound")]
            code = self.nouns.code(trigger.lemma, mods)
            if code is None:
                return None
            # "an alliance against ISIS": who a cooperation is against.
            heads = self.facts.opposed_heads(noun, code)
            return Match(trigger, code, lemma=trigger.lemma, opposed_heads=heads)
        return self._verbal(trigger, sent)

    def _verbal(self, trigger: Trigger, sent) -> Match | None:
        verb, lemma = trigger.tok, trigger.lemma
        if lemma in _IDIOMS and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _IDIOMS[lemma] and c.n_lefts == 0
            for c in verb.children
        ):
            return None  # "took place", "takes effect": happened, came into force
        window = pattern_window(verb)
        after = pattern_words(window, self.lexicon)
        # A hyphenated word is three tokens: enough tokens for the window's words.
        near = verb.doc[max(sent.start, verb.i - 3 * PATTERN_WINDOW - 3) : verb.i]
        before = pattern_words(list(near), self.lexicon)[-PATTERN_WINDOW:]
        pattern = self.lexicon.match(lemma, before, after)
        particle = self.particle(verb, lemma)
        if particle is not None and not (pattern is not None and pattern.curated):
            # "set up a base", "called off the talks": the dictionary's SET UP and
            # CALL OFF, not SET or CALL with "up"/"off" after them (a hand-written
            # row for the verb and particle, "rounded up" 173, is kept).
            rest = pattern_words([t for t in window if t != particle], self.lexicon)
            phrasal = self.lexicon.match(f"{lemma} {particle.lower_}", before, rest)
            # "pulled out of the coalition": a pattern of PULL that names "out
            # of coalition" outranks PULL OUT's bare code.
            names = particle.dep_ == "prep" and pattern is not None and pattern.after
            if phrasal is not None and phrasal.code and not (names and phrasal.is_default):
                lemma, after, pattern = f"{lemma} {particle.lower_}", rest, phrasal
        pattern = self.object_pattern(verb, lemma, before, pattern)
        if (
            pattern is not None
            and not pattern.code
            and pattern.passive_code
            and not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        ):
            # A reverse-only pattern ("receive assurance", "face pressure"): the
            # subject undergoes the act.
            return Match(trigger, pattern.passive_code, pattern, lemma, reverse=True)
        if pattern is None or not pattern.code:
            # Passive voice puts the pattern's object before the verb ("the
            # accords were signed"): match it as if it followed.
            moved = pattern_words(
                [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree],
                self.lexicon,
            )
            pattern = self.lexicon.match(lemma, before, moved + after) if moved else None
            if pattern is None or not pattern.code:
                return None
        if trigger.specific_only and not (pattern.after or pattern.before):
            return None
        if pattern.after:
            pattern = self.own_pattern(verb, lemma, before, pattern)
            if pattern is None:
                return None
        if pattern.after == ("part",) and self.part_in_event(verb):
            # "took part in a war game": the event noun codes what was taken part
            # in, with the verb's subject; the idiom alone is only 030.
            return None
        if lemma == "agree" and self.agreed_on(verb):
            # "the two sides agreed a ceasefire", "a deal was agreed": the
            # agreement is concluded, CAMEO 057 ("finalize an agreement"), not the
            # intention "agreed to a ceasefire" (0356) or "agreed to talk" (030).
            pattern = replace(pattern, code=_SIGN_CODE, passive_code=None)
        if lemma in _SINGLE_SENSE_VERBS and not pattern.code.startswith(_SINGLE_SENSE_VERBS[lemma]):
            bare = self.lexicon.match(lemma, [], [])
            if bare is not None and bare.code:
                pattern = bare
        pattern, opposed_heads = self.opposition(verb, lemma, pattern)
        pondered = lemma in _PONDERING_VERBS and ponders_an_act(verb)
        if pondered:
            # "is considering sending aid", "weighing sending troops", "exploring
            # the possibility of …": CAMEO 014, consider a policy option. A
            # pattern matched through the act ("consider … aid" → 1311) would code
            # the act, which its own verb codes (hypothetical).
            pattern = replace(pattern, code=_CONSIDER_CODE, before=(), after=(), passive_code=None)
        return Match(
            trigger,
            pattern.code,
            pattern,
            lemma,
            opposed_heads=opposed_heads,
            pondered=pondered,
        )

    def part_in_event(self, verb) -> bool:
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

    def agreed_on(self, verb) -> bool:
        """True when the verb's object (or passive subject) is an agreement."""
        words = self.lexicon.synset("&TREATY") | self.lexicon.synset("&CEASEFIRE") | {"deal"}
        return any(
            c.dep_ in ("dobj", "obj", "nsubjpass") and c.lemma_.lower() in words
            for c in verb.children
        )

    def particle(self, verb, lemma: str):
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

    def object_pattern(self, verb, lemma, before, pattern):
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

    def own_pattern(self, verb, lemma, before, pattern):
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
            sent, doc = clause.sent, clause.doc
            before_toks = doc[max(sent.start, clause.i - PATTERN_WINDOW) : clause.i]
            after_toks = doc[clause.i + 1 : min(sent.end, clause.i + PATTERN_WINDOW + 1)]
            inner = self.lexicon.match(
                clause.lemma_.lower(),
                [t.lemma_.lower() for t in before_toks],
                [t.lemma_.lower() for t in after_toks],
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

    def opposition(self, verb, lemma: str, pattern):
        """The pattern to code ``verb`` with, and the heads of the parties its
        act is directed against (see ``CodeFacts.opposed_heads``).

        The CAMEO dictionary reads collaborating "against" someone as
        disapproving of them (110: "cooperate against", "ally against", "side
        with … against"). A verb whose own code is a cooperation is coded as
        that cooperation when its "against" party is found: the parties still
        cooperate, and the one they act against is opposed, not a target.
        """
        if (
            pattern.after == _AGAINST_PATTERN
            and not pattern.before
            and pattern.code[:2] == DISAPPROVE_ROOT
        ):
            bare = self.lexicon.match(lemma, [], [])
            if bare is not None and bare.code:
                heads = self.facts.opposed_heads(verb, bare.code)
                if heads:
                    return bare, heads
        return pattern, self.facts.opposed_heads(verb, pattern.code)
