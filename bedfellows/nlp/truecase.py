"""Case for text that has none: all-lowercase or all-caps paragraphs.

News capitalises names, and everything downstream leans on that: spaCy's
tagger, parser and NER read a word's shape, the actor ruler matches names as
written, and the resolver reads a lowercase "turkey" or "chad" as an ordinary
word. A corpus stored in lowercase (IndiaPoliceEvents) or a wire in capitals
has lost that signal, and almost no actor is found. So a paragraph without
case information is parsed in a *recased* copy:

- :func:`case_less` says whether a text carries case: all lowercase (a few
  stray capitals allowed, none at the start) or all caps (a few lowercase
  words allowed). Cased text is never touched, so it codes exactly as before.
- :class:`Truecaser` restores the case a news writer would have used: the
  first letter of each sentence, "I", days and months, and every name of the
  actor knowledge base (countries, demonyms, capitals, people, groups, a user
  file's actors) as the knowledge base spells it. Recasing maps one character
  to one character, so the copy has the text's length and every offset into
  it is an offset into the original; :func:`original_text` puts the
  original's characters back into the coded events.

Ambiguity: in case-less text "us", "may", "will", "bill" or "trump" are words
before they are names. A one-word name is restored only when its lowercase
form is no ordinary word (the knowledge base's common words, spaCy's English
stop words, an alias the knowledge base itself keeps case-sensitive), and a
one-word country or person name not as the head of a phrase with a
determiner ("the turkey was", but "the obama administration"); an acronym
that is a word ("US", "WHO", "IS") only where the word cannot be meant
("the us", "us-led"). Names of several words are restored unless every word
is ordinary ("action against hunger"); a user's ``case_sensitive`` names
never are.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from bedfellows.actors.kb import ActorKB, SurfaceForm
from bedfellows.schema import ActorRef, Event

__all__ = ["LOWER", "UPPER", "Truecaser", "case_less", "original_text"]

LOWER = "lower"
UPPER = "upper"

#: Share of words allowed to break the pattern (an acronym in lowercase text,
#: a lowercase unit in an all-caps one).
_STRAY_SHARE = 0.05
_WORD = re.compile(r"[^\W_]+")
#: Characters allowed between the words of one name ("al-qaeda", "u.s.", "côte d'ivoire").
_GAP = re.compile(r"[\s\-\u2010-\u2015'\u2019.]{1,3}")
_DOTTED = re.compile(r"\b(?:[^\W\d_]\.){2,}")
#: Sentence starts: the text's start, or after . ! ? (closing quotes/brackets) and space.
_SENT_START = re.compile(r"(?:^|(?<=[.!?])[\"'\u2019\u201d)\]]*\s+)[\"'\u2018\u201c(\[]*(?=\w)")
#: Abbreviations whose dot ends no sentence ("gen. ali said").
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "adm",
        "brig",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "st",
        "jr",
        "sr",
        "prof",
        "vs",
        "no",
        "inc",
        "corp",
        "co",
        "ltd",
        "ft",
        "mt",
        "jan",
        "feb",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
#: Always capitalised in English, never a name of the knowledge base ("may",
#: "march" and "august" are words too, and stay as they are).
_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "april",
        "june",
        "july",
        "september",
        "october",
        "november",
        "december",
    ]
)
#: After these a one-word country or person name is an ordinary noun: "the turkey",
#: "a chad", "his bush".
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "some",
        "any",
        "no",
        "every",
        "each",
        "my",
        "your",
        "his",
        "her",
        "its",
        "our",
        "their",
        "another",
        "such",
    ]
)
#: Country names that English writes with "the" ("the congo", "the gambia"); plural
#: names ("the netherlands", "the philippines") are recognised by their ending.
_THE_NAMES = frozenset(
    [
        "congo",
        "gambia",
        "sudan",
        "ukraine",
        "hague",
        "vatican",
        "yemen",
        "lebanon",
        "crimea",
        "sahel",
        "kremlin",
        "caribbean",
        "levant",
        "gulf",
    ]
)


def case_less(text: str) -> str | None:
    """Whether ``text`` carries no case information: ``LOWER``, ``UPPER`` or None.

    Lowercase: its first cased letter is lowercase and at most 5 % of its
    words (one in ten or more) hold a capital (an acronym, "I"). All caps: at
    most 5 % of its words (one in ten or more) hold a lowercase letter.
    Anything else (news as written, a headline in Title Case, a text with no
    letters) is cased: None.
    """
    if text.islower():
        return LOWER
    if text.isupper():
        return UPPER
    first = next((ch for ch in text if ch.isupper() or ch.islower()), None)
    if first is None:
        return None
    words = [w for w in text.split() if w.lower() != w.upper()]
    # One stray word in ten or more ("the NGO said") still leaves the text case-less.
    allowed = max(len(words) * _STRAY_SHARE, 1 if len(words) >= 10 else 0)
    if first.islower():
        if sum(1 for w in words if not w.islower()) <= allowed:
            return LOWER
        return None
    # Cased news starts with a capital too: stop counting at the first lowercase
    # words past the allowance, which in cased text come at once.
    stray = 0
    for w in words:
        if not w.isupper():
            stray += 1
            if stray > allowed:
                return None
    return UPPER


def _same_length(text: str, mapping) -> str:
    if text.isascii():
        return mapping(text)
    return "".join(m if len(m := mapping(ch)) == 1 else ch for ch in text)


@dataclasses.dataclass(frozen=True, slots=True)
class _Name:
    words: tuple[str, ...]  # the name's words as the knowledge base writes them
    one_word_noun: bool  # a one-word country or person name: not after a determiner
    word_acronym: bool  # an acronym that is also a word ("US", "WHO"): only in safe spots


class Truecaser:
    """Restores the case of case-less text from the knowledge base's names.

    Build it with :meth:`from_kb`; :meth:`recase` returns a same-length copy.
    """

    def __init__(self, names: dict[tuple[str, ...], _Name], stop: Iterable[str] = ()) -> None:
        self._names = names
        self._stop = frozenset(stop)
        self._max_len: dict[str, int] = {}
        for key in names:
            if len(key) > self._max_len.get(key[0], 0):
                self._max_len[key[0]] = len(key)

    @classmethod
    def from_kb(cls, kb: ActorKB, ordinary: Iterable[str] | None = None) -> Truecaser:
        """A truecaser for the names of ``kb``.

        ordinary: lowercase words that are not names on their own (default:
        the knowledge base's common words and spaCy's English stop words).
        """
        from spacy.lang.en.stop_words import STOP_WORDS

        if ordinary is None:
            ordinary = kb.common_words | STOP_WORDS
        common = frozenset(ordinary)
        best: dict[tuple[str, ...], tuple[tuple[int, int], _Name]] = {}
        for order, form in enumerate(kb.surface_patterns()):
            name = _name(kb, form, common)
            if name is None:
                continue
            key = tuple(w.lower() for w in name.words)
            # The best-formed spelling of a key wins ("DR Congo" over "D.r.congo").
            rank = (-sum(_well_formed(w) for w in name.words), order)
            if key not in best or rank < best[key][0]:
                best[key] = (rank, name)
        return cls({key: name for key, (_rank, name) in best.items()}, STOP_WORDS)

    def recase(self, text: str, mode: str = LOWER) -> str:
        """A copy of case-less ``text`` (``LOWER`` or ``UPPER``) in news case, same length."""
        low = _same_length(text, str.lower) if mode == UPPER else text
        out = list(low)
        done: set[int] = set()  # word starts already given their case
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low)]
        # Whether the gap after each word may sit inside a name (computed once).
        joins = [
            _GAP.fullmatch(low[a[1] : b[0]]) is not None
            for a, b in zip(words, words[1:], strict=False)
        ]
        i = 0
        while i < len(words):
            longest = min(self._max_len.get(words[i][2], 0), len(words) - i)
            step = 1
            for length in range(longest, 0, -1):
                if not all(joins[i : i + length - 1]):
                    continue
                span = words[i : i + length]
                name = self._names.get(tuple(w[2] for w in span))
                if name is None or not self._fits(name, low, words, i, length):
                    continue
                for (start, end, _w), cased in zip(span, name.words, strict=True):
                    out[start:end] = cased
                    done.add(start)
                step = length
                break
            i += step
        for start, _end, word in words:
            if word == "i" or word in _CALENDAR:
                out[start] = out[start].upper()
                done.add(start)
        for m in _DOTTED.finditer(low):  # "u.s.", "u.n." are acronyms; "e.g." is not
            if m.group() not in ("e.g.", "i.e.", "a.m.", "p.m."):
                out[m.start() : m.end()] = _same_length(m.group(), str.upper)
        for m in _SENT_START.finditer(low):
            start = m.end()
            if start not in done and not _after_abbreviation(low, m.start()):
                out[start] = _same_length(out[start], str.upper)
        return "".join(out)

    def _fits(self, name: _Name, low: str, words: list, i: int, length: int) -> bool:
        before = words[i - 1][2] if i > 0 else ""
        if name.word_acronym:
            # "the us", "the who": a pronoun never follows "the"; "us-led", "us-iran".
            end = words[i][1]
            return before == "the" or low[end : end + 1] == "-"
        if name.one_word_noun and before in _DETERMINERS:
            # "the turkey was", "a chad in": a determiner and nothing after it in the
            # phrase make the word a common noun. "the obama administration" and
            # "the beijing olympics" are names modifying the noun that follows.
            word = words[i][2]
            if before == "the" and (word in _THE_NAMES or word.endswith("s")):
                return True
            end = words[i][1]
            after = words[i + 1] if i + 1 < len(words) else None
            ends_phrase = (
                after is None or not low[end : after[0]].isspace() or after[2] in self._stop
            )
            return not ends_phrase
        return True


def _well_formed(word: str) -> bool:
    return word.islower() or word.isupper() or word.istitle() or not word.isalpha()


def _name(kb: ActorKB, form: SurfaceForm, common: frozenset[str]) -> _Name | None:
    """How (and whether) to restore one alias in case-less text."""
    words = tuple(m.group() for m in _WORD.finditer(form.text))
    if not words or any(len(w.lower()) != len(w) for w in words):
        return None
    lower = tuple(w.lower() for w in words)
    if not any(w.lower() != w for w in words):
        # A name written in lowercase (a user file's "bajrang dal"): news capitalises it.
        if not any(c.isalpha() for c in form.text):
            return None
        words = tuple(w[:1].upper() + w[1:] for w in words)
    if form.case_sensitive and _user_alias(kb, form.actor_id):
        return None  # the user asked for this spelling only
    if len(words) > 1:
        if all(w in common for w in lower):
            return None  # "action against hunger", "black hand": ordinary words
        return _Name(words, False, False)
    word, key = words[0], lower[0]
    acronym = word.isupper() and len(word) >= 2
    if key in common or (form.case_sensitive and not acronym) or len(key) < 2:
        # "trump", "abe": kept case-sensitive by the knowledge base; "bill", "will": words.
        if acronym and len(key) <= 3:
            return _Name(words, False, True)
        return None
    if len(key) == 2 and not acronym:
        return None
    noun = form.label in ("GPE", "PERSON") and not acronym
    return _Name(words, noun, False)


def _user_alias(kb: ActorKB, actor_id: str) -> bool:
    try:
        return kb.get(actor_id).source.startswith("user:")
    except KeyError:
        return False


def _after_abbreviation(text: str, pos: int) -> bool:
    """True when the sentence end just before ``pos`` is the dot of "u.s." or "gen."."""
    # Only the last few characters matter: searching from the text's start
    # made recasing quadratic in the paragraph's length.
    lo = max(0, pos - _ABBREVIATION_REACH)
    m = _LAST_WORD.search(text, lo, pos)
    if m is None:
        return False
    if m.start(1) == lo and lo > 0 and (text[lo - 1].isalnum()):
        return False  # a word longer than the reach: no abbreviation
    word = m.group(1)
    return len(word) == 1 or word in _ABBREVIATIONS


_ABBREVIATION_REACH = 32  # characters before a sentence start that may hold "gen."
_LAST_WORD = re.compile(r"([^\W_]+)\.[\"'\u2019\u201d)\]]*$")


# ------------------------------------------------------------------- back to the original


def _slice(body: str, text: str, start: int, end: int) -> str:
    """The original characters of a span whose text is a recased copy of them."""
    original = body[start:end]
    if original != text and len(original) == len(text) and original.lower() == text.lower():
        return original
    return text


def _ref(ref: ActorRef | None, body: str) -> ActorRef | None:
    if ref is None:
        return None
    text = _slice(body, ref.text, ref.start, ref.end)
    return ref if text == ref.text else dataclasses.replace(ref, text=text)


def original_text(event: Event, body: str) -> Event:
    """``event`` with its texts (sentence, trigger, actors, place, date) taken
    from ``body``, the article as written, where they are recased copies of it."""
    start = event.sentence_start
    sentence = _slice(body, event.sentence, start, start + len(event.sentence))
    reported_text = event.reported_by_text
    if reported_text and sentence != event.sentence:
        at = event.sentence.find(reported_text)
        if at >= 0:
            reported_text = sentence[at : at + len(reported_text)]
    place = event.place
    if place is not None:
        text = _slice(body, place.text, place.start, place.end)
        if text != place.text:
            place = dataclasses.replace(place, text=text)
    when = event.date
    if when.text and when.text_start is not None and when.text_end is not None:
        text = _slice(body, when.text, when.text_start, when.text_end)
        if text != when.text:
            when = dataclasses.replace(when, text=text)
    return dataclasses.replace(
        event,
        sentence=sentence,
        trigger=_slice(body, event.trigger, event.trigger_start, event.trigger_end),
        sources=tuple(_ref(a, body) for a in event.sources),
        targets=tuple(_ref(a, body) for a in event.targets),
        opposed=tuple(_ref(a, body) for a in event.opposed),
        reported_by=_ref(event.reported_by, body),
        reported_by_text=reported_text,
        place=place,
        date=when,
    )
