"""What several stages ask of CAMEO codes: their QuadClass, whether they
are cooperation, and whom a cooperation is against.

The pattern stage (the dictionary's "V against" reading), the argument stage
(who an alliance is against) and the constraint stage (only cooperation has
opposed parties) ask it.
"""

from __future__ import annotations

from bedfellows.errors import CodingError

from ..arguments import CONFLICT, COOPERATION, YIELD, opposed_parties
from ..codebook import Codebook
from ..nouns import NounLexicon
from ..verbs import VerbLexicon
from .candidate import PATTERN_WINDOW

# CAMEO 08 "Yield": lifting sanctions or ending a blockade is for whom they were against.
_YIELD_ROOT = "08"
#: CAMEO roots of violence (18 "Assault", 19 "Fight", 20 "Use unconventional
#: mass violence"): reported even when nobody is named as doing it.
VIOLENCE_ROOTS = frozenset({"18", "19", "20"})
#: CAMEO 11 "Disapprove" (the dictionary's "V against").
DISAPPROVE_ROOT = "11"
#: CAMEO 173 "Arrest, detain, or charge with legal action": an act on someone.
ARREST = "173"


class CodeFacts:
    """QuadClass, cooperation and act kind of codes and trigger words."""

    def __init__(self, codebook: Codebook, lexicon: VerbLexicon, nouns: NounLexicon) -> None:
        self.codebook = codebook
        self.lexicon = lexicon
        self.nouns = nouns

    def quad_class(self, code: str | None) -> int | None:
        """QuadClass of a CAMEO code (None for no code or one the codebook lacks)."""
        if not code:
            return None
        try:
            return self.codebook.cameo(code).quad_class
        except CodingError:
            return None

    def cooperative(self, code: str | None) -> bool:
        """Whether a CAMEO code is a cooperation by both codebooks: QuadClass
        1–2, and a PLOVER type of quad 1–2 (an investigation, CAMEO 09, is
        QuadClass 1 but PLOVER's ACCUSE: "investigations against X" target X)."""
        if self.quad_class(code) not in (1, 2):
            return False
        try:
            return self.codebook.plover_quad(self.codebook.cameo(code).plover_type) in (1, 2)
        except CodingError:  # no PLOVER type: CAMEO's QuadClass decides
            return True

    def act_kind(self, tok) -> str | None:
        """``CONFLICT`` when ``tok`` codes an act of conflict (QuadClass 3–4) in
        its sentence, by the CAMEO verb dictionary ("combat", "fight",
        "counter") or the event-noun table ("sanctions", "attack"); ``YIELD``
        for a yielding act (CAMEO 08: "lift", "ease"), ``COOPERATION`` for
        another act of QuadClass 1–2; None when it codes nothing."""
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN":
            mods = [c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")]
            code = self.nouns.code(lemma, mods) if lemma in self.nouns.nouns else None
        else:
            sent, doc = tok.sent, tok.doc
            before = doc[max(sent.start, tok.i - PATTERN_WINDOW) : tok.i]
            after = doc[tok.i + 1 : min(sent.end, tok.i + PATTERN_WINDOW + 1)]
            pattern = self.lexicon.match(
                lemma, [t.lemma_.lower() for t in before], [t.lemma_.lower() for t in after]
            )
            code = None if pattern is None or pattern.discard else pattern.code
        quad = self.quad_class(code)
        if quad in (3, 4):
            return CONFLICT
        if quad is None:
            return None
        return YIELD if code[:2] == _YIELD_ROOT else COOPERATION

    def opposed_heads(self, trigger, code: str) -> list:
        """Heads of the parties a cooperation is directed against; none for
        other events, whose "against X" is their target.

        "against" on a verbal trigger counts only when the verb itself means
        cooperation ("cooperate", "back"), not when a pattern's noun made it
        one ("use &TREATY" matched through "according to": "weapons to use
        against the United States" is no cooperation against it)."""
        if not self.cooperative(code):
            return []
        own = trigger.pos_ != "VERB"
        if not own:
            bare = self.lexicon.match(trigger.lemma_.lower(), [], [])
            own = bare is not None and self.cooperative(bare.code)
        return opposed_parties(trigger, self.act_kind, own_against=own)
