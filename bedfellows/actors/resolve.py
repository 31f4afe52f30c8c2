"""Resolve a noun phrase ("Iraqi Defense Minister Erfan al-Hiyali") to an actor.

:func:`resolve_phrase` takes the tokens of one noun phrase and an optional date
and returns a :class:`Resolution`: actor id (if the KB knows the actor), country
(ISO3), PLOVER sector, CAMEO code and a ``why`` that says which evidence won.

How a phrase is read
====================

1. The words are split into *segments* at commas, semicolons, colons, brackets
   and dashes ("Sarah Allawi | advisor to the Iraqi vice president"); each
   segment is normalised like the tables (:mod:`bedfellows.actors.normalize`).
2. Each segment is scanned left to right for the **longest known n-gram**: an
   actor alias (person, group, IGO, organisation), a country alias (name,
   demonym, capital, seat of power) or a sector word. All lookups are dict hits
   on precomputed keys; no part of the KB is scanned per call.
3. A *name guard* drops an actor match glued to an unknown capitalised word:
   "Sarah Allawi" is not Iyad Allawi, "Supreme National Security Council" is
   not the UN Security Council, "Trump Tower" is not Donald Trump.
4. The *head* of a segment is the part before its first preposition; matches
   in the head of the first segment are the strongest evidence.
5. The actor: a person beats a group/IGO, which beats an organisation, which
   beats a bare country. A person followed by a sector word ("the Obama
   administration", "Maliki loyalist troops") is that person's country with
   the sector word's sector. A person's role comes from the spell covering
   ``when``, else the default role (ELI for former officials), else the
   descriptors in the phrase ("Iraqi Defense Minister"), else ELI when the
   date is after the person's last recorded office. "former" forces ELI.
6. Without a known actor: country from the country words (the rightmost one in
   the head, else anywhere), sector from the strongest sector word (head
   first), else a capital's or seat's sector (Tehran → GOV, the Pentagon →
   MIL), else a weak word's ("spokesman", "official", "adviser").
7. An unknown capitalised name with no country and no sector word gives None.

Documented coding choices (see ``scripts/build_data/curated_actors.yaml``):
defence ministers are GOV with secondary MIL; "security forces" are MIL with
secondary COP.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bedfellows.actors.armed import proxy_id
from bedfellows.actors.kb import ActorEntry, ActorKB, AgentWord, PlaceAlias, Spell
from bedfellows.actors.normalize import Token, tokens
from bedfellows.schema import ActorRef

__all__ = ["Resolution", "resolve_phrase"]

#: Words that end a segment.
_SEPARATORS = {",", ";", ":", "(", ")", "[", "]", "—", "–", "--", "/"}
#: Words that end the head of a segment ("advisor | to the Iraqi vice president").
_PREPOSITIONS = {
    "of", "to", "for", "at", "in", "with", "from", "on", "by", "under", "near", "inside",
    "against", "among", "within", "outside", "across", "around", "including", "over", "into",
    "behind", "alongside", "via", "after", "before", "during",
}  # fmt: skip
#: Capitalised words that may stand before or after a name without being part of it.
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame", "sheikh", "shaikh",
    "ayatollah", "grand", "hojatoleslam", "sayyed", "sayed", "seyed", "imam", "mullah",
    "gen", "general", "lt", "col", "colonel", "maj", "major", "capt", "captain", "sgt",
    "adm", "admiral", "brig", "brigadier", "cmdr", "commander", "rep", "sen", "gov",
    "king", "queen", "prince", "princess", "emir", "sultan", "president", "minister",
    "premier", "chancellor", "pope", "rev", "father", "haji", "hajji", "jr", "sr",
    "former", "late", "then", "acting", "interim", "deputy", "senior", "top", "vice",
}  # fmt: skip
_FORMER = {"former", "ex", "late", "erstwhile", "onetime", "one-time"}
#: "pro-Russia rebels", "anti-American protesters": a stance towards a country
#: or group, not membership of it; "ethnic Albanians in Serbia", "ethnic
#: Russians in Ukraine": kin of a country's people, not its state or citizens.
_STANCE_WORDS = {"pro", "anti", "ethnic"}
#: Of those, the ones that make the phrase a people ("ethnic Turks"): civilians
#: (PLOVER CVL, as the agents table codes "ethnic group") of no country.
_KIN_WORDS = {"ethnic"}
#: "Iran-backed militias", "Russian-supported separatists": a state named before
#: one of these words backs the actor (its patron), it is not the actor's own
#: country: PLOVER codes an actor by what it is, and a proxy force is not its
#: patron's state. Such forces with no name of their own resolve to one actor
#: per patron (``bedfellows.actors.armed.proxy_id``).
BACKING_WORDS = {"backed", "supported", "sponsored", "funded", "financed"}
#: Sectors of armed forces that can be a state's proxies.
_ARMED_SECTORS = {"REB", "UAF", "PRM", "MIL", "IMG"}
#: Nouns of a relation to the possessor ("Syria's allies", "Iran's proxies").
_RELATIONS = frozenset(
    {
        "ally", "allies", "proxy", "proxies", "enemy", "enemies", "foe", "foes",
        "rival", "rivals", "adversary", "adversaries", "neighbour", "neighbours",
        "neighbor", "neighbors", "client", "clients", "patron", "patrons",
    }
)  # fmt: skip
_OFFICIAL_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
_PLOVER_TO_CAMEO = {"JRN": "MED", "MED": "HLH", "SOC": "NGM"}
_ACTOR_RANK = {"person": 0, "group": 1, "igo": 1, "org": 2}


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a noun phrase refers to.

    ``kind`` is person | group | igo | org | country | unknown; ``country`` an
    ISO3 code (None for non-state actors); ``sector`` a PLOVER sector code;
    ``cameo`` the CAMEO actor code (country + sector, e.g. "IRNMIL", or a
    group's/IGO's own code such as "IMGMUSISI"); ``why`` a one-line
    explanation; ``spell`` the role record used, if any; ``other_sectors``
    secondary PLOVER sectors (MIL for a defence minister, PRE for a
    breakaway region).
    """

    actor_id: str | None
    name: str
    kind: str
    country: str | None
    sector: str | None
    cameo: str | None
    why: str
    spell: Spell | None = None
    other_sectors: tuple[str, ...] = ()

    def to_ref(self, text: str, start: int, end: int) -> ActorRef:
        """Return the :class:`~bedfellows.schema.ActorRef` of this resolution at a span.

        ActorRef's kind has no "org": an organisation with a country is reported
        as "country" (it is part of that state, e.g. the IRGC), one without as
        "group"; the actor_id keeps it distinct.
        """
        kind = self.kind
        if kind == "org":
            kind = "country" if self.country else "group"
        return ActorRef(
            text=text,
            start=start,
            end=end,
            name=self.name,
            actor_id=self.actor_id,
            country=self.country,
            sector=self.sector,
            cameo=self.cameo,
            kind=kind,
        )


