"""Stage 7: the acts a sentence does by saying, added to its events.

"X alleged that Y attacked Z": X accuses Y (CAMEO 112), or, when X is the
doer, claims responsibility (015); "X said Y must do Z": X demands of Y
(CAMEO 100). The reported act keeps its own event; the speech act outranks it
in confidence, as what the sentence asserts.
"""

from __future__ import annotations

from collections.abc import Iterator

from bedfellows.schema import Article, Event

from ..arguments import arguments_of
from ..mentions import ArticleMemory
from .candidate import Candidate
from .grounding import Grounder, SentenceContext, named

# Speech verbs that also accuse (or claim responsibility), as the CAMEO
# dictionaries code them ("allege" 112, "claim responsibility" 015).
_ACCUSING_SPEECH = frozenset({"allege", "claim"})
# Verbs that state what another party must do: a demand (CAMEO 100).
_OBLIGING_SPEECH = frozenset(
    {"say", "state", "insist", "stress", "conclude", "declare", "tell", "warn", "argue"}
)
_DEMAND_CODE = "100"  # CAMEO 100 "Make demand, not specified below"
_ACCUSE_CODE = "112"  # CAMEO 112 "Accuse, not specified below"
_CLAIM_RESPONSIBILITY_CODE = "015"  # CAMEO 015 "Acknowledge or claim responsibility"


class SpeechActs:
    """Finds the accusations, claims and demands made by speaking.

    Both methods yield candidates one at a time: the caller finishes each
    (its later stages resolve actors, which the next one may refer back to)
    before asking for the next.
    """

    def __init__(self, grounder: Grounder) -> None:
        self.grounder = grounder

    def claims(
        self,
        events: list[Event],
        triggers: list,
        ctx: SentenceContext,
        article: Article,
        memory: ArticleMemory,
    ) -> Iterator[Candidate]:
        """The accusation in "X alleged that Y attacked Z", and the claim of
        responsibility in "X claimed it had attacked Z".

        "allege" and "claim" report an act (coded on its own trigger, reported by
        X) and also do something to its doer: X accuses Y (112), or, when X is
        the doer, X claims responsibility (015). Only for material conflict:
        claiming a success or a meeting is reporting, not accusing.
        """
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
            if doers <= own:
                code, targets = _CLAIM_RESPONSIBILITY_CODE, list(ev.targets)
            else:
                code, targets = _ACCUSE_CODE, list(ev.sources)
            yield _speech_act(claim, code, claimers, targets, when, edate, "claim", ev.confidence)

    def obligations(
        self, ctx: SentenceContext, article: Article, memory: ArticleMemory
    ) -> Iterator[Candidate]:
        """The demand in "X said Y must do Z": X demands of Y (CAMEO 100).

        Only when Y is another party than X ("Iran said it must defend itself"
        obliges nobody else); what Y must do is coded on its own verb, as
        hypothetical.
        """
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
            targets = self.grounder.resolve(obliged, when, ctx, memory)
            targets = [t for t in targets if (t.country, t.actor_id) not in own]
            if not speakers or not named(targets):
                continue
            yield _speech_act(tok, _DEMAND_CODE, speakers, targets, when, edate, "obligation")

    def _speakers(self, verb, ctx, article, memory):
        """Who says what a speech verb says: (actors, their (country, id) keys,
        the date for their roles, the event date)."""
        edate, when = self.grounder.date_of(ctx, article, verb)
        speakers = self.grounder.resolve(arguments_of(verb).sources, when, ctx, memory)
        return speakers, {(a.country, a.actor_id) for a in speakers}, when, edate


def _speech_act(verb, code, speakers, targets, when, edate, rule, above=0.75) -> Candidate:
    """An act done by saying: what the sentence asserts, so it outranks the act
    it reports (which is only demanded or claimed; ``above`` is that act's
    confidence)."""
    return Candidate(
        verb,
        "speech",
        code,
        speakers,
        targets,
        when,
        edate,
        max(0.8, above + 0.05),
        rule=f"{rule}:{verb.lemma_.lower()}",
    )
