"""Coding and analysing open no socket (issue 15, item 5), and a remote ``--db``
(MotherDuck, HTTP, S3) is refused before anything is fetched."""

from __future__ import annotations

import socket
import textwrap
from pathlib import Path

import pytest

from .helpers import cli, error_lines, no_traceback
from .make_corpus import article_text

pytestmark = pytest.mark.slow

SOCKET_EXIT = 97
SITECUSTOMIZE = f"""
import os, socket, sys

def _refuse(*args, **kwargs):
    sys.stderr.write("NETWORK USED: %r\\n" % (args[:2],))
    sys.stderr.flush()
    os._exit({SOCKET_EXIT})

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""


@pytest.fixture
def no_sockets(monkeypatch):
    """Fail the test on any attempt to resolve a name or connect."""
    calls: list[str] = []

    def refuse(name):
        def _refuse(*args, **kwargs):
            calls.append(name)
            raise AssertionError(f"network used: {name}{args[1:3]!r}")

        return _refuse

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    yield calls
    assert calls == []


@pytest.fixture(scope="module")
def guarded_env(tmp_path_factory) -> dict[str, str]:
    """PYTHONPATH entries for a subprocess whose first socket use exits it (status 97)."""
    site = tmp_path_factory.mktemp("nonet")
    (site / "sitecustomize.py").write_text(textwrap.dedent(SITECUSTOMIZE))
    return {"site": str(site)}


def _guarded_cli(guarded_env, *args, timeout: float = 300, cwd: Path | None = None):
    import os

    from .helpers import REPO

    path = os.pathsep.join([guarded_env["site"], str(REPO), os.environ.get("PYTHONPATH", "")])
    return cli(*args, timeout=timeout, cwd=cwd, PYTHONPATH=path)


def test_pipeline_and_alliance_functions_open_no_socket(no_sockets, tmp_path: Path) -> None:
    from bedfellows.network import (
        actor_relations,
        dyad_series,
        find_blocs,
        shifts,
        signed_network,
        strange_bedfellows,
        structural_balance,
    )
    from bedfellows.pipeline import Pipeline
    from bedfellows.store import Store

    corpus = tmp_path / "news"
    corpus.mkdir()
    for i in range(12):
        (corpus / f"n{i}.txt").write_text(
            f"date: 2014-06-{10 + i}\n\n{article_text(i * 3, sentences=4)}\n"
        )
    db = tmp_path / "n.duckdb"
    pipeline = Pipeline()
    with Store.open(db) as store:
        run = store.begin_run()
        summary = pipeline.run([str(corpus)], store, run)
        store.finish_run(run)
    assert summary.articles_coded == 12 and summary.events > 0
    graph = signed_network(db)
    assert graph.number_of_nodes() > 0
    find_blocs(graph)
    structural_balance(graph)
    actor_relations(graph)
    strange_bedfellows(db)
    shifts(db)
    a, b = sorted(graph.nodes)[:2]
    dyad_series(db, a, b)


def test_cli_code_and_network_open_no_socket(guarded_env, tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    for i in range(5):
        (corpus / f"n{i}.txt").write_text(article_text(i + 40) + "\n")
    db = tmp_path / "g.duckdb"
    coded = _guarded_cli(guarded_env, "code", corpus, "--db", db, "--silent")
    assert coded.returncode == 0, coded.stderr[-2000:]
    for args in (["network", "--db", db], ["blocs", "--db", db], ["events", "--db", db]):
        result = _guarded_cli(guarded_env, *args)
        assert result.returncode == 0, (args, result.stderr[-2000:])
        assert "NETWORK USED" not in result.stderr


def test_guard_catches_a_socket(guarded_env, tmp_path: Path) -> None:
    """The sitecustomize guard is live in the subprocess (else the tests above prove nothing)."""
    import os
    import subprocess
    import sys

    from .helpers import env

    path = os.pathsep.join([guarded_env["site"], os.environ.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-c", "import socket; socket.getaddrinfo('example.com', 80)"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env(PYTHONPATH=path),
    )
    assert result.returncode == SOCKET_EXIT


@pytest.mark.parametrize("remote", ["md:x", "https://example.com/x.duckdb", "s3://b/x.duckdb"])
def test_remote_databases_are_refused_offline(guarded_env, tmp_path: Path, remote: str) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "n.txt").write_text(article_text(77) + "\n")
    work = tmp_path / "cwd"
    work.mkdir()
    for command in (["code", corpus, "--silent"], ["demo", "--silent"], ["events"]):
        result = _guarded_cli(guarded_env, *command, "--db", remote, timeout=120, cwd=work)
        assert "NETWORK USED" not in result.stderr, result.stderr[-2000:]
        no_traceback(result)
        assert result.returncode == 2, result.stderr[-2000:]
        if command[0] == "events":  # a usage error: no such file
            assert remote in result.stderr
        else:
            [line] = error_lines(result.stderr)
            assert remote in line
    assert list(work.iterdir()) == []  # nothing coded into a local "md:x" either
