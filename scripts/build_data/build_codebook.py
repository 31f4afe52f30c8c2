"""Build the CAMEO/PLOVER codebook tables in bedfellows/data/ from ../shared.

Writes (sorted UTF-8 TSV, header row):

``cameo_codes.tsv``
    code, root, name, quad_class, goldstein, goldstein_source, plover_type,
    plover_mode, plover_context — one row per CAMEO code of ``cameo_codebook.csv``.
``plover_types.tsv``
    plover_type, quad, quad_name, score, requires_recipient — the 16 PLOVER
    event types (``requires_recipient``: yes/no, each type's "Requires
    recipient" subsection in the manual).
``plover_scores.tsv``
    plover_type, mode, score — PLOVER scores by event type and mode.

Decisions (also written to bedfellows/data/NOTICE):

* Code list and names: ``cameo_codebook.csv`` (312 codes: the 20 two-digit cue
  categories plus 292 three- and four-digit codes). ``CAMEO_codefile.txt`` has
  three codes the codebook lacks (1214, 1951, 1952); they are not added because
  no Goldstein table scores them.
* Goldstein: GDELT's ``petrarch/CAMEO.goldsteinscale.txt`` for every code it
  has; ``cameo_codebook.csv`` only for codes GDELT lacks (1213).
  ``goldstein_source`` says which, per row.
* quad_class: GDELT's QuadClass by root — 01–05 verbal cooperation (1), 06–09
  material cooperation (2), 10–14 verbal conflict (3), 15–20 material conflict (4).
* PLOVER type/mode/context: ``CAMEO2PLOVER-2021.txt``. A code missing there
  inherits from its parent (4-digit → 3-digit); a two-digit cue category takes
  its ``xx0`` code. CAMEO 01 (statements) has no PLOVER type (the manual drops
  it). CAMEO 02 (APPEAL) is mapped to REQUEST although the manual's translation
  table drops it: the manual defines REQUEST as "All requests, demands, and
  orders", which an appeal ("urged Iran to", "called on the UN to") is, and its
  note 2 allows documented exceptions. See ``APPEAL_AS_REQUEST``. Where the
  table contradicts the manual's definition of a type, the manual wins (five
  codes, ``MANUAL_TYPES``, with the mode the manual names, ``MANUAL_MODES``).
  Multiple contexts are joined with ``;``.
* PLOVER scores and quads: ``PLOVER_MANUAL.tex`` (table ``tab:ploverscores`` and
  each event type's "Quad category" subsection), which the manual's own summary
  table and the README contradict for SANCTION (see the log).

Usage: ``python scripts/build_data/build_codebook.py [--shared DIR] [--data-dir DIR] [-v]``
"""

from __future__ import annotations

import argparse
import csv
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _manifest import sha256_of, update_manifest, update_notice, write_tsv  # noqa: E402

log = logging.getLogger("build_codebook")

REPO_ROOT = Path(__file__).resolve().parents[2]
GENERATOR = "scripts/build_data/build_codebook.py"
TABLE_VERSION = "2"

CODEBOOK_CSV = "data/reference/cameo_codebook.csv"
GOLDSTEIN_GDELT = "data/reference/petrarch/CAMEO.goldsteinscale.txt"
CAMEO2PLOVER = "data/reference/CAMEO2PLOVER-2021.txt"
PLOVER_MANUAL = "data/reference/PLOVER_MANUAL.tex"

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


class SourceError(Exception):
    """A source file is missing or cannot be parsed."""


@dataclass(frozen=True)
class PloverMap:
    """One CAMEO2PLOVER line: event type, mode and context for a CAMEO code."""

    plover_type: str
    mode: str
    context: str


def quad_class(root: str) -> int:
    """GDELT QuadClass of a two-digit CAMEO root code."""
    number = int(root)
    if 1 <= number <= 5:
        return 1
    if 6 <= number <= 9:
        return 2
    if 10 <= number <= 14:
        return 3
    if 15 <= number <= 20:
        return 4
    raise SourceError(f"CAMEO root {root!r} is outside 01–20")


