"""Lowercased and all-caps text find the actors of the same text as written.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bedfellows.schema import Article

pytestmark = pytest.mark.slow

SENTENCES = [
    "Iranian troops shelled Iraqi border posts on Monday.",
    "The Turkish foreign minister condemned Israel for the raid.",
    "Chinese and Russian officials signed a trade agreement in Beijing.",
    "Pakistani police arrested three Afghan smugglers near the border.",
    "The United States imposed new sanctions on Venezuela.",
    "Egypt accused Ethiopia of endangering its water supply.",
]


def _countries(events):
    return sorted(
        (
            e.cameo_code[:2],
            tuple(sorted(a.country or "" for a in e.sources)),
            tuple(sorted(a.country or "" for a in e.targets)),
        )
        for e in events
    )


def _code(pipeline, text: str, article_id: str = "a1"):
    art = Article(article_id=article_id, source_path="test", body=text, published=date(2020, 6, 1))
    [(_, events)] = list(pipeline.code_articles([art]))
    return events


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("recase", [str.lower, str.upper], ids=["lower", "upper"])
def test_case_less_copy_finds_the_same_countries(pipeline, sentence, recase):
    cased = _countries(_code(pipeline, sentence))
    assert any(src or tgt for _, src, tgt in cased), "the cased sentence names actors"
    assert _countries(_code(pipeline, recase(sentence))) == cased


def test_events_quote_the_article_as_written(pipeline):
    text = "pakistani police arrested three afghan smugglers near the border."
    [event] = [e for e in _code(pipeline, text) if e.trigger == "arrested"]
    assert event.sentence == text[event.sentence_start : event.sentence_start + len(event.sentence)]
    for actor in (*event.sources, *event.targets):
        assert actor.text == text[actor.start : actor.end]
    assert {a.country for a in event.sources} == {"PAK"}


def test_common_words_in_lowercase_text_are_no_actors(pipeline):
    text = (
        "the family ate the turkey at dinner and then criticized us for being late. "
        "bill said he may protest the decision."
    )
    events = _code(pipeline, text)
    countries = {a.country for e in events for a in (*e.sources, *e.targets)}
    assert not countries & {"TUR", "USA"}


def test_cased_text_is_parsed_as_written(pipeline):
    for text in (*SENTENCES, "He said the talks went well.", "Talks In Geneva End"):
        assert pipeline.parse_text(text) is text


def test_a_user_actor_matches_lowercase_text(tmp_path: Path):
    from bedfellows.pipeline import Pipeline

    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "actors:\n"
        "  - id: vigilance_league\n"
        "    name: Vigilance League\n"
        "    kind: group\n"
        "    cameo: INDRAD\n",
        encoding="utf-8",
    )
    pipe = Pipeline(actors_file=actors)
    text = "vigilance league activists attacked a church in pune on sunday."
    events = _code(pipe, text)
    sources = [a for e in events for a in e.sources]
    assert any(a.actor_id == "vigilance_league" for a in sources), [
        (e.trigger, e.sources) for e in events
    ]
