"""``bedfellows actors lookup``: what a mention resolves to on a date, and why."""

from __future__ import annotations

import json
from datetime import date

import click

from bedfellows.actors import ActorKB, resolve_phrase
from bedfellows.actors.armed import ArmedGroup, armed_group, proxy_patron
from bedfellows.actors.kb import ActorEntry, Spell

from .options import actors_file, actors_option
from .safe_text import say


@click.group()
def actors() -> None:
    """Inspect the actor knowledge base."""


def _parse_date(_ctx, _param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _spell_dict(spell: Spell, chosen: Spell | None) -> dict:
    return {
        "cameo": spell.cameo,
        "country": spell.country,
        "sector": spell.sector,
        "other": spell.other,
        "start": spell.start.isoformat() if spell.start else None,
        "end": spell.end.isoformat() if spell.end else None,
        "end_known": spell.end_known,
        "default": spell.default,
        "source": spell.source,
        "note": spell.note,
        "chosen": spell is chosen,
    }


def _armed_dict(group: ArmedGroup | None) -> dict | None:
    if group is None:
        return None
    return {
        "operates_in": list(group.operates_in),
        "region": group.region,
        "sector": group.sector,
        "start": group.start.isoformat() if group.start else None,
        "end": group.end.isoformat() if group.end else None,
        "parent": group.parent,
        "patrons": [
            {
                "country": p.country,
                "start": p.start.isoformat() if p.start else None,
                "end": p.end.isoformat() if p.end else None,
            }
            for p in group.patrons
        ],
        "sources": list(group.sources),
    }


def _entry_dict(entry: ActorEntry, chosen: Spell | None) -> dict:
    return {
        "actor_id": entry.actor_id,
        "name": entry.name,
        "kind": entry.kind,
        "qid": entry.qid,
        "spells": [_spell_dict(s, chosen) for s in entry.spells],
        "armed_group": _armed_dict(armed_group(entry.actor_id)),
    }


def _say_armed(armed: dict) -> None:
    active = f"{armed['start'] or 'start unknown'} to {armed['end'] or 'end unknown or active'}"
    say(
        f"     armed group ({armed['sector']}), fights in {', '.join(armed['operates_in'])}; "
        f"{active}"
    )
    if armed["parent"]:
        say(f"     within: {armed['parent']}")
    for p in armed["patrons"]:
        say(
            f"     backed by {p['country']} ({p['start'] or 'start unknown'} to "
            f"{p['end'] or 'end unknown'})"
        )
    say(f"     sources: {'; '.join(armed['sources'])}")


@actors.command()
@click.argument("mention")
@click.option("--date", "when", callback=_parse_date, help="Event date (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@actors_option
def lookup(mention: str, when: date | None, as_json: bool, actors) -> None:
    """What MENTION ("Maliki", "Iraqi Defense Minister al-Hiyali") resolves to on --date."""
    kb = ActorKB.load(actors_file(actors))
    res = resolve_phrase(mention.split(), when, kb=kb)
    entries = kb.lookup(mention)
    chosen_id = res.actor_id if res is not None else None
    if chosen_id and chosen_id in kb and all(e.actor_id != chosen_id for e in entries):
        # "Iraqi Defense Minister Erfan al-Hiyali": the phrase is no alias, its person is.
        entries.insert(0, kb.get(chosen_id))
    doc = {
        "mention": mention,
        "date": when.isoformat() if when else None,
        "resolution": None
        if res is None
        else {
            "actor_id": res.actor_id,
            "name": res.name,
            "kind": res.kind,
            "country": res.country,
            "sector": res.sector,
            "other_sectors": list(res.other_sectors),
            "cameo": res.cameo,
            "why": res.why,
        },
        "entries": [
            _entry_dict(e, res.spell if e.actor_id == chosen_id else None) for e in entries
        ],
    }
    if as_json:
        click.echo(json.dumps(doc, indent=2))
        return
    on = f" on {doc['date']}" if when else " (no date)"
    if res is None:
        say(f"{mention!r}{on}: not resolved (no known name, country or sector word)")
    else:
        sectors = "+".join(s for s in (res.sector, *res.other_sectors) if s) or "-"
        say(f"{mention!r}{on} -> {res.cameo or '-'}  ({res.country or 'no country'}, {sectors})")
        say(f"  why: {res.why}")
        patron = proxy_patron(res.actor_id)
        if patron:
            say(f"  a force with no name of its own, backed by {patron} (--roll-up patrons)")
    for entry in doc["entries"]:
        qid = f", {entry['qid']}" if entry["qid"] else ""
        say(f"  entry {entry['actor_id']} ({entry['kind']}: {entry['name']}{qid})")
        for spell in entry["spells"]:
            mark = "*" if spell["chosen"] else " "
            if spell["default"]:
                span = "default role"
            else:
                end = spell["end"] or ("open" if spell["end_known"] else "end unknown")
                span = f"{spell['start'] or 'before record'} to {end}"
            note = f"  — {spell['note']}" if spell["note"] else ""
            say(f"   {mark} {spell['cameo'] or '-':<12}{span}  [{spell['source']}]{note}")
        if entry["armed_group"]:
            _say_armed(entry["armed_group"])
