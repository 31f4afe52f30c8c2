"""Is this text English? A dependency-free check good enough to gate ingest.

English prose is dense in function words ("the", "of", "and", "that"). The
text is English when such words make up a fair share of its alphabetic tokens
and outnumber the function words of the languages most often confused with it.
Text mostly in a non-Latin script is rejected outright.
"""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_NOT_LETTER = re.compile(r"[\W\d_]+")
_LATIN_LETTER = re.compile(r"[\u0000-\u024f\u1e00-\u1eff]+")
_SAMPLE_CHARS = 5_000  # plenty to tell languages apart
# Below this many tokens (a headline, a lede sentence) English may hold almost
# no function words ("Iran, Iraq sign defence pact against ISIS"), so the
# share test cannot apply; such text is rejected only on foreign evidence.
_SHORT = 25
_MIN_RATIO = 0.15
_CLEAR_MARGIN = 2  # foreign function words a short text needs to be rejected on them alone


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words shared with another language ("a", "in", "on", "was", …) are listed
# for both, so they raise neither side over the other.
_ENGLISH = _words(
    """the of and to is that for it with as by he she they we you his her its their our
    this these those be been being are were has have had do does did not but or if
    then than which who whom whose what when where why how would could should can
    may might must shall at from into onto over under after before about against
    between through during without within while because until upon there here
    said says also just only very more most some any each other such no nor one
    all both few many much own same too out up down off again further once him them
    us my your mine yours hers ours theirs i it's isn't don't didn't won't can't
    a an in on was so also will
    """
)

_OTHERS = {
    "fr": _words(
        """le la les des du de un une et est sont dans pour que qui pas sur au aux avec ce
        cette ces il elle ils elles nous vous leur leurs par plus mais ou où été être
        avait sont ont selon aussi lors entre sans sous vers chez a on contre après"""
    ),
    "es": _words(
        """el la los las de del y que en un una es son por para con no se su sus al lo
        como más pero ya fue ha han este esta estos estas entre sobre también desde
        cuando muy sin hasta según donde a contra tras ante"""
    ),
    "de": _words(
        """der die das den dem des und ist sind ein eine einen einem einer nicht mit von
        zu im auf für sich auch es wird werden hat haben war wurde dass nach bei aus
        wie oder aber noch nur über unter zum zur vom in an was also so will gegen seit"""
    ),
    "it": _words(
        """il lo la gli le di del della dei delle che e è per con non una uno sono nel
        nella alla al da ha anche più come ma questo questa a in sui contro dopo tra"""
    ),
    "pt": _words(
        """o os as do da dos das e é em um uma para com não que se por mais como mas foi
        ao na no pelo pela são também entre sobre a um contra após"""
    ),
}


def _latin_share(text: str) -> float:
    letters = _NOT_LETTER.sub("", text)
    if not letters:
        return 0.0
    non_latin = _LATIN_LETTER.sub("", letters)
    return 1 - len(non_latin) / len(letters)


def is_english(text: str) -> bool:
    """Return True if ``text`` reads as English.

    Rejects text mostly in a non-Latin script (Arabic, Chinese, Cyrillic, …)
    and Latin-script text whose function words are not English. Short text
    (under 25 words: headlines drop function words) is accepted unless another
    language's function words outnumber the English ones and either number at
    least two or come with accented letters ("Le Pen élue présidente"); a
    name such as "La Paz" or "Le Pen" alone does not make a headline French.
    """
    sample = text[:_SAMPLE_CHARS]
    if _latin_share(sample) < 0.5:
        return False
    words = _TOKEN.findall(sample)
    # Acronyms ("UN", "US") would count as the French "un" or English "us";
    # but an all-caps text keeps its words.
    mixed = [t for t in words if len(t) < 2 or not t.isupper()]
    counts = Counter(t.casefold() for t in (mixed if len(mixed) * 2 >= len(words) else words))
    total = sum(counts.values())
    if not total:
        return False
    english = sum(counts[w] for w in counts.keys() & _ENGLISH)
    best_other = max(sum(counts[w] for w in counts.keys() & vocab) for vocab in _OTHERS.values())
    if total < _SHORT:
        if best_other <= english:
            return True
        accented = any(not ch.isascii() and ch.isalpha() for ch in sample)
        return not (best_other >= _CLEAR_MARGIN or accented)
    return english / total >= _MIN_RATIO and english > best_other
