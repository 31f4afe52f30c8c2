"""Bare verbs the CAMEO dictionary leaves uncoded, given a code by verb_defaults.tsv."""

from __future__ import annotations

from bedfellows.events.verbs import VerbLexicon


def test_bare_reject_is_coded_120_but_its_patterns_still_win():
    lexicon = VerbLexicon.load()
    bare = lexicon.match("reject", [], ["an", "ultimatum"])
    assert (bare.code, bare.discard) == ("120", False)
    assert lexicon.match("reject", [], ["the", "proposal"]).code == "120"
    assert lexicon.match("reject", [], ["mediation"]).code == "126"
    # Other verbs of the same uncoded block stay uncoded.
    assert not lexicon.match("resist", [], ["the", "pressure"]).code


def test_defaults_replace_the_bare_code_but_patterns_still_win():
    patterns = [
        {
            "verb": "spurn", "before": "", "after": "", "source_slot": "", "target_slot": "",
            "code": "110", "passive_code": "", "discard": "0", "block": "spurn", "forms": "",
            "line": "1",
        },
        {
            "verb": "spurn", "before": "", "after": "mediation", "source_slot": "",
            "target_slot": "", "code": "126", "passive_code": "", "discard": "0",
            "block": "spurn", "forms": "", "line": "2",
        },
    ]  # fmt: skip
    lexicon = VerbLexicon(patterns, [], [{"verb": "spurn", "cameo_code": "120", "note": ""}])
    assert lexicon.match("spurn", [], []).code == "120"
    assert lexicon.match("spurn", [], ["the", "mediation"]).code == "126"
    # A verb without a default row keeps the dictionary's code.
    assert VerbLexicon(patterns, [], []).match("spurn", [], []).code == "110"


def test_agree_is_an_intention_to_cooperate_as_the_codebook_says():
    lexicon = VerbLexicon.load()
    assert lexicon.match("agree", [], []).code == "030"
    assert lexicon.match("agree", [], ["to", "elections"]).code == "0831"


def test_armed_surrender_is_a_military_retreat_and_a_resignation_yields_power():
    lex = VerbLexicon.load()
    assert lex.match("surrender", ["rebel"], []).code == "0874"
    assert lex.match("surrender", ["suspect"], []).code == "080"
    assert lex.match("resign", [], []).code == "0831"
    assert lex.match("resign", [], ["in", "protest"]).code == "140"


def test_a_bare_default_adds_a_verb_the_dictionary_lacks():
    lex = VerbLexicon.load()
    assert lex.base("urge") == "urge"
    assert lex.match("urge", [], ["restraint"]).code == "020"
    assert lex.default_code("sanction") == "163"
