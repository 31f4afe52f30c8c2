"""Codebook: CAMEO codes, QuadClass, Goldstein (GDELT table) and PLOVER equivalents.

Expected values are read from the source files in ../shared where possible; those
tests skip when ../shared is absent.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from bedfellows.errors import CodingError
from bedfellows.events.codebook import CameoCode, Codebook

REFERENCE = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "reference"

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def reference(name: str) -> Path:
    """A file of ../shared/data/reference, or skip the test."""
    path = REFERENCE / name
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    return path


def gdelt_goldstein() -> dict[str, float]:
    lines = (
        reference("petrarch/CAMEO.goldsteinscale.txt").read_text(encoding="utf-8").splitlines()[1:]
    )
    return {code: float(value) for code, value in (ln.split("\t") for ln in lines if ln.strip())}


def codebook_csv() -> dict[str, dict[str, str]]:
    with reference("cameo_codebook.csv").open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


def cameo2plover(code: str) -> tuple[str, str]:
    """(type, mode) of a code as written in CAMEO2PLOVER-2021.txt."""
    for line in reference("CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith(code + ":"):
            fields = [f.strip() for f in line.split(":", 1)[1].split("#")[0].split(",")]
            return fields[0], fields[1]
    raise AssertionError(f"{code} not in CAMEO2PLOVER-2021.txt")


def manual_text() -> str:
    return reference("PLOVER_MANUAL.tex").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def book() -> Codebook:
    return Codebook.load()


def test_codebook_load_is_cached(book):
    assert Codebook.load() is book


def test_codebook_has_312_codes(book):
    # 312 = 20 two-digit cue categories + 292 sub-codes, as in cameo_codebook.csv.
    assert len(book.codes()) == 312
    assert sum(1 for c in book.codes() if len(c) == 2) == 20


def test_codebook_codes_are_those_of_the_source(book):
    assert set(book.codes()) == set(codebook_csv())


def test_codebook_codes_sorted_and_entries_consistent(book):
    codes = book.codes()
    assert codes == sorted(codes)
    for code in codes:
        entry = book.cameo(code)
        assert isinstance(entry, CameoCode)
        assert entry.code == code
        assert entry.root == code[:2]


@pytest.mark.parametrize(
    ("roots", "quad"),
    [
        (range(1, 6), 1),  # verbal cooperation
        (range(6, 10), 2),  # material cooperation
        (range(10, 15), 3),  # verbal conflict
        (range(15, 21), 4),  # material conflict
    ],
)
def test_codebook_quad_class_by_root(book, roots, quad):
    for root in roots:
        codes = [c for c in book.codes() if c[:2] == f"{root:02d}"]
        assert codes, f"no codes under root {root:02d}"
        assert {book.cameo(c).quad_class for c in codes} == {quad}


def test_codebook_goldstein_016_is_gdelts(book):
    gdelt = gdelt_goldstein()
    entry = book.cameo("016")
    assert entry.goldstein_source == "gdelt"
    assert entry.goldstein == gdelt["016"]
    # The two tables disagree here; the codebook must not have taken the other one.
    assert entry.goldstein != float(codebook_csv()["016"]["goldstein"])


@pytest.mark.parametrize("code", ["01", "010", "022", "0233", "057", "164", "165", "190", "2042"])
def test_codebook_goldstein_equals_gdelt_table(book, code):
    assert book.cameo(code).goldstein == gdelt_goldstein()[code]
    assert book.cameo(code).goldstein_source == "gdelt"


def test_codebook_goldstein_falls_back_only_where_gdelt_lacks_the_code(book):
    gdelt = gdelt_goldstein()
    source = codebook_csv()
    fallbacks = [c for c in book.codes() if book.cameo(c).goldstein_source != "gdelt"]
    assert fallbacks == sorted(set(source) - set(gdelt))
    for code in fallbacks:
        assert book.cameo(code).goldstein_source == "cameo_codebook"
        assert book.cameo(code).goldstein == float(source[code]["goldstein"])


@pytest.mark.parametrize(("code", "expected"), [("130", "THREATEN"), ("190", "ASSAULT")])
def test_codebook_plover_type_of_code(book, code, expected):
    assert book.cameo(code).plover_type == expected


@pytest.mark.parametrize("code", ["051", "130", "190", "0874", "1121", "164"])
def test_codebook_plover_mapping_follows_cameo2plover(book, code):
    plover_type, mode = cameo2plover(code)
    entry = book.cameo(code)
    assert entry.plover_type == plover_type
    assert entry.plover_mode == mode.lower()


@pytest.mark.parametrize(
    ("code", "manual_type", "manual_words"),
    [
        ("0813", "CONCEDE", "removing curfews"),
        ("0814", "CONCEDE", "easing of administrative or legal restrictions"),
        ("0831", "RETREAT", "also covers resignations of government officials"),
        ("0871", "CONCEDE", "declarations (but not implementations) of ceasefires"),
        ("163", "SANCTION", "International (political or economic) sanctions are coded as"),
    ],
)
def test_codebook_follows_the_manual_where_cameo2plover_contradicts_it(
    book, code, manual_type, manual_words
):
    table_type, _ = cameo2plover(code)
    assert table_type != manual_type  # a real disagreement, settled by the manual
    section = manual_text().split(f"\\section{{{manual_type}}}", 1)[1].split("\\section{", 1)[0]
    assert manual_words in " ".join(section.split())
    assert book.cameo(code).plover_type == manual_type


def test_codebook_occupying_territory_by_force_is_assault(book):
    # CAMEO2PLOVER maps 192 to COERCE 'seize'; the manual puts CAMEO 19 FIGHT
    # under ASSAULT and defines COERCE as falling short of violence.
    assert cameo2plover("192")[0] == "COERCE"
    text = " ".join(manual_text().split())
    assert "19 & FIGHT & ASSAULT" in text
    coerce = text.split("\\section{COERCE}", 1)[1].split("\\section{", 1)[0]
    assert "falling short of violence" in coerce
    entry = book.cameo("192")
    assert (entry.plover_type, entry.plover_mode) == ("ASSAULT", "")  # "seize" is no ASSAULT mode


def test_codebook_sanctions_take_the_manuals_mode(book):
    entry = book.cameo("163")
    assert (entry.plover_type, entry.plover_mode) == ("SANCTION", "discontinue")


def test_codebook_plover_inheritance(book):
    # Cue categories take their xx0 code; CAMEO 01 has no PLOVER type, and
    # appeals (02) are requests although the translation table drops them.
    assert book.cameo("19").plover_type == book.cameo("190").plover_type
    assert book.cameo("03").plover_type == book.cameo("030").plover_type
    for code in ("01", "010", "016"):
        assert book.cameo(code).plover_type == ""
        assert book.cameo(code).plover_score is None
    for code in ("02", "020", "0233"):
        assert book.cameo(code).plover_type == "REQUEST"
        assert book.cameo(code).plover_score == book.plover_score("REQUEST")


def test_codebook_unknown_code_raises(book):
    with pytest.raises(CodingError, match="9999"):
        book.cameo("9999")
    with pytest.raises(CodingError):
        book.cameo("")


def test_codebook_plover_scores_for_all_16_types(book):
    assert set(book.plover_types()) == PLOVER_TYPES
    for plover_type in PLOVER_TYPES:
        assert isinstance(book.plover_score(plover_type), float)
        assert book.plover_quad(plover_type) in (1, 2, 3, 4)


def test_codebook_plover_scores_match_manual(book):
    text = manual_text()
    for label in ("CONSULT: Visit", "ASSAULT: Firearms", "RETREAT: Disarm", "PROTEST: Riot"):
        match = re.search(re.escape(label) + r"\s*&\s*(-?[\d.]+)", text)
        assert match, label
        plover_type, mode = label.split(": ")
        assert book.plover_score(plover_type, mode.lower()) == float(match.group(1))
    match = re.search(r"\\cellcolor\{gray!25\}COERCE\s*&\s*\\cellcolor\{gray!25\}(-?[\d.]+)", text)
    assert match
    assert book.plover_score("COERCE") == float(match.group(1))


def test_codebook_plover_score_mode_fallback(book):
    assert book.plover_score("ASSAULT", "no-such-mode") == book.plover_score("ASSAULT")
    assert book.plover_score("assault", "FIREARMS") == book.plover_score("ASSAULT", "firearms")
    assert book.plover_score("NOT-A-TYPE") is None


def test_codebook_code_score_uses_mode_when_scored(book):
    for code in book.codes():
        entry = book.cameo(code)
        if not entry.plover_type:
            continue
        expected = book.plover_score(entry.plover_type, entry.plover_mode or None)
        assert entry.plover_score == expected
    disarm = book.cameo("0874")  # RETREAT, mode disarm: the manual scores that mode
    assert disarm.plover_score != book.plover_score("RETREAT")
    assert book.cameo("190").plover_score == book.plover_score("ASSAULT")


def test_codebook_plover_quad_follows_type_sections(book):
    text = manual_text()
    for plover_type in ("AGREE", "AID", "THREATEN", "SANCTION"):
        section = re.search(
            r"\\section\{" + plover_type + r"\}.*?Quad category: ([A-Z ]+)\}", text, re.S
        )
        assert section
        expected = {
            "VERBAL COOPERATION": 1,
            "MATERIAL COOPERATION": 2,
            "VERBAL CONFLICT": 3,
            "MATERIAL CONFLICT": 4,
        }[section.group(1).strip()]
        assert book.plover_quad(plover_type) == expected


def test_codebook_plover_quad_unknown_raises(book):
    with pytest.raises(CodingError):
        book.plover_quad("FIGHT")