@dataclass(slots=True)
class _Match:
    start: int
    length: int
    actors: list[ActorEntry]
    places: list[PlaceAlias]
    agent: AgentWord | None
    segment: int = 0
    head: bool = True  # before the segment's first preposition
    guarded: bool = False  # the name guard rejected its actors
    stance: bool = False  # after "pro-"/"anti-"/"ethnic": towards or kin of, not a member of
    backer: bool = False  # a country before "-backed": the actor's patron

    @property
    def in_first_head(self) -> bool:
        return self.segment == 0 and self.head

    @property
    def end(self) -> int:
        return self.start + self.length


@dataclass(slots=True)
class _Segment:
    toks: list[Token]
    matches: list[_Match]
    matched: list[bool]
    head_end: int
    index: int


def resolve_phrase(
    words: Sequence[str], when: date | None, *, kb: ActorKB | None = None
) -> Resolution | None:
    """Resolve the tokens of one noun phrase to an actor.

    words (Sequence[str]): the phrase's tokens in order, e.g.
        ["the", "Obama", "administration"] or ["Iraqi", "security", "forces"].
    when (date | None): the event date; chooses time-bounded roles. With None
        the most recent open-ended role (or the default role) is used, and the
        ``why`` says so.
    kb (ActorKB | None): the knowledge base; defaults to ``ActorKB.load()``.
    RETURNS (Resolution | None): None when the phrase names nothing the KB or
        the sector words can place (e.g. an unknown person with no descriptor).
    """
    kb = kb if kb is not None else ActorKB.load()
    segments = _segments(words, kb)
    if not segments:
        return None
    first = segments[0]
    former = any(
        t.lower in _FORMER for t in first.toks[: first.head_end]
    )  # "former Iraqi Prime Minister ..."

    picked = _pick_actor(kb, segments)
    if picked is None:
        proxy = _resolve_proxy(kb, segments)
        if proxy is not None:
            return proxy
    if picked is not None and picked[1].kind == "person" and _elsewhere(picked[1], segments):
        picked = None  # "King Hassan of Morocco" is not Jordan's Prince Hassan
    if picked is not None:
        match, entry = picked
        if entry.kind == "person":
            return _resolve_person(kb, segments, match, entry, when, former)
        return _resolve_other(kb, segments, match, entry, when)
    return _resolve_by_descriptors(kb, segments, former, when)


