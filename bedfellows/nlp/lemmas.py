"""Repair verb lemmas the statistical pipeline gets wrong, against a verb list.

en_core_web_sm's rule lemmatizer strips "-ed"/"-ing"/"-s" and then finds a
shorter word: "hoped" → "hop", "staged" → "stag", "waged" → "wag", "fined" →
"fin"; or it leaves the inflected form as the lemma ("boycotts", "decreed",
"imprisoning"). An event coder keyed on lemmas then misses "staged a
protest" and "waged war". This component, placed after the lemmatizer, gives
a verb the lemma of a known verb (the CAMEO dictionary's, passed in by the
pipeline) whose regular form it is, when the model's lemma is not a known
verb it can be a form of.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

LEMMA_REPAIR_NAME = "bedfellows_lemma_repair"


def _candidates(word: str) -> list[str]:
    """Base forms ``word`` is a regular inflection of, most likely first."""
    out = []
    if word.endswith("ied"):
        out.append(word[:-3] + "y")  # "readied"
    if word.endswith("ed"):
        out += [word[:-1], word[:-2]]  # "hoped" → hope; "jeered" → jeer
        if len(word) > 4 and word[-3] == word[-4]:
            out.append(word[:-3])  # "banned" → ban
    if word.endswith("ing"):
        out += [word[:-3] + "e", word[:-3]]  # "staging" → stage; "imprisoning"
        if len(word) > 5 and word[-4] == word[-5]:
            out.append(word[:-4])  # "banning" → ban
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out += [word[:-1], word[:-2]]  # "stages" → stage; "vetoes" → veto
    elif word.endswith("s"):
        out.append(word[:-1])  # "boycotts" → boycott
    return out


_VOWELS = frozenset("aeiou")


def _doubles(base: str) -> bool:
    """A one-syllable verb ending consonant-vowel-consonant ("hop", "ban", "wag")
    doubles its last letter before "-ed"/"-ing" ("hopped"), so "hoped" is no
    form of it."""
    if len(base) < 3 or base[-1] in _VOWELS or base[-1] in "wxy":
        return False
    if base[-2] not in _VOWELS or base[-3] in _VOWELS:
        return False
    groups = sum(
        1 for i, c in enumerate(base) if c in _VOWELS and (i == 0 or base[i - 1] not in _VOWELS)
    )
    return groups == 1


def _inflections(base: str) -> set[str]:
    """Regular forms of the verb ``base``."""
    forms = {base}
    forms.add(base + "es" if base.endswith(("s", "x", "z", "ch", "sh", "o")) else base + "s")
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        forms |= {base[:-1] + "ied", base[:-1] + "ies", base + "ing"}
    elif _doubles(base):
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    else:
        forms |= {base + "ed", base + "ing"}
    return forms


def repaired_lemma(text: str, lemma: str, verbs: frozenset[str]) -> str | None:
    """The known verb that ``text`` is a regular form of, when the model's
    ``lemma`` is not a verb ``text`` can be a form of ("hoped" is no form of
    "hop", whose past is "hopped").

    RETURNS (str | None): the repaired lemma, or None to keep the model's.
    """
    word = text.lower()
    if lemma.lower() in verbs and word in _inflections(lemma.lower()):
        return None
    for base in _candidates(word):
        if base in verbs and word in _inflections(base):
            return base
    return None


class LemmaRepair:
    """Pipeline component: verb lemmas repaired against ``verbs``."""

    def __init__(self, verbs: Iterable[str]) -> None:
        self.verbs = frozenset(v.lower() for v in verbs if v and " " not in v)

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if tok.pos_ != "VERB":
                continue
            fixed = repaired_lemma(tok.text, tok.lemma_, self.verbs)
            if fixed is not None:
                tok.lemma_ = fixed
        return doc


@Language.factory(LEMMA_REPAIR_NAME, default_config={"verbs": []})
def make_lemma_repair(nlp: Language, name: str, verbs: list[str]) -> LemmaRepair:
    """spaCy factory for :class:`LemmaRepair`."""
    return LemmaRepair(verbs)


def add_lemma_repair(nlp: Language, verbs: Iterable[str]) -> None:
    """Add the lemma repair after the lemmatizer (no-op if present)."""
    if LEMMA_REPAIR_NAME in nlp.pipe_names:
        return
    after = "lemmatizer" if "lemmatizer" in nlp.pipe_names else None
    nlp.add_pipe(LEMMA_REPAIR_NAME, after=after, config={"verbs": sorted(set(verbs))})
