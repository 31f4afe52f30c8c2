"""Frozen records passed between the layers: ingest → nlp → events → store.

Character offsets (``start``/``end``) are always into ``Article.body`` unless a
field says otherwise, so every stored span can be checked against the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Granularity(StrEnum):
    """How precisely an event date is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"


class DateBasis(StrEnum):
    """Where an event date came from."""

    EXPRESSION = "expression"  # a temporal expression in the event's own sentence
    PUBLICATION = "publication"  # the article's publication date (sentence had none)
    NONE = "none"  # no date could be given: the article is undated
    INFERRED = "inferred"  # undated article: its inferred window (see ArticleDating)


class Modality(StrEnum):
    """How sure the text is that the event happened: PLOVER's negation,
    hypothetical and future modes, mutually exclusive (see ``Event``)."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    INTENDED = "intended"


@dataclass(frozen=True, slots=True)
class Comment:
    """A reader comment cut from an article; stored, not coded by default."""

    index: int
    text: str
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, split into body, reader comments and boilerplate.

    ``article_id`` is a stable hash of the body text (see ``util.hashing``), so
    the same article read twice, from any file, gets the same id.
    """

    article_id: str
    source_path: str  # file it came from ("path" or "path:line" for JSONL)
    body: str
    title: str | None = None
    published: date | None = None
    source: str | None = None  # publisher / outlet name
    url: str | None = None
    language: str = "en"
    comments: tuple[Comment, ...] = ()
    boilerplate: tuple[str, ...] = ()  # login prompts, newsletter blurbs, share bars
    external_id: str | None = None  # the input's own id for the article (JSONL "id"), if any
    # Invalid UTF-8 bytes replaced by U+FFFD when the input was decoded (not stored:
    # the reader reports it; see ``ingest.decode.decode_text``).
    decode_errors: int = 0


@dataclass(frozen=True, slots=True)
class Dateline:
    """The wire dateline that opens an article ("TEHRAN, July 23 (Reuters) -",
    "new delhi:"): where (and when) the story was filed, and who filed it.

    It says where the reporter was, never who acted: the coder takes no event's
    source, target or reporter from ``start``..``end``. ``start``/``end`` cover
    the whole dateline with its separator; ``place`` is None for an agency-only
    dateline ("(AFP) --"); ``date_text`` is the date as written ("July 23").
    """

    start: int
    end: int
    place: str | None = None
    place_start: int | None = None
    place_end: int | None = None
    date_text: str | None = None
    agency: str | None = None  # the parenthesised part: "Reuters", "AP" (or a district)

    def covers(self, offset: int) -> bool:
        """True when the character at ``offset`` (in Article.body) is in the dateline."""
        return self.start <= offset < self.end


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of an article body (or of one comment), the unit fed to spaCy."""

    article_id: str
    index: int
    start: int  # offset of the paragraph in Article.body (or in the comment text)
    text: str
    is_comment: bool = False
    comment_index: int | None = None
    # The article's dateline, on the body paragraph that opens with it (offsets
    # into Article.body); None on every other paragraph.
    dateline: Dateline | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    """The event's own date: a day range with a granularity and its basis."""

    start: date | None = None
    end: date | None = None
    granularity: Granularity | None = None
    basis: DateBasis = DateBasis.NONE
    text: str | None = None  # the temporal expression, if any
    text_start: int | None = None
    text_end: int | None = None


@dataclass(frozen=True, slots=True)
class AcledType:
    """An article's most likely ACLED sub-event type ("ARMED_CLASH", "AGREEMENT", ...)
    and the model's probability for it (``bedfellows.events.acled_type``)."""

    subtype: str
    probability: float