# --------------------------------------------------------------------------- scanning


def _without_asides(words: Sequence[str]) -> list[str]:
    """``words`` without a bracketed aside inside the phrase: "the Umma (Nation)
    party" is the Umma party. A closing bracket ends a gloss of what precedes
    it ("Palestine Liberation Organization (PLO)") and is kept."""
    out = list(words)
    while "(" in out and ")" in out:
        start = out.index("(")
        end = out.index(")", start) if ")" in out[start:] else -1
        if end < 0 or end == len(out) - 1:
            break
        del out[start : end + 1]
    return out


def _segments(words: Sequence[str], kb: ActorKB) -> list[_Segment]:
    raw: list[list[Token]] = [[]]
    for word in _without_asides(words):
        if word.strip() in _SEPARATORS:
            if raw[-1]:
                raw.append([])
            continue
        raw[-1].extend(tokens(word))
    out = []
    for index, toks in enumerate(t for t in raw if t):
        matches, matched = _scan(kb, toks)
        head_end = len(toks)
        for position, tok in enumerate(toks):
            if position > 0 and not matched[position] and tok.lower in _PREPOSITIONS:
                head_end = position
                break
        for match in matches:
            match.head = match.start < head_end
            match.segment = index
        segment = _Segment(toks, matches, matched, head_end, index)
        _name_guard(kb, segment)
        out.append(segment)
    return out


def _scan(kb: ActorKB, toks: list[Token]) -> tuple[list[_Match], list[bool]]:
    """Leftmost-longest matching of aliases and sector words."""
    lower = [t.lower for t in toks]
    cased = [t.cased for t in toks]
    count = len(toks)
    matches: list[_Match] = []
    matched = [False] * count
    i = 0
    while i < count:
        longest = min(kb.max_len(lower[i]), count - i)
        found = None
        for length in range(longest, 0, -1):
            key = " ".join(lower[i : i + length])
            cased_key = " ".join(cased[i : i + length])
            actors = kb.match_actor(key, cased_key)
            places = kb.match_place(key, cased_key)
            agent = kb.match_agent(key)
            if (actors or places) and cased_key.islower():
                # Names are capitalised in news text: "turkey", "chad" or "lightning"
                # in lowercase are ordinary words, not Turkey, Chad or a group.
                actors, places = [], []
            if actors or places or agent:
                found = _Match(i, length, actors, places, agent)
                found.backer = (
                    bool(places) and i + length < count and lower[i + length] in BACKING_WORDS
                )
                found.stance = (
                    (i > 0 and lower[i - 1] in _STANCE_WORDS)
                    or (_named_country(places) and _related(lower, i + length))
                    or found.backer
                )
                break
        if found is None:
            i += 1
            continue
        matches.append(found)
        for position in range(found.start, found.end):
            matched[position] = True
        i = found.end
    return matches, matched


def _named_country(places: list[PlaceAlias]) -> bool:
    """A country's name or alias, not a demonym: "US allies" are not American,
    but "Iraqi allies" are Iraqis."""
    return any(p.kind in ("name", "alias") for p in places)


def _related(lower: list[str], end: int) -> bool:
    """True for "Syria's militia allies", "US allies", "Iran's proxies": the
    country names whom the actor is related to, not the actor's own country."""
    if end < len(lower) and lower[end] == "s":
        end += 1  # the possessive
    return any(w in _RELATIONS for w in lower[end : end + 3])


def _is_name_word(kb: ActorKB, tok: Token, position: int, *, strict: bool = False) -> bool:
    """A capitalised word that is probably part of a proper name.

    For the name guard an ordinary word counts too, except at the phrase's first
    position where sentence case capitalises anything ("Former ..."): a
    capitalised "National" before "Security Council" marks a longer name.
    ``strict`` (naming an unknown person) never counts ordinary words, so
    title-case headlines ("Iraq Sign Agreement") do not invent people.
    """
    if not tok.cased[:1].isupper() or tok.lower in _TITLES or tok.lower == "the":
        return False
    if strict:
        return tok.lower not in kb.common_words
    return tok.lower not in kb.common_words or position > 0