def read_codebook(path: Path) -> list[dict[str, str]]:
    """Rows of cameo_codebook.csv with code, name and goldstein, in file order."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    seen = set()
    for number, row in enumerate(rows, start=2):
        code = row["code"].strip()
        if not re.fullmatch(r"\d{2,4}", code):
            raise SourceError(f"{path.name}:{number}: bad CAMEO code {code!r}")
        if code in seen:
            raise SourceError(f"{path.name}:{number}: duplicate CAMEO code {code}")
        seen.add(code)
        out.append({"code": code, "name": row["name"].strip(), "goldstein": row["goldstein"]})
    return out


def read_gdelt_goldstein(path: Path) -> dict[str, float]:
    """GDELT's CAMEO.goldsteinscale.txt as {code: score}."""
    scores: dict[str, float] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("CAMEOEVENTCODE"):
        raise SourceError(f"{path.name}: missing CAMEOEVENTCODE header")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise SourceError(f"{path.name}:{number}: expected 2 tab-separated fields")
        code, value = parts[0].strip(), parts[1].strip()
        if code in scores:
            raise SourceError(f"{path.name}:{number}: duplicate code {code}")
        scores[code] = float(value)
    return scores


def read_cameo2plover(path: Path, known_types: set[str]) -> dict[str, PloverMap]:
    """CAMEO2PLOVER-2021.txt as {code: PloverMap}; two-digit section headers are skipped."""
    mapping: dict[str, PloverMap] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        match = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not match:
            if line and not line.startswith("#") and set(line) != {"~"}:
                log.info("%s:%d: unparsed line dropped: %r", path.name, number, line)
            continue
        code, rest = match.groups()
        if len(code) == 2:
            continue  # section header such as "08: RETREAT"; the codes carry the type
        fields = [part.strip() for part in rest.split("#", 1)[0].split(",")]
        if len(fields) != 3:
            raise SourceError(f"{path.name}:{number}: expected 'TYPE, mode, context'")
        plover_type = fields[0].upper()
        if plover_type not in known_types:
            raise SourceError(f"{path.name}:{number}: unknown PLOVER type {plover_type!r}")
        mode = fields[1].lower()
        context = ";".join(p.strip().lower() for p in fields[2].split(";") if p.strip())
        entry = PloverMap(plover_type, mode, context)
        if code in mapping:
            if mapping[code] == entry:
                log.info("%s:%d: duplicate line for %s dropped", path.name, number, code)
            else:
                log.warning(
                    "%s:%d: second, different mapping for %s dropped (kept %s)",
                    path.name,
                    number,
                    code,
                    mapping[code],
                )
            continue
        mapping[code] = entry
    return mapping


def _strip_tex_comments(text: str) -> str:
    """Remove TeX comments (unescaped % to end of line)."""
    return "\n".join(re.sub(r"(?<!\\)%.*$", "", line) for line in text.splitlines())


def read_plover_manual(path: Path) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    """Scores from the manual's table ``tab:ploverscores``: (type scores, (type, mode) scores)."""
    text = _strip_tex_comments(path.read_text(encoding="utf-8"))
    label = text.find(r"\label{tab:ploverscores}")
    start = text.rfind(r"\begin{tabular}", 0, label)
    end = text.find(r"\end{tabular}", start)
    if label < 0 or start < 0 or end < 0 or end > label:
        raise SourceError(f"{path.name}: table tab:ploverscores not found")
    type_scores: dict[str, float] = {}
    mode_scores: dict[tuple[str, str], float] = {}
    for row in text[start:end].split(r"\\"):
        row = row.replace(r"\cellcolor{gray!25}", "").replace(r"\hline", "")
        if r"\textbf" in row or "&" not in row:
            continue
        cells = [cell.strip() for cell in row.split("&")]
        cells += [""] * (-len(cells) % 2)
        for name, score in zip(cells[0::2], cells[1::2], strict=True):
            if not name and not score:
                continue
            if not name or not score:
                raise SourceError(f"{path.name}: half-empty score cell {name!r} {score!r}")
            value = float(score)
            if ":" in name:
                plover_type, mode = (part.strip() for part in name.split(":", 1))
                mode_scores[(plover_type.upper(), mode.lower())] = value
            else:
                type_scores[name.upper()] = value
    return type_scores, mode_scores


