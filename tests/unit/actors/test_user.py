"""User actor files (YAML and CSV): loading, overriding, and validation messages."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from bedfellows.actors import ActorKB, resolve_phrase
from bedfellows.actors.user import read_user_actors
from bedfellows.errors import ConfigError


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def test_yaml_adds_a_person_with_dated_roles(tmp_path):
    path = _write(
        tmp_path,
        "mine.yaml",
        """
        actors:
          - id: jane_roe
            name: Jane Roe
            kind: person
            aliases: [Minister Roe]
            spells:
              - {country: NOR, sector: GOV, other: MIL, start: 2021-03-01, end: 2023-02-28}
            default: {country: NOR, sector: ELI}
        """,
    )
    kb = ActorKB.load(path)
    during = resolve_phrase(["Jane", "Roe"], date(2022, 1, 1), kb=kb)
    after = resolve_phrase(["Jane", "Roe"], date(2024, 1, 1), kb=kb)
    assert (during.country, during.sector, during.cameo) == ("NOR", "GOV", "NORGOV")
    assert during.other_sectors == ("MIL",)
    assert (after.country, after.sector) == ("NOR", "ELI")
    # The cached default knowledge base is untouched.
    assert "jane_roe" not in ActorKB.load()


def test_user_actor_overrides_a_packaged_one_by_id(tmp_path):
    path = _write(
        tmp_path,
        "obama.yaml",
        """
        actors:
          - id: barack_obama
            name: Barack Obama
            kind: person
            aliases: [Obama]
            spells:
              - {country: USA, sector: LEG, start: 2005-01-03, end: 2008-11-16}
        """,
    )
    kb = ActorKB.load(path)
    res = resolve_phrase(["Obama"], date(2012, 5, 1), kb=kb)
    assert res.actor_id == "barack_obama"
    assert res.spell is None or res.spell.sector != "GOV"  # the packaged GOV spell is gone


def test_user_alias_wins_over_a_packaged_actor_with_the_same_name(tmp_path):
    path = _write(
        tmp_path,
        "maliki.yaml",
        """
        actors:
          - id: another_maliki
            name: Maliki Example
            kind: person
            aliases: [Maliki]
            spells:
              - {country: MLI, sector: GOV, start: 2010-01-01, end: 2011-01-01}
        """,
    )
    res = resolve_phrase(["Maliki"], date(2010, 6, 1), kb=ActorKB.load(path))
    assert res.actor_id == "another_maliki"
    assert res.country == "MLI"


def test_declared_countries_places_and_cameo_codes(tmp_path):
    path = _write(
        tmp_path,
        "world.yaml",
        """
        countries:
          - {code: SHR, name: The Shire}
        places:
          - {name: Michel Delving, country: SHR, sector: GOV}
        actors:
          - id: sam
            name: Sam Gamgee
            cameo: SHR
            spells:
              - {cameo: SHRMIL, start: 2008-01-20, end: 2012-11-09}
              - {cameo: SHRCVL, start: 2010-01-09, end: 2010-01-12}
        """,
    )
    kb = ActorKB.load(path)
    seat = resolve_phrase(["Michel", "Delving"], None, kb=kb)
    assert (seat.country, seat.sector, seat.cameo) == ("SHR", "GOV", "SHRGOV")
    outer = resolve_phrase(["Sam", "Gamgee"], date(2009, 1, 1), kb=kb)
    inner = resolve_phrase(["Sam", "Gamgee"], date(2010, 1, 10), kb=kb)
    outside = resolve_phrase(["Sam", "Gamgee"], date(2001, 1, 1), kb=kb)
    assert (outer.cameo, outer.sector) == ("SHRMIL", "MIL")
    assert (inner.cameo, inner.sector) == ("SHRCVL", "CVL")  # the nested spell wins
    assert outside.cameo == "SHR"


def test_csv_rows_are_spells_of_one_actor(tmp_path):
    path = _write(
        tmp_path,
        "mine.csv",
        """
        id,name,kind,aliases,country,sector,cameo,start,end,note
        jo_bloggs,Jo Bloggs,person,Bloggs|J. Bloggs,GHA,GOV,,2019-01-07,2021-01-06,Minister
        jo_bloggs,,,,GHA,ELI,,,,former minister
        """,
    )
    user = read_user_actors(path)
    (entry,) = user.actors
    assert entry.aliases == ("Bloggs", "J. Bloggs")
    assert [s.default for s in entry.spells] == [False, True]
    kb = ActorKB.load(path)
    assert resolve_phrase(["Bloggs"], date(2020, 1, 1), kb=kb).cameo == "GHAGOV"
    assert resolve_phrase(["Bloggs"], date(2022, 1, 1), kb=kb).sector == "ELI"


@pytest.mark.parametrize(
    ("body", "line", "reason"),
    [
        (
            """
            actors:
              - id: a
                name: A
                spells:
                  - {country: USA, sector: GOV, start: 2020-02-30}
            """,
            5,
            "bad start date",
        ),
        (
            """
            actors:
              - id: a
                name: A
                spells:
                  - {country: XYZ, sector: GOV, start: 2020-01-01}
            """,
            5,
            "unknown country code 'XYZ'",
        ),
        (
            """
            actors:
              - id: a
                name: A
                spells:
                  - {country: USA, sector: WIZARD, start: 2020-01-01}
            """,
            5,
            "unknown sector 'WIZARD'",
        ),
        (
            """
            actors:
              - id: a
                name: A
                spells:
                  - {cameo: QQQGOV, start: 2020-01-01}
            """,
            5,
            "CAMEO code 'QQQGOV'",
        ),
        (
            """
            actors:
              - id: a
                name: A
                spells:
                  - {country: USA, sector: GOV, start: 2010-01-01, end: 2012-01-01}
                  - {country: USA, sector: MIL, start: 2011-06-01, end: 2013-01-01}
            """,
            6,
            "overlaps the spell on line 5",
        ),
        (
            """
            actors:
              - id: a
                name: A
                spells:
                  - {country: USA, sector: GOV, start: 2012-01-01, end: 2010-01-01}
            """,
            5,
            "ends (2010-01-01) before it starts",
        ),
        (
            """
            actors:
              - id: a
                name: A
              - id: a
                name: B
            """,
            4,
            "already defined on line 2",
        ),
        (
            """
            leaders:
              - id: a
            """,
            1,
            "unknown section 'leaders'",
        ),
        (
            """
            actors:
              - id: a
                name: A
                kind: wizard
            """,
            2,
            "kind 'wizard'",
        ),
    ],
)
def test_bad_records_name_the_line_and_reason(tmp_path, body, line, reason):
    path = _write(tmp_path, "bad.yaml", body)
    with pytest.raises(ConfigError) as err:
        read_user_actors(path)
    message = str(err.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert reason in message


def test_spells_sharing_one_handover_day_are_allowed(tmp_path):
    path = _write(
        tmp_path,
        "ok.yaml",
        """
        actors:
          - id: a
            name: Alex Example
            spells:
              - {country: USA, sector: MIL, start: 2008-01-20, end: 2012-11-09}
              - {country: USA, sector: GOV, start: 2012-11-09, end: 2013-01-19}
        """,
    )
    (entry,) = read_user_actors(path).actors
    assert len(entry.spells) == 2


def test_csv_errors_name_the_line(tmp_path):
    path = _write(
        tmp_path,
        "bad.csv",
        """
        id,name,country,sector,start,end
        a,A,USA,GOV,2020-01-01,2021-01-01
        b,B,USA,GOV,2020-13-01,
        """,
    )
    with pytest.raises(ConfigError, match=r"bad\.csv:3: bad start date '2020-13-01'"):
        read_user_actors(path)


def test_unsupported_suffix_and_broken_yaml(tmp_path):
    with pytest.raises(ConfigError, match="must be .yaml, .yml or .csv"):
        read_user_actors(_write(tmp_path, "x.txt", "hello"))
    with pytest.raises(ConfigError, match=r"broken\.yaml:\d+: not valid YAML"):
        read_user_actors(_write(tmp_path, "broken.yaml", "actors:\n  - {id: a, name: [\n"))


SPELL = "spells: [{country: USA, sector: GOV, start: 2010-01-01}]"


@pytest.mark.parametrize(
    ("extra", "line", "reason"),
    [
        ("note: !!python/object:os.system ls", 4, "YAML tag"),
        ("note: !custom value", 4, "YAML tag"),
        # field errors name the actor's line, as every other field check does
        ("case_sensitive: 5", 2, "'case_sensitive' must be a list of names"),
        ("case_sensitive: [Roe, 7]", 2, "'case_sensitive' must be a list of names"),
    ],
)
def test_unsafe_tags_and_mistyped_fields_are_config_errors(tmp_path, extra, line, reason):
    path = _write(
        tmp_path, "bad.yaml", f"actors:\n  - id: a\n    name: A\n    {extra}\n    {SPELL}\n"
    )
    with pytest.raises(ConfigError) as err:
        read_user_actors(path)
    assert str(err.value).startswith(f"{path}:{line}:"), str(err.value)
    assert reason in str(err.value)


def test_end_known_must_be_a_boolean(tmp_path):
    body = "actors:\n  - id: a\n    name: A\n    spells:\n"
    body += (
        "      - {country: USA, sector: GOV, start: 2010-01-01, end: 2011-01-01, end_known: 5}\n"
    )
    path = _write(tmp_path, "bad.yaml", body)
    with pytest.raises(ConfigError, match=r"bad\.yaml:5: 'end_known' must be true or false"):
        read_user_actors(path)


def test_megabytes_of_nesting_are_a_config_error(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("actors: " + "[" * 3_000_000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"deep\.yaml.*nested too deeply"):
        read_user_actors(path)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("USAXYZ", "unknown CAMEO code block 'XYZ' in 'USAXYZ'"),
        ("IRQGOVQQQ", "unknown CAMEO code block 'QQQ' in 'IRQGOVQQQ'"),
        ("USAGO", "not a sequence of three-letter blocks"),
        ("QQQGOV", "starts with no known country"),
    ],
)
def test_every_block_of_a_cameo_code_is_checked(tmp_path, code, reason):
    body = f"actors:\n  - id: a\n    name: A\n    spells:\n      - {{cameo: {code}}}\n"
    path = _write(tmp_path, "codes.yaml", body)
    with pytest.raises(ConfigError) as err:
        read_user_actors(path)
    assert str(err.value).startswith(f"{path}:5: ") and reason in str(err.value)


@pytest.mark.parametrize(
    "code",
    ["USAGOVMIL", "IRQMILREB", "IGOUNOWHO", "NGOHRI", "IMGMUSISI", "MNCUSA", "MNCISL", "NGONORHRI"],
)
def test_known_cameo_codes_pass(tmp_path, code):
    body = f"actors:\n  - id: a\n    name: A\n    spells:\n      - {{cameo: {code}}}\n"
    (entry,) = read_user_actors(_write(tmp_path, "codes.yaml", body)).actors
    assert entry.spells[0].cameo == code


def test_every_packaged_actor_code_is_accepted():
    # A user file may copy any packaged actor to override it; its codes must pass.
    from bedfellows.actors.user import _Codes

    kb = ActorKB.load()
    codes = _Codes(kb)
    found = {
        code
        for actor_id in kb.actor_ids()
        for code in {kb.get(actor_id).cameo, *(s.cameo for s in kb.get(actor_id).spells)}
        if code and len(code) % 3 == 0
    }
    assert len(found) > 100
    assert [c for c in sorted(found) if codes.check_cameo(c)] == []