def _name_guard(kb: ActorKB, segment: _Segment) -> None:
    """Reject actor/capital matches glued to an unknown capitalised word."""
    toks, matched = segment.toks, segment.matched
    for match in segment.matches:
        if not match.actors and not any(p.kind in ("capital", "seat") for p in match.places):
            continue
        before = match.start - 1
        after = match.end
        own = kb.alias_words(match.actors) if match.actors else frozenset()
        # A neighbour that belongs to the actor's own names ("Ali" of "Ali
        # Khamenei") is the same person, not a different name.
        glued_before = (
            before >= 0
            and not matched[before]
            and toks[before].lower not in own
            and _is_name_word(kb, toks[before], before)
        )
        glued_after = (
            after < len(toks)
            and not matched[after]
            and toks[after].lower not in own
            and _is_name_word(kb, toks[after], after)
        )
        if glued_before or glued_after:
            match.guarded = True


def _name_tokens(kb: ActorKB, segment: _Segment) -> list[Token]:
    """Unmatched capitalised words ending the segment head: an unknown name.

    Capitalised words *before* a sector word are a modifier of it ("Supreme
    National Security Council", "Sadrist militiamen"), not a person's name.
    """
    guarded = set()
    for match in segment.matches:
        if match.guarded and match.actors:
            guarded.update(range(match.start, match.end))
    begin = 0
    for match in segment.matches:
        if match.head and not (match.guarded and match.actors) and (match.agent or match.places):
            begin = max(begin, match.end)
    out = []
    for position, tok in enumerate(segment.toks[: segment.head_end]):
        if position < begin:
            continue
        if position in guarded or (
            not segment.matched[position] and _is_name_word(kb, tok, position, strict=True)
        ):
            out.append(tok)
    return out


def _usable_actors(match: _Match) -> list[ActorEntry]:
    return [] if match.guarded or match.stance else match.actors


def _pick_actor(kb: ActorKB, segments: list[_Segment]) -> tuple[_Match, ActorEntry] | None:
    """The phrase's actor: the head of the first segment first, then the rest.

    An actor outside the first head is used only when that head has no name,
    no country and no strong sector word of its own ("a spokesman for Hezbollah").
    """
    first = segments[0]

    def best(matches: list[_Match]) -> tuple[_Match, ActorEntry] | None:
        ranked = []
        for order, match in enumerate(matches):
            for entry in _usable_actors(match):
                ranked.append((_ACTOR_RANK.get(entry.kind, 3), -order, match, entry))
        if not ranked:
            return None
        ranked.sort(key=lambda r: (r[0], r[1]))
        return ranked[0][2], ranked[0][3]

    head = [m for m in first.matches if m.head]
    found = best(head)
    if found is not None:
        return found
    own_evidence = bool(_name_tokens(kb, first)) or any(
        m.places or (m.agent is not None and not m.agent.weak) for m in head
    )
    if own_evidence:
        return None
    rest = [m for m in first.matches if not m.head]
    for segment in segments[1:]:
        rest.extend(segment.matches)
    return best(rest)


# --------------------------------------------------------------------------- evidence


def _places(segments: list[_Segment]) -> list[tuple[_Match, PlaceAlias]]:
    """Country evidence, strongest first: first head (rightmost first), then the rest."""
    first = segments[0]
    ordered: list[_Match] = sorted((m for m in first.matches if m.head), key=lambda m: -m.start)
    ordered += [m for m in first.matches if not m.head]
    for segment in segments[1:]:
        ordered += sorted((m for m in segment.matches if m.head), key=lambda m: -m.start)
        ordered += [m for m in segment.matches if not m.head]
    out = []
    for match in ordered:
        if match.stance:
            continue  # "pro-Russia rebels" are not Russian
        for place in match.places:
            out.append((match, place))
    return out


