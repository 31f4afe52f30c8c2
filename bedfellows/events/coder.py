"""Code parsed sentences into events: who did what to whom, when, where, how sure.

``EventCoder`` runs, for each trigger of each sentence, the stages of
``bedfellows.events.stages`` in order: find triggers (verbs found in the CAMEO
verb-pattern dictionary, event nouns of the noun table) → match patterns →
attach arguments (sources and targets from the dependency parse, resolved to
actors at the event's own date) → check codebook constraints → set modality;
then, per sentence, merge (drop subordinate events) and add speech acts. The
event is coded in CAMEO and PLOVER (``codebook``), with modality and
attribution (``modality``), date (``dates``) and place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bedfellows.actors import ActorKB
from bedfellows.nlp.spans import EntityIndex
from bedfellows.schema import Article, Event, Paragraph

from .codebook import Codebook
from .dating import ArticleDater
from .mentions import ArticleMemory, MentionResolver
from .nouns import NounLexicon
from .stages import ABLATABLE
from .stages.assemble import EventAssembler
from .stages.assemble import event_id as _event_id
from .stages.attach_arguments import ArgumentAttacher
from .stages.candidate import Candidate
from .stages.check_constraints import ConstraintChecker
from .stages.check_constraints import needs_detainee as _needs_detainee
from .stages.code_facts import CodeFacts
from .stages.find_triggers import find_triggers
from .stages.grounding import Grounder, SentenceContext
from .stages.grounding import apart as _apart
from .stages.match_patterns import PatternMatcher
from .stages.merge_events import without_subordinates
from .stages.set_modality import set_modality
from .stages.speech_acts import SpeechActs
from .verbs import VerbLexicon

# Names older callers and tests import from here.
__all__ = ["EventCoder", "SentenceContext", "_apart", "_event_id", "_needs_detainee"]


class EventCoder:
    """Turns spaCy Docs of article paragraphs into Events.

    ``ablate`` names stages to switch off (``stages.ABLATABLE``: "constraints",
    "modality", "merge", "speech_acts"), for measuring what each one does; the
    default runs them all.
    """

    def __init__(
        self,
        kb: ActorKB | None = None,
        lexicon: VerbLexicon | None = None,
        codebook: Codebook | None = None,
        nouns: NounLexicon | None = None,
        *,
        ablate: Iterable[str] = (),
    ) -> None:
        self.kb = kb or ActorKB.load()
        self.lexicon = lexicon or VerbLexicon.load()
        self.codebook = codebook or Codebook.load()
        self.nouns = nouns or NounLexicon.load()
        self.mentions = MentionResolver(self.kb)
        self.dating = ArticleDater(self.kb)  # undated articles' inferred windows
        self.ablate = frozenset(ablate)
        unknown = self.ablate - ABLATABLE
        if unknown:
            raise ValueError(f"cannot ablate {sorted(unknown)}; stages: {sorted(ABLATABLE)}")
        self.grounder = Grounder(self.kb, self.mentions)
        self.facts = CodeFacts(self.codebook, self.lexicon, self.nouns)
        self.patterns = PatternMatcher(self.lexicon, self.nouns, self.facts)
        self.arguments = ArgumentAttacher(self.grounder, self.lexicon, self.nouns)
        self.constraints = ConstraintChecker(self.lexicon, self.facts)
        self.speech = SpeechActs(self.grounder)
        self.assembler = EventAssembler(self.codebook, self.grounder)

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
            ctx = self.grounder.context(
                sent, ents, paragraph.start, first_sentence_index + n - 1, article
            )
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

    # -- the stages --------------------------------------------------------
    def _code_sentence(
        self, ctx: SentenceContext, article: Article, paragraph: Paragraph, memory: ArticleMemory
    ) -> list[Event]:
        """The sentence's events: each trigger through its stages, one trigger
        at a time (a coded verb consumes its object noun; resolving actors
        teaches ``memory``), then the sentence-level stages."""
        events: list[Event] = []
        triggers: list = []  # the trigger token of each event in ``events``
        consumed: set[int] = set()
        memory.sentence = ctx.index
        for trigger in find_triggers(ctx.sent, self.nouns, consumed):
            match = self.patterns.match(trigger, ctx.sent)
            if match is None:
                continue
            cand = self.arguments.attach(match, ctx, article, memory)
            if cand is None:
                continue
            if "constraints" not in self.ablate and not self.constraints.admit(cand, ctx, memory):
                continue
            event = self._finish(cand, ctx, article, paragraph, memory)
            checked = cand.by_bare_verb and "constraints" not in self.ablate
            if checked and not self.constraints.has_recipient(event):
                continue
            consumed.update(cand.consumes)
            events.append(event)
            triggers.append(trigger.tok)
        if "merge" not in self.ablate:
            events, triggers = without_subordinates(events, triggers)
        if "speech_acts" not in self.ablate:
            # Each speech act is finished before the next is looked for (see SpeechActs).
            said = [
                self._finish(c, ctx, article, paragraph, memory)
                for c in self.speech.claims(events, triggers, ctx, article, memory)
            ]
            said += [
                self._finish(c, ctx, article, paragraph, memory)
                for c in self.speech.obligations(ctx, article, memory)
            ]
            events = events + said
        for ev in events:
            memory.remember_group(list(ev.sources))
        return events

    def _finish(
        self,
        cand: Candidate,
        ctx: SentenceContext,
        article: Article,
        paragraph: Paragraph,
        memory: ArticleMemory,
    ) -> Event:
        """The Event of an admitted candidate: its place and country context,
        the codebook's recodings, its modality, then the record."""
        self.arguments.situate(cand, ctx, memory)
        if "constraints" not in self.ablate:
            self.constraints.conform(cand)
        if "modality" not in self.ablate:
            set_modality(cand, article.published)
        if "constraints" not in self.ablate:
            # After modality: a refusal is no cooperation ("refused to cooperate against ISIS").
            self.constraints.settle_opposed(cand)
        return self.assembler.build(cand, ctx, article, paragraph, memory)
