"""Issue 17 end to end: armed groups named in news become their own nodes; their
patrons absorb them only on request. Sentences of our own, coded by the real
pipeline into a real DuckDB file, then read by the alliance layer."""

from __future__ import annotations

from datetime import date

import pytest

from bedfellows.actors.armed import armed_group, proxy_id
from bedfellows.network import LinkOptions, signed_network
from bedfellows.schema import Article
from bedfellows.store import Store
from bedfellows.util.hashing import article_id

pytestmark = pytest.mark.slow

STORY = (
    "Al-Shabaab fighters attacked Kenyan troops near the Somali border on Monday. "
    "Kataib Hezbollah fired rockets at a US base in Iraq on Tuesday. "
    "Iran-backed militias attacked American forces in Syria on Wednesday. "
    "Kurdish fighters clashed with Turkish soldiers in northern Syria on Thursday."
)


@pytest.fixture(scope="module")
def coded(pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("armed") / "armed.duckdb"
    article = Article(
        article_id=article_id(STORY), source_path="armed.txt", body=STORY,
        published=date(2024, 3, 8),
    )  # fmt: skip
    [(art, events)] = list(pipeline.code_articles([article]))
    with Store.open(path) as store:
        run = store.begin_run()
        store.write_article(art, events, run)
    return str(path), events


def _sources(events):
    return {s.actor_id for e in events for s in e.sources}


def test_named_groups_and_descriptors_resolve_to_groups(coded):
    _, events = coded
    sources = _sources(events)
    assert {"al_shabaab", "kataib_hezbollah", proxy_id("IRN")} <= sources
    kurdish = [s for e in events for s in e.sources if "Kurdish" in s.text]
    assert kurdish and all(armed_group(s.actor_id) is not None for s in kurdish)
    assert all(s.country == "SYR" for s in kurdish)


def test_groups_are_kept_apart_from_states(coded):
    db, _ = coded
    g = signed_network(db, min_confidence=0)
    assert "AL_SHABAAB" in g and g["AL_SHABAAB"]["KEN"]["weight"] < 0
    assert "SOM" not in g  # al-Shabaab is not Somalia
    assert "KATAIB_HEZBOLLAH" in g and "BACKED_BY:IRN" in g
    assert "IRN" not in g and "IRQ" not in g


def test_patrons_absorb_their_groups_on_request(coded):
    db, _ = coded
    g = signed_network(db, min_confidence=0, options=LinkOptions(roll_up="patrons"))
    # Kataib Hezbollah's documented patron and the Iran-backed militias are Iran's side.
    assert "IRN" in g and g["IRN"]["USA"]["weight"] < 0
    assert "KATAIB_HEZBOLLAH" not in g and "BACKED_BY:IRN" not in g
    assert "AL_SHABAAB" in g  # no documented patron: stays apart