def _agents(segments: list[_Segment]) -> tuple[list[AgentWord], list[AgentWord], list[AgentWord]]:
    """Sector words: (strong in first head, strong elsewhere, weak anywhere), rightmost first."""
    head_strong, other_strong, weak = [], [], []
    for segment in segments:
        for match in sorted(segment.matches, key=lambda m: (not m.head, -m.start)):
            agent = match.agent
            if agent is None or (match.actors and not match.guarded) or match.places:
                continue
            if agent.weak:
                weak.append(agent)
            elif match.in_first_head:
                head_strong.append(agent)
            else:
                other_strong.append(agent)
    return head_strong, other_strong, weak


def _sector_from(
    segments: list[_Segment], place: tuple[_Match, PlaceAlias] | None
) -> tuple[str | None, str | None, str | None, str]:
    """(PLOVER sector, secondary, CAMEO agent code, reason) from the phrase's words."""
    head_strong, other_strong, weak = _agents(segments)
    hint = None
    if place is not None and place[1].sector and place[1].sector != "PRE" and not place[0].guarded:
        hint = place  # a capital or seat of power: Tehran -> GOV, the Pentagon -> MIL
    first_head = hint is not None and hint[0].in_first_head
    if head_strong:
        agent = head_strong[0]
        return agent.plover, agent.other, agent.cameo[:3], f"sector word '{agent.phrase}'"
    if hint is not None and first_head:
        alias = hint[1]
        return alias.sector, None, _cameo_code(alias.sector), f"{alias.kind} '{alias.display}'"
    if other_strong:
        agent = other_strong[0]
        return agent.plover, agent.other, agent.cameo[:3], f"sector word '{agent.phrase}'"
    if hint is not None:
        alias = hint[1]
        return alias.sector, None, _cameo_code(alias.sector), f"{alias.kind} '{alias.display}'"
    if weak:
        agent = weak[0]
        return agent.plover, agent.other, agent.cameo[:3], f"sector word '{agent.phrase}'"
    return None, None, None, ""


def _cameo_code(sector: str | None) -> str:
    return _PLOVER_TO_CAMEO.get(sector or "", sector or "")


def _agent_part(spell_cameo: str | None, country_cameo: str, sector: str | None) -> str:
    """The CAMEO agent codes of a spell after its country ("IRQGOVMIL" → "GOVMIL":
    a defence minister is government and military, as PETRARCH codes it)."""
    if spell_cameo and country_cameo and spell_cameo.startswith(country_cameo):
        part = spell_cameo[len(country_cameo) :]
        if part:
            return part
    return _cameo_code(sector)


def _country_name(kb: ActorKB, iso3: str | None) -> str:
    if not iso3:
        return ""
    try:
        return kb.get(iso3).name
    except KeyError:
        return iso3


# --------------------------------------------------------------------------- resolvers


def _resolve_proxy(kb: ActorKB, segments: list[_Segment]) -> Resolution | None:
    """ "Iran-backed militias": an armed force with no name of its own, backed by a
    state, is one actor per patron (``backed_by:IRN``), never the patron itself."""
    backers = [m for seg in segments for m in seg.matches if m.backer and m.in_first_head]
    if not backers or any(m.in_first_head for m, _ in _places(segments)):
        return None  # "US-backed Iraqi forces" are Iraq's
    head_strong, other_strong, weak = _agents(segments)
    agent = next(iter(head_strong or other_strong or weak), None)
    if agent is None or agent.plover not in _ARMED_SECTORS:
        return None  # "an Iran-backed government" is not an armed proxy
    iso3 = backers[0].places[0].iso3
    sector = agent.plover if agent.plover in ("REB", "UAF", "PRM") else "UAF"
    return Resolution(
        actor_id=proxy_id(iso3),
        name=f"{_country_name(kb, iso3)}-backed armed groups",
        kind="group",
        country=None,
        sector=sector,
        cameo=None,
        why=f"armed force backed by {iso3} (sector word '{agent.phrase}')",
    )


