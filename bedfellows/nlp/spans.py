"""Entities by token range, read once per Doc.

spaCy's ``Span.ents`` walks *all* of ``Doc.ents`` (building a Span for every
entity of the Doc) on each call, so asking each sentence for its entities costs
time in the square of the paragraph's length. ``EntityIndex`` reads
``Doc.ents`` once and answers by binary search on entity starts; build one
per Doc once its entities are final (after the whole spaCy pipeline).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class EntityIndex:
    """The entities of one Doc, sorted by start token (spaCy keeps them disjoint)."""

    __slots__ = ("doc", "ents", "_starts")

    def __init__(self, doc) -> None:
        self.doc = doc
        self.ents = tuple(doc.ents)
        self._starts = [e.start for e in self.ents]

    def within(self, span) -> list:
        """The entities inside ``span`` (a Span or Doc slice), exactly as ``span.ents``.

        Like spaCy, the first entity that starts inside ``span`` but ends after
        it stops the list.
        """
        return self.between(span.start, span.end)

    def between(self, start: int, end: int) -> list:
        """The entities from token ``start`` up to token ``end`` (``Span.ents`` semantics)."""
        out = []
        for i in range(bisect_left(self._starts, start), len(self.ents)):
            ent = self.ents[i]
            if ent.end > end:
                break
            out.append(ent)
        return out

    def at(self, i: int):
        """The entity covering token ``i``, or None."""
        k = bisect_right(self._starts, i) - 1
        if k >= 0 and i < self.ents[k].end:
            return self.ents[k]
        return None
