"""Event nouns ("talks with Iran", "military coordination", "clashes").

A small hand-written table (``data/noun_triggers.tsv``), because the CAMEO
verb dictionary codes verbs only. A modifier column refines the code
("military cooperation" → 062), or takes the event away (code ``---``:
"cardiac arrest" is no arrest).
"""

from __future__ import annotations

from functools import lru_cache

from bedfellows.data import read_tsv

#: The code of a row that names no event ("cardiac arrest").
NO_EVENT = "---"


class NounLexicon:
    """Lookup of event nouns by lemma and optional modifier lemma."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self._codes: dict[tuple[str, str], str] = {}
        for row in rows:
            self._codes[(row["noun"], row["modifier"])] = row["cameo_code"]
        self.nouns = frozenset(noun for noun, _ in self._codes)

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> NounLexicon:
        """The packaged table, loaded once per process."""
        return cls(read_tsv("noun_triggers.tsv"))

    def code(self, lemma: str, modifiers: list[str]) -> str | None:
        """CAMEO code for an event noun, refined by the first matching modifier;
        None when it is no event noun, or a modifier says it names none here."""
        for mod in modifiers:
            code = self._codes.get((lemma, mod))
            if code:
                return None if code == NO_EVENT else code
        return self._codes.get((lemma, ""))
