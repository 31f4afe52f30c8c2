"""The stage modules import only the layers below them (no model needed).

Each stage may use the helpers (``candidate``, ``code_facts``, ``grounding``)
and the stages before it, never a later stage, ``bedfellows.events.coder`` or
the pipeline.
"""

from __future__ import annotations

import ast
from pathlib import Path

import bedfellows.events.stages as stages

ORDER = [
    "candidate",
    "grounding",
    "code_facts",
    "find_triggers",
    "match_patterns",
    "attach_arguments",
    "check_constraints",
    "set_modality",
    "merge_events",
    "speech_acts",
    "assemble",
]


def _imports(path: Path) -> set[str]:
    """The modules a file imports, relative ones resolved within bedfellows.events."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = {0: "", 1: "bedfellows.events.stages.", 2: "bedfellows.events."}[node.level]
            out.add(base + (node.module or ""))
        elif isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
    return out


def test_every_stage_module_is_in_the_order():
    folder = Path(stages.__file__).parent
    assert {p.stem for p in folder.glob("*.py")} - {"__init__"} == set(ORDER)


def test_stages_import_only_earlier_layers():
    folder = Path(stages.__file__).parent
    for i, name in enumerate(ORDER):
        imported = _imports(folder / f"{name}.py")
        later = {f"bedfellows.events.stages.{m}" for m in ORDER[i + 1 :]}
        assert not imported & later, f"{name} imports a later stage: {imported & later}"
        assert "bedfellows.events.coder" not in imported, name
        assert not any(m.startswith(("bedfellows.pipeline", "bedfellows.cli")) for m in imported)
