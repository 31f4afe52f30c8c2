"""Armed non-state groups: the packaged table, name resolution, proxies, the build checks."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from bedfellows.actors import resolve_phrase
from bedfellows.actors.armed import armed_group, armed_groups, patron_at, proxy_id, proxy_patron

REPO = Path(__file__).resolve().parents[3]
SCRIPT = REPO / "scripts" / "build_data" / "build_armed_groups.py"

# Where each group fights (its main country), as any atlas of today's conflicts says.
GROUPS = {
    "Popular Mobilization Forces": "IRQ",
    "Kataib Hezbollah": "IRQ",
    "Asa'ib Ahl al-Haq": "IRQ",
    "Hezbollah": "LBN",
    "Houthis": "YEM",
    "Hamas": "PSE",
    "Palestinian Islamic Jihad": "PSE",
    "al-Shabaab": "SOM",
    "Boko Haram": "NGA",
    "Wagner Group": "RUS",
    "Hayat Tahrir al-Sham": "SYR",
    "PKK": "TUR",
    "YPG": "SYR",
    "Taliban": "AFG",
    "Tehrik-i-Taliban Pakistan": "PAK",
    "ELN": "COL",
    "M23": "COD",
    "Rapid Support Forces": "SDN",
    "Arakan Army": "MMR",
}


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_named_groups_resolve_to_their_own_entry(name):
    res = resolve_phrase(name.split(), date(2024, 6, 1))
    assert res is not None and res.kind == "group", name
    group = armed_group(res.actor_id)
    assert group is not None, f"{name} resolved to {res.actor_id}, not a table group"
    assert group.operates_in[0] == GROUPS[name]
    assert res.sector in {"REB", "UAF", "PRM", "IMG", "GOV"}  # the Taliban govern since 2021


def test_every_row_has_a_source_and_regions_are_spread():
    groups = armed_groups()
    assert len(groups) >= 250
    assert all(g.sources for g in groups.values())
    regions = {g.region for g in groups.values()}
    assert {"MENA", "SSA", "SAS", "EAP", "ECA", "AMR"} <= regions


def test_parents_are_rows_and_no_group_is_its_own_parent():
    groups = armed_groups()
    for group in groups.values():
        assert group.parent is None or (group.parent in groups and group.parent != group.group_id)


def test_lowercase_and_acronyms_in_running_text():
    assert resolve_phrase(["houthi", "rebels"], None) is None or (
        resolve_phrase(["houthi", "rebels"], None).actor_id != "hezbollah"
    )
    pkk = resolve_phrase(["the", "PKK"], None)
    assert pkk is not None and armed_group(pkk.actor_id) is not None
    # an all-capitals acronym is case-sensitive: "pkk" in lowercase prose is no group
    lower = resolve_phrase(["pkk"], None)
    assert lower is None or lower.actor_id != pkk.actor_id


def test_a_state_backing_a_force_is_its_patron_not_its_country():
    res = resolve_phrase(["Iran", "-", "backed", "militias"], None)
    assert res is not None and res.actor_id == proxy_id("IRN") and res.country is None
    assert res.sector == "UAF" and proxy_patron(res.actor_id) == "IRN"
    assert patron_at(res.actor_id, date(2020, 1, 1)) == "IRN"
    rebels = resolve_phrase(["Russian", "-", "backed", "separatists"], None)
    assert rebels is not None and rebels.actor_id == proxy_id("RUS") and rebels.sector == "REB"


def test_backing_does_not_override_a_named_group_or_the_forces_own_country():
    named = resolve_phrase(["Iran", "-", "backed", "Houthis"], None)
    assert named is not None and named.actor_id != proxy_id("IRN")
    assert armed_group(named.actor_id) is not None
    own = resolve_phrase(["US", "-", "backed", "Iraqi", "forces"], None)
    assert own is not None and own.country == "IRQ" and own.sector == "MIL"
    # a government is no armed proxy, and is not Iran's either
    gov = resolve_phrase(["an", "Iran", "-", "backed", "government"], None)
    assert gov is None or (gov.country != "IRN" and gov.actor_id != proxy_id("IRN"))


def test_patron_spells_follow_the_date(monkeypatch):
    from bedfellows.actors import armed

    spell = armed.PatronSpell("RWA", date(2012, 4, 1), date(2013, 11, 30))
    group = armed.ArmedGroup(
        "g",
        "G",
        ("G",),
        ("COD",),
        "SSA",
        "REB",
        "CODREB",
        None,
        None,
        None,
        (spell,),
        (),
        ("x",),
        "",
    )
    monkeypatch.setattr(armed, "armed_groups", lambda: {"g": group})
    assert patron_at("g", date(2012, 6, 1)) == "RWA"
    assert patron_at("g", date(2016, 6, 1)) is None
    assert patron_at("g", None) == "RWA"
    assert patron_at("unknown", date(2012, 6, 1)) is None


# --------------------------------------------------------------------------- the build checks


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("_bedfellows_build_armed_groups", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _table(tmp_path: Path, build, *rows: str) -> Path:
    path = tmp_path / "groups.tsv"
    path.write_text("\t".join(build.IN_HEADER) + "\n" + "".join(r + "\n" for r in rows))
    return path


ROW = "\t".join(
    ["a_front", "A Front", "A Front|AF", "IRQ", "MENA", "REB", "", "2003", "", "", "IRN:2004:"]
    + ["Azeri", "", "some source", "note"]
)


def test_build_derives_the_cameo_code_and_reads_patrons(build, tmp_path):
    (group,) = build.read_groups({"IRQ", "IRN"}, _table(tmp_path, build, ROW))
    assert group.cameo == "IRQREB" and group.patrons == (build.Patron("IRN", "2004", ""),)
    entry = build.curated_entries([group])[0]
    assert entry["case_sensitive"] == ["AF"] and entry["country"] == "IRQ"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("IRQ\tMENA", "XXX\tMENA"), "unknown country"),
        (("\t2003\t", "\t03\t"), "not YYYY"),
        (("some source", ""), "source is required"),
        (("IRN:2004:", "IRN:2004:2001"), "ends before it starts"),
        (("\tREB\t", "\tGOV\t"), "sector"),
        (("A Front|AF", "AF"), "name must be one of the aliases"),
    ],
)
def test_build_refuses_bad_rows_naming_line_and_field(build, tmp_path, change, message):
    row = ROW.replace(*change)
    with pytest.raises(ValueError, match=message) as info:
        build.read_groups({"IRQ", "IRN"}, _table(tmp_path, build, row))
    assert "groups.tsv:2" in str(info.value)


def test_build_refuses_unknown_parents_and_shared_aliases(build, tmp_path):
    orphan = ROW.replace("\t\t\tIRN", "\t\tnobody\tIRN")
    with pytest.raises(ValueError, match="parent 'nobody'"):
        build.read_groups({"IRQ", "IRN"}, _table(tmp_path, build, orphan))
    twin = ROW.replace("a_front\tA Front\tA Front|AF", "b_front\tB Front\tB Front|AF")
    with pytest.raises(ValueError, match="also an alias of a_front"):
        build.read_groups({"IRQ", "IRN"}, _table(tmp_path, build, ROW, twin))


def test_build_allows_one_armed_group_per_people_and_country(build, tmp_path):
    twin = ROW.replace("a_front\tA Front\tA Front|AF", "b_front\tB Front\tB Front")
    with pytest.raises(ValueError, match="Azeri in IRQ is already a_front"):
        build.read_groups({"IRQ", "IRN"}, _table(tmp_path, build, ROW, twin))
    elsewhere = twin.replace("\tIRQ\tMENA", "\tIRN\tMENA")
    assert len(build.read_groups({"IRQ", "IRN"}, _table(tmp_path, build, ROW, elsewhere))) == 2


def test_people_group_needs_the_country(monkeypatch):
    from bedfellows.actors import armed

    group = armed.ArmedGroup(
        "k", "K", ("K",), ("SYR", "TUR"), "MENA", "REB", "SYRREB", None, None, None, (),
        ("Kurdish",), ("x",), "",
    )  # fmt: skip
    monkeypatch.setattr(armed, "armed_groups", lambda: {"k": group})
    armed._people_index.cache_clear()
    try:
        assert armed.people_group(["Kurdish", "fighters"], "SYR") is group
        assert armed.people_group(["kurdish", "militia"], "SYR") is group
        assert armed.people_group(["Kurdish", "fighters"], "TUR") is None  # not its main country
        assert armed.people_group(["Kurdish", "fighters"], None) is None
    finally:
        armed._people_index.cache_clear()