def _resolve_person(
    kb: ActorKB,
    segments: list[_Segment],
    match: _Match,
    person: ActorEntry,
    when: date | None,
    former: bool,
) -> Resolution:
    first = segments[0]
    agent_match = None
    if match.in_first_head:
        # "the Obama administration", "Maliki loyalist troops": a sector word after the name.
        trailing = [
            m for m in first.matches
            if m.head and m.start >= match.end and not _usable_actors(m)
            and (m.agent is not None and not m.places or _seat(m) is not None)
        ]  # fmt: skip
        agent_match = trailing[-1] if trailing else None
    else:
        # "a spokesman for Obama": the head's sector word, acting for the person.
        heads = [m for m in first.matches if m.head and m.agent is not None and not m.places]
        agent_match = heads[-1] if heads else None
    spell, reason = person.spell_at(when)
    if when is None and not former:
        # Undated: "President Obama", "Secretary of State John Kerry" — the title in
        # the phrase says which recorded office the text means.
        titled = _title_sector(kb, segments[0])
        fitting = [s for s in person.spells if not s.default and s.sector == titled]
        if titled in _OFFICIAL_SECTORS and fitting:
            spell = max(fitting, key=lambda s: s.start or date.min)
            reason = f"no date given: the title in the phrase fits {spell.describe()}"
        elif spell is None or spell.default:
            # "U.N. Secretary-General Kofi Annan": the IGO the phrase names says which
            # recorded office the text means.
            igo = _igo_spell(segments, person)
            if igo is not None:
                spell = igo
                reason = f"no date given: the organisation in the phrase fits {spell.describe()}"
    if agent_match is not None:
        agent = agent_match.agent
        if agent is None:  # a seat of power: "the Obama White House"
            seat = _seat(agent_match)
            assert seat is not None and seat.sector is not None
            agent = AgentWord(seat.display, _cameo_code(seat.sector), seat.sector)
        source_spell = spell if spell is not None and spell.sector in _OFFICIAL_SECTORS else None
        if source_spell is None:
            official = [s for s in person.spells if not s.default and s.sector in _OFFICIAL_SECTORS]
            source_spell = max(official, key=lambda s: s.start or date.min) if official else spell
        iso3 = source_spell.country if source_spell is not None else person.country
        sector = agent.plover
        if iso3:
            cameo = kb.country_cameo(iso3) + agent.cameo[:3]
        elif source_spell is not None and (source_spell.cameo or "")[:3] == "IGO":
            cameo = source_spell.cameo or ""  # an IGO office keeps its IGO code
        else:
            cameo = agent.cameo[:3]
        return Resolution(
            actor_id=iso3,
            name=_country_name(kb, iso3) or person.name,
            kind="country" if iso3 else "unknown",
            country=iso3,
            sector=sector,
            cameo=cameo,
            why=(
                f"'{person.name}' + '{agent.phrase}': {iso3 or 'unknown country'} {sector}"
                + (f" (country from {source_spell.describe()})" if source_spell else "")
            ),
            spell=source_spell,
            other_sectors=tuple(s for s in (agent.other,) if s),
        )

    if spell is not None:
        iso3 = spell.country
        sector = spell.sector
        other = spell.other
        why = f"person '{person.name}': {reason}"
        if former and sector != "ELI" and not spell.default:
            why += "; 'former' in the phrase: ELI"
            sector, other = "ELI", None
        country_cameo = kb.country_cameo(iso3)
        agent_code = "ELI" if sector == "ELI" else _agent_part(spell.cameo, country_cameo, sector)
        cameo = country_cameo + agent_code if iso3 else spell.cameo
        return Resolution(
            person.actor_id, person.name, "person", iso3, sector, cameo, why, spell,
            tuple(s for s in (other,) if s),
        )  # fmt: skip

    # No spell covers the date and there is no default role.
    places = _places(segments)
    sector, other, agent_code, sector_reason = _sector_from(segments, None)
    if former and sector:
        sector, other, agent_code = "ELI", None, "ELI"
    if sector is not None:
        iso3 = places[0][1].iso3 if places else _last_country(person)
        cameo = kb.country_cameo(iso3) + (agent_code or "") if iso3 else agent_code
        why = f"person '{person.name}': {reason}; role from the phrase's {sector_reason}"
        if places:
            why += f" and '{places[0][1].display}'"
        return Resolution(
            person.actor_id, person.name, "person", iso3, sector, cameo, why, None,
            tuple(s for s in (other,) if s),
        )  # fmt: skip
    if when is not None:
        last = person.last_spell_before(when)
        if last is not None and last.sector in _OFFICIAL_SECTORS | {"ELI"}:
            iso3 = last.country
            cameo = kb.country_cameo(iso3) + "ELI" if iso3 else None
            why = (
                f"person '{person.name}': {reason}; after the last recorded office "
                f"({last.describe()}): former official, ELI"
            )
            return Resolution(person.actor_id, person.name, "person", iso3, "ELI", cameo, why, last)
    iso3 = places[0][1].iso3 if places else _last_country(person)
    why = f"person '{person.name}': {reason}; no role known"
    return Resolution(
        person.actor_id, person.name, "person", iso3, None, kb.country_cameo(iso3) or None, why
    )


