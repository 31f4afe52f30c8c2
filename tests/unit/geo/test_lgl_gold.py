"""benchmarks/gold/lgl.py: parsing LGL place lines and scoring resolution (no model)."""

from __future__ import annotations

from bedfellows.geo import GeoEntry
from benchmarks.gold import GOLD_SETS, lgl

# A made-up line in the LGL layout: two places, one malformed entry, a trailing "||".
LINE = (
    "Riverton,,RIVERTON,,46.0,,-95.0,,40,,48,,12000||"
    "broken,,entry||"
    "Minnesota,,Minn.,,46.25,,-94.25,,10,,15,,5000000||"
)


class FixedResolver:
    """Answers from a table, so the scoring arithmetic is tested alone."""

    def __init__(self, answers: dict[str, GeoEntry | None]) -> None:
        self.answers = answers
        self.calls: list[list[str]] = []

    def resolve_all(self, texts):
        self.calls.append(list(texts))
        return [self.answers.get(t) for t in texts]


def test_parse_line_orders_by_offset_and_skips_malformed_entries():
    places = lgl.parse_line(LINE)
    assert [p.text for p in places] == ["Minn.", "RIVERTON"]
    assert (places[1].latitude, places[1].longitude, places[1].start) == (46.0, -95.0, 40)


def test_score_counts_resolved_and_within_161km():
    record = lgl.LGLRecord(
        record_id="x", source_file=lgl.FILE, text="x", places=lgl.parse_line(LINE)
    )
    near = GeoEntry("Riverton", "city", "USA", "MN", 46.5, -95.0, 12000)  # ~56 km off
    far = GeoEntry("Minnesota", "admin1", "USA", "MN", 44.0, -94.25, 5000000)  # ~250 km off
    resolver = FixedResolver({"RIVERTON": near, "Minn.": far})
    scored = lgl.score([record], {}, resolver=resolver)
    assert resolver.calls == [["Minn.", "RIVERTON"]]  # only the written texts reach it
    m = scored["metrics"]
    assert m["resolved"] == 1.0
    assert m["within_161km_of_resolved"] == 0.5 and m["within_161km"] == 0.5
    assert m["within_161km_city"] == 1.0 and m["within_161km_admin1"] == 0.0
    assert 140 < scored["rates"]["mean_error_km"] < 165  # (~56 + ~250) / 2
    assert scored["counts"]["toponyms"] == 2


def test_unresolved_toponyms_count_against_within_161km_only():
    record = lgl.LGLRecord(
        record_id="x", source_file=lgl.FILE, text="x", places=lgl.parse_line(LINE)
    )
    near = GeoEntry("Riverton", "city", "USA", "MN", 46.0, -95.0, 12000)
    scored = lgl.score([record], {}, resolver=FixedResolver({"RIVERTON": near}))
    m = scored["metrics"]
    assert m["resolved"] == 0.5
    assert m["within_161km_of_resolved"] == 1.0 and m["within_161km"] == 0.5
    assert scored["rates"]["median_error_km"] == 0.0


def test_registered_and_loads_records_without_text(shared):
    assert GOLD_SETS[lgl.NAME] is lgl
    records = lgl.load(shared)
    assert len(records) > 250
    assert all(r.places and "(no text)" in r.text for r in records)
    assert len({r.record_id for r in records}) == len(records)
