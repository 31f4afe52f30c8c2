"""Inferred date windows of undated articles (bedfellows.events.dating), no model."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from bedfellows.actors.kb import ActorEntry, Spell
from bedfellows.data import data_path
from bedfellows.events.dating import (
    ArticleDater,
    Evidence,
    infer_window,
    name_evidence,
    office_evidence,
    office_spells,
    window_granularity,
)
from bedfellows.schema import Article, DateBasis, Event, EventDate, Granularity

D = date.fromisoformat
SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "build_data" / "build_name_dates.py"


def ev(text: str, *spans: tuple[str | None, str | None]) -> Evidence:
    return Evidence(text, tuple((D(s) if s else None, D(e) if e else None) for s, e in spans))


def spell(start, end, note=None, sector="GOV", known=True) -> Spell:
    return Spell(
        "XYZ",
        sector,
        "XYZ" + sector,
        start=D(start) if start else None,
        end=D(end) if end else None,
        end_known=known if end else False,
        source="curated",
        note=note,
    )


MINISTER = ActorEntry(
    actor_id="ann_minister",
    name="Ann Example",
    kind="person",
    spells=(
        spell("2001-03-01", "2004-06-30", "Minister of Foreign Affairs"),
        spell("2008-01-15", "2010-12-31", "Minister of Defence"),
        spell("2012-05-01", None, "Prime Minister; end unknown"),
        Spell("XYZ", "ELI", "XYZELI", default=True, source="curated"),
    ),
)


def test_spells_intersect_to_a_window() -> None:
    got = infer_window(
        [
            ev("president", ("2009-01-20", "2017-01-20")),
            ev("secretary", ("2013-02-01", "2017-01-20")),
            ev("prime minister", ("2006-05-20", "2014-09-08")),
            ev("name", ("2013-04-01", None)),
        ]
    )
    assert (got.earliest, got.latest) == (D("2013-04-01"), D("2014-09-08"))
    assert got.granularity is Granularity.YEAR and got.closed
    assert len(got.evidence) == 4 and not got.conflicts


def test_open_end_never_narrows() -> None:
    got = infer_window([ev("open", ("2017-01-30", None)), ev("lower", ("2013-04-01", None))])
    assert (got.earliest, got.latest) == (D("2017-01-30"), None)
    assert not got.closed and got.granularity is None


def test_either_of_two_terms() -> None:
    two_terms = ev("admin", ("2017-01-20", "2021-01-20"), ("2025-01-20", None))
    assert infer_window([two_terms]).latest is None
    narrowed = infer_window([two_terms, ev("minister", ("2013-08-15", "2017-08-20"))])
    assert (narrowed.earliest, narrowed.latest) == (D("2017-01-20"), D("2017-08-20"))
    late = infer_window([two_terms, ev("later", ("2026-01-01", None))])
    assert (late.earliest, late.latest) == (D("2026-01-01"), None)


def test_conflicting_evidence_widens_and_is_listed() -> None:
    got = infer_window(
        [
            ev("a", ("2010-01-01", "2012-12-31")),
            ev("b", ("2011-06-01", "2013-12-31")),
            ev("wrong", ("1990-01-01", "1995-12-31")),
        ]
    )
    # Dropping "wrong" is the only one-item repair: the window of a and b.
    assert (got.earliest, got.latest) == (D("2011-06-01"), D("2012-12-31"))
    assert got.conflicts == ("wrong",)


def test_symmetric_conflict_takes_the_hull_of_both_readings() -> None:
    got = infer_window(
        [ev("a", ("2001-01-01", "2002-12-31")), ev("b", ("2005-01-01", "2006-12-31"))]
    )
    assert (got.earliest, got.latest) == (D("2001-01-01"), D("2006-12-31"))
    assert set(got.conflicts) == {"a", "b"}
    assert got.granularity is Granularity.DECADE


def test_repeated_evidence_counts_once_and_no_evidence_is_open() -> None:
    got = infer_window(
        [ev("x", ("2001-01-01", "2001-03-01")), ev("y", ("2001-01-01", "2001-03-01"))]
    )
    assert got.evidence == ("x",)
    empty = infer_window([])
    assert (empty.earliest, empty.latest, empty.evidence) == (None, None, ())


def test_window_granularity_from_width() -> None:
    assert window_granularity(D("2020-01-01"), D("2020-01-01")) is Granularity.DAY
    assert window_granularity(D("2020-01-01"), D("2020-01-07")) is Granularity.WEEK
    assert window_granularity(D("2020-01-01"), D("2020-01-31")) is Granularity.MONTH
    assert window_granularity(D("2020-01-01"), D("2021-06-30")) is Granularity.YEAR
    assert window_granularity(D("2020-01-01"), D("2023-01-01")) is Granularity.DECADE


def test_title_words_pick_the_fitting_spell() -> None:
    foreign = office_spells(MINISTER, {"foreign", "minister"})
    assert [s.note for s in foreign] == ["Minister of Foreign Affairs"]
    defence = office_spells(MINISTER, {"defense", "minister"})  # US spelling
    assert [s.note for s in defence] == ["Minister of Defence"]
    # Every title word must be in the note: an interior minister is none of these.
    assert office_spells(MINISTER, {"interior", "minister"}) == []
    assert office_spells(MINISTER, {"deputy", "prime", "minister"}) == []
    assert [s.note for s in office_spells(MINISTER, {"the", "prime", "minister"})] == [
        "Prime Minister; end unknown"
    ]


def test_ranks_and_administrations() -> None:
    biden = ActorEntry(
        actor_id="vp",
        name="Vee Pee",
        kind="person",
        spells=(
            spell("2009-01-20", "2017-01-20", "Vice President"),
            spell("2021-01-20", "2025-01-20", "46th President"),
            spell("1973-01-03", "2009-01-15", None, sector="LEG"),
        ),
    )
    assert [s.note for s in office_spells(biden, {"president"})] == ["46th President"]
    assert [s.note for s in office_spells(biden, {"vice", "president"})] == ["Vice President"]
    # "the X administration": X as head of state or government, not as deputy.
    assert [s.note for s in office_spells(biden, {"the", "administration"})] == ["46th President"]
    # A spell without a note (an incomplete PETRARCH record) is never evidence.
    assert office_spells(biden, {"senator"}) == []


def test_office_evidence_present_former_and_then() -> None:
    now = office_evidence("Defence Minister Ann Example", MINISTER, {"defence", "minister"})
    assert now is not None and now.spans == ((D("2008-01-15"), D("2010-12-31")),)
    former = office_evidence("former Defence Minister", MINISTER, {"former", "defence", "minister"})
    assert former is not None and former.spans == ((D("2010-12-31"), None),)
    # Former prime minister, whose end is unknown: after the term began, no more.
    ex_pm = office_evidence("ex-Prime Minister", MINISTER, {"ex", "prime", "minister"})
    assert ex_pm is not None and ex_pm.spans == ((D("2012-05-01"), None),)
    assert (
        office_evidence("then-Foreign Minister", MINISTER, {"then", "foreign", "minister"}) is None
    )


def test_open_spell_gives_an_open_interval() -> None:
    pm = office_evidence("Prime Minister Ann Example", MINISTER, {"prime", "minister"})
    assert pm is not None and pm.spans == ((D("2012-05-01"), None),)


def test_names_that_date_an_article() -> None:
    found = name_evidence("Fighters of ISIL and the al-Nusra Front took the town.")
    assert {e.spans[0][0] for e in found} == {D("2013-04-01"), D("2012-01-01")}
    # Ambiguous short forms and the older name are no evidence.
    assert name_evidence("ISIS, the Islamic State of Iraq and IS were named.") == []
    assert name_evidence("The ISILS index") == []


def _event(edate: EventDate) -> Event:
    return Event(
        event_id="e1",
        article_id="a1",
        sentence_index=0,
        sentence="x",
        sentence_start=0,
        sources=(),
        targets=(),
        trigger="x",
        trigger_start=0,
        trigger_end=1,
        cameo_code="040",
        cameo_root="04",
        quad_class=1,
        goldstein=1.0,
        plover_type="CONSULT",
        date=edate,
    )


def test_undated_events_take_a_closed_window_as_inferred() -> None:
    dater = ArticleDater(kb=None)  # type: ignore[arg-type]  # the KB is not read here
    art = Article(article_id="a1", source_path="x", body="ISIL fighters. ISIL again.")
    dater._evidence["a1"] = [ev("office", ("2012-01-01", "2014-09-08"))]
    undated = _event(EventDate(text="on Friday"))
    dated = _event(
        EventDate(D("1985-01-01"), D("1985-12-31"), Granularity.YEAR, DateBasis.EXPRESSION)
    )
    out = dater.date_events([undated, dated], art)
    assert out[0].date.basis is DateBasis.INFERRED
    assert (out[0].date.start, out[0].date.end) == (D("2013-04-01"), D("2014-09-08"))
    assert out[0].date.text == "on Friday" and out[0].date.granularity is Granularity.YEAR
    assert out[1] == dated
    window = dater.windows["a1"]
    assert any("ISIL" in e for e in window.evidence)


def test_open_window_leaves_events_undated_and_dated_articles_alone() -> None:
    dater = ArticleDater(kb=None)  # type: ignore[arg-type]
    art = Article(article_id="a2", source_path="x", body="ISIL fighters.")
    undated = _event(EventDate())
    assert dater.date_events([undated], art) == [undated]
    assert dater.windows["a2"].earliest == D("2013-04-01")
    dated_art = Article(article_id="a3", source_path="x", body="ISIL", published=D("2015-01-01"))
    assert dater.date_events([undated], dated_art) == [undated]
    assert "a3" not in dater.windows


@pytest.fixture(scope="module")
def build_name_dates():
    spec = importlib.util.spec_from_file_location("_bedfellows_build_name_dates", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_name_dates_table_is_current(build_name_dates) -> None:
    import yaml

    curated = yaml.safe_load(build_name_dates.CURATED_PATH.read_text(encoding="utf-8"))
    rows = build_name_dates.name_date_rows(curated)
    lines = data_path("actor_name_dates.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(build_name_dates.HEADER)
    assert sorted(tuple(line.split("\t")) for line in lines[1:]) == sorted(rows), (
        "stale: run python scripts/build_data/build_name_dates.py"
    )


def test_name_dates_are_validated(build_name_dates) -> None:
    actors = {"actors": [{"id": "grp", "name": "Group", "aliases": ["Grp", "The Group"]}]}
    ok = {
        **actors,
        "name_dates": [{"actor": "grp", "since": "2001-02-01", "names": ["Grp"], "source": "s"}],
    }
    assert build_name_dates.name_date_rows(ok) == [("Grp", "grp", "2001-02-01", "s")]
    bad = [
        {"actor": "nope", "since": "2001-02-01", "names": ["Grp"], "source": "s"},
        {"actor": "grp", "since": "2001-02-01", "names": ["Other"], "source": "s"},
        {"actor": "grp", "since": "soon", "names": ["Grp"], "source": "s"},
        {"actor": "grp", "since": "2001-02-01", "names": ["Grp"], "source": ""},
    ]
    for entry in bad:
        with pytest.raises(ValueError, match="name_dates #1"):
            build_name_dates.name_date_rows({**actors, "name_dates": [entry]})