def read_plover_quads(path: Path) -> dict[str, int]:
    """Each event type's quad from its ``\\subsection{Quad category: ...}`` in the manual."""
    text = _strip_tex_comments(path.read_text(encoding="utf-8"))
    by_name = {name.upper(): number for number, name in QUAD_NAMES.items()}
    quads: dict[str, int] = {}
    section = None
    for match in re.finditer(r"\\section\{([^}]*)\}|\\subsection\{Quad category: ([^}]*)\}", text):
        if match.group(1) is not None:
            section = match.group(1).strip()
        elif section is not None:
            quads[section.upper()] = by_name[match.group(2).strip().upper()]
    return quads


def read_plover_recipients(path: Path) -> dict[str, bool]:
    """Whether each event type needs a recipient, from its
    ``\\subsection{Requires recipient: Yes|No}`` in the manual."""
    text = _strip_tex_comments(path.read_text(encoding="utf-8"))
    needs: dict[str, bool] = {}
    section = None
    for match in re.finditer(
        r"\\section\{([^}]*)\}|\\subsection\{Requires recipient: (Yes|No)\}", text
    ):
        if match.group(1) is not None:
            section = match.group(1).strip()
        elif section is not None:
            needs[section.upper()] = match.group(2) == "Yes"
    return needs


def read_plover_quad_table(path: Path) -> dict[str, int]:
    """The manual's summary table "Quad categories in PLOVER" as {type: quad}."""
    text = _strip_tex_comments(path.read_text(encoding="utf-8"))
    quads: dict[str, int] = {}
    for match in re.finditer(
        r"^\s*(Verbal|Material) (cooperation|conflict)\s*&([^&]*)&\s*(\d)\s*\\\\",
        text,
        flags=re.MULTILINE,
    ):
        for name in match.group(3).split(","):
            quads[name.strip().upper()] = int(match.group(4))
    return quads


#: CAMEO 02 (APPEAL) as PLOVER REQUEST, the one departure from CAMEO2PLOVER (see
#: the module docstring); a code CAMEO2PLOVER maps itself keeps that mapping.
APPEAL_AS_REQUEST = PloverMap("REQUEST", "", "")


#: Where CAMEO2PLOVER contradicts the PLOVER manual's definition of a type, the
#: manual wins (the shared README: "follow the manual"). Code → (type, the
#: manual's words). Mode and context stay CAMEO2PLOVER's.
MANUAL_TYPES = {
    # CONCEDE: "easing of administrative or legal restrictions ..., removing curfews"
    "0813": ("CONCEDE", "CONCEDE covers 'removing curfews'"),
    "0814": ("CONCEDE", "CONCEDE covers 'easing of administrative or legal restrictions'"),
    # CONCEDE: "declarations (but not implementations) of ceasefires"
    "0871": ("CONCEDE", "CONCEDE covers 'declarations (but not implementations) of ceasefires'"),
    # RETREAT: "RETREAT also covers resignations of government officials"
    "0831": ("RETREAT", "RETREAT 'also covers resignations of government officials'"),
    # CAMEO 192 "Occupy, seize control of a territory using armed forces" (Goldstein
    # -9.5) is under CAMEO 19 FIGHT, which the manual's translation table makes
    # ASSAULT; COERCE is "coercive uses of power falling short of violence", its
    # 'seize' mode "execute search, confiscate property, raid".
    "192": (
        "ASSAULT",
        "CAMEO 19 FIGHT is ASSAULT; COERCE is 'falling short of violence' and its "
        "'seize' mode is search, confiscation and raids",
    ),
    # CAMEO 163 "Impose embargo, boycott, or sanctions": CAMEO2PLOVER says COERCE
    # 'restrict', which the manual defines as restrictions on political freedoms
    # or movement; its SANCTION 'discontinue' mode says "International (political
    # or economic) sanctions are coded as 'discontinue'".
    "163": (
        "SANCTION",
        "SANCTION 'discontinue': international (political or economic) sanctions",
    ),
}
#: The mode a code takes with its manual type, where the manual names one.
MANUAL_MODES = {"163": "discontinue"}


