"""Dating events: inferred date windows of undated articles
(bedfellows.events.dating) and the tense that reads a date without its year
(``modality.tense_of``, ``date_tenses``), on parses built by hand (no model);
the last test codes sentences with the model (slow).

Sentences written for these tests.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

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
from bedfellows.events.modality import date_tenses, tense_of
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


# --- the tense that reads a date without its year ------------------------------

_VOCAB = spacy.blank("en").vocab
# word, head index, dep, pos, tag, lemma
_Row = tuple[str, int, str, str, str, str]


def _doc(rows: list[_Row]) -> Doc:
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


WILL_DECIDE = [  # "The governor will decide by March 6"
    ("The", 1, "det", "DET", "DT", "the"),
    ("governor", 3, "nsubj", "NOUN", "NN", "governor"),
    ("will", 3, "aux", "AUX", "MD", "will"),
    ("decide", 3, "ROOT", "VERB", "VB", "decide"),
    ("by", 3, "prep", "ADP", "IN", "by"),
    ("March", 4, "pobj", "PROPN", "NNP", "March"),
    ("6", 5, "nummod", "NUM", "CD", "6"),
]
IS_TO_BE_HELD = [  # "The poll is to be held on March 15"
    ("The", 1, "det", "DET", "DT", "the"),
    ("poll", 2, "nsubj", "NOUN", "NN", "poll"),
    ("is", 2, "ROOT", "AUX", "VBZ", "be"),
    ("to", 5, "aux", "PART", "TO", "to"),
    ("be", 5, "auxpass", "AUX", "VB", "be"),
    ("held", 2, "xcomp", "VERB", "VBN", "hold"),
    ("on", 5, "prep", "ADP", "IN", "on"),
    ("March", 6, "pobj", "PROPN", "NNP", "March"),
    ("15", 7, "nummod", "NUM", "CD", "15"),
]
HAD_LEFT = [  # "The troops had left by March 3"
    ("The", 1, "det", "DET", "DT", "the"),
    ("troops", 3, "nsubj", "NOUN", "NNS", "troop"),
    ("had", 3, "aux", "AUX", "VBD", "have"),
    ("left", 3, "ROOT", "VERB", "VBN", "leave"),
    ("by", 3, "prep", "ADP", "IN", "by"),
    ("March", 4, "pobj", "PROPN", "NNP", "March"),
    ("3", 5, "nummod", "NUM", "CD", "3"),
]
WAS_REMANDED = [  # "He was remanded till April 1"
    ("He", 2, "nsubjpass", "PRON", "PRP", "he"),
    ("was", 2, "auxpass", "AUX", "VBD", "be"),
    ("remanded", 2, "ROOT", "VERB", "VBN", "remand"),
    ("till", 2, "prep", "SCONJ", "IN", "till"),
    ("April", 3, "pobj", "PROPN", "NNP", "April"),
    ("1", 4, "nummod", "NUM", "CD", "1"),
]
IF_ALLOWED = [  # "Leaders would attend if the government allowed the puja"
    ("Leaders", 2, "nsubj", "NOUN", "NNS", "leader"),
    ("would", 2, "aux", "AUX", "MD", "would"),
    ("attend", 2, "ROOT", "VERB", "VB", "attend"),
    ("if", 6, "mark", "SCONJ", "IN", "if"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("government", 6, "nsubj", "NOUN", "NN", "government"),
    ("allowed", 2, "advcl", "VERB", "VBD", "allow"),
    ("the", 8, "det", "DET", "DT", "the"),
    ("puja", 6, "dobj", "NOUN", "NN", "puja"),
]
SIDES_MEET = [  # "The sides meet on Friday"
    ("The", 1, "det", "DET", "DT", "the"),
    ("sides", 2, "nsubj", "NOUN", "NNS", "side"),
    ("meet", 2, "ROOT", "VERB", "VBP", "meet"),
    ("on", 2, "prep", "ADP", "IN", "on"),
    ("Friday", 3, "pobj", "PROPN", "NNP", "Friday"),
]
DID_NOT_ATTEND = [  # "He did not attend on Friday"
    ("He", 3, "nsubj", "PRON", "PRP", "he"),
    ("did", 3, "aux", "AUX", "VBD", "do"),
    ("not", 3, "neg", "PART", "RB", "not"),
    ("attend", 3, "ROOT", "VERB", "VB", "attend"),
    ("on", 3, "prep", "ADP", "IN", "on"),
    ("Friday", 4, "pobj", "PROPN", "NNP", "Friday"),
]
COULD_HAVE_MET = [  # "He could have met them on Friday"
    ("He", 3, "nsubj", "PRON", "PRP", "he"),
    ("could", 3, "aux", "AUX", "MD", "could"),
    ("have", 3, "aux", "AUX", "VB", "have"),
    ("met", 3, "ROOT", "VERB", "VBN", "meet"),
    ("them", 3, "dobj", "PRON", "PRP", "they"),
    ("on", 3, "prep", "ADP", "IN", "on"),
    ("Friday", 5, "pobj", "PROPN", "NNP", "Friday"),
]
SAID_WILL_RESUME = [  # "He said on Monday that talks will resume on Friday"
    ("He", 1, "nsubj", "PRON", "PRP", "he"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("on", 1, "prep", "ADP", "IN", "on"),
    ("Monday", 2, "pobj", "PROPN", "NNP", "Monday"),
    ("that", 7, "mark", "SCONJ", "IN", "that"),
    ("talks", 7, "nsubj", "NOUN", "NNS", "talk"),
    ("will", 7, "aux", "AUX", "MD", "will"),
    ("resume", 1, "ccomp", "VERB", "VB", "resume"),
    ("on", 7, "prep", "ADP", "IN", "on"),
    ("Friday", 8, "pobj", "PROPN", "NNP", "Friday"),
]
PLANS_STRIKE = [  # "The union plans a strike on Monday"
    ("The", 1, "det", "DET", "DT", "the"),
    ("union", 2, "nsubj", "NOUN", "NN", "union"),
    ("plans", 2, "ROOT", "VERB", "VBZ", "plan"),
    ("a", 4, "det", "DET", "DT", "a"),
    ("strike", 2, "dobj", "NOUN", "NN", "strike"),
    ("on", 2, "prep", "ADP", "IN", "on"),
    ("Monday", 5, "pobj", "PROPN", "NNP", "Monday"),
]

ARRESTED_MONDAY = [  # "Two men arrested on Monday were freed"
    ("Two", 1, "nummod", "NUM", "CD", "two"),
    ("men", 6, "nsubjpass", "NOUN", "NNS", "man"),
    ("arrested", 1, "acl", "VERB", "VBN", "arrest"),
    ("on", 2, "prep", "ADP", "IN", "on"),
    ("Monday", 3, "pobj", "PROPN", "NNP", "Monday"),
    ("were", 6, "auxpass", "AUX", "VBD", "be"),
    ("freed", 6, "ROOT", "VERB", "VBN", "free"),
]
ORDER_OF_WEDNESDAY = [  # "The court is going to clarify its order of Wednesday"
    ("The", 1, "det", "DET", "DT", "the"),
    ("court", 3, "nsubj", "NOUN", "NN", "court"),
    ("is", 3, "aux", "AUX", "VBZ", "be"),
    ("going", 3, "ROOT", "VERB", "VBG", "go"),
    ("to", 5, "aux", "PART", "TO", "to"),
    ("clarify", 3, "xcomp", "VERB", "VB", "clarify"),
    ("its", 7, "poss", "PRON", "PRP$", "its"),
    ("order", 5, "dobj", "NOUN", "NN", "order"),
    ("of", 7, "prep", "ADP", "IN", "of"),
    ("Wednesday", 8, "pobj", "PROPN", "NNP", "Wednesday"),
]
DEADLINE_BORNE = [  # "Talks had borne fruit as the March 15 deadline will be kept"
    ("Talks", 2, "nsubj", "NOUN", "NNS", "talk"),
    ("had", 2, "aux", "AUX", "VBD", "have"),
    ("borne", 2, "ROOT", "VERB", "VBN", "bear"),
    ("fruit", 2, "dobj", "NOUN", "NN", "fruit"),
    ("as", 2, "prep", "ADP", "IN", "as"),  # misparsed, as a spaCy model may
    ("the", 8, "det", "DET", "DT", "the"),
    ("March", 8, "nmod", "PROPN", "NNP", "March"),
    ("15", 6, "nummod", "NUM", "CD", "15"),
    ("deadline", 4, "pobj", "NOUN", "NN", "deadline"),
    ("will", 11, "aux", "AUX", "MD", "will"),
    ("be", 11, "auxpass", "AUX", "VB", "be"),
    ("kept", 2, "ccomp", "VERB", "VBN", "keep"),
]


@pytest.mark.parametrize(
    ("rows", "trigger", "expected"),
    [
        (WILL_DECIDE, "decide", "future"),  # future tense
        (IS_TO_BE_HELD, "held", "future"),  # "is to be"
        (IF_ALLOWED, "allowed", "future"),  # hypothetical, though "allowed" is a past form
        (IF_ALLOWED, "attend", "future"),  # "would"
        (PLANS_STRIKE, "strike", "future"),  # an intended event noun
        (HAD_LEFT, "left", "past"),  # past perfect
        (COULD_HAVE_MET, "met", "past"),  # a perfect outranks the modal
        (WAS_REMANDED, "remanded", "past"),  # passive past
        (ARRESTED_MONDAY, "arrested", "past"),  # a bare participle
        (DID_NOT_ATTEND, "attend", "past"),  # negated past
        (SIDES_MEET, "meet", None),  # a present tense says nothing
        (PLANS_STRIKE, "plans", None),
    ],
)
def test_tense_of_the_governing_clause(rows, trigger, expected) -> None:
    doc = _doc(rows)
    tok = next(t for t in doc if t.text == trigger)
    got = tense_of(tok)
    assert (got.value if got is not None else None) == expected


def test_each_date_is_read_with_its_own_clause() -> None:
    doc = _doc(SAID_WILL_RESUME)
    text = doc.text
    monday = (text.index("on Monday"), text.index("on Monday") + len("on Monday"))
    friday = (text.index("on Friday"), text.index("on Friday") + len("on Friday"))
    for trigger in ("said", "resume"):
        read = date_tenses(doc[:], next(t for t in doc if t.text == trigger))
        assert read(*monday).value == "past"  # the saying's date
        assert read(*friday).value == "future"  # the talks' date
    # a date in a clause that says nothing takes the event's tense
    strike = _doc(PLANS_STRIKE)
    at = strike.text.index("on Monday")
    assert date_tenses(strike[:], strike[4])(at, at + 9).value == "future"
    assert date_tenses(strike[:], strike[2])(at, at + 9) is None
    # a date after "of" names its noun's own day; one before a noun labels it
    order = _doc(ORDER_OF_WEDNESDAY)
    at = order.text.index("Wednesday")
    assert date_tenses(order[:], order[5])(at, at + 9) is None
    deadline = _doc(DEADLINE_BORNE)
    at = deadline.text.index("March")
    assert date_tenses(deadline[:], deadline[11])(at, at + 8).value == "future"
    # a date hanging on a participle in another clause takes that clause's tense
    arrested = _doc(ARRESTED_MONDAY)
    at = arrested.text.index("on Monday")
    assert date_tenses(arrested[:], arrested[6])(at, at + 9).value == "past"


@pytest.mark.slow
def test_coded_events_read_yearless_dates_with_tense_and_cues(code_text) -> None:
    # Lower-cased, as in a corpus stored without case.
    wednesday = date(2002, 3, 13)
    cases = [
        ("the state governor will decide on the new cabinet by march 6.", date(2002, 3, 5),
         date(2002, 3, 6)),
        ("the city police banned all rallies on friday, the day the union plans to march.",
         wednesday, date(2002, 3, 15)),
        ("the city police arrested the union leaders on friday.", wednesday, date(2002, 3, 8)),
        ("the leaders would call off the strike if the government allowed talks on march 15.",
         wednesday, date(2002, 3, 15)),
        ("the two prime ministers will meet on january 3.", date(2002, 12, 28), date(2003, 1, 3)),
        ("the two prime ministers met on december 30.", date(2003, 1, 2), date(2002, 12, 30)),
    ]  # fmt: skip
    for text, published, expected in cases:
        _, events = code_text(text, published)
        dated = [e.date.start for e in events if e.date.basis is DateBasis.EXPRESSION]
        assert dated and set(dated) == {expected}, (text, [(e.trigger, e.date) for e in events])
