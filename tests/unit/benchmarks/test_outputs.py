"""Benchmark scripts write to a git-ignored folder unless --record."""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks import outputs


def test_local_by_default_results_with_record_and_explicit_paths_win(tmp_path, monkeypatch):
    monkeypatch.setattr(outputs, "RESULTS", tmp_path / "results")
    monkeypatch.setattr(outputs, "LOCAL", tmp_path / "results" / "local")
    assert outputs.out_path("x.json", False) == tmp_path / "results" / "local" / "x.json"
    assert outputs.out_path("x.json", True) == tmp_path / "results" / "x.json"
    assert outputs.out_path("x.json", True, Path("/elsewhere/y.json")) == Path("/elsewhere/y.json")
    parser = argparse.ArgumentParser()
    outputs.add_record_option(parser)
    assert parser.parse_args([]).record is False and parser.parse_args(["--record"]).record


def test_the_local_folder_is_ignored_by_git():
    ignored = (outputs.REPO / ".gitignore").read_text().splitlines()
    assert "benchmarks/results/local/" in ignored
