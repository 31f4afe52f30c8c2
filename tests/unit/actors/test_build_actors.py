"""scripts/build_data/build_actors.py: parsing, determinism and the curated YAML."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from bedfellows.data import data_path

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared"
SCRIPT = REPO / "scripts" / "build_data" / "build_actors.py"
CURATED = REPO / "scripts" / "build_data" / "curated_actors.yaml"


@pytest.fixture(scope="module")
def build_actors():
    """The build script as a module (scripts/build_data is not a package)."""
    spec = importlib.util.spec_from_file_location("_bedfellows_build_actors", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- a made-up input

COUNTRIES_CSV = """CCA2,Name,CCA3,Nationality
IQ,Iraq,IRQ,"Iraqi, Iraqis"
US,United States,USA,"American, Americans"
GE,Georgia,GEO,"Georgian, Georgians"
,Abkhazia,GEOPRE,Abkhaz
"""

COUNTRYINFO = """<!-- header -->
<Country>
<CountryCode>IRQ</CountryCode>
<CountryName>IRAQ</CountryName>
<COW-Numeric>645</COW-Numeric>
<ISO3166-alpha2>IQ</ISO3166-alpha2>
<ISO3166-alpha3>IRQ</ISO3166-alpha3>
<Nationality>
\tIRAQI_
\tIRAK_
</Nationality>
<Capital>
\tBAGHDAD_
</Capital>
</Country>
<Country>
<CountryCode>USA</CountryCode>
<CountryName>UNITED_STATES_OF_AMERICA</CountryName>
<COW-Numeric>2</COW-Numeric>
<ISO3166-alpha2>US</ISO3166-alpha2>
<ISO3166-alpha3>USA</ISO3166-alpha3>
<Nationality>
\tAMERICAN_
</Nationality>
<Capital>
\tWASHINGTON  # potentially confused with the state
</Capital>
</Country>
"""

PHOENIX_COUNTRIES = """# a comment
IRAQ_  [IRQ]
+BAGHDAD_

NURI_AL_MALIKI_  # CountryInfo.txt
+MALIKI
+PRIME_MINISTER_MALIKI
\t[IRQELI 680101-000101]
\t[IRQGOV 20060520-20140908]
\t[IRQELI]
HAIDAR_AL_ABADI
\t[IRQGOV >20140908]
ZAID_BROKEN_DATES
\t[IRQGOV 9008223-911221]
\t[IRQGOV > 20120101]
OCCUPATION_OFFICE_OF_IRAQ
\t[IRQOCC 1920030320-20060520]
AMERICAN_VICE_PRESIDENT
+US_VICE_PRESIDENT
\t[USAGOV]
"""

INTERNATIONAL = "UNITED_NATIONS_ [IGOUNO]\n+U.N.\n"
MILNONSTATE = "SOME_LIBERATION_FRONT [IRQREB]\n+SLF\n"
PLOVER_AGENTS = "!PERSON! = MAN, MEN\nSOLDIER [~MIL]\nPOLICE!PERSON! [~COP]\nJOURNALIST [~JRN]\n"
PHOENIX_AGENTS = "SOLDIER [~MIL]\nPOLICE {} [~COP]\nJOURNALIST [~MED]\n"
CURATED_YAML = """
country_aliases:
  - {alias: "US", iso3: USA, kind: alias, case_sensitive: true}
seats:
  - {alias: "the Pentagon", iso3: USA, sector: MIL, label: FAC}
agents:
  - {phrase: security forces, cameo: MIL, plover: MIL, other: COP, plural: ""}
actors:
  - id: test_group
    name: Test Group
    kind: group
    cameo: IRQREB
    sector: REB
    country: IRQ
    aliases: [Test Group, TG]
    case_sensitive: [TG]
