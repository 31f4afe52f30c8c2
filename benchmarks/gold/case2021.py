"""CASE 2021 Task 2 development snippets (``data/gold/case2021_task2_dev.tsv``).

509 English news snippets (one to a few sentences), each with one fine-grained
ACLED-style event type from ``case2021_task2_event_types.txt`` (25 names).
The gold types are carried over to PLOVER event types by ``ACLED_TO_PLOVER``,
a crosswalk written from the PLOVER manual (``data/reference/PLOVER_MANUAL.tex``),
the CAMEO→PLOVER table (``CAMEO2PLOVER-2021.txt``) and ACLED's sub-event
definitions (ACLED codebook: Battles, Explosions/Remote violence, Violence
against civilians, Protests, Riots, Strategic developments), and fixed before
any score was computed. Types with no PLOVER counterpart map to ``None``: their
snippets are loaded, coded and counted (``excluded_records``) but not scored.
"""

from __future__ import annotations

#: ACLED-style CASE 2021 sub-event type → PLOVER event type (None: not scored).
ACLED_TO_PLOVER: dict[str, str | None] = {
    # Violence against civilians: "abduction/forced disappearance"; PLOVER ASSAULT
    # has an 'abduct' mode ("abduct, kidnap, hijack"; CAMEO 181 → ASSAULT).
    "ABDUCT_DISSAP": "ASSAULT",
    # Strategic development "agreement" records agreements concluded between
    # parties (ceasefires, peace deals, prisoner exchanges). PLOVER codes signing
    # or finalising an agreement as SUPPORT (CAMEO 057 → SUPPORT); only promises
    # to sign are AGREE.
    "AGREEMENT": "SUPPORT",
    "AIR_STRIKE": "ASSAULT",  # ASSAULT modes 'aerial' / 'drone'
    "ARMED_CLASH": "ASSAULT",
    # Strategic development "arrests": COERCE 'arrest' (CAMEO 173 → COERCE).
    "ARREST": "COERCE",
    "ART_MISS_ATTACK": "ASSAULT",  # shelling/artillery/missile: 'heavy-weapons'
    "ATTACK": "ASSAULT",  # violence against civilians: one-sided ASSAULT
    # "Change to group/activity" mixes new groups, leadership changes, mergers
    # and movements of forces: no single PLOVER type.
    "CHANGE_TO_GROUP_ACT": None,
    "CHEM_WEAP": "ASSAULT",  # ASSAULT 'unconventional' (CAMEO 2041 → ASSAULT)
    # "Disrupted weapons use": a bomb defused, a missile intercepted, a weapons
    # cache seized. The first two are no PLOVER event at all, the last is
    # COERCE 'seize': no single PLOVER type.
    "DISR_WEAP": None,
    # ACLED lists "excessive force against protesters" under Protests, but the
    # event is the security forces' use of force: ASSAULT 'crowd-control' (PLOVER
    # manual; CAMEO 175 "use violent repression" → ASSAULT).
    "FORCE_AGAINST_PROTEST": "ASSAULT",
    # ACLED files territory changing hands by fighting under Battles, so the
    # event is the fighting (ASSAULT). CAMEO 192 "occupy territory" → COERCE
    # 'seize' would apply only to a take-over without fighting.
    "GOV_REGAINS_TERIT": "ASSAULT",
    "GRENADE": "ASSAULT",  # ASSAULT 'explosives'
    # A group establishing a base or headquarters: a military move short of the
    # use of force, PLOVER MOBILIZE ('militia' / 'troops').
    "HQ_ESTABLISHED": "MOBILIZE",
    # ACLED Riots "mob violence": PLOVER puts violent crowds under PROTEST 'riot'
    # ("participants intend to cause physical injury and/or property damage";
    # CAMEO 145 → PROTEST), even when a mob attacks people.
    "MOB_VIOL": "PROTEST",
    "NON_STATE_ACTOR_OVERTAKES_TER": "ASSAULT",  # Battles, as GOV_REGAINS_TERIT
    # Territory handed over without fighting: RETREAT 'withdraw' ("military
    # retreat from, or ceding, territory").
    "NON_VIOL_TERRIT_TRANSFER": "RETREAT",
    "OTHER": None,  # ACLED's residual strategic development
    "PEACE_PROTEST": "PROTEST",  # PROTEST 'demo'
    # ACLED "looting/property destruction": intentional destruction is ASSAULT
    # 'destroy' (CAMEO 1712 "destroy property" → ASSAULT).
    "PROPERTY_DISTRUCT": "ASSAULT",
    # A protest the authorities intervene in: the coded event is the protest;
    # the intervention (arrests, dispersal) would be a second event.
    "PROTEST_WITH_INTER": "PROTEST",
    "REM_EXPLOS": "ASSAULT",  # remote explosive/landmine/IED: 'explosives'
    "SEX_VIOL": "ASSAULT",  # ASSAULT 'sexual' (CAMEO 1821 → ASSAULT)
    "SUIC_BOMB": "ASSAULT",  # ASSAULT 'suicide-attack' (CAMEO 1831 → ASSAULT)
    "VIOL_DEMONSTR": "PROTEST",  # Riots "violent demonstration": PROTEST 'riot'
}
