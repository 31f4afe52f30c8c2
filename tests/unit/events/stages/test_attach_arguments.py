"""Stage 3, ``ArgumentAttacher.attach`` and ``situate``, on sentences written for this test."""

from __future__ import annotations

import pytest

from bedfellows.events.stages.candidate import Trigger

pytestmark = pytest.mark.slow


def _attach(coder, parsed, word, kind="verb"):
    tok = parsed.tok(word)
    match = coder.patterns.match(Trigger(tok, tok.lemma_.lower(), kind), parsed.ctx.sent)
    return coder.arguments.attach(match, parsed.ctx, parsed.article, parsed.memory)


def _countries(refs):
    return [r.country for r in refs]


def test_subject_and_object_attachment(coder, parse):
    cand = _attach(coder, parse("Iran signed an agreement with Iraq."), "signed")
    assert _countries(cand.sources) == ["IRN"] and _countries(cand.targets) == ["IRQ"]
    # The pattern used the object noun: a coded verb takes it from later triggers.
    assert cand.consumes == [3]
    assert cand.rule.startswith("verb:sign:")


def test_a_passive_act_takes_its_agent_from_the_instrument(coder, parse):
    cand = _attach(coder, parse("Two soldiers were killed in Israeli shelling."), "killed")
    assert _countries(cand.sources) == ["ISR"]
    assert [t.sector for t in cand.targets] == ["MIL"]


def test_a_host_acts_towards_the_parties_between_whom(coder, parse):
    cand = _attach(coder, parse("Egypt hosted talks between Israel and the PLO."), "talks", "noun")
    assert _countries(cand.sources) == ["EGY"]
    assert set(_countries(cand.targets)) == {"ISR", "PSE"}
    assert cand.kind == "noun"


def test_an_undergone_act_comes_from_its_giver(coder, parse):
    cand = _attach(coder, parse("Iran received assurances from Britain."), "received")
    assert cand.kind == "reverse"
    assert _countries(cand.sources) == ["GBR"] and _countries(cand.targets) == ["IRN"]


def test_a_comment_is_by_whoever_is_so(coder, parse):
    cand = _attach(
        coder, parse("The French government is skeptical of Russia."), "skeptical", "comment"
    )
    assert cand.code == "012"
    assert [(r.country, r.sector) for r in cand.sources] == [("FRA", "GOV")]
    assert _countries(cand.targets) == ["RUS"]


def test_a_comment_without_a_subject_is_none(coder, parse):
    assert (
        _attach(coder, parse("Skeptical of Russia, officials left."), "Skeptical", "comment")
        is None
    )


def test_situate_gives_the_place_and_its_country(coder, parse):
    parsed = parse("Police arrested 20 students in Nairobi.")
    cand = _attach(coder, parsed, "arrested")
    assert cand.sources[0].country is None  # "police" names no country
    coder.arguments.situate(cand, parsed.ctx, parsed.memory)
    assert cand.place is not None and cand.place.country == "KEN"
    assert cand.sources[0].country == "KEN"


def test_situate_implies_reciprocal_targets(coder, parse):
    parsed = parse("Iran and Iraq met in Baghdad.")
    cand = _attach(coder, parsed, "met")
    assert cand.targets == []
    coder.arguments.situate(cand, parsed.ctx, parsed.memory)
    assert {t.basis for t in cand.targets} == {"reciprocal"}
    assert set(_countries(cand.targets)) == {"IRN", "IRQ"}


def test_a_courts_judgment_is_a_sanction_convict(pipeline):
    # PLOVER SANCTION mode "convict": "found guilty and sentenced"; a passive
    # sentence implies the court.
    from datetime import date

    from bedfellows.schema import Article

    text = "The opposition leader was sentenced to four years in prison."
    article = Article(article_id="jdg", source_path="t", body=text, published=date(2020, 6, 15))
    [(_, events)] = list(pipeline.code_articles([article]))
    [ev] = [e for e in events if e.trigger == "sentenced"]
    assert (ev.plover_type, ev.plover_mode) == ("SANCTION", "convict")
    assert ev.cameo_code.startswith("17")  # the dictionary's code stays
    assert [a.sector for a in ev.sources] == ["JUD"] and ev.sources[0].basis == "implied"


def test_an_arrest_stays_coercion(pipeline):
    from datetime import date

    from bedfellows.schema import Article

    text = "Police arrested the former minister."
    article = Article(article_id="arr", source_path="t", body=text, published=date(2020, 6, 15))
    [(_, events)] = list(pipeline.code_articles([article]))
    assert [(e.plover_type, e.plover_mode) for e in events] == [("COERCE", "arrest")]
