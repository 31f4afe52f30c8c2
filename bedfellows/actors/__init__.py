"""Actor knowledge base, time-bounded roles and noun-phrase resolution.

``ActorKB.load()`` reads the packaged tables (countries, demonyms, capitals,
seats of power, persons with dated roles, armed groups, IGOs, sector words);
``resolve_phrase(words, when)`` turns a noun phrase into a ``Resolution``
(actor id, country, PLOVER sector, CAMEO code, why), and
``Resolution.to_ref(text, start, end)`` into a ``schema.ActorRef``.
"""

from bedfellows.actors.kb import ActorKB
from bedfellows.actors.resolve import Resolution, resolve_phrase

__all__ = ["ActorKB", "Resolution", "resolve_phrase"]
