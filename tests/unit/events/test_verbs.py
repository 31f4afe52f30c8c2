"""Verb lexicon: the packaged CAMEO verb patterns and the ordered-subsequence matcher.

Tests on the packaged dictionary check each answer against the source line of
CAMEO.2.0.txt the pattern came from (skipped when ../shared is absent); matcher
tests use small hand-made tables.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bedfellows.data import read_tsv
from bedfellows.errors import CodingError
from bedfellows.events.codebook import Codebook
from bedfellows.events.verbs import VerbLexicon, VerbPattern

VERB_DICT = (
    Path(__file__).resolve().parents[3].parent
    / "shared"
    / "data"
    / "reference"
    / "petrarch"
    / "CAMEO.2.0.txt"
)


def source_line(number: int) -> str:
    """A line of CAMEO.2.0.txt, or skip the test."""
    if not VERB_DICT.is_file():
        pytest.skip(f"{VERB_DICT} is not available")
    return VERB_DICT.read_text(encoding="utf-8").splitlines()[number - 1]


def source_code(line: str) -> str:
    """The active code written in a dictionary line's [...], '' for ---."""
    code = re.search(r"\[([^\]]*)\]", line).group(1).split(":")[0].rstrip("!")
    return "" if code == "---" else code


@pytest.fixture(scope="module")
def lexicon() -> VerbLexicon:
    return VerbLexicon.load()


# -- the packaged dictionary ---------------------------------------------------


def test_verbs_load_is_cached(lexicon):
    assert VerbLexicon.load() is lexicon


def test_verbs_threaten_default_is_threaten_code(lexicon):
    code = lexicon.default_code("threaten")
    assert code is not None and code.startswith("13")
    bare = lexicon.match("threaten", [], [])
    assert bare.is_default and bare.code == code
    header = source_line(bare.line - 1)  # the block header precedes the verb
    assert header.startswith("---") and "THREATEN" in header
    assert source_code(header) == code


def test_verbs_sign_agreement(lexicon):
    trade = lexicon.match("sign", ["the", "two", "country"], ["a", "trade", "agreement"])
    assert trade.after == ("trade", "&TREATY")  # more specific than "&TREATY" alone
    assert source_code(source_line(trade.line)) == trade.code
    plain = lexicon.match("sign", [], ["an", "agreement"])
    assert plain.code.startswith("057")
    assert "agreement" in lexicon.synset("&TREATY")
    assert source_code(source_line(plain.line)) == plain.code
    assert "&TREATY" in source_line(plain.line)


def test_verbs_call_on(lexicon):
    found = lexicon.match("call", ["iran"], ["on", "the", "united", "nations"])
    assert found.after == ("on",)
    assert found.code.startswith("02")
    line = source_line(found.line)
    assert "(ON)" in line and source_code(line) == found.code


def test_verbs_send_troops_follows_dictionary(lexicon):
    found = lexicon.match("send", ["washington"], ["more", "troops", "to", "iraq"])
    assert found is not None and not found.is_default
    line = source_line(found.line)
    assert source_code(line) == found.code
    # The matched pattern needs a word the sentence has ("troops", or its lemma).
    words = {"troops", "troop"}
    assert any(w in words or (w.startswith("&") and words & lexicon.synset(w)) for w in found.after)


def test_verbs_a_light_verbs_idiom_is_not_shared_with_its_block(lexicon):
    # "- * PART [030]  # TAKE" sits in the block of APPREHEND, CAPTURE, SEIZE, TAKE.
    take = lexicon.match("take", ["rebels"], ["part", "in", "talks"])
    assert take is not None and not take.is_default
    assert "# TAKE" in source_line(take.line)
    for verb in ("capture", "seize", "arrest"):
        found = lexicon.match(verb, ["troops"], ["part", "of", "the", "stronghold"])
        assert found is None or found.code is None or not found.code.startswith("03"), verb
    # A pattern the comment gives to a verb that is not light stays shared.
    assert lexicon.match("nab", ["police"], ["an", "activist"]).code == "173"


