"""Fixtures for the coding-stage tests: the session pipeline's spaCy model and
coder, a sentence context for a text, and the per-trigger stages run in order
(as ``EventCoder`` runs them) so a later stage can be tested on real input."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from bedfellows.events.mentions import ArticleMemory
from bedfellows.events.stages.find_triggers import find_triggers
from bedfellows.events.stages.grounding import SentenceContext
from bedfellows.events.stages.set_modality import set_modality
from bedfellows.nlp.spans import EntityIndex
from bedfellows.schema import Article, Paragraph


@dataclass
class Parsed:
    """One parsed sentence, ready for the stages."""

    doc: object
    ctx: SentenceContext
    article: Article
    paragraph: Paragraph
    memory: ArticleMemory

    def tok(self, word: str):
        """The first token whose text is ``word``."""
        return next(t for t in self.doc if t.text == word)


@pytest.fixture(scope="session")
def coder(pipeline):
    """The session pipeline's EventCoder (all stages on)."""
    return pipeline.coder


@pytest.fixture(scope="session")
def parse(pipeline, coder) -> Callable[[str], Parsed]:
    """Parse a one-sentence text with the project's model; its first sentence's context."""

    def _parse(text: str) -> Parsed:
        doc = pipeline.nlp(text)
        article = Article(
            article_id="stage-test", source_path="test", body=text, published=date(2020, 6, 15)
        )
        paragraph = Paragraph(article_id="stage-test", index=0, start=0, text=text)
        sent = next(iter(doc.sents))
        ctx = coder.grounder.context(sent, EntityIndex(doc), 0, 0, article)
        return Parsed(doc, ctx, article, paragraph, ArticleMemory())

    return _parse


@pytest.fixture(scope="session")
def candidates(coder) -> Callable[[Parsed], list]:
    """The admitted candidates of a parsed sentence, stages 1–4 (``admit``)."""

    def _run(parsed: Parsed) -> list:
        out = []
        consumed: set[int] = set()
        for trigger in find_triggers(parsed.ctx.sent, coder.nouns, consumed):
            match = coder.patterns.match(trigger, parsed.ctx.sent)
            if match is None:
                continue
            cand = coder.arguments.attach(match, parsed.ctx, parsed.article, parsed.memory)
            if cand is None or not coder.constraints.admit(cand, parsed.ctx, parsed.memory):
                continue
            consumed.update(cand.consumes)
            out.append(cand)
        return out

    return _run


@pytest.fixture(scope="session")
def events(coder, candidates) -> Callable[[Parsed], tuple[list, list]]:
    """The sentence's events before merging (stages 1–5) and their trigger tokens
    (a bare verb's cooperation, aid or sanction with no recipient left out, as
    the coder leaves it out)."""

    def _run(parsed: Parsed) -> tuple[list, list]:
        out, triggers = [], []
        for cand in candidates(parsed):
            coder.arguments.situate(cand, parsed.ctx, parsed.memory)
            coder.constraints.conform(cand)
            set_modality(cand, parsed.article.published)
            coder.constraints.settle_opposed(cand)
            event = coder.assembler.build(
                cand, parsed.ctx, parsed.article, parsed.paragraph, parsed.memory
            )
            if cand.by_bare_verb and not coder.constraints.has_recipient(event):
                continue
            out.append(event)
            triggers.append(cand.trigger)
        return out, triggers

    return _run
