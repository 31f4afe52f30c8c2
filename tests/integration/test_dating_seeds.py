"""Inferred date windows of the two undated seed articles.

True dates (from the text and the public record): the Iran–Iraq defence
memorandum was signed in Tehran on Sunday 23 July 2017 ("came together on
Sunday", "this weekend"), so the 2017 article is from the days after it; the
2014 article reports Kerry's and the Pentagon's remarks on cooperation with
Iran of Monday 16 June 2014, Obama's statement of "Friday" (13 June 2014) and
the embassy evacuation plans of the weekend between, so it is from 16 or 17
June 2014.
"""

from __future__ import annotations

from datetime import date

import pytest

from bedfellows.ingest import read_articles
from bedfellows.schema import DateBasis

pytestmark = pytest.mark.slow

TRUE_DATES = {
    "iran-iraq-pact.txt": (date(2017, 7, 23), date(2017, 7, 26)),
    "us-iran-partnership.txt": (date(2014, 6, 16), date(2014, 6, 17)),
}
MAX_WIDTH_DAYS = 550  # about 18 months


@pytest.fixture(scope="module")
def dated_seeds(shared, pipeline):
    arts = [a for a in read_articles([str(shared / "seeds")]) if not isinstance(a, Exception)]
    out = {}
    for art, events in pipeline.code_articles(arts):
        name = art.source_path.rsplit("/", 1)[-1]
        out[name] = (art, events, pipeline.article_dating(art.article_id))
    assert set(out) == set(TRUE_DATES)
    return out


@pytest.mark.parametrize("name", sorted(TRUE_DATES))
def test_seed_window_contains_the_true_date(dated_seeds, name) -> None:
    art, _events, dating = dated_seeds[name]
    assert art.published is None
    assert dating is not None and dating.closed, dating
    first, last = TRUE_DATES[name]
    assert dating.earliest <= first and last <= dating.latest, dating
    assert (dating.latest - dating.earliest).days <= MAX_WIDTH_DAYS, dating
    assert not dating.conflicts


def test_seed_window_evidence_names_the_office_holders(dated_seeds) -> None:
    _a, _e, pact = dated_seeds["iran-iraq-pact.txt"]
    _a, _e, partnership = dated_seeds["us-iran-partnership.txt"]
    for person in ("hossein_dehghan", "erfan_al_hiyali", "donald_trump"):
        assert any(person in e for e in pact.evidence), (person, pact.evidence)
    for person in ("barack_obama", "john_kerry", "nouri_al_maliki"):
        assert any(person in e for e in partnership.evidence), (person, partnership.evidence)
    assert any("ISIL" in e for e in partnership.evidence)


def test_seed_events_take_the_window_as_inferred(dated_seeds) -> None:
    for _art, events, dating in dated_seeds.values():
        assert events
        for e in events:
            assert e.date.basis is DateBasis.INFERRED
            assert (e.date.start, e.date.end) == (dating.earliest, dating.latest)
            assert e.date.granularity is dating.granularity