def test_verbs_a_verb_listed_twice_in_its_block_takes_the_line_with_its_own_code(lexicon):
    # "BEAT" (the block's 190) then "BEAT {BEATS BEATING BEATEN } [182]".
    bare = lexicon.match("beat", [], [])
    line = source_line(bare.line)
    assert line.startswith("BEAT") and source_code(line) == bare.code == "182"


def test_verbs_discard_pattern_has_no_code(lexicon):
    found = lexicon.match("call", [], ["a", "cabinet", "meeting"])
    assert found.discard and found.code is None
    assert "[---]" in source_line(found.line)


def test_verbs_null_default_verb(lexicon):
    bare = lexicon.match("sign", [], ["nothing", "relevant"])
    assert bare.is_default
    assert bare.code is None and bare.discard
    assert lexicon.default_code("sign") is None


def test_verbs_unknown_verb(lexicon):
    assert lexicon.match("xyzzy", [], ["on"]) is None
    assert lexicon.entries("xyzzy") == []
    assert lexicon.default_code("xyzzy") is None
    assert lexicon.base("xyzzy") is None


def test_verbs_irregular_form_maps_to_base(lexicon):
    assert lexicon.base("brought") == "bring"
    assert lexicon.match("brought", [], []).verb == "bring"
    assert lexicon.entries("brought") == lexicon.entries("bring")
    # A dictionary verb is never taken for another verb's form ("found" / "find").
    assert lexicon.base("found") == "found"


def test_verbs_multiword_verb(lexicon):
    entries = lexicon.entries("ask for")
    assert entries and entries[0].is_default and entries[0].verb == "ask for"
    assert lexicon.entries("ASK_FOR") == entries
    assert source_code(source_line(entries[0].line)) == lexicon.default_code("ask for")
    assert "ask for" in lexicon.compounds("ask")
    assert lexicon.base("asked for") == "ask for"


def test_verbs_match_is_case_insensitive(lexicon):
    assert lexicon.match("Call", ["Iran"], ["ON"]) == lexicon.match("call", ["iran"], ["on"])


def test_verbs_entries_bare_first_then_dictionary_order(lexicon):
    entries = lexicon.entries("call")
    assert entries[0].is_default
    lines = [p.line for p in entries[1:]]
    assert lines == sorted(lines)
    assert all(p.verb == "call" for p in entries)


def test_verbs_synset_lookup(lexicon):
    assert lexicon.synset("CURRENCY") == lexicon.synset("&CURRENCY")
    assert "dollar" in lexicon.synset("&CURRENCY")
    with pytest.raises(CodingError):
        lexicon.synset("&NO_SUCH_SET")


def test_verbs_every_code_is_in_the_codebook():
    book = Codebook.load()
    for row in read_tsv("verb_patterns.tsv"):
        for code in (row["code"], row["passive_code"]):
            if code:
                book.cameo(code)
        assert row["discard"] == ("1" if not row["code"] and not row["passive_code"] else "0")


# -- the matcher, on hand-made tables ----------------------------------------


def row(verb, before="", after="", code="", line=1, passive="", forms="", block="b"):
    return {
        "verb": verb,
        "before": before,
        "after": after,
        "source_slot": "",
        "target_slot": "",
        "code": code,
        "passive_code": passive,
        "discard": "0" if code or passive else "1",
        "block": block,
        "forms": forms,
        "line": str(line),
    }


SYNSETS = [
    {"synset": "&AID", "member": "aid"},
    {"synset": "&AID", "member": "humanitarian_aid"},
    {"synset": "&PLANE", "member": "jet"},
    {"synset": "&FIGHT_OF_WORDS", "member": "argument"},
]


