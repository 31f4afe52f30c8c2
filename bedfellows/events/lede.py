"""An article's lede and the features the learned lede models read from it.

News writing puts the main event first: the lede (the opening paragraph) states
who did what to whom; later paragraphs add background, reactions and history.
The ACLED sub-event type model (``acled_type``) and the main-event type model
(``lede_type``) both read the lede's words and what the rule-based coder found
in it:

- words: lower-cased alphabetic tokens and adjacent pairs (``"prisoner_swap"``);
- events: ``type=<PLOVER type>`` and ``root=<CAMEO root>`` of every coded event
  with a PLOVER type, ``primary=<type>`` and ``primary_code=<code>`` of the
  highest-confidence one, or ``no_event``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..ingest import split_paragraphs
from ..schema import Article, Event

#: An article's lede: its first body paragraphs up to this many characters
#: (the CASE 2021 snippets are ~260 characters, mostly ledes).
LEDE_CHARS = 200

_WORD = re.compile(r"[a-z]+")


def primary_event(events: Sequence[Event]) -> Event | None:
    """The highest-confidence event with a PLOVER type (the earliest on ties), or None."""
    best = None
    for e in events:
        if e.plover_type and (best is None or e.confidence > best.confidence):
            best = e
    return best


def features(text: str, events: Sequence[Event]) -> frozenset[str]:
    """The binary features of a passage: its words and word pairs, and its coded events."""
    words = _WORD.findall(text.lower())
    out = set(words)
    out.update(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    typed = [e for e in events if e.plover_type]
    for e in typed:
        out.add(f"type={e.plover_type}")
        out.add(f"root={e.cameo_root}")
    prim = primary_event(typed)
    if prim is None:
        out.add("no_event")
    else:
        out.add(f"primary={prim.plover_type}")
        out.add(f"primary_code={prim.cameo_code}")
    return frozenset(out)


def lede(article: Article, events: Iterable[Event]) -> tuple[str, list[Event]]:
    """An article's lede (its first body paragraphs up to ``LEDE_CHARS``
    characters) and the events coded in it. A whole article mixes its main
    event with background; the lede states the main event."""
    end = 0
    for para in split_paragraphs(article, include_comments=False):
        end = para.start + len(para.text)
        if end >= LEDE_CHARS:
            break
    return article.body[:end], [e for e in events if not e.is_comment and e.sentence_start < end]


def article_features(article: Article, events: Iterable[Event]) -> frozenset[str]:
    """The features of an article's lede (``lede``) with its events."""
    return features(*lede(article, events))
