"""Case-less text: detection and recasing from the knowledge base's names (no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bedfellows.actors.kb import ActorKB
from bedfellows.nlp.truecase import LOWER, UPPER, Truecaser, case_less


@pytest.fixture(scope="module")
def truecaser() -> Truecaser:
    return Truecaser.from_kb(ActorKB.load())


def _recase(tc: Truecaser, text: str) -> str:
    mode = case_less(text)
    assert mode is not None, text
    out = tc.recase(text, mode)
    assert len(out) == len(text)
    assert out.lower() == text.lower()
    return out


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("police detained two men near the market on sunday.", LOWER),
        ("police said the NGO had filed a complaint about the raid on the market.", LOWER),
        ("REBELS SEIZED THE TOWN, OFFICIALS SAID.", UPPER),
        ("FLOODS CUT THE ROAD TO THE PORT, THE MINISTRY SAID ON TUESDAY (ap)", UPPER),
        ("The minister met his Kenyan counterpart.", None),
        ("He said the talks went well.", None),
        ("iPhone sales fell in Brazil and Chile last year.", None),
        ("Talks In Geneva End Without A Deal", None),
        ("12 345 --", None),
    ],
)
def test_case_less_tells_lowercase_and_all_caps_from_cased_text(text, mode):
    assert case_less(text) == mode


def test_names_of_the_knowledge_base_get_their_case(truecaser):
    out = _recase(
        truecaser,
        "iraqi troops and turkish fighters met united nations envoys in baghdad. "
        "u.s. officials said nato would help.",
    )
    assert out == (
        "Iraqi troops and Turkish fighters met United Nations envoys in Baghdad. "
        "U.S. officials said NATO would help."
    )


def test_all_caps_text_is_recased_like_lowercase(truecaser):
    out = _recase(truecaser, "SYRIAN FORCES SHELLED A VILLAGE NEAR DAMASCUS ON FRIDAY.")
    assert out == "Syrian forces shelled a village near Damascus on Friday."


def test_ordinary_words_stay_ordinary(truecaser):
    text = "let us know if bill will come in may. the family ate the turkey at dinner."
    out = _recase(truecaser, text)
    assert out == "Let us know if bill will come in may. The family ate the turkey at dinner."


def test_a_word_acronym_only_where_the_word_cannot_be_meant(truecaser):
    out = _recase(truecaser, "they told us the us army and us-led forces left.")
    assert out == "They told us the US army and US-led forces left."


def test_a_name_before_the_noun_it_modifies_is_still_a_name(truecaser):
    out = _recase(truecaser, "critics of the obama administration visited turkey.")
    assert out == "Critics of the Obama administration visited Turkey."


def test_sentence_starts_but_not_abbreviation_dots(truecaser):
    out = _recase(truecaser, "gen. smith spoke. talks resumed! why? i do not know.")
    assert out == "Gen. smith spoke. Talks resumed! Why? I do not know."


def test_non_ascii_case_changes_keep_the_length(truecaser):
    # "i̇" (i and a combining dot) would become two characters in upper case.
    out = _recase(truecaser, "i̇stanbul hosted talks on the ivory coast crisis in abidjan.")
    assert "Ivory Coast" in out and "Abidjan" in out


def test_user_actors_match_case_less_text(tmp_path: Path):
    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "actors:\n"
        "  - id: bajrang_dal\n"
        "    name: Bajrang Dal\n"
        "    kind: group\n"
        "    cameo: INDRAD\n"
        "  - id: written_lower\n"
        "    name: sangh parivar\n"
        "    kind: group\n"
        "    cameo: INDRAD\n"
        "  - id: hope_party\n"
        "    name: Hope Front\n"
        "    kind: group\n"
        "    cameo: INDRAD\n"
        "    case_sensitive: [Hope Front]\n",
        encoding="utf-8",
    )
    tc = Truecaser.from_kb(ActorKB.load(actors))
    out = _recase(tc, "bajrang dal and sangh parivar activists joined the hope front rally.")
    assert out == "Bajrang Dal and Sangh Parivar activists joined the hope front rally."
