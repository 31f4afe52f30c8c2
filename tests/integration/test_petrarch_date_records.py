"""The DATE records of the PETRARCH unit tests: date-restricted roles.

The records are coded against PETRARCH's own validation dictionary, restated
as a user actor file (tests/fixtures/petrarch_validate_actors.yaml). Each
actor mention in the sentence is resolved at the record's date; the codes
must be exactly the gold source and target codes. Where the coder finds an
event, its actors must carry gold codes too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bedfellows.actors import ActorKB
from bedfellows.events.mentions import ArticleMemory
from bedfellows.pipeline import Pipeline
from benchmarks.gold.common import to_article
from benchmarks.gold.petrarch import actor_code, parse, role_codes

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "petrarch_validate_actors.yaml"
UNITTESTS = Path("data") / "gold" / "petrarch_unittest_records.xml"


@pytest.fixture(scope="module")
def date_records(shared):
    path = shared / UNITTESTS
    records = parse(path.read_text(encoding="utf-8"), path.name)
    return [r for r in records if r.category == "DATE"]


@pytest.fixture(scope="module")
def validation_pipeline():
    return Pipeline(kb=ActorKB.load(FIXTURE))


def _gold_codes(record) -> set[str]:
    # "---GOV" (an unnamed "senior official") names no dictionary actor.
    return {c for g in record.events for c in (*g.sources, *g.targets) if not c.startswith("---")}


def test_there_are_twenty_one_date_records(date_records):
    assert len(date_records) == 21
    assert all(r.published is not None for r in date_records)


def test_each_mention_takes_the_role_of_the_records_date(date_records, validation_pipeline):
    nlp = validation_pipeline.nlp
    mentions = validation_pipeline.coder.mentions
    wrong = {}
    for record in date_records:
        doc = nlp(record.text)
        codes = {
            actor_code(ref)
            for ent in doc.ents
            for ref in mentions.resolve_head(ent.root, record.published, 0, ArticleMemory())
        }
        if codes != _gold_codes(record):
            wrong[record.record_id] = (sorted(codes), sorted(_gold_codes(record)))
    assert not wrong


def test_coded_events_carry_the_gold_codes(date_records, validation_pipeline):
    by_id = {r.article_id: r for r in date_records}
    coded = 0
    for article, events in validation_pipeline.code_articles([to_article(r) for r in date_records]):
        gold = _gold_codes(by_id[article.article_id])
        for event in events:
            named = (role_codes(event.sources) | role_codes(event.targets)) - {"---"}
            assert named <= gold, (article.article_id, named, gold)
            coded += 1
    assert coded >= 4  # the verbs our CAMEO dictionary knows ("criticize", "meet", ...)