@pytest.fixture
def small() -> VerbLexicon:
    rows = [
        row("give", code="070", line=1, forms="gave given"),
        row("give", after="aid", code="071", line=2),
        row("give", after="military aid", code="072", line=3),
        row("give", after="humanitarian_aid", code="073", line=4),
        row("give", after="&AID to &PLANE", code="074", line=5),
        row("give", before="reluctantly", after="aid", code="075", line=6),
        row("give", after="sanctions", code="163", line=7),
        row("give", after="tie", code="", line=8),
        row("give", after="first", code="010", line=9),
        row("give", after="second", code="011", line=10),
        row("give", after="fighter_&PLANE", code="195", line=11),
        row("give", after="&FIGHT_OF_WORDS", code="111", line=12),
    ]
    return VerbLexicon(rows, SYNSETS)


def test_verbs_match_most_specific_wins(small):
    assert small.match("give", [], ["them", "aid"]).code == "071"
    assert small.match("give", [], ["military", "aid"]).code == "072"
    assert small.match("give", ["reluctantly"], ["aid"]).code == "075"


def test_verbs_match_words_in_order_with_gaps(small):
    assert small.match("give", [], ["military", "and", "food", "aid"]).code == "072"
    assert small.match("give", [], ["aid", "military"]).code == "071"


def test_verbs_match_underscore_means_consecutive(small):
    assert small.match("give", [], ["humanitarian", "aid"]).code == "073"
    # Not consecutive: only the one-word "aid" pattern is left.
    assert small.match("give", [], ["humanitarian", "food", "aid"]).code == "071"


def test_verbs_match_synsets_and_composite_tokens(small):
    assert small.match("give", [], ["humanitarian", "aid", "to", "the", "jet"]).code == "074"
    assert small.match("give", [], ["a", "fighter", "jet"]).code == "195"
    assert small.match("give", [], ["fighter", "old", "jet"]).code == "070"
    assert small.match("give", [], ["an", "argument"]).code == "111"


def test_verbs_match_plural_pattern_word_matches_lemma(small):
    assert small.match("give", [], ["new", "sanction"]).code == "163"


def test_verbs_match_default_and_discard(small):
    bare = small.match("give", ["they"], ["nothing"])
    assert bare.is_default and bare.code == "070"
    tie = small.match("give", [], ["a", "tie"])
    assert tie.code is None and tie.discard


def test_verbs_match_tie_goes_to_earlier_line(small):
    assert small.match("give", [], ["second", "first"]).code == "010"


def test_verbs_match_forms(small):
    assert small.match("gave", [], ["aid"]).verb == "give"
    assert small.base("given") == "give"


def test_verbs_match_returns_verbpattern_fields(small):
    found = small.match("give", [], ["military", "aid"])
    assert isinstance(found, VerbPattern)
    assert found.after == ("military", "aid") and found.before == ()
    assert found.line == 3 and found.block == "b"


def test_verbs_match_with_200_near_patterns_falls_back_to_the_default():
    words = [f"w{i}" for i in range(400)]
    rows = [row("go", code="040", line=1)]
    rows += [
        row("go", after=f"{words[i]} {words[i + 1]}", code="041", line=i + 2) for i in range(200)
    ]
    lexicon = VerbLexicon(rows, [])
    # A 30-word sentence sharing words with several patterns, none matching fully.
    before = [f"b{i}" for i in range(10)]
    after = [words[2 * i + 1] for i in range(20)]
    assert lexicon.match("go", before, after).is_default


def test_verbs_match_object_pattern_beats_subject_pattern_of_equal_weight():
    lex = VerbLexicon(
        [
            row("seize", code="171", line=1),
            row("seize", before="militants", code="181", line=2),  # earlier line
            row("seize", after="control", code="192", line=3),
        ],
        [],
    )
    assert lex.match("seize", ["militants"], ["control", "of", "town"]).code == "192"
    assert lex.match("seize", ["militants"], ["a", "hostage"]).code == "181"
