"""Stage 2, ``PatternMatcher.match``, on sentences written for this test."""

from __future__ import annotations

import pytest

from bedfellows.events.stages.candidate import Trigger
from bedfellows.events.stages.match_patterns import pattern_words

pytestmark = pytest.mark.slow


def _match(coder, parsed, word, kind="verb", specific_only=False):
    tok = parsed.tok(word)
    trigger = Trigger(tok, tok.lemma_.lower(), kind, specific_only)
    return coder.patterns.match(trigger, parsed.ctx.sent)


def test_a_verb_pattern_through_its_object(coder, parse):
    m = _match(coder, parse("Iran signed an agreement with Iraq."), "signed")
    assert m.code == "057" and not m.reverse and m.pattern.after


def test_agreeing_a_ceasefire_concludes_it(coder, parse):
    # "agreed a ceasefire": CAMEO 057, not the intention "agreed to" (035x, 030).
    assert _match(coder, parse("The two sides agreed a ceasefire."), "agreed").code == "057"


def test_pondering_an_act_is_considering_a_policy_option(coder, parse):
    m = _match(coder, parse("Germany is considering sending aid to Ukraine."), "considering")
    assert m.pondered and m.code == "014"
    assert m.pattern.after == () and m.pattern.before == ()


def test_an_idiom_is_no_act(coder, parse):
    parsed = parse("The meeting took place in Geneva.")
    assert _match(coder, parsed, "took", specific_only=True) is None


def test_a_phrasal_verb_is_matched_as_the_dictionary_lists_it(coder, parse):
    # CALL OFF (164, halt negotiations), not CALL with "off" after it.
    m = _match(coder, parse("Israel called off the talks."), "called")
    assert m.lemma == "call off" and m.pattern.verb == "call off" and m.code == "164"


def test_a_curated_row_for_verb_and_particle_is_kept(coder, parse):
    m = _match(coder, parse("Kenyan police rounded up 200 protesters."), "rounded")
    assert m.code == "173" and m.lemma == "round"


def test_a_reverse_pattern_is_undergone(coder, parse):
    m = _match(coder, parse("Iran received assurances from Britain."), "received")
    assert m.reverse and m.code == m.pattern.passive_code


def test_a_light_verb_without_a_specific_pattern_matches_nothing(coder, parse):
    parsed = parse("The minister had a busy day.")
    assert _match(coder, parsed, "had", specific_only=True) is None


def test_cooperating_against_a_party_stays_cooperation(coder, parse):
    # The dictionary's "cooperate against" is disapproval (11); the opposed
    # party is found, so the verb keeps its cooperation and ISIS is opposed.
    m = _match(coder, parse("Russia and Iran cooperated against ISIS."), "cooperated")
    assert m.code[:2] != "11" and coder.facts.cooperative(m.code)
    assert [h.text for h in m.opposed_heads] == ["ISIS"]


def test_an_event_noun_takes_the_noun_table_code(coder, parse):
    parsed = parse("Egypt hosted talks between Israel and the PLO.")
    m = _match(coder, parsed, "talks", kind="noun")
    assert m.pattern is None and m.code == coder.nouns.code("talk", [])


def test_a_hyphenated_word_is_matched_whole(coder, parse):
    parsed = parse("They broke the cease-fire.")
    words = pattern_words(list(parsed.doc), coder.lexicon)
    assert "cease-fire" in words and "cease" not in words


def test_pattern_words_are_the_verbs_own_phrase(coder, parse):
    from bedfellows.events.stages.match_patterns import pattern_window

    parsed = parse("The council managed to come up with a budget in Delhi.")
    words = {t.lower_ for t in pattern_window(parsed.tok("managed"))}
    assert "to" not in words  # an infinitive's "to" is no preposition
    parsed = parse("Officials met the envoy and criticized the sanctions on Monday.")
    words = {t.lower_ for t in pattern_window(parsed.tok("met"))}
    assert "envoy" in words and "sanctions" not in words  # the coordinated verb's own object
    parsed = parse("The minister came to Tehran on Sunday.")
    assert "to" in {t.lower_ for t in pattern_window(parsed.tok("came"))}


def test_an_infinitive_is_no_visit(coder, parse):
    m = _match(coder, parse("The council managed to come up with a budget."), "managed")
    assert m is None or not m.code.startswith("04")
    assert _match(coder, parse("The minister came to Tehran."), "came").code.startswith("04")


def test_a_complements_words_are_its_own_verbs(coder, parse):
    from bedfellows.events.stages.match_patterns import pattern_window

    parsed = parse("Russia began moving troops to the border.")
    words = {t.lower_ for t in pattern_window(parsed.tok("began"))}
    assert "moving" in words and "border" not in words and "troops" not in words
    m = _match(coder, parsed, "began")
    assert m is None or m.code != "080"  # no "begin … border": opening a border


def test_a_small_clause_is_the_verbs_own_phrase(coder, parse):
    # "found six men guilty of plotting": "find … guilty" (173), not "find … plot" (090).
    m = _match(coder, parse("A federal jury found six men guilty of plotting to kill."), "found")
    assert m.code == "173" and m.pattern.after == ("guilty",)


def test_a_currency_sign_reads_as_its_currency(coder, parse):
    # "gave $10 million" is "give &CURRENCY" (CAMEO 071, economic aid).
    assert _match(coder, parse("Japan gave $10 million to the Philippines."), "gave").code == "071"
