"""Every `bedfellows` command the README shows runs, in order, on the seed articles.

The README's own corpus examples (`corpus.jsonl`, `export.csv`, `news/`,
`my_actors.yaml`) are made here from the seeds, in the shapes the README names.
Each command must exit 0 and say something (on stdout, stderr or the file it
writes).
"""

from __future__ import annotations

import csv
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
_LINE = re.compile(r"^    (?:pip install [^&]*&& )?(bedfellows .*?)(?:\s+#.*)?$")


def readme_commands() -> list[str]:
    """The README's `bedfellows ...` lines, in order (comments dropped)."""
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    return [m.group(1) for line in lines if (m := _LINE.match(line))]


def _corpora(folder: Path, seeds: Path) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))}
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as handle:
        for n, (name, text) in enumerate(texts.items()):
            record = {"doc_id": name, "doc_text": text, "pub_date": f"2014-06-{20 + n}"}
            handle.write(json.dumps(record) + "\n")
    with (folder / "export.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Headline", "Body"])
        for name, text in texts.items():
            writer.writerow([name.replace("-", " ").title(), text])
    (folder / "news").mkdir()
    for name, text in texts.items():
        (folder / "news" / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "my_actors.yaml").write_text(
        "actors:\n  - {id: seed_analyst, name: Seed Analyst, kind: person, cameo: USAGOV}\n",
        encoding="utf-8",
    )


def test_readme_lists_the_commands_it_promises():
    commands = readme_commands()
    assert commands[0] == "bedfellows demo"
    for verb in ("code", "events", "export", "dyad", "network", "blocs", "shifts", "actors"):
        assert any(c.split()[1] == verb for c in commands), verb


def test_every_readme_command_runs_on_the_seeds(shared, tmp_path):
    _corpora(tmp_path, shared / "seeds")
    # The README is read from the repository with ../shared beside it.
    shared_rel = re.compile(r"\.\./shared")
    bin_dir = Path(sys.executable).parent
    for command in readme_commands():
        line = shared_rel.sub(shlex.quote(str(shared)), command)
        line = line.replace("bedfellows ", f"{sys.executable} -m bedfellows ", 1)
        before = {p.name: p.stat().st_size for p in tmp_path.iterdir() if p.is_file()}
        done = subprocess.run(
            ["bash", "-c", line],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=600,
            env={"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path)},
        )
        assert done.returncode == 0, f"{command}: exit {done.returncode}\n{done.stderr[-2000:]}"
        written = {
            p.name
            for p in tmp_path.iterdir()
            if p.is_file() and p.stat().st_size and before.get(p.name) != p.stat().st_size
        }
        assert done.stdout.strip() or done.stderr.strip() or written, f"{command}: no output"
        if " dyad " in f" {command} " or " network " in f" {command} ":
            assert "│" in done.stdout and "0 actors" not in done.stdout, command
