"""What flows from one coding stage to the next: a trigger, its match, the
candidate event built on them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bedfellows.schema import ActorRef, EventDate, Modality

#: Words after (and before) a verb that its patterns may match.
PATTERN_WINDOW = 12


@dataclass(frozen=True)
class Trigger:
    """A word that may report an event.

    ``kind`` is "verb", "noun" (an event noun) or "comment" (a predicate
    adjective: "is skeptical of"); ``specific_only`` marks a light or speech
    verb that codes only through a pattern naming more words than itself
    ("taken into custody", "declared a ceasefire").
    """

    tok: object
    lemma: str
    kind: str
    specific_only: bool = False


@dataclass
class Match:
    """The code a trigger's words match.

    ``pattern`` is the verb pattern (None for nouns and comments);
    ``reverse`` marks a pattern whose subject undergoes the act ("received
    assurances"); ``opposed_heads`` are the parse heads of whom a cooperation
    is directed against, found with the pattern because they decide the
    dictionary's "V against" reading; ``pondered`` marks "is considering
    sending aid", coded CAMEO 014.
    """

    trigger: Trigger
    code: str
    pattern: object | None = None
    lemma: str = ""  # the verb's lemma, or its phrasal verb ("set up")
    reverse: bool = False
    opposed_heads: list = field(default_factory=list)
    pondered: bool = False


@dataclass
class Candidate:
    """An event in the making: the trigger's code, actors, date and flags.

    Stages after ``attach_arguments`` read and amend it; ``assemble`` turns it
    into an ``Event``.
    """

    trigger: object  # the trigger token
    kind: str  # "verb", "reverse", "noun", "comment" or "speech"
    code: str
    sources: list[ActorRef]
    targets: list[ActorRef]
    when: date | None  # the date for actors' roles
    edate: EventDate
    confidence: float
    rule: str
    opposed: list[ActorRef] = field(default_factory=list)
    plover_type: str | None = None
    plover_mode: str | None = None  # with ``plover_type``: the manual's mode, when it says one
    match: Match | None = None
    pattern: object | None = None  # the verb pattern, as the arguments left it
    # Token indices a coded verb takes from later triggers (its pattern's object).
    consumes: list[int] = field(default_factory=list)
    # Set by the stages after ``attach_arguments``.
    place: object | None = None
    reporter_tok: object | None = None
    modality: Modality = Modality.ASSERTED
    historical: bool = False

    @property
    def by_bare_verb(self) -> bool:
        """True for a verb coded by its bare dictionary entry alone (no pattern
        words, not a pondered act): its code says least about its sense."""
        return (
            self.kind == "verb"
            and self.pattern is not None
            and self.pattern.is_default
            and not (self.match is not None and self.match.pondered)
        )
