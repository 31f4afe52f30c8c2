"""Packaged data: MANIFEST.toml checksums, NOTICE sections, the TSV reader and writer."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import tomllib
from pathlib import Path

import pytest

import bedfellows.data as data
from bedfellows.data import data_path, read_tsv, verify
from bedfellows.errors import DataFileError

REPO = Path(__file__).resolve().parents[3]
OUR_TABLES = (
    "cameo_codes.tsv",
    "comment_adjectives.tsv",
    "plover_types.tsv",
    "plover_scores.tsv",
    "verb_patterns.tsv",
    "verb_synsets.tsv",
)


def load_manifest_helpers():
    """scripts/build_data/_manifest.py (a script folder, not a package)."""
    path = REPO / "scripts" / "build_data" / "_manifest.py"
    spec = importlib.util.spec_from_file_location("_bedfellows_build_manifest", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of MANIFEST.toml and the files it lists."""
    source = data_path("MANIFEST.toml").parent
    shutil.copy(source / "MANIFEST.toml", tmp_path / "MANIFEST.toml")
    with (source / "MANIFEST.toml").open("rb") as handle:
        for name in tomllib.load(handle)["files"]:
            shutil.copy(source / name, tmp_path / name)
    return tmp_path


def test_manifest_verify_shipped_files():
    assert verify() == []


def test_manifest_lists_our_tables_with_provenance():
    with data_path("MANIFEST.toml").open("rb") as handle:
        files = tomllib.load(handle)["files"]
    for name in OUR_TABLES:
        entry = files[name]
        for key in ("version", "source", "licence", "generator", "sha256"):
            assert entry[key], f"{name}: empty {key}"
        assert (REPO / entry["generator"]).is_file()
        assert entry["sha256"] == hashlib.sha256(data_path(name).read_bytes()).hexdigest()
    assert list(files) == sorted(files)


def test_manifest_verify_reports_tampered_copy(data_copy):
    assert verify(data_copy) == []
    target = data_copy / "plover_types.tsv"
    target.write_bytes(target.read_bytes() + b"EXTRA\t1\tx\t0\n")
    problems = verify(data_copy)
    assert len(problems) == 1
    assert problems[0].startswith("plover_types.tsv")


def test_manifest_verify_reports_missing_file(data_copy):
    (data_copy / "cameo_codes.tsv").unlink()
    assert verify(data_copy) == ["cameo_codes.tsv: listed in MANIFEST.toml but missing"]


def test_manifest_verify_without_manifest_raises(tmp_path):
    with pytest.raises(DataFileError, match="MANIFEST.toml"):
        verify(tmp_path)


@pytest.mark.parametrize("name", OUR_TABLES)
def test_manifest_tables_are_sorted_utf8_tsv(name):
    raw = data_path(name).read_bytes()
    text = raw.decode("utf-8")
    assert "\r" not in text and text.endswith("\n")
    lines = text.split("\n")[:-1]
    width = len(lines[0].split("\t"))
    assert all(len(line.split("\t")) == width for line in lines)
    rows = [line.split("\t") for line in lines[1:]]
    assert rows == sorted(rows)
    assert read_tsv(name)[0].keys() == dict.fromkeys(lines[0].split("\t")).keys()


def test_manifest_notice_names_every_source():
    notice = data_path("NOTICE").read_text(encoding="utf-8")
    sections = [line[3:] for line in notice.splitlines() if line.startswith("## ")]
    assert sections == sorted(sections)
    for section in ("cameo-codebook", "gdelt-goldstein", "plover", "petrarch2-verb-dictionary"):
        assert section in sections
    for phrase in ("CC BY-SA 4.0", "MIT", "016", "CAMEO.goldsteinscale.txt"):
        assert phrase in notice


def test_data_path_missing_file_raises():
    with pytest.raises(DataFileError, match="no_such_table.tsv"):
        data_path("no_such_table.tsv")
    with pytest.raises(DataFileError):
        data_path("../errors.py")


def test_read_tsv_rejects_ragged_rows(tmp_path, monkeypatch):
    (tmp_path / "bad.tsv").write_text("a\tb\n1\t2\n3\n", encoding="utf-8")
    (tmp_path / "good.tsv").write_text("a\tb\n1\t\n", encoding="utf-8")
    monkeypatch.setattr(data, "_data_dir", lambda: tmp_path)
    assert read_tsv("good.tsv") == [{"a": "1", "b": ""}]
    with pytest.raises(DataFileError, match=r"bad.tsv:3"):
        read_tsv("bad.tsv")


def test_update_manifest_keeps_entries_sorted_and_exact(tmp_path):
    helpers = load_manifest_helpers()
    (tmp_path / "b.tsv").write_text("x\n", encoding="utf-8")
    (tmp_path / "a.tsv").write_text("y\n", encoding="utf-8")
    meta = {"version": "1", "licence": 'MIT "quoted" \\ path', "generator": "g.py"}
    helpers.update_manifest(tmp_path, "b.tsv", source="s1", **meta)
    helpers.update_manifest(tmp_path, "a.tsv", source="s2\tx", **meta)
    text = (tmp_path / "MANIFEST.toml").read_text(encoding="utf-8")
    assert text.index('"a.tsv"') < text.index('"b.tsv"')
    files = tomllib.loads(text)["files"]
    assert files["a.tsv"]["source"] == "s2\tx"
    assert files["b.tsv"]["licence"] == 'MIT "quoted" \\ path'
    assert files["b.tsv"]["sha256"] == hashlib.sha256(b"x\n").hexdigest()
    assert verify(tmp_path) == []
    # Rewriting one entry leaves the other as it was, and the output is stable.
    helpers.update_manifest(tmp_path, "b.tsv", source="s1", **meta)
    assert (tmp_path / "MANIFEST.toml").read_text(encoding="utf-8") == text
    with pytest.raises(FileNotFoundError):
        helpers.update_manifest(tmp_path, "c.tsv", source="s", **meta)


def test_update_notice_replaces_and_sorts_sections(tmp_path):
    helpers = load_manifest_helpers()
    helpers.update_notice(tmp_path, "zeta", "Z one")
    helpers.update_notice(tmp_path, "alpha", "A one")
    helpers.update_notice(tmp_path, "zeta", "Z two")
    text = (tmp_path / "NOTICE").read_text(encoding="utf-8")
    assert text.index("## alpha") < text.index("## zeta")
    assert "Z two" in text and "Z one" not in text
    assert text.count("## ") == 2


def test_write_tsv_sorts_and_refuses_tabs(tmp_path):
    helpers = load_manifest_helpers()
    count = helpers.write_tsv(tmp_path / "t.tsv", ("k", "v"), [("b", 2), ("a", None)])
    assert count == 2
    assert (tmp_path / "t.tsv").read_text(encoding="utf-8") == "k\tv\na\t\nb\t2\n"
    with pytest.raises(ValueError):
        helpers.write_tsv(tmp_path / "t.tsv", ("k",), [("a\tb",)])
