"""CAMEO verb patterns (PETRARCH-2's ``CAMEO.2.0.txt``) and a fast matcher over lemmas.

The tables ``verb_patterns.tsv`` and ``verb_synsets.tsv`` are built by
``scripts/build_data/build_verbs.py``, whose docstring details the conversion.
In short, each row is (verb lemma, pattern):

``verb``
    lowercase lemma; multi-word verbs are space-joined ("ask for", "call off").
``before`` / ``after``
    words required before / after the verb, in order, with other words allowed
    in between. A token joined by ``_`` ("on_the", "humanitarian_aid") must
    match consecutive words. ``&NAME`` is a synonym set: any member matches, and
    a multi-word member ("armed_forces") matches consecutive words. Synsets can
    be joined to words ("fighter_&AIRCRAFT").
``code`` / ``passive_code``
    the dictionary writes codes as ``[A:B]``: A is the CAMEO code of the event
    as written (the grammatical subject is the source), B the code of the
    reverse, passive reading — ``[042:043]`` is visit (042) / be visited, i.e.
    host (043); ``[:173]`` has no active event. ``---`` (no event) is stored as
    an empty code; ``discard`` marks patterns with no event either way.
    The bare verb (empty ``before`` and ``after``) carries the verb's default
    code: its own ``[code]`` in the dictionary, else its block's.
``source_slot`` / ``target_slot``
    where the pattern placed its ``$`` source / ``+`` target, "before:N" or
    "after:N" (after the first N words of that side), "" when absent.

Hand-written rows of ``verb_defaults.tsv`` give a bare verb its code where the
dictionary leaves it uncoded, and, with words, add patterns that are tried
before the dictionary's ("remand &DETENTION" → 173, "confine to" → no event).

``VerbLexicon.match`` returns the most specific pattern whose ``before`` words
appear in order among the words before the verb and whose ``after`` words
appear in order among the words after it, else the bare verb's entry. Callers
pass lemmas: pattern words match a sentence word equal to the pattern word or
to a simple lemma of it (plural -s/-es/-ies, past -ed), case-insensitively, so
"troops" in a pattern matches the lemma "troop". Specificity is the number of
words a pattern requires (a synset counts as its shortest member); ties go to
the pattern written earlier in the dictionary.

Speed: patterns are compiled once and indexed per verb by the words that can
start one of their tokens, so a look-up touches only the patterns sharing a
word with the sentence.

    lexicon = VerbLexicon.load()
    lexicon.match("call", ["iran"], ["on", "the", "us", "to", "help"]).code   # "020"
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from bedfellows.data import read_tsv
from bedfellows.errors import CodingError, DataFileError

__all__ = ["NO_EVENT", "VerbLexicon", "VerbPattern"]

#: The code of a hand-written pattern that codes no event (the dictionary's ``---``).
NO_EVENT = "---"


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """One verb pattern of the CAMEO dictionary (or a verb's bare default entry).

    ``code`` is None when the pattern codes no event in the active reading;
    ``discard`` is True when it codes none in either reading. ``line`` is the
    line of CAMEO.2.0.txt the pattern (or verb) comes from.
    """

    verb: str
    code: str | None
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    passive_code: str | None = None
    discard: bool = False
    source_slot: str | None = None
    target_slot: str | None = None
    block: str = ""
    forms: tuple[str, ...] = ()
    line: int = 0
    curated: bool = False

    @property
    def is_default(self) -> bool:
        """True for the bare verb's entry (no words required)."""
        return not self.before and not self.after


# Words ending in -s that are not plurals: never strip their "s".
_NO_S = frozenset(
    {
        "news",
        "series",
        "species",
        "means",
        "politics",
        "economics",
        "physics",
        "headquarters",
        "whereabouts",
        "crossroads",
    }
)


def _variants(word: str) -> frozenset[str]:
    """The word and simple lemmas of it (plural and past-tense endings stripped).

    Over-generation is cheap and mostly harmless: most spurious variants ("agre"
    from "agreed") are not words, so they never equal a sentence lemma.
    """
    out = {word}
    if len(word) > 3 and word not in _NO_S:
        if word.endswith("ies"):
            out.add(word[:-3] + "y")
        elif word.endswith(("sses", "shes", "ches", "xes", "zes")):
            out.add(word[:-2])
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
            out.add(word[:-1])
        if word.endswith("men"):
            out.add(word[:-3] + "man")
    if len(word) > 4 and word.endswith("ed"):
        stem = word[:-2]
        out.update((stem, word[:-1]))  # "talked" -> talk, "agreed" -> agree
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.add(stem[:-1])  # "planned" -> plan
        if stem.endswith("i"):
            out.add(stem[:-1] + "y")  # "denied" -> deny
    return frozenset(out)


class _Token:
    """A compiled pattern token: alternatives of consecutive words."""

    __slots__ = ("keys", "rests", "simple", "width")

    def __init__(self, alternatives: list[tuple[str, ...]]) -> None:
        rests: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for alt in alternatives:
            rest = tuple(_variants(w) for w in alt[1:])
            for key in _variants(alt[0]):
                bucket = rests.setdefault(key, [])
                if rest not in bucket:
                    bucket.append(rest)
        self.rests = rests
        self.keys = frozenset(rests)
        self.simple = all(not r for bucket in rests.values() for r in bucket)
        self.width = min(len(alt) for alt in alternatives)

    def find(self, words: Sequence[str], start: int, stop: int | None = None) -> int:
        """Index just past the earliest-ending match starting in ``[start, stop)``, or -1."""
        n = len(words)
        last = n if stop is None else min(n, stop)
        if self.simple:
            keys = self.keys
            for i in range(start, last):
                if words[i] in keys:
                    return i + 1
            return -1
        best = -1
        for i in range(start, last):
            if best != -1 and i + 1 >= best:
                break
            bucket = self.rests.get(words[i])
            if bucket is None:
                continue
            for rest in bucket:
                end = i + 1 + len(rest)
                if end > n or (best != -1 and end >= best):
                    continue
                if all(words[i + 1 + j] in accepted for j, accepted in enumerate(rest)):
                    best = end
        return best


# A pattern word after one of these is its object and must follow closely
# ("met in a bitter dispute", not "met in Cairo … to discuss the dispute").
_PREPOSITIONS = frozenset(
    {
        "in",
        "on",
        "at",
        "with",
        "for",
        "to",
        "of",
        "by",
        "from",
        "into",
        "against",
        "over",
        "under",
        "about",
        "between",
        "toward",
        "towards",
        "through",
        "across",
        "upon",
    }
)
_PP_GAP = 3  # determiner and adjectives between a preposition and its object


def _match_in_order(tokens: tuple[_Token, ...], words: Sequence[str]) -> bool:
    """True when every token matches, in order, without overlapping; a token
    after a preposition must start within the preposition's phrase."""
    position = 0
    stop = None
    for token in tokens:
        position = token.find(words, position, stop)
        if position < 0:
            return False
        stop = position + _PP_GAP + 1 if token.keys <= _PREPOSITIONS else None
    return True


class _Compiled:
    """A pattern's before/after tokens plus what the prefilter needs."""

    __slots__ = ("after", "anchor", "anchor_side", "before", "specificity")

    def __init__(self, before: tuple[_Token, ...], after: tuple[_Token, ...]) -> None:
        self.before = before
        self.after = after
        self.specificity = sum(t.width for t in before) + sum(t.width for t in after)
        # Index the pattern under its token with the fewest start words: every
        # match needs one of them, so the index never hides a possible match.
        sides = [(0, t) for t in before] + [(1, t) for t in after]
        side, token = min(sides, key=lambda item: (len(item[1].keys), item[0]))
        self.anchor = token.keys
        self.anchor_side = side

    def matches(
        self,
        before: Sequence[str],
        after: Sequence[str],
        before_set: set[str],
        after_set: set[str],
    ) -> bool:
        """True when both sides match; a word-set test rejects most misses cheaply."""
        for token in self.after:
            if token.keys.isdisjoint(after_set):
                return False
        for token in self.before:
            if token.keys.isdisjoint(before_set):
                return False
        return _match_in_order(self.after, after) and _match_in_order(self.before, before)


# The pattern fields of a row, without the verb: (before, after, source_slot,
# target_slot, code, passive_code, discard, block, forms, line).
_Fields = tuple[str, str, str, str, str, str, str, str, str, str]


def _make_pattern(verb: str, fields: _Fields) -> VerbPattern:
    """A VerbPattern from a verb and its row fields."""
    before, after, source, target, code, passive, discard, block, forms, line = fields
    try:
        number = int(line)
    except ValueError as exc:
        raise DataFileError(f"verb_patterns.tsv: bad line number {line!r} for {verb!r}") from exc
    return VerbPattern(
        verb=verb,
        code=code or None,
        before=tuple(before.split()),
        after=tuple(after.split()),
        passive_code=passive or None,
        discard=discard == "1",
        source_slot=source or None,
        target_slot=target or None,
        block=block,
        forms=tuple(forms.split()),
        line=number,
    )


class _PatternSet:
    """Compiled patterns shared by every verb with the same rows (a dictionary block).

    Patterns are kept in match-priority order (specificity; then a pattern
    naming words after the verb before one naming only words before it; then
    dictionary line), so candidate indices only need an integer sort. What a
    verb does to its object decides more than who its subject is: "militants
    seized control of the town" is "seize control" (192), not "militants
    seize" (181, hostage-taking).
    """

    __slots__ = ("by_after", "by_before", "compiled", "fields")

    def __init__(self, fields: list[_Fields], compiled: list[_Compiled]) -> None:
        order = sorted(
            range(len(fields)),
            key=lambda i: (-compiled[i].specificity, not compiled[i].after, int(fields[i][9])),
        )
        self.fields = [fields[i] for i in order]
        self.compiled = [compiled[i] for i in order]
        self.by_before: dict[str, list[int]] = {}
        self.by_after: dict[str, list[int]] = {}
        for index, item in enumerate(self.compiled):
            table = self.by_after if item.anchor_side else self.by_before
            for key in item.anchor:
                table.setdefault(key, []).append(index)

    def best(self, before: list[str], after: list[str]) -> int:
        """Index of the most specific matching pattern, or -1."""
        found: set[int] = set()
        after_set, before_set = set(after), set(before)
        by_after, by_before = self.by_after, self.by_before
        for word in after_set:
            ids = by_after.get(word)
            if ids:
                found.update(ids)
        for word in before_set:
            ids = by_before.get(word)
            if ids:
                found.update(ids)
        compiled = self.compiled
        for index in sorted(found):
            if compiled[index].matches(before, after, before_set, after_set):
                return index
        return -1


class _VerbIndex:
    """One verb: its bare entry and its (shared) pattern set; VerbPatterns made on demand."""

    __slots__ = ("_made", "default", "patterns", "verb")

    def __init__(self, verb: str, default: VerbPattern | None, patterns: _PatternSet) -> None:
        self.verb = verb
        self.default = default
        self.patterns = patterns
        self._made: dict[int, VerbPattern] = {}

    def pattern(self, index: int) -> VerbPattern:
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = _make_pattern(self.verb, self.patterns.fields[index])
        return made

    def all(self) -> list[VerbPattern]:
        """Bare entry first, then patterns in dictionary order."""
        made = [self.pattern(i) for i in range(len(self.patterns.fields))]
        made.sort(key=lambda p: p.line)
        return ([self.default] if self.default else []) + made


def _norm_lemma(lemma: str) -> str:
    """'Call_On ' -> 'call on'."""
    return " ".join(lemma.replace("_", " ").lower().split())


class VerbLexicon:
    """The CAMEO verb dictionary, indexed by verb lemma; use ``VerbLexicon.load()``."""

    def __init__(
        self,
        patterns: list[dict[str, str]],
        synsets: list[dict[str, str]],
        defaults: list[dict[str, str]] = (),
    ) -> None:
        """Build from table rows (as read by ``bedfellows.data.read_tsv``).

        patterns (list[dict]): rows of verb_patterns.tsv.
        synsets (list[dict]): rows of verb_synsets.tsv.
        defaults (list[dict]): rows of verb_defaults.tsv. A row without words
            (empty ``before`` and ``after``) gives the code of a bare verb where
            the CAMEO dictionary leaves it uncoded ("reject" → 120) or codes it
            against the codebook ("agree" → 030, not 050; "die" → ``---``); the
            verb's patterns still win. A row with words is a hand-written pattern,
            tried before the dictionary's ("remanded in custody" → 173; "confined to" →
            ``---``, no event), and may be for a verb the dictionary lacks.
        """
        self._bare_codes: dict[str, str] = {}
        curated_rows: dict[str, list[dict[str, str]]] = {}
        for r in defaults:
            if r.get("before") or r.get("after"):
                curated_rows.setdefault(_norm_lemma(r["verb"]), []).append(r)
            else:
                self._bare_codes[_norm_lemma(r["verb"])] = r["cameo_code"]
        members: dict[str, set[str]] = {}
        for row in synsets:
            members.setdefault(row["synset"], set()).add(row["member"])
        self._synsets = {name: frozenset(values) for name, values in members.items()}

        defaults: dict[str, _Fields] = {}
        grouped: dict[str, list[_Fields]] = {}
        try:
            for row in patterns:
                fields: _Fields = (
                    row["before"],
                    row["after"],
                    row["source_slot"],
                    row["target_slot"],
                    row["code"],
                    row["passive_code"],
                    row["discard"],
                    row["block"],
                    row["forms"],
                    row["line"],
                )
                verb = row["verb"]
                if not fields[9].isdigit():
                    raise DataFileError(
                        f"verb_patterns.tsv: bad line number {fields[9]!r} for {verb!r}"
                    )
                if fields[0] or fields[1]:
                    grouped.setdefault(verb, []).append(fields)
                elif verb in defaults:
                    raise DataFileError(f"verb_patterns.tsv: two bare entries for {verb!r}")
                else:
                    defaults[verb] = fields
        except KeyError as exc:
            raise DataFileError(f"verb_patterns.tsv: missing column {exc}") from exc

        # Verbs of one dictionary block have identical pattern rows: compile once.
        tokens: dict[str, _Token] = {}
        compiled: dict[tuple[str, str], _Compiled] = {}
        shared: dict[tuple[_Fields, ...], _PatternSet] = {}
        empty = _PatternSet([], [])
        self._verbs: dict[str, _VerbIndex] = {}
        self._forms: dict[str, str] = {}
        for verb in sorted(set(defaults) | set(grouped)):
            rows = tuple(sorted(grouped.get(verb, ())))
            pattern_set = shared.get(rows) if rows else empty
            if pattern_set is None:
                items = []
                for fields in rows:
                    key = (fields[0], fields[1])
                    if key not in compiled:
                        compiled[key] = _Compiled(
                            tuple(self._token(t, tokens) for t in fields[0].split()),
                            tuple(self._token(t, tokens) for t in fields[1].split()),
                        )
                    items.append(compiled[key])
                pattern_set = shared[rows] = _PatternSet(list(rows), items)
            default = _make_pattern(verb, defaults[verb]) if verb in defaults else None
            self._verbs[verb] = _VerbIndex(verb, default, pattern_set)
            for form in default.forms if default else ():
                self._forms.setdefault(_norm_lemma(form), verb)
        # A base verb always wins over another verb's irregular form ("found").
        for form in list(self._forms):
            if form in self._verbs:
                del self._forms[form]
        self._curated = {
            verb: self._compile_curated(verb, rows, tokens) for verb, rows in curated_rows.items()
        }
        # Hyphenated words the patterns and synsets spell whole ("cease-fire",
        # "counter-attack"); see ``hyphenated``.
        units = [*tokens, *(m for members in self._synsets.values() for m in members)]
        self._hyphenated = frozenset(
            w for unit in units for w in unit.lower().split("_") if "-" in w.strip("-")
        )
        # Word pairs the patterns write apart ("tear gas", "tear_gas"): a text's
        # "tear-gas" still matches them.
        pairs: set[tuple[str, str]] = set()
        for unit in units:
            words = unit.lower().split("_")
            pairs.update(zip(words, words[1:], strict=False))
        for fields in (*defaults.values(), *(f for rows in grouped.values() for f in rows)):
            for side in (fields[0], fields[1]):
                words = side.lower().split()
                pairs.update(zip(words, words[1:], strict=False))
        self._pairs = frozenset(pairs)
        # A bare default for a verb the dictionary lacks ("urge") makes it a verb.
        for verb, code in sorted(self._bare_codes.items()):
            if verb not in self._verbs:
                bare = VerbPattern(verb=verb, code=code, block="curated", line=0, curated=True)
                self._verbs[verb] = _VerbIndex(verb, bare, empty)

    def _compile_curated(
        self, verb: str, rows: list[dict[str, str]], tokens: dict[str, _Token]
    ) -> list[tuple[_Compiled, VerbPattern]]:
        """Hand-written patterns of ``verb``, most specific first (then table order)."""
        out = []
        for number, row in enumerate(rows, start=1):
            before, after = row.get("before", ""), row.get("after", "")
            code = row["cameo_code"]
            compiled = _Compiled(
                tuple(self._token(t, tokens) for t in before.split()),
                tuple(self._token(t, tokens) for t in after.split()),
            )
            pattern = VerbPattern(
                verb=verb,
                code=None if code == NO_EVENT else code,
                before=tuple(before.split()),
                after=tuple(after.split()),
                discard=code == NO_EVENT,
                block="curated",
                line=number,
                curated=True,
            )
            out.append((compiled, pattern))
        out.sort(key=lambda item: -item[0].specificity)
        return out

    def _units(self, token: str) -> list[list[tuple[str, ...]]]:
        """Split a table token into units, each a list of word-sequence alternatives."""
        units: list[list[tuple[str, ...]]] = []
        parts = token.split("_")
        i = 0
        while i < len(parts):
            part = parts[i]
            if part.startswith("&"):
                # Synset names are upper case and may contain '_' (&FIGHT_OF_WORDS);
                # table words are lower case, so the name ends at the first non-upper part.
                name = part
                while i + 1 < len(parts) and parts[i + 1].isupper():
                    i += 1
                    name += "_" + parts[i]
                if name not in self._synsets:
                    raise DataFileError(f"verb_patterns.tsv: undefined synset {name} in {token!r}")
                units.append([tuple(m.split("_")) for m in sorted(self._synsets[name])])
            else:
                units.append([(part.lower(),)])
            i += 1
        return units

    def _token(self, text: str, cache_: dict[str, _Token]) -> _Token:
        token = cache_.get(text)
        if token is None:
            alternatives = [
                tuple(itertools.chain.from_iterable(combo))
                for combo in itertools.product(*self._units(text))
            ]
            token = cache_[text] = _Token(alternatives)
        return token

    @classmethod
    def load(cls) -> VerbLexicon:
        """Return the lexicon of the packaged tables (read once per process)."""
        return _load_packaged()

    def _index(self, lemma: str) -> _VerbIndex | None:
        key = _norm_lemma(lemma)
        index = self._verbs.get(key)
        if index is None and key in self._forms:
            index = self._verbs.get(self._forms[key])
        return index

    def verbs(self) -> list[str]:
        """All verb lemmas, sorted."""
        return sorted(self._verbs)

    def base(self, lemma: str) -> str | None:
        """The dictionary verb for a lemma or irregular form ("brought" -> "bring"), or None."""
        index = self._index(lemma)
        return index.verb if index else None

    def entries(self, lemma: str) -> list[VerbPattern]:
        """All patterns of a verb (bare entry first); [] for an unknown verb.

        lemma (str): a verb lemma such as "call" or "call off"; an irregular
            form listed in the dictionary ("brought") maps to its verb.
        """
        index = self._index(lemma)
        return index.all() if index else []

    @property
    def hyphenated(self) -> frozenset[str]:
        """Hyphenated words the dictionary writes whole ("cease-fire",
        "free-trade"): a text's "cease - fire" is matched as that one word."""
        return self._hyphenated

    def writes_apart(self, first: str, second: str) -> bool:
        """True when some pattern writes ``first second`` as two words in a row."""
        return (first, second) in self._pairs

    def knows(self, lemma: str) -> bool:
        """True when ``lemma`` (or a form of it) is a verb of the dictionary."""
        return self._index(lemma) is not None

    def default_code(self, lemma: str) -> str | None:
        """The code of the bare verb, or None (unknown verb or a no-event verb)."""
        index = self._index(lemma)
        if index is None or index.default is None:
            return None
        return index.default.code

    def synset(self, name: str) -> frozenset[str]:
        """Members of a synonym set, e.g. "&CURRENCY" or "currency" (multi-word joined by '_').

        Raises CodingError for an unknown set.
        """
        key = name.strip().upper()
        key = key if key.startswith("&") else "&" + key
        try:
            return self._synsets[key.rstrip("_")]
        except KeyError:
            raise CodingError(f"unknown verb-pattern synset {name!r}") from None

    def compounds(self, word: str) -> list[str]:
        """Multi-word verbs whose first word is ``word`` ("call" -> ["call off", "call up"])."""
        prefix = _norm_lemma(word) + " "
        return sorted(v for v in self._verbs if v.startswith(prefix))

    def match(
        self, lemma: str, before_words: Sequence[str], after_words: Sequence[str]
    ) -> VerbPattern | None:
        """The most specific pattern of ``lemma`` matching the words around it.

        lemma (str): the verb's lemma (or a multi-word verb such as "call off").
        before_words (Sequence[str]): lemmas before the verb, in sentence order.
        after_words (Sequence[str]): lemmas after the verb, in sentence order.
        RETURNS (VerbPattern | None): the best matching pattern, else the bare
            verb's entry (check ``code``/``discard``), else None for an unknown verb.
        """
        index = self._index(lemma)
        before = [w.lower() for w in before_words]
        after = [w.lower() for w in after_words]
        curated = self._curated.get(index.verb if index else _norm_lemma(lemma))
        if curated:
            before_set, after_set = set(before), set(after)
            for compiled, pattern in curated:
                if compiled.matches(before, after, before_set, after_set):
                    return pattern
        if index is None:
            return None
        best = index.patterns.best(before, after)
        if best >= 0:
            return index.pattern(best)
        code = self._bare_codes.get(index.verb)
        if code == NO_EVENT and index.default is not None:
            return replace(index.default, code=None, discard=True)
        if code is not None and index.default is not None:
            return replace(index.default, code=code, discard=False)
        return index.default


@cache
def _load_packaged() -> VerbLexicon:
    return VerbLexicon(
        read_tsv("verb_patterns.tsv"), read_tsv("verb_synsets.tsv"), read_tsv("verb_defaults.tsv")
    )