@dataclass(frozen=True, slots=True)
class ArticleDating:
    """The inferred date window of an article without a publication date.

    The article was written between ``earliest`` and ``latest`` (inclusive;
    None = unbounded on that side), as far as ``evidence`` shows: offices the
    people it names held, names of organisations it uses, past events it dates.
    ``conflicts`` lists evidence left out because it contradicted the rest
    (the window is then widened over every consistent reading, never guessed).
    """

    earliest: date | None = None
    latest: date | None = None
    granularity: Granularity | None = None
    evidence: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()

    @property
    def closed(self) -> bool:
        """True when both ends are known (events take the window as their date)."""
        return self.earliest is not None and self.latest is not None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor mention resolved to a country, sector and codes.

    ``country`` is ISO 3166-1 alpha-3 (or None for non-state/unknown),
    ``sector`` a PLOVER sector code (GOV, MIL, REB, ...), ``cameo`` the CAMEO
    actor code string (e.g. "IRNMIL"), ``actor_id`` the knowledge-base id.
    ``basis`` says where the actor came from: ``text`` (the phrase itself),
    ``context`` (the phrase had no country; it came from the sentence or
    article, e.g. "the president" in a sentence about Algeria), ``location``
    (no target was named; the event's place stands for it) or ``reciprocal``
    (coordinated parties of a joint act: "Iran and Iraq met" codes each as the
    other's target) or ``antecedent`` (a pronoun, "he", "it", standing for an
    actor named just before) or ``implied`` (no agent named, but the act has
    only one kind: "were arrested" implies the police; the span is the trigger's).
    """

    text: str
    start: int
    end: int
    name: str
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None
    cameo: str | None = None
    kind: str = "country"  # country | person | igo | group | unknown
    basis: str = "text"  # text | context | location | reciprocal | antecedent | implied


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened."""

    text: str
    start: int
    end: int
    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    # Gazetteer facts (bedfellows.geo): continent | country | admin1 | county | city,
    # and the first-level division (a US state's postal code, else GeoNames' admin-1 code).
    feature: str | None = None
    admin1: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its codes, modality, date, place and evidence.

    PLOVER's auxiliary modes are three independent fields, so any combination
    ("a negated cooperation claimed by the Pentagon", "a promise made in 1995")
    can be stored:

    - ``modality``: asserted, or one of negated (PLOVER *negation*: "did not
      sign", "no cooperation", "has yet to release"), hypothetical (possible,
      conditional, asked for, threatened or under consideration: "might
      consider", "if Russia attacks") and intended (PLOVER *future*: "will
      meet", "plans to sign", "agreed to withdraw"). Exclusive, with
      precedence negated > hypothetical > intended ("it is unlikely that X
      will …" is hypothetical). A refusal ("refused to send", "will not
      send") is an asserted REJECT of the act (``events.mode_codes``), as the
      PLOVER manual asks for one event category rather than category + mode.
    - ``historical``: the event's own date lies well before the article's: it
      ends at least a year before publication ("in 2014" in a 2024 article),
      or, for an undated article, a decade/century, "N years ago" or a past era
      ("in the 1980s", "during the Cold War") dates it.
    - ``claimed`` (property): the sentence attributes the event to a source
      ("X said", "according to X", "X denied that", "as reported by X"),
      stored as the actor ``reported_by``, with its phrase in
      ``reported_by_text``. A source that is no known actor is kept as an
      ``ActorRef`` of kind ``unknown`` when it is named (a proper noun:
      "Reuters", or a speaker pronoun: "he said"); unnamed sources
      ("analysts said") keep only the phrase and do not make the event claimed.

    ``opposed`` holds the parties an act of cooperation (QuadClass 1–2) is
    directed against, kept apart from its targets and partners: in "Iran and
    Iraq formed an alliance against ISIS" the parties are Iran and Iraq and ISIS
    is opposed, not a target. An actor is never both a target and opposed.
    """

    event_id: str  # stable hash of article, sentence, trigger and actors
    article_id: str
    sentence_index: int  # index of the sentence within the article
    sentence: str
    sentence_start: int  # offset of the sentence in Article.body
    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    trigger: str
    trigger_start: int
    trigger_end: int
    cameo_code: str
    cameo_root: str
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    plover_type: str
    plover_mode: str | None = None
    plover_context: str | None = None
    plover_score: float | None = None
    modality: Modality = Modality.ASSERTED
    reported_by: ActorRef | None = None  # who the sentence attributes the event to
    reported_by_text: str | None = None
    date: EventDate = field(default_factory=EventDate)
    place: Place | None = None
    confidence: float = 0.5
    is_comment: bool = False
    comment_index: int | None = None
    pattern: str | None = None  # which rule/pattern produced the event
    historical: bool = False  # the event happened well before the article (see above)
    # Parties a cooperation is directed against ("agreed to cooperate to combat the
    # Taliban", "joint operations against al-Shabaab"); conflict events keep
    # "against X" as their target, so theirs is empty.
    opposed: tuple[ActorRef, ...] = ()

    @property
    def claimed(self) -> bool:
        """True when the event is attributed to a named source (``reported_by``)."""
        return self.reported_by is not None
