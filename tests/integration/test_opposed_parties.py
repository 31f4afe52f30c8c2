"""The party a cooperation is directed against is opposed, not its target or partner.

Sentences written for this test (not from any corpus).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _codes(refs) -> set[str]:
    return {r.cameo or r.country or r.text for r in refs}


def _countries(refs) -> set[str]:
    return {r.country for r in refs if r.country}


def _is(ref, name: str) -> bool:
    return name in f"{ref.name} {ref.text}".lower()


def _cooperation(events):
    coop = [e for e in events if e.quad_class in (1, 2)]
    assert coop, [(e.trigger, e.cameo_code) for e in events]
    return coop


def _no_actor_both_ways(events) -> None:
    for ev in events:
        spans = {(t.start, t.end) for t in ev.targets}
        assert not any((o.start, o.end) in spans for o in ev.opposed), ev
        ids = {t.actor_id for t in ev.targets if t.actor_id}
        assert not any(o.actor_id in ids for o in ev.opposed if o.actor_id), ev


@pytest.mark.parametrize(
    ("text", "parties", "target", "against"),
    [
        # a noun object of the trigger: "formed an alliance against"
        (
            "Russia and Syria formed an alliance against the Islamic State.",
            {"RUS", "SYR"},
            None,
            "IS",
        ),
        # "against" on the verb, the dictionary's "cooperate against" (110) included
        ("Iran and Iraq agreed to cooperate against ISIS.", {"IRN", "IRQ"}, None, "IS"),
        # a target and an opposed party of one act
        ("The United States backed Iraq against ISIS.", {"USA"}, "IRQ", "IS"),
        # a conflictual purpose clause (CAMEO 190 "combat")
        ("Nigeria and Niger agreed to cooperate to combat Boko Haram.", {"NGA", "NER"}, None, "BH"),
        # passive: the pact against Hezbollah was signed by two parties
        ("A pact against Hezbollah was signed by Israel and Egypt.", {"ISR", "EGY"}, None, "HZ"),
        # a nominal trigger whose purpose hangs on the verb it is the object of
        (
            "The United States is discussing cooperation with Pakistan to fight the Taliban.",
            {"USA"},
            "PAK",
            "TB",
        ),
        # a purpose clause on the trigger's object ("aid to defeat")
        ("Turkey offered Iraq military aid to defeat ISIS.", {"TUR"}, "IRQ", "IS"),
        # three parties and a clause on the agreement ("an agreement to combat")
        (
            "France, Mali and Niger signed an agreement to combat ISIS.",
            {"FRA", "MLI", "NER"},
            None,
            "IS",
        ),
        # a non-conflict clause walked through to a conflictual one ("to counter")
        ("Egypt and Jordan pledged to work together to counter Hamas.", {"EGY", "JOR"}, None, "HM"),
        # "against" two nouns down: talks on cooperation against
        ("The US and Britain held talks on cooperation against ISIS.", {"USA", "GBR"}, None, "IS"),
        # "against" on the verb's object noun, the act intended
        (
            "Jordan and Egypt will coordinate their efforts against Hamas.",
            {"JOR", "EGY"},
            None,
            "HM",
        ),
        # several parties pledge support to a target against a group
        (
            "Kenya, Uganda and Ethiopia pledged support to Somalia against al-Shabaab.",
            {"KEN", "UGA", "ETH"},
            "SOM",
            "AS",
        ),
    ],
)
def test_the_party_a_cooperation_is_against_is_opposed(code_text, text, parties, target, against):
    names = {
        "IS": "islamic state",
        "BH": "boko haram",
        "HZ": "hezbollah",
        "TB": "taliban",
        "HM": "hamas",
        "AS": "shabaab",
    }
    _, events = code_text(text)
    _no_actor_both_ways(events)
    coop = _cooperation(events)
    with_opposed = [e for e in coop if e.opposed]
    assert with_opposed, [(e.trigger, e.cameo_code, _codes(e.targets)) for e in coop]
    ev = with_opposed[0]
    assert any(_is(o, names[against]) for o in ev.opposed), ev.opposed
    # The opposed group is neither a target nor a party of the cooperation.
    assert not any(_is(t, names[against]) for t in ev.targets)
    assert not any(_is(s, names[against]) for s in ev.sources)
    assert parties <= _countries(ev.sources)
    if target is not None:
        assert target in _countries(ev.targets)
    else:
        # Joint parties with nobody else named are each other's targets.
        assert _countries(ev.targets) <= parties


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Protesters marched against the government in Paris.", "FRA"),
        ("Militants launched an attack against the army base in Kabul.", "AFG"),
        ("Germany condemned the attack against the Turkish embassy.", "TUR"),
    ],
)
def test_a_conflict_keeps_who_it_is_against_as_its_target(code_text, text, target):
    _, events = code_text(text)
    conflict = [e for e in events if e.quad_class in (3, 4)]
    assert conflict
    assert all(not e.opposed for e in conflict)
    assert any(target in _countries(e.targets) for e in conflict)


def test_an_investigation_targets_whom_it_is_against(code_text):
    # CAMEO codes an investigation QuadClass 1, PLOVER an accusation: no cooperation.
    _, events = code_text("A Chilean judge opened an investigation against Peruvian officials.")
    [ev] = [e for e in events if e.cameo_root == "09"]
    assert ev.opposed == ()
    assert "PER" in _countries(ev.targets)


def test_a_refused_cooperation_is_a_rejection_without_opposed_parties(code_text):
    _, events = code_text("Turkey refused to cooperate with the United States against ISIS.")
    [reject] = [e for e in events if e.plover_type == "REJECT"]
    assert reject.opposed == ()
    assert "USA" in _countries(reject.targets)


def test_no_cooperation_no_opposed_party(code_text):
    _, events = code_text("Chad sent troops to Mali to fight al-Qaeda.")
    assert all(not e.opposed for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The United States eased sanctions against Cuba.",
        "Canada agreed to lift the embargo against Cuba.",
    ],
)
def test_lifting_a_conflict_is_for_whom_it_was_against(code_text, text):
    _, events = code_text(text)
    coop = _cooperation(events)
    assert all(not e.opposed for e in coop)
    assert any("CUB" in _countries(e.targets) for e in coop)
