"""The CAMEO event codebook with Goldstein scores, QuadClass and PLOVER equivalents.

Built from the packaged tables (see ``bedfellows/data/NOTICE`` for sources):

``cameo_codes.tsv``
    One row per CAMEO code (312: the 20 two-digit cue categories and their 3- and
    4-digit sub-codes) with its GDELT QuadClass (1 verbal cooperation = roots
    01–05, 2 material cooperation = 06–09, 3 verbal conflict = 10–14, 4 material
    conflict = 15–20), its Goldstein score (GDELT's table; ``goldstein_source``
    says "cameo_codebook" for the one code GDELT lacks, 1213) and its PLOVER
    event type, mode and context (CAMEO2PLOVER-2021; CAMEO 01 and 02 have no
    PLOVER type, so those fields are "").
``plover_types.tsv`` / ``plover_scores.tsv``
    PLOVER's 16 event types with their quad and score, and the scores of
    (type, mode) pairs, from the PLOVER manual's score table.

A code's ``plover_score`` is the score of its (type, mode) when the manual
scores that mode, else the score of its type, else None (no PLOVER type).

    book = Codebook.load()
    book.cameo("190").plover_type        # "ASSAULT"
    book.plover_score("CONSULT", "visit")
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bedfellows.data import read_tsv
from bedfellows.errors import CodingError, DataFileError

__all__ = ["CameoCode", "Codebook"]


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its scores and PLOVER equivalent.

    ``plover_type``, ``plover_mode`` and ``plover_context`` are "" when absent;
    ``plover_context`` may hold several contexts joined by ";".
    """

    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    goldstein_source: str
    plover_type: str
    plover_mode: str
    plover_context: str
    plover_score: float | None


def _number(row: dict[str, str], column: str, table: str, kind: type) -> int | float:
    """Parse a numeric cell, naming the table and row on failure."""
    try:
        return kind(row[column])
    except (KeyError, ValueError) as exc:
        raise DataFileError(f"{table}: bad {column} in row {row!r}") from exc


class Codebook:
    """Look-ups of CAMEO codes and PLOVER scores; use ``Codebook.load()``."""

    def __init__(
        self,
        codes: list[dict[str, str]],
        types: list[dict[str, str]],
        scores: list[dict[str, str]],
    ) -> None:
        """Build from table rows (as read by ``bedfellows.data.read_tsv``).

        codes (list[dict]): rows of cameo_codes.tsv.
        types (list[dict]): rows of plover_types.tsv.
        scores (list[dict]): rows of plover_scores.tsv.
        """
        self._type_scores: dict[str, float] = {}
        self._quads: dict[str, int] = {}
        self._needs_recipient: set[str] = set()
        for row in types:
            name = row["plover_type"].upper()
            if row.get("requires_recipient", "").lower() == "yes":
                self._needs_recipient.add(name)
            self._type_scores[name] = float(_number(row, "score", "plover_types.tsv", float))
            self._quads[name] = int(_number(row, "quad", "plover_types.tsv", int))
        self._mode_scores: dict[tuple[str, str], float] = {
            (row["plover_type"].upper(), row["mode"].lower()): float(
                _number(row, "score", "plover_scores.tsv", float)
            )
            for row in scores
        }
        self._codes: dict[str, CameoCode] = {}
        for row in codes:
            plover_type = row["plover_type"]
            if plover_type and plover_type not in self._quads:
                raise DataFileError(
                    f"cameo_codes.tsv: code {row['code']} has PLOVER type {plover_type!r} "
                    "missing from plover_types.tsv"
                )
            self._codes[row["code"]] = CameoCode(
                code=row["code"],
                root=row["root"],
                name=row["name"],
                quad_class=int(_number(row, "quad_class", "cameo_codes.tsv", int)),
                goldstein=float(_number(row, "goldstein", "cameo_codes.tsv", float)),
                goldstein_source=row["goldstein_source"],
                plover_type=plover_type,
                plover_mode=row["plover_mode"],
                plover_context=row["plover_context"],
                plover_score=self.plover_score(plover_type, row["plover_mode"] or None)
                if plover_type
                else None,
            )

    @classmethod
    def load(cls) -> Codebook:
        """Return the codebook of the packaged tables (read once per process)."""
        return _load_packaged()

    def cameo(self, code: str) -> CameoCode:
        """Return the entry of a CAMEO code such as "0233" or "19".

        Raises CodingError for a code not in the codebook.
        """
        key = str(code).strip()
        try:
            return self._codes[key]
        except KeyError:
            raise CodingError(f"unknown CAMEO code {code!r} (not in cameo_codes.tsv)") from None

    def plover_score(self, plover_type: str, mode: str | None = None) -> float | None:
        """PLOVER score of an event type, refined by its mode when the manual scores it.

        plover_type (str): e.g. "ASSAULT" (case-insensitive).
        mode (str | None): e.g. "firearms"; a mode without its own score falls
            back to the type's score.
        RETURNS (float | None): the score, or None for an unknown type.
        """
        name = plover_type.upper()
        if mode:
            score = self._mode_scores.get((name, mode.strip().lower()))
            if score is not None:
                return score
        return self._type_scores.get(name)

    def plover_quad(self, plover_type: str) -> int:
        """PLOVER quad (1–4) of an event type, per the manual's type sections.

        Raises CodingError for an unknown type.
        """
        try:
            return self._quads[plover_type.upper()]
        except KeyError:
            raise CodingError(f"unknown PLOVER event type {plover_type!r}") from None

    def codes(self) -> list[str]:
        """All CAMEO codes, sorted as strings ("01", "010", ..., "2042")."""
        return sorted(self._codes)

    def requires_recipient(self, plover_type: str | None) -> bool:
        """Whether the manual says an event of this type needs a recipient
        (COOPERATE, AID, SANCTION); False for no type."""
        return bool(plover_type) and plover_type.upper() in self._needs_recipient

    def plover_types(self) -> list[str]:
        """All PLOVER event types, sorted."""
        return sorted(self._quads)


@cache
def _load_packaged() -> Codebook:
    return Codebook(
        read_tsv("cameo_codes.tsv"),
        read_tsv("plover_types.tsv"),
        read_tsv("plover_scores.tsv"),
    )
