"""Roles the sentence implies without naming them in the argument.

News leaves much to context, and the gold standards (PLOVER, PETRARCH) code
what a reader understands:

- **Context country.** "President Bouteflika threatened a curfew in Algiers",
  "police arrested students in Sivas": a sector or an unknown official with
  no country takes the country of the event's own place. With no place, the
  one country the sentence names outside its reporter's phrase ("the judge
  ordered former president Menem to appear", "the Serbian parliament
  recognised the opposition's victories"), unless that country is a state
  named as the other party ("the government thanked China") or the
  nationality of private people ("a court jailed two Danish tourists"); the
  reporter's location ("officials in Nairobi said") is never used (the
  coder's ``_fill_from_sentence``). The article's dateline ("NAIROBI (AP) —")
  counts as a country of its sentence, never as an actor. When that sentence
  names two countries, one of them an actor's own nationality ("TEHRAN:
  fishermen were killed by Iraqi gunfire in Iranian waters"), the other
  party's country-less actors take the one left if the dateline is in it.
- **Location as target.** "Activists staged a protest in Beijing", "Russia is
  conducting exercises in Alaska": with no target named, the country where the
  event happens is its target, as PETRARCH and the PLOVER gold code it.
- **Reciprocal parties.** "The US, Russia and Switzerland met", "Brazil and
  the United States deepen a partnership": a joint act of consultation or
  cooperation (CAMEO 03–06) by two or more countries, with no other target,
  has each party as the others' target.

- **Protested country.** "Young Algerians blocked roads": a protest with no
  target named and no place is against the protesters' own country.
- **Implied agent.** "Fifty protesters were arrested", "the arrests followed
  the riot": only the authorities arrest, detain or charge (CAMEO 173), so an
  arrest with no agent named has the police (sector COP, country from the
  event's place when known) as its source; "demonstrations were held across
  Bangladesh": a protest's agent is protesters.

Every actor added here is marked in ``ActorRef.basis`` (``context``,
``location``, ``reciprocal``, ``implied``), so an analyst can tell it from
one the text names, and filter it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bedfellows.actors import ActorKB
from bedfellows.actors.armed import ArmedGroup, people_group
from bedfellows.actors.codes import NONSTATE_PREFIXES
from bedfellows.schema import ActorRef, Place

__all__ = [
    "implied_agent",
    "location_target",
    "needs_country",
    "protest_target",
    "reciprocal_targets",
    "with_context_country",
]

#: CAMEO roots of joint acts: agree/intend (03), consult (04), diplomatic (05)
#: and material cooperation (06).
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
#: Sectors of armed forces: "Kurdish fighters/forces/militia/rebels".
_ARMED_SECTORS = frozenset({"UAF", "REB", "MIL", "PRM"})
#: Non-state CAMEO prefixes (and UIS, an unidentified state): such actors
#: have no country to fill in.
_NON_STATE = frozenset(NONSTATE_PREFIXES | {"UIS"})


def with_context_country(
    refs: Sequence[ActorRef], countries: set[str], kb: ActorKB
) -> list[ActorRef]:
    """Give country-less sector actors the one country in ``countries`` (the event's place).

    Only actors with a sector and neither a country nor a non-state code of
    their own are filled ("the judiciary" yes; Amnesty International no). An
    armed force named by its people ("Kurdish fighters") becomes the people's
    one armed group in that country when the armed-group table names one (the
    YPG in Syria), never the country itself.
    """
    if len(countries) != 1:
        return list(refs)
    (iso3,) = countries
    out = []
    for ref in refs:
        cameo = ref.cameo or ""
        if not needs_country(ref):
            out.append(ref)
            continue
        group = None
        if ref.sector in _ARMED_SECTORS:
            group = people_group(ref.text.replace("-", " ").split(), iso3)
        if group is not None:
            ref = _group_ref(ref, group)
        else:
            ref = replace(
                ref,
                country=iso3,
                cameo=kb.country_cameo(iso3) + cameo,
                kind="person" if ref.kind == "person" else "country",
                # An implied actor stays implied: only its country is context.
                basis="implied" if ref.basis == "implied" else "context",
            )
        out.append(ref)
    return out


def _group_ref(ref: ActorRef, group: ArmedGroup) -> ActorRef:
    """ "Kurdish fighters" where the YPG is the one Kurdish armed group: that group."""
    return replace(
        ref,
        name=group.name,
        actor_id=group.group_id,
        country=None if group.region == "GLB" else group.operates_in[0],
        sector=group.sector,
        cameo=group.cameo,
        kind="group",
        basis="context",
    )


def needs_country(ref: ActorRef) -> bool:
    """True for a sector actor with neither a country nor a non-state code of its own."""
    return bool(
        ref.country is None
        and ref.sector
        and ref.kind in ("unknown", "person")
        and (ref.cameo or "")[:3] not in _NON_STATE
    )


def location_target(place: Place | None, kb: ActorKB) -> ActorRef | None:
    """The country of the event's place as its target (None when unknown)."""
    if place is None or not place.country or place.country not in kb:
        return None
    return _country_ref(kb, place.country, place.text, place.start, place.end, "location")


def _country_ref(kb: ActorKB, iso3: str, text: str, start: int, end: int, basis: str) -> ActorRef:
    """A country as an inferred party, with the span its inference rests on."""
    return ActorRef(
        text=text,
        start=start,
        end=end,
        name=kb.get(iso3).name,
        actor_id=iso3,
        country=iso3,
        cameo=kb.country_cameo(iso3),
        kind="country",
        basis=basis,
    )


def reciprocal_targets(sources: Sequence[ActorRef], cameo_code: str) -> list[ActorRef]:
    """Each party of a joint act by two or more countries, as a target."""
    if cameo_code[:2] not in RECIPROCAL_ROOTS:
        return []
    if len({s.country for s in sources if s.country}) < 2:
        return []
    return [replace(s, basis="reciprocal") for s in sources if s.country]


#: Sectors that act on their own state, not for it: a protest by them with no
#: target named is against their own country's authorities.
_CIVIL_SECTORS = frozenset(
    {None, "CVL", "OPP", "LAB", "EDU", "REL", "BUS", "MED", "JRN", "NGO", "AGR", "REF", "PTY"}
)


def protest_target(sources: Sequence[ActorRef], cameo_code: str, kb: ActorKB) -> ActorRef | None:
    """The country whose people protest, as the target of a protest that names none.

    "Young Algerians blocked roads", "Nigerian teachers went on strike": a
    protest (CAMEO 14) is against someone, and with nobody named (and no place
    to stand for them) it is the protesters' own country, as PETRARCH codes a
    domestic protest. Only for civilians, opposition, labour and the like of a
    single country: soldiers or officials are not protesting against
    themselves.
    """
    if cameo_code[:2] != "14":
        return None
    countries = {s.country for s in sources if s.country}
    if len(countries) != 1 or any(s.sector not in _CIVIL_SECTORS for s in sources):
        return None
    (iso3,) = countries
    if iso3 not in kb:
        return None
    first = sources[0]
    return _country_ref(kb, iso3, first.text, first.start, first.end, "context")


#: CAMEO codes whose agent is, by what the act is, the police: arrest,
#: detain or charge with legal action.
POLICE_ACTS = frozenset({"173"})


def implied_agent(code: str, start: int, text: str, *, judgment: bool = False) -> ActorRef | None:
    """The agent an act implies when the text names none.

    Only the authorities arrest, detain or charge (CAMEO 173): the police;
    only a court convicts or sentences (``judgment``): the judiciary (JUD). A
    protest (CAMEO 14: "demonstrations were held across Bangladesh") is done
    by protesters: civilians (PLOVER CVL; CAMEO OPP, as the agents table codes
    "protesters").

    code (str): the event's CAMEO code. start, text: the trigger's offset in
    the article body and its text (the evidence for the inference).
    RETURNS (ActorRef | None): a country-less actor marked ``implied``
    (``with_context_country`` may then give it the country of the event's
    place), or None for other acts.
    """
    if judgment:
        # "was sentenced to four years", "were convicted": only a court does.
        name, sector, cameo = "a court (implied by the judgment)", "JUD", "JUD"
    elif code in POLICE_ACTS:
        name, sector, cameo = "police (implied by the arrest)", "COP", "COP"
    elif code[:2] == "14":
        name, sector, cameo = "protesters (implied by the protest)", "CVL", "OPP"
    else:
        return None
    return ActorRef(
        text=text,
        start=start,
        end=start + len(text),
        name=name,
        sector=sector,
        cameo=cameo,
        kind="unknown",
        basis="implied",
    )
