"""``bedfellows actors lookup``, ``--actors`` and the ``bedfellows.toml`` setting."""

from __future__ import annotations

import json
import textwrap

import pytest
from click.testing import CliRunner

from bedfellows.cli.main import cli
from bedfellows.config import load_settings
from bedfellows.errors import ConfigError

USER_ACTORS = """
actors:
  - id: amina_example
    name: Amina Example
    kind: person
    aliases: [Minister Example]
    spells:
      - {country: KEN, sector: GOV, other: MIL, cameo: KENGOVMIL,
         start: 2018-01-01, end: 2020-12-31}
    default: {country: KEN, sector: ELI}
"""


def _invoke(*args: str, **kwargs):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kwargs)


def test_lookup_says_which_entry_and_spell(tmp_path):
    result = _invoke("actors", "lookup", "Maliki", "--date", "2014-06-16")
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert "IRQGOV" in first and "2014-06-16" in first
    assert "why: person 'Nouri al-Maliki'" in result.output
    chosen = [line for line in result.output.splitlines() if line.lstrip().startswith("*")]
    assert len(chosen) == 1 and "2006-05-20" in chosen[0]


def test_lookup_a_descriptive_phrase_shows_the_persons_entry():
    result = _invoke(
        "actors", "lookup", "Iraqi Defense Minister Erfan al-Hiyali", "--date", "2017-08-01"
    )
    assert "IRQGOVMIL" in result.output.splitlines()[0]
    assert "entry erfan_al_hiyali" in result.output


def test_lookup_json_and_former_official():
    result = _invoke("actors", "lookup", "Obama", "--date", "2018-03-01", "--json")
    doc = json.loads(result.output)
    assert doc["resolution"]["cameo"] == "USAELI"
    (entry,) = [e for e in doc["entries"] if e["actor_id"] == "barack_obama"]
    assert [s["chosen"] for s in entry["spells"]].count(True) == 1
    assert next(s for s in entry["spells"] if s["chosen"])["default"] is True


def test_lookup_bad_date_is_a_usage_error():
    result = CliRunner().invoke(cli, ["actors", "lookup", "Maliki", "--date", "June 2014"])
    assert result.exit_code == 2
    assert "is not a date" in result.output


def test_lookup_with_a_user_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(USER_ACTORS)
    result = _invoke(
        "actors", "lookup", "Amina Example", "--date", "2019-05-05", "--actors", str(path)
    )
    assert result.exit_code == 0, result.output
    assert "KENGOVMIL" in result.output.splitlines()[0]


def test_lookup_bad_user_file_names_file_and_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("actors:\n  - id: x\n    name: X\n    spells:\n      - {country: ZZZ}\n")
    result = CliRunner().invoke(cli, ["actors", "lookup", "X", "--actors", str(path)])
    assert result.exit_code == 2
    assert f"{path}:5: unknown country code 'ZZZ'" in result.output


def test_config_file_sets_the_actors_file(tmp_path, monkeypatch):
    (tmp_path / "mine.yaml").write_text(USER_ACTORS)
    (tmp_path / "bedfellows.toml").write_text('[actors]\nfile = "mine.yaml"\n')
    monkeypatch.delenv("BEDFELLOWS_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    assert load_settings().actors_file == (tmp_path / "mine.yaml").resolve()
    result = _invoke("actors", "lookup", "Amina Example", "--date", "2019-05-05")
    assert "KENGOVMIL" in result.output


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[actor]\nfile = 'x.yaml'\n", "unknown section [actor]"),
        ("[actors]\npath = 'x.yaml'\n", "unknown key(s) in [actors]: path"),
        ("[actors]\nfile = 'missing.yaml'\n", "does not exist"),
        ("[actors\n", "not valid TOML"),
    ],
)
def test_bad_config_files(tmp_path, toml, message):
    path = tmp_path / "bedfellows.toml"
    path.write_text(textwrap.dedent(toml))
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert str(err.value).startswith(str(path))
    assert message in str(err.value)