def _title_sector(kb: ActorKB, segment: _Segment) -> str | None:
    """Sector of an office title inside the head ("President", "Secretary of
    State"), even where a person alias covers it ("President Obama")."""
    words = [lower for _text, lower in segment.toks[: segment.head_end]]
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            agent = kb.match_agent(" ".join(words[i : i + size]))
            if agent is not None and agent.plover in _OFFICIAL_SECTORS:
                return agent.plover
    return None


def _seat(match: _Match) -> PlaceAlias | None:
    """The seat of power or capital a match names ("the Obama White House")."""
    for place in match.places:
        if place.kind in ("seat", "capital") and place.sector:
            return place
    return None


def _igo_spell(segments: list[_Segment], person: ActorEntry) -> Spell | None:
    """The person's latest spell with an IGO the phrase names ("U.N." → IGOUNO …)."""
    codes = [
        entry.cameo
        for segment in segments
        for match in segment.matches
        for entry in _usable_actors(match)
        if entry.kind == "igo" and entry.cameo
    ]
    fitting = [
        s for s in person.spells
        if not s.default and s.cameo and any(s.cameo.startswith(code) for code in codes)
    ]  # fmt: skip
    return max(fitting, key=lambda s: s.start or date.min) if fitting else None


def _last_country(person: ActorEntry) -> str | None:
    dated = [s for s in person.spells if s.country]
    if dated:
        return max(dated, key=lambda s: (not s.default, s.start or date.min)).country
    return person.country


def _resolve_other(
    kb: ActorKB,
    segments: list[_Segment],
    match: _Match,
    entry: ActorEntry,
    when: date | None,
) -> Resolution:
    """A group, IGO or organisation."""
    spell = None
    reason = f"{entry.kind} '{entry.name}'"
    iso3, sector, cameo = entry.country, entry.sector, entry.cameo
    other: tuple[str, ...] = ()
    if entry.spells:
        spell, spell_reason = entry.spell_at(when)
        if spell is not None:
            iso3, sector = spell.country or iso3, spell.sector or sector
            country_cameo = kb.country_cameo(iso3)
            cameo = (
                country_cameo + _agent_part(spell.cameo, country_cameo, sector)
                if iso3
                else spell.cameo or cameo
            )
            other = tuple(s for s in (spell.other,) if s)
            reason += f": {spell_reason}"
    if sector is None and entry.kind in ("igo", "org"):
        head_strong, _, _ = _agents(segments)
        if head_strong:
            agent = head_strong[0]
            sector = agent.plover
            reason += f"; sector word '{agent.phrase}'"
    return Resolution(
        entry.actor_id, entry.name, entry.kind, iso3, sector, cameo, reason, spell, other
    )


_COUNTRY_WORDS = frozenset({"name", "alias", "demonym_sg", "demonym_pl"})


def _elsewhere(person: ActorEntry, segments: list[_Segment]) -> bool:
    """True when the phrase names countries and the person never served any of them."""
    named = {p.iso3 for _m, p in _places(segments) if p.kind in _COUNTRY_WORDS}
    if not named:
        return False
    served = {s.country for s in person.spells if s.country} | {person.country}
    return not named & served