def resolve_plover(code: str, mapping: dict[str, PloverMap]) -> tuple[PloverMap | None, str]:
    """PLOVER mapping of a CAMEO code and where it came from ('' if none).

    Exact entry first; a 4-digit code falls back to its 3-digit parent; a
    two-digit cue category uses its ``xx0`` code; appeals (02) are requests.
    """
    if code in mapping:
        return mapping[code], code
    if len(code) == 4 and code[:3] in mapping:
        return mapping[code[:3]], code[:3]
    if len(code) == 2 and code + "0" in mapping:
        return mapping[code + "0"], code + "0"
    if code.startswith("02"):
        return APPEAL_AS_REQUEST, "02"
    return None, ""


def _fmt(value: float) -> str:
    """Render a score the same way every run (repr of the float)."""
    return repr(float(value))


def build(shared: Path, data_dir: Path) -> dict[str, int]:
    """Build the three tables into data_dir; return {file name: row count}."""
    paths = {
        key: shared / rel
        for key, rel in {
            "codebook": CODEBOOK_CSV,
            "gdelt": GOLDSTEIN_GDELT,
            "c2p": CAMEO2PLOVER,
            "manual": PLOVER_MANUAL,
        }.items()
    }
    for path in paths.values():
        if not path.is_file():
            raise SourceError(f"{path}: source file missing (is --shared right?)")

    type_scores, mode_scores = read_plover_manual(paths["manual"])
    quads = read_plover_quads(paths["manual"])
    if set(quads) != set(type_scores) or len(quads) != 16:
        raise SourceError(
            f"{paths['manual'].name}: types with quads {sorted(quads)} differ from types "
            f"with scores {sorted(type_scores)} (expected 16 of each)"
        )
    recipients = read_plover_recipients(paths["manual"])
    if set(recipients) != set(quads):
        raise SourceError(
            f"{paths['manual'].name}: types with a 'Requires recipient' line "
            f"{sorted(recipients)} differ from types with quads {sorted(quads)}"
        )
    for plover_type, quad in sorted(read_plover_quad_table(paths["manual"]).items()):
        if plover_type in quads and quads[plover_type] != quad:
            # Known and documented in NOTICE, so not a warning on every build.
            log.info(
                "PLOVER manual disagrees with itself on %s: its section says quad %d (%s), "
                "the summary table 'Quad categories in PLOVER' says %d; kept the section's",
                plover_type,
                quads[plover_type],
                QUAD_NAMES[quads[plover_type]],
                quad,
            )
    for plover_type, quad in sorted(quads.items()):
        score = type_scores[plover_type]
        if (quad <= 2 and score < 0) or (quad >= 3 and score > 0):
            log.info(
                "PLOVER manual scores %s at %+.1f though its quad is %s; kept as published",
                plover_type,
                score,
                QUAD_NAMES[quad],
            )

    codebook = read_codebook(paths["codebook"])
    gdelt = read_gdelt_goldstein(paths["gdelt"])
    mapping = read_cameo2plover(paths["c2p"], set(quads))

    codes = {row["code"] for row in codebook}
    for code in sorted(set(mapping) - codes):
        log.info("CAMEO2PLOVER code %s is not in cameo_codebook.csv: ignored", code)
    for code in sorted(set(gdelt) - codes):
        log.info("GDELT Goldstein code %s is not in cameo_codebook.csv: ignored", code)

    unknown_modes = sorted(
        {(m.plover_type, m.mode) for m in mapping.values() if m.mode} - set(mode_scores)
    )
    if unknown_modes:
        log.info(
            "CAMEO2PLOVER modes without a score in the manual (type score used): %s",
            ", ".join(f"{t}:{m}" for t, m in unknown_modes),
        )

    rows = []
    inherited = dropped = fallback = 0
    for row in codebook:
        code = row["code"]
        root = code[:2]
        if code in gdelt:
            goldstein, source = gdelt[code], "gdelt"
        else:
            goldstein, source = float(row["goldstein"]), "cameo_codebook"
            fallback += 1
            log.info("Goldstein for %s from cameo_codebook.csv (not in GDELT's table)", code)
        plover, origin = resolve_plover(code, mapping)
        if code in MANUAL_TYPES and plover is not None:
            manual_type, why = MANUAL_TYPES[code]
            log.info(
                "PLOVER type of %s: %s, not %s (manual: %s)",
                code,
                manual_type,
                plover.plover_type,
                why,
            )
            mode = plover.mode if manual_type == plover.plover_type else ""
            mode = MANUAL_MODES.get(code, mode)
            plover = PloverMap(manual_type, mode, plover.context)
        if plover is None:
            dropped += 1
        elif origin != code:
            inherited += 1
            log.info("PLOVER mapping for %s inherited from %s", code, origin)
        rows.append(
            (
                code,
                root,
                row["name"],
                quad_class(root),
                _fmt(goldstein),
                source,
                plover.plover_type if plover else "",
                plover.mode if plover else "",
                plover.context if plover else "",
            )
        )
    log.info(
        "%d codes: %d Goldstein fallbacks, %d PLOVER mappings inherited, %d without PLOVER type",
        len(rows),
        fallback,
        inherited,
        dropped,
    )

    data_dir.mkdir(parents=True, exist_ok=True)
    counts = {
        "cameo_codes.tsv": write_tsv(
            data_dir / "cameo_codes.tsv",
            (
                "code",
                "root",
                "name",
                "quad_class",
                "goldstein",
                "goldstein_source",
                "plover_type",
                "plover_mode",
                "plover_context",
            ),
            rows,
        ),
        "plover_types.tsv": write_tsv(
            data_dir / "plover_types.tsv",
            ("plover_type", "quad", "quad_name", "score", "requires_recipient"),
            [
                (t, quads[t], QUAD_NAMES[quads[t]], _fmt(s), "yes" if recipients[t] else "no")
                for t, s in type_scores.items()
            ],
        ),
        "plover_scores.tsv": write_tsv(
            data_dir / "plover_scores.tsv",
            ("plover_type", "mode", "score"),
            [(t, m, _fmt(s)) for (t, m), s in mode_scores.items()],
        ),
    }

    def pin(key: str) -> str:
        """Source file named relative to ../shared, with a short sha256 to pin it."""
        relative = paths[key].relative_to(shared).as_posix()
        return f"../shared/{relative} (sha256 {sha256_of(paths[key])[:16]})"

    plover_licence = "CC BY-SA 4.0 (openeventdata/PLOVER)"
    update_manifest(
        data_dir,
        "cameo_codes.tsv",
        version=TABLE_VERSION,
        source="; ".join(pin(k) for k in ("codebook", "gdelt", "c2p", "manual")),
        licence=(
            "MIT (cameo_codebook.csv; GDELT Goldstein table via PETRARCH); "
            f"{plover_licence} (PLOVER columns)"
        ),
        generator=GENERATOR,
    )
    for name in ("plover_types.tsv", "plover_scores.tsv"):
        update_manifest(
            data_dir,
            name,
            version=TABLE_VERSION,
            source=pin("manual"),
            licence=plover_licence,
            generator=GENERATOR,
        )
    write_notices(data_dir)
    return counts


