"""Over-long paragraphs are coded with exact spans; one bad article never stops a run."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from bedfellows.errors import CodingFailed, ParsingFailed, StoreError, WritingFailed
from bedfellows.store import Store

pytestmark = pytest.mark.slow

COUNTRIES = ["France", "Germany", "Japan", "Brazil", "Kenya", "Canada", "India", "Egypt"]
TEMPLATES = [
    "{a} signed a trade agreement with {b} on Monday.",
    "{a} accused {b} of violating the ceasefire.",
    "{a} threatened {b} with sanctions over the dispute.",
    "{a} sent humanitarian aid to {b} after the floods.",
]


def article_text(i: int) -> str:
    """A short, distinct article written from templates (no third-party text)."""
    a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i * 3 + 1) % len(COUNTRIES)]
    lines = [TEMPLATES[(i + k) % len(TEMPLATES)].format(a=a, b=b) for k in range(2)]
    return f"Report number {i}.\n\n" + "\n\n".join(lines) + "\n"


def long_paragraph(min_chars: int) -> str:
    """One paragraph over ``min_chars`` characters but of few tokens: every sentence
    has an event and a few very long reference codes, so spaCy parses it fast."""
    sentences = []
    total = i = 0
    while total <= min_chars:
        a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i + 3) % len(COUNTRIES)]
        codes = " and ".join(f"R{i:05d}{k:02d}" + "x" * 300 for k in range(12))
        sentence = TEMPLATES[i % len(TEMPLATES)].format(a=a, b=b)[:-1] + f" in reports {codes}."
        sentences.append(sentence)
        total += len(sentence) + 1
        i += 1
    return " ".join(sentences)


def code_folder(pipeline, inputs, store) -> object:
    run_id = store.begin_run()
    return pipeline.run([str(p) for p in inputs], store, run_id)


def stored_bodies(db: Store) -> dict[str, str]:
    rows = db.cursor().execute("SELECT source_path, body FROM articles").fetchall()
    return dict(rows)


def stored_id(db: Store, source_path: str) -> str:
    sql = "SELECT article_id FROM articles WHERE source_path = ?"
    [(aid,)] = db.cursor().execute(sql, [source_path]).fetchall()
    return aid


def test_paragraph_over_spacy_limit_is_coded_with_exact_spans(pipeline, tmp_path):
    limit = pipeline.nlp.max_length
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"good-{i}.txt").write_text(article_text(i))
    big = long_paragraph(limit + 1000)
    assert "\n" not in big and len(big) > limit
    records = [{"id": "a", "text": article_text(10)}, {"id": "b", "text": big}]
    records.append({"id": "c", "text": article_text(11)})
    (folder / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))

    with Store.open(tmp_path / "db.duckdb") as store:
        summary = code_folder(pipeline, [folder], store)
        assert summary.skipped == [] and store.skipped() == []
        assert summary.articles_coded == 6
        bodies = stored_bodies(store)
        long_path = str(folder / "wire.jsonl") + ":2"
        assert len(bodies[long_path]) > limit
        events = store.events(article_id=stored_id(store, long_path))
        # Sentences come from every part of the paragraph, and each stored
        # trigger is exactly where the stored offsets say it is.
        assert len(events) > 100
        assert max(e["trigger_start"] for e in events) > len(big) - 20_000
        body = bodies[long_path]
        for e in events:
            assert body[e["trigger_start"] : e["trigger_end"]] == e["trigger"]
        # Sentence indices run on across the pieces the paragraph was parsed in.
        by_offset = sorted(events, key=lambda e: e["trigger_start"])
        indices = [e["sentence_index"] for e in by_offset]
        assert indices == sorted(indices)
        n_sentences = big.count(" in reports ")
        assert 0.9 * n_sentences <= indices[-1] < 1.1 * n_sentences


def test_a_coder_failure_skips_only_that_article(pipeline, tmp_path, monkeypatch, caplog):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"good-{i}.txt").write_text(article_text(i))
    records = [{"text": article_text(20)}, {"text": "POISON " + article_text(21)}]
    records.append({"text": article_text(22)})
    (folder / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (folder / "empty.txt").write_text("\n")

    real = pipeline.coder.code_doc

    def failing(doc, article, *args, **kwargs):
        if "POISON" in article.body:
            raise ValueError("coder bug")
        return real(doc, article, *args, **kwargs)

    monkeypatch.setattr(pipeline.coder, "code_doc", failing)
    with caplog.at_level(logging.WARNING), Store.open(tmp_path / "db.duckdb") as store:
        summary = code_folder(pipeline, [folder], store)
        assert summary.articles_coded == 5
        bad = [s for s in summary.skipped if isinstance(s, CodingFailed)]
        assert len(bad) == 1
        assert (bad[0].source, bad[0].record) == (str(folder / "wire.jsonl"), 2)
        assert "ValueError: coder bug" in bad[0].reason
        rows = {(r["source_path"], r["record"]): r for r in store.skipped()}
        assert rows[(str(folder / "wire.jsonl"), 2)]["error_type"] == "CodingFailed"
        assert not any("POISON" in body for body in stored_bodies(store).values())
    # The skips are the CLI's to print: the pipeline logs none at WARNING.
    assert not [r for r in caplog.records if r.name == "bedfellows.pipeline"]


def test_a_spacy_failure_in_a_batch_skips_only_that_article(pipeline, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        text = article_text(30 + i) if i != 2 else "BREAKS " + article_text(32)
        (folder / f"a-{i}.txt").write_text(text)
    nlp = pipeline.nlp

    class Fragile:
        """The real pipeline, except that it raises on one text, in a batch or alone."""

        max_length = nlp.max_length

        def pipe(self, items, **kwargs):
            for doc, ctx in nlp.pipe(items, **kwargs):
                if doc.text.startswith("BREAKS"):
                    raise ValueError("spaCy bug")
                yield doc, ctx

        def __call__(self, text):
            if text.startswith("BREAKS"):
                raise ValueError("spaCy bug")
            return nlp(text)

    monkeypatch.setattr(pipeline, "_nlp", Fragile())
    with Store.open(tmp_path / "db.duckdb") as store:
        summary = code_folder(pipeline, [folder], store)
        assert summary.articles_coded == 3
        assert [type(s) for s in summary.skipped] == [ParsingFailed]
        assert summary.skipped[0].source == str(folder / "a-2.txt")
        assert sorted(Path(p).name for p in stored_bodies(store)) == [
            "a-0.txt",
            "a-1.txt",
            "a-3.txt",
        ]


def test_a_failure_preparing_an_article_for_spacy_skips_only_that_article(
    pipeline, tmp_path, monkeypatch
):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        text = article_text(50 + i) if i != 1 else "TRIPS " + article_text(51)
        (folder / f"a-{i}.txt").write_text(text)
    real = pipeline.parse_text

    def tripping(text):
        if text.startswith("TRIPS"):
            raise ValueError("recasing bug")
        return real(text)

    monkeypatch.setattr(pipeline, "parse_text", tripping)
    with Store.open(tmp_path / "db.duckdb") as store:
        summary = code_folder(pipeline, [folder], store)
        assert summary.articles_coded == 2
        assert [(type(s), s.source) for s in summary.skipped] == [
            (ParsingFailed, str(folder / "a-1.txt"))
        ]


def test_a_write_failure_loses_only_that_article(pipeline, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"a-{i}.txt").write_text(article_text(40 + i))
    refused = str(folder / "a-3.txt")

    class FlakyStore:
        """A real store that refuses to write one article (in a batch or alone)."""

        def __init__(self, store: Store) -> None:
            self.store = store

        def __getattr__(self, name):
            return getattr(self.store, name)

        def write_articles(self, items, run_id, **kwargs):
            items = list(items)
            if any(a.source_path == refused for a, _ in items):
                raise StoreError("disk says no")
            return self.store.write_articles(items, run_id, **kwargs)

    with Store.open(tmp_path / "db.duckdb") as store:
        summary = code_folder(pipeline, [folder], FlakyStore(store))
        assert summary.articles_coded == 4
        assert [type(s) for s in summary.skipped] == [WritingFailed]
        assert summary.skipped[0].source == refused
        assert refused not in stored_bodies(store) and len(stored_bodies(store)) == 4
        assert [r["error_type"] for r in store.skipped()] == ["WritingFailed"]
        events_before = len(store.events())
        # A rerun writes the lost article once and nothing twice.
        again = code_folder(pipeline, [folder], store)
        assert (again.articles_coded, again.articles_already_stored) == (1, 4)
        assert len(stored_bodies(store)) == 5
        assert len(store.events()) == events_before + again.events
