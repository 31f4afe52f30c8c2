"""Case-less copies of gold sets: the same records with their text lower- or upper-cased.

Lowercased (IndiaPoliceEvents) and all-caps (wire headlines, telegrams) text
carries no case information; these copies measure how well actors are still
found. Each character is mapped on its own and kept when its case mapping
would change the length ("İ".lower(), "ß".upper()), so every character span
of a record (gold trigger words) still indexes the copied text. Gold actor
texts (PLOVER's ``mentions``) are recased too. Record ids get a suffix
(``"<id>.lower"``): a copy is a different article from its original, so
nothing the coder keeps per article (an undated article's date evidence)
carries over when both sets are coded by one pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from types import SimpleNamespace

from .common import GoldEvent, GoldRecord, record_part


def _same_length(mapping: Callable[[str], str]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        if text.isascii():
            return mapping(text)
        out = []
        for ch in text:
            mapped = mapping(ch)
            out.append(mapped if len(mapped) == 1 else ch)
        return "".join(out)

    return apply


lower = _same_length(str.lower)
upper = _same_length(str.upper)


def _event(event: GoldEvent, recase: Callable[[str], str]) -> GoldEvent:
    mentions = tuple((role, recase(text), *rest) for role, text, *rest in event.mentions)
    return replace(event, mentions=mentions)


def recased(
    records: Sequence[GoldRecord], recase: Callable[[str], str], suffix: str
) -> list[GoldRecord]:
    """Copies of ``records`` with ``recase`` applied to their text (same length)
    and ``.<suffix>`` after their ids."""
    out = []
    for rec in records:
        text = recase(rec.text)
        if len(text) != len(rec.text):  # pragma: no cover - guarded by _same_length
            raise ValueError(f"{rec.record_id}: recasing changed the text's length")
        events = tuple(_event(e, recase) for e in rec.events)
        out.append(replace(rec, record_id=f"{rec.record_id}.{suffix}", text=text, events=events))
    return out


_CASES = {"lower": lower, "upper": upper}


def copy_set(module, case: str, headline: tuple[str, ...]) -> SimpleNamespace:
    """The gold set ``<module.NAME>_<case>``: ``module``'s records with their text
    lowercased (``case="lower"``) or in capitals (``"upper"``), scored as ``module``
    scores them. A copy splits into tune and lockbox exactly as its original (a
    lockbox sentence stays in the lockbox in every case), and ``--fast`` codes
    every third record (the cased set is the full regression check). ``headline``:
    the copy's headline metrics, actor countries first (what case-less text puts
    at risk)."""
    recase = _CASES[case]
    suffix = f".{case}"

    def load(shared):
        return recased(module.load(shared), recase, case)

    def part(record: GoldRecord) -> str:
        return record_part(module, replace(record, record_id=record.record_id.removesuffix(suffix)))

    extras = {"score_mentions": module.score_mentions} if hasattr(module, "score_mentions") else {}
    return SimpleNamespace(
        NAME=f"{module.NAME}_{case}",
        FILE=module.FILE,
        HEADLINE=headline,
        FAST_EVERY=3,
        load=load,
        score=module.score,
        record_part=part,
        **extras,
    )
