"""The ``Event`` record of a finished candidate, and the id that names it."""

from __future__ import annotations

import hashlib

from bedfellows.schema import Article, Event, Paragraph

from ..codebook import Codebook
from ..mentions import ArticleMemory
from ..modality import named_source
from .candidate import Candidate
from .grounding import Grounder, SentenceContext


def event_id(article_id: str, sentence_index: int, trigger_start: int, code: str, actors) -> str:
    """A stable id: the article, sentence, trigger offset, code and actors."""
    key = f"{article_id}|{sentence_index}|{trigger_start}|{code}|" + ",".join(
        sorted(a.cameo or a.actor_id or a.text for a in actors)
    )
    return "e_" + hashlib.sha256(key.encode()).hexdigest()[:20]


class EventAssembler:
    """Builds Events: the codebook's fields for the code, and the reporter."""

    def __init__(self, codebook: Codebook, grounder: Grounder) -> None:
        self.codebook = codebook
        self.grounder = grounder

    def build(
        self,
        cand: Candidate,
        ctx: SentenceContext,
        article: Article,
        paragraph: Paragraph,
        memory: ArticleMemory,
    ) -> Event:
        """The Event of ``cand``, whose stages have all run."""
        trigger, code, plover_type = cand.trigger, cand.code, cand.plover_type
        info = self.codebook.cameo(code)
        reporter = None
        rep_text = None
        rep_tok = cand.reporter_tok
        if rep_tok is not None:
            refs = self.grounder.resolve([rep_tok], cand.when, ctx, memory)
            reporter = refs[0] if refs else None
            phrase = [t for t in rep_tok.subtree if t.i <= rep_tok.i]
            # A Span's text, not Doc.text: the latter rebuilds the whole paragraph.
            rep_text = ctx.sent.doc[phrase[0].i : rep_tok.i + 1].text
            reporter = reporter or named_source(rep_tok, ctx.offset)
        sent = ctx.sent
        sources, targets = cand.sources, cand.targets
        start = trigger.idx + ctx.offset
        return Event(
            event_id=event_id(article.article_id, ctx.index, start, code, list(sources) + targets),
            article_id=article.article_id,
            sentence_index=ctx.index,
            sentence=sent.text,
            sentence_start=sent.start_char + ctx.offset,
            sources=tuple(sources),
            targets=tuple(targets),
            opposed=tuple(cand.opposed),
            trigger=trigger.text,
            trigger_start=start,
            trigger_end=start + len(trigger.text),
            cameo_code=info.code,
            cameo_root=info.root,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            plover_type=plover_type or info.plover_type,
            plover_mode=(cand.plover_mode if plover_type else info.plover_mode) or None,
            plover_context=info.plover_context or None,
            plover_score=(
                self.codebook.plover_score(plover_type) if plover_type else info.plover_score
            ),
            modality=cand.modality,
            reported_by=reporter,
            reported_by_text=rep_text,
            date=cand.edate,
            place=cand.place,
            confidence=round(max(0.05, min(0.95, cand.confidence)), 2),
            is_comment=paragraph.is_comment,
            comment_index=paragraph.comment_index,
            pattern=cand.rule,
            historical=cand.historical,
        )
