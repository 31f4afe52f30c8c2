"""``EventCoder(ablate=...)``: a switched-off stage changes what is coded, and
only the stages that can be switched off are accepted."""

from __future__ import annotations

from datetime import date

import pytest

from bedfellows.events.coder import EventCoder
from bedfellows.events.mentions import ArticleMemory
from bedfellows.events.stages import ABLATABLE, STAGES
from bedfellows.schema import Article, Paragraph

pytestmark = pytest.mark.slow


def _coder(base: EventCoder, ablate) -> EventCoder:
    return EventCoder(base.kb, base.lexicon, base.codebook, base.nouns, ablate=ablate)


def _code(coder: EventCoder, nlp, text: str) -> list[tuple[str, str]]:
    article = Article(article_id="abl", source_path="t", body=text, published=date(2020, 6, 15))
    paragraph = Paragraph(article_id="abl", index=0, start=0, text=text)
    events, _ = coder.code_doc(nlp(text), article, paragraph, 0, ArticleMemory())
    return [(e.trigger, e.cameo_code) for e in events]


def test_ablatable_stages_are_stages():
    assert ABLATABLE.issubset(STAGES)
    assert {"triggers", "patterns", "arguments"}.isdisjoint(ABLATABLE)


def test_an_unknown_or_essential_stage_is_refused(coder):
    with pytest.raises(ValueError, match="cannot ablate"):
        _coder(coder, {"triggers"})
    with pytest.raises(ValueError, match="cannot ablate"):
        _coder(coder, {"bogus"})


@pytest.mark.parametrize(
    ("stage", "text", "lost", "gained"),
    [
        ("speech_acts", "Iraq alleged that Iran attacked Kuwait.", ("alleged", "112"), None),
        ("merge", "Egypt demanded that Ankara withdraw its troops.", None, "withdraw"),
        ("constraints", "The accords were signed.", None, "signed"),
    ],
)
def test_a_switched_off_stage_changes_the_events(coder, pipeline, stage, text, lost, gained):
    full = _code(coder, pipeline.nlp, text)
    without = _code(_coder(coder, {stage}), pipeline.nlp, text)
    if lost is not None:
        assert lost in full and lost not in without
    if gained is not None:
        assert gained not in [t for t, _ in full] and gained in [t for t, _ in without]


def test_without_modality_a_negated_act_is_asserted(coder, pipeline):
    text = "Iran did not attack Iraq."
    article = Article(article_id="abl", source_path="t", body=text, published=date(2020, 6, 15))
    paragraph = Paragraph(article_id="abl", index=0, start=0, text=text)
    [full], _ = coder.code_doc(pipeline.nlp(text), article, paragraph, 0, ArticleMemory())
    ablated = _coder(coder, {"modality"})
    [bare], _ = ablated.code_doc(pipeline.nlp(text), article, paragraph, 0, ArticleMemory())
    assert full.modality == "negated" and bare.modality == "asserted"
    assert bare.confidence == pytest.approx(full.confidence + 0.05)