def write_notices(data_dir: Path) -> None:
    """Write this script's NOTICE sections."""
    update_notice(
        data_dir,
        "cameo-codebook",
        """Source: ../shared/data/reference/cameo_codebook.csv — the CAMEO event codebook
(Schrodt, Gerner & Yilmaz), in the layout of data-raw/cameo-codes.csv of
the andybega/icews R package (MIT License, Copyright (c) 2022 Andreas Beger).
Used by: cameo_codes.tsv (code list, names; Goldstein only where GDELT's table lacks
the code — code 1213).
Licence: MIT.""",
    )
    update_notice(
        data_dir,
        "gdelt-goldstein",
        """Source: ../shared/data/reference/petrarch/CAMEO.goldsteinscale.txt — GDELT's
Goldstein (1992) conflict-cooperation scale for CAMEO codes, as distributed with
PETRARCH's dictionaries (openeventdata, MIT License).
Used by: cameo_codes.tsv, column goldstein (goldstein_source = "gdelt").
Choice: bedfellows uses ONE Goldstein table, GDELT's: it ships with the PETRARCH
dictionaries the verb patterns come from, and GDELT is the most widely used CAMEO
data set. It differs from cameo_codebook.csv's goldstein column on 016 Deny
responsibility (GDELT -2.0, codebook -5), 022 (3.2 vs 3.4), 164 (-7.0 vs -6.5) and
165 (-6.5 vs -7). GDELT has no 1213 Reject judicial cooperation; that one row takes
cameo_codebook.csv's value (goldstein_source = "cameo_codebook").
QuadClass (column quad_class) is GDELT's definition by root code: 01-05 verbal
cooperation (1), 06-09 material cooperation (2), 10-14 verbal conflict (3),
15-20 material conflict (4).
Licence: MIT (PETRARCH distribution).""",
    )
    update_notice(
        data_dir,
        "plover",
        """Sources: ../shared/data/reference/PLOVER_MANUAL.tex (PLOVER manual, "DRAFT
Version: 2.0") and ../shared/data/reference/CAMEO2PLOVER-2021.txt (CAMEO to PLOVER
conversion table, P. Schrodt, 17 September 2021), both from openeventdata/PLOVER.
Used by: plover_types.tsv, plover_scores.tsv (the manual's table tab:ploverscores and
each event type's "Quad category" and "Requires recipient" subsections) and the
plover_type, plover_mode and plover_context columns of cameo_codes.tsv (CAMEO2PLOVER;
a 4-digit code missing there inherits its 3-digit parent, a 2-digit cue category takes
its xx0 code; CAMEO 01 has no PLOVER type because PLOVER dropped it; CAMEO 02 APPEAL,
which the translation table also drops, is coded REQUEST, defined in the manual as
"All requests, demands, and orders"). Where the table contradicts the manual's
definition of a type, the manual is followed: 0813 Ease curfew, 0814 Ease state of
emergency and 0871 Declare truce, ceasefire are CONCEDE (the manual's CONCEDE covers
"removing curfews", "easing of administrative or legal restrictions" and "declarations
(but not implementations) of ceasefires"; the table says RETREAT), 0831 Accede to
demands for change in leadership is RETREAT ("RETREAT also covers resignations of
government officials"; the table says CONCEDE), 192 Occupy territory is ASSAULT (the
manual's translation table puts CAMEO 19 FIGHT under ASSAULT and COERCE "falls short
of violence"; the table says COERCE 'seize'), and 163 Impose embargo, boycott, or
sanctions is SANCTION 'discontinue' ("International (political or economic) sanctions
are coded as 'discontinue'"; the table says COERCE 'restrict'). Noted, not changed:
the manual prints ACCUSE's type score as +3 although ACCUSE is a verbal-conflict type
and all its modes score below zero; the summary table "Quad categories in PLOVER" (and
the PLOVER README) put SANCTION under verbal conflict while the SANCTION section and
the event-category summary say material conflict — the tables follow the per-type
sections (SANCTION = 4, material conflict). Licence: Creative Commons Attribution-
ShareAlike 4.0 International (CC BY-SA 4.0); the derived tables above are shared under
the same licence.""",
    )


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: build, print a one-line summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared")
    parser.add_argument("--data-dir", type=Path, default=REPO_ROOT / "bedfellows" / "data")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every repair and drop")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(name)s: %(levelname)s: %(message)s",
    )
    try:
        counts = build(args.shared.resolve(), args.data_dir.resolve())
    except (SourceError, OSError) as exc:
        log.error("%s", exc)
        return 1
    print("build_codebook: " + ", ".join(f"{name} {n} rows" for name, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