def _titled_surname(
    kb: ActorKB,
    name_toks: list[Token],
    sector: str,
    iso3: str | None,
    when: date | None,
    former: bool = False,
) -> Resolution | None:
    """ "President Bouteflika": the one person with that surname who held an
    office of the title's sector (in the named country, at the date).

    former: "former president Raul Alfonsin": the office ended before the date
    (any ended office without one); the person is then an elite (ELI).
    """
    surname = name_toks[-1].lower
    given = {t.lower for t in name_toks[:-1]}
    fits: list[tuple[ActorEntry, Spell]] = []
    for person in kb.by_surname(surname):
        if given and not given <= kb.alias_words([person]):
            continue  # "President Michel Suleiman" is not another Suleiman
        if (
            former
            and when is not None
            and any(
                s.sector == sector and s.end is not None and s.covers(when) for s in person.spells
            )
        ):
            continue  # in office then (an open spell of unknown end may have ended)
        spells = [
            s
            for s in person.spells
            if not s.default
            and s.sector == sector
            and (iso3 is None or s.country == iso3)
            and (
                (s.end is not None and (when is None or s.end <= when))
                if former
                else (when is None or s.covers(when))
            )
        ]
        if spells:
            fits.append((person, max(spells, key=_spell_rank_key)))
    if len({p.actor_id for p, _ in fits}) != 1:
        return None
    person, spell = fits[0]
    country_cameo = kb.country_cameo(spell.country)
    sector = "ELI" if former else spell.sector
    cameo = country_cameo + ("ELI" if former else _agent_part(spell.cameo, country_cameo, sector))
    covers = "ended by" if former else "covers"
    why = (
        f"title and surname '{name_toks[-1].cased}' fit person '{person.name}': "
        f"{spell.describe()}"
        + (f" {covers} {when.isoformat()}" if when else " (no date given)")
        + ("; 'former': ELI" if former else "")
    )
    return Resolution(
        person.actor_id, person.name, "person", spell.country, sector,
        cameo if spell.country else spell.cameo, why, spell,
        tuple(s for s in (spell.other,) if s),
    )  # fmt: skip


def _former_office(kb: ActorKB, segments: list[_Segment]) -> str | None:
    """The sector of the office a "former president" held ("president" → GOV)."""
    head_strong, _, _ = _agents(segments)
    if not head_strong:
        return None
    words = head_strong[0].phrase.split(" ")
    while words and words[0] in _FORMER:
        words = words[1:]
    agent = kb.match_agent(" ".join(words)) if words else None
    return agent.plover if agent is not None else None


def _spell_rank_key(spell: Spell) -> tuple:
    return (spell.start or date.min, spell.end or date.max)


def _names_a_people(segments: list[_Segment]) -> bool:
    """True for "ethnic Albanians": a demonym after a kin word."""
    for segment in segments:
        lower = [t.lower for t in segment.toks]
        for match in segment.matches:
            if match.stance and match.start > 0 and lower[match.start - 1] in _KIN_WORDS:
                return True
    return False


def _resolve_by_descriptors(
    kb: ActorKB, segments: list[_Segment], former: bool, when: date | None
) -> Resolution | None:
    """No known actor: country words + sector words (+ an unknown name)."""
    places = _places(segments)
    # Countries of actors named outside the head ("advisor to Nouri al-Maliki").
    place = places[0] if places else None
    iso3 = place[1].iso3 if place else None
    why_country = f"{place[1].kind} '{place[1].display}'" if place else ""
    if iso3 is None:
        for segment in segments:
            for match in segment.matches:
                for entry in _usable_actors(match):
                    if entry.country:
                        iso3 = entry.country
                        why_country = f"country of '{entry.name}'"
                        break
                if iso3:
                    break
            if iso3:
                break
    sector, other, agent_code, why_sector = _sector_from(segments, place)
    others = [s for s in (other,) if s]
    if place is not None and place[1].sector == "PRE":
        others.append("PRE")
    name_toks = _name_tokens(kb, segments[0])
    office = _former_office(kb, segments) if former and sector == "ELI" else sector
    if name_toks and office in _OFFICIAL_SECTORS:
        titled = _titled_surname(kb, name_toks, office, iso3, when, former)
        if titled is not None:
            return titled
    if former and sector is not None:
        why_sector += "; 'former': ELI"
        sector, agent_code, others = "ELI", "ELI", [s for s in others if s == "PRE"]
    if iso3 is None and sector is None and _names_a_people(segments):
        sector, agent_code, why_sector = "CVL", "CVL", "an ethnic group: civilians"
    if iso3 is None and sector is None:
        return None
    country_cameo = kb.country_cameo(iso3)
    cameo = country_cameo + (agent_code or "") if iso3 else (agent_code or None)
    why = "; ".join(dict.fromkeys(p for p in (why_country, why_sector) if p))
    if name_toks:
        name = " ".join(t.cased for t in name_toks)
        return Resolution(
            None, name, "person", iso3, sector, cameo,
            f"unknown person '{name}' placed by {why}", None, tuple(others),
        )  # fmt: skip
    if iso3 is None:
        return Resolution(
            None, "", "unknown", None, sector, cameo, f"no country; {why}", None, tuple(others)
        )
    return Resolution(
        iso3, _country_name(kb, iso3), "country", iso3, sector, cameo, why, None, tuple(others)
    )