"""


@pytest.fixture()
def mini_shared(tmp_path: Path) -> Path:
    """A tiny ../shared made by code (no third-party text)."""
    ref = tmp_path / "data" / "reference"
    (ref / "petrarch").mkdir(parents=True)
    (ref / "countries.csv").write_text(COUNTRIES_CSV, encoding="utf-8")
    (ref / "CountryInfo.120116.txt").write_text(COUNTRYINFO, encoding="utf-8")
    (ref / "countrynames.txt").write_text("Iraq\tIRQ\t645\nNULL\t---\t000\n", encoding="utf-8")
    (ref / "PLOVER_agents.txt").write_text(PLOVER_AGENTS, encoding="utf-8")
    (ref / "petrarch" / "Phoenix.agents.txt").write_text(PHOENIX_AGENTS, encoding="utf-8")
    (ref / "petrarch" / "Phoenix.Countries.actors.txt").write_text(PHOENIX_COUNTRIES, "utf-8")
    (ref / "petrarch" / "Phoenix.International.actors.txt").write_text(INTERNATIONAL, "utf-8")
    (ref / "petrarch" / "Phoenix.MilNonState.actors.txt").write_text(MILNONSTATE, "utf-8")
    (tmp_path / "curated.yaml").write_text(CURATED_YAML, encoding="utf-8")
    return tmp_path


def _actors(result) -> dict[str, dict]:
    return {
        json.loads(line)["actor_id"]: json.loads(line)
        for line in result.files["actors.jsonl"].splitlines()
    }


def test_build_actors_is_deterministic(build_actors, mini_shared: Path) -> None:
    first = build_actors.build(mini_shared, mini_shared / "curated.yaml")
    second = build_actors.build(mini_shared, mini_shared / "curated.yaml")
    assert first.files == second.files
    for name, text in first.files.items():
        if name.endswith(".tsv"):
            body = text.splitlines()[1:]
            assert body == sorted(body), name
    ids = [json.loads(line)["actor_id"] for line in first.files["actors.jsonl"].splitlines()]
    assert ids == sorted(ids)


def test_build_actors_two_digit_year_pivot(build_actors) -> None:
    assert build_actors._parse_digits("300101") == date(2030, 1, 1)
    assert build_actors._parse_digits("310101") == date(1931, 1, 1)
    assert build_actors._parse_digits("000101") == date(2000, 1, 1)
    assert build_actors._parse_digits("19060101") == date(1906, 1, 1)


def test_build_actors_spells(build_actors, mini_shared: Path) -> None:
    result = build_actors.build(mini_shared, mini_shared / "curated.yaml")
    actors = _actors(result)
    maliki = actors["nuri_al_maliki"]
    assert maliki["kind"] == "person"
    spans = [(s["cameo"], s["start"], s["end"], s["end_known"]) for s in maliki["spells"]]
    assert spans == [
        ("IRQELI", "1968-01-01", "2000-01-01", True),
        ("IRQGOV", "2006-05-20", "2014-09-08", True),
        ("IRQELI", None, None, False),
    ]
    assert maliki["spells"][-1]["default"] is True
    # An open-ended PETRARCH spell keeps an unknown end: never invented.
    (abadi_spell,) = actors["haidar_al_abadi"]["spells"]
    assert (abadi_spell["start"], abadi_spell["end"], abadi_spell["end_known"]) == (
        "2014-09-08",
        None,
        False,
    )


def test_build_actors_repairs_and_drops_malformed_restrictions(
    build_actors, mini_shared: Path
) -> None:
    result = build_actors.build(mini_shared, mini_shared / "curated.yaml")
    counts = result.stats.counts
    assert counts["drop: malformed restriction"] == 1  # 9008223
    assert counts["repair: stray space in restriction"] == 1  # "> 20120101"
    assert counts["repair: stray century prefix"] == 1  # 1920030320
    (spell,) = _actors(result)["zaid_broken_dates"]["spells"]
    assert (spell["start"], spell["end"]) == ("2012-01-01", None)


def test_build_actors_kinds_and_places(build_actors, mini_shared: Path) -> None:
    result = build_actors.build(mini_shared, mini_shared / "curated.yaml")
    actors = _actors(result)
    assert "iraq" not in actors  # country records come from the country tables
    assert actors["united_nations"]["kind"] == "igo"
    assert actors["some_liberation_front"]["kind"] == "group"
    assert actors["american_vice_president"]["kind"] == "org"  # a role, not a person
    assert actors["test_group"]["case_sensitive"] == ["TG"]
    rows = [line.split("\t") for line in result.files["country_aliases.tsv"].splitlines()[1:]]
    by_key = {(r[0], r[3]): r for r in rows}
    assert by_key[("baghdad", "capital")][2:5] == ["IRQ", "capital", "GOV"]
    assert by_key[("iraqis", "demonym_pl")][2] == "IRQ"
    assert by_key[("abkhazia", "alias")][2:5] == ["GEO", "alias", "PRE"]
    assert by_key[("pentagon", "seat")][4] == "MIL"
    assert by_key[("US", "alias")][6] == "1"  # case-sensitive
    agents = {
        line.split("\t")[0]: line.split("\t")
        for line in result.files["agents.tsv"].splitlines()[1:]
    }
    assert agents["soldiers"][1:3] == ["MIL", "MIL"]
    assert agents["journalist"][1:3] == ["MED", "JRN"]  # CAMEO media is PLOVER JRN
    assert agents["security forces"][1:4] == ["MIL", "MIL", "COP"]


# --------------------------------------------------------------------------- curated YAML

PLOVER = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
}  # fmt: skip


def _countries() -> set[str]:
    lines = data_path("countries.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {line.split("\t")[0] for line in lines}


def test_curated_yaml_validates(build_actors) -> None:
    curated = yaml.safe_load(CURATED.read_text(encoding="utf-8"))
    countries = _countries()
    ids: set[str] = set()
    owners: dict[str, str] = {}
    for entry in curated["actors"]:
        where = entry["id"]
        assert re.fullmatch(r"[a-z0-9_]+", entry["id"]), where
        assert entry["id"] not in ids, f"duplicate id {where}"
        ids.add(entry["id"])
        assert entry.get("kind", "person") in {"person", "group", "igo", "org"}, where
        assert entry.get("country") is None or entry["country"] in countries, where
        assert entry.get("sector") is None or entry["sector"] in PLOVER, where
        assert entry.get("cameo") is None or re.fullmatch(r"[A-Z]{3,12}", entry["cameo"]), where
        assert set(entry.get("case_sensitive") or []) <= set(entry["aliases"]), where
        for alias in entry["aliases"]:
            key = build_actors.key_of(alias)
            assert owners.setdefault(key, where) == where, f"{alias!r} in {where} and {owners[key]}"
        for spell in [
            *(entry.get("spells") or []),
            *([entry["default"]] if entry.get("default") else []),
        ]:
            built = build_actors.curated_spell(spell, where, default=spell is entry.get("default"))
            # A spell without a country belongs to a non-state actor (IMG/IGO code).
            assert built.country in countries or built.cameo.startswith(("IMG", "IGO")), where
            assert built.sector in PLOVER, where
            assert built.other is None or built.other in PLOVER, where
            if built.start and built.end:
                assert built.start <= built.end, where
            if built.end is None and not built.default:
                assert built.end_known is False, where
            assert re.fullmatch(r"[A-Z]{3,12}", built.cameo), where
    for seat in curated["seats"]:
        assert seat["iso3"] in countries and seat["sector"] in PLOVER
    for alias in curated["country_aliases"]:
        assert alias["iso3"] in countries
        assert alias["kind"] in {"name", "alias", "demonym_sg", "demonym_pl"}
    for agent in curated["agents"]:
        assert agent["plover"] in PLOVER and agent.get("other", "COP") in PLOVER
        assert re.fullmatch(r"(?:[A-Z]{3})+", agent["cameo"])


def test_curated_spell_rejects_an_end_before_the_start(build_actors) -> None:
    with pytest.raises(ValueError, match="before it starts"):
        build_actors.curated_spell(
            {"country": "USA", "sector": "GOV", "start": "2017-01-20", "end": "2009-01-20"}, "x"
        )
    with pytest.raises(ValueError, match="unknown sector"):
        build_actors.curated_spell({"country": "USA", "sector": "XXX"}, "x")


# --------------------------------------------------------------------------- the real sources


@pytest.mark.skipif(not (SHARED / "data" / "reference").is_dir(), reason="../shared is absent")
def test_build_actors_packaged_tables_are_current(build_actors) -> None:
    result = build_actors.build(
        SHARED, leaders_path=build_actors.LEADERS_PATH, armed_path=build_actors.ARMED_PATH
    )
    for name, text in result.files.items():
        packaged = data_path(name).read_text(encoding="utf-8")
        assert packaged == text, f"{name} is stale: run python scripts/build_data/build_actors.py"


def test_build_actors_leaders_must_not_repeat_curated_ids(build_actors) -> None:
    curated = {"actors": [{"id": "a"}]}
    merged = build_actors.merge_leaders(curated, {"actors": [{"id": "b"}]})
    assert [e["id"] for e in merged["actors"]] == ["a", "b"]
    with pytest.raises(ValueError, match="already in curated_actors.yaml"):
        build_actors.merge_leaders(curated, {"actors": [{"id": "a"}]})
    with pytest.raises(ValueError, match="only an 'actors' section"):
        build_actors.merge_leaders(curated, {"countries": []})
