"""The Python API: code text or files in a few lines, as the CLI does.

    import bedfellows
    for article, events in bedfellows.code_texts(["Iran and Iraq signed a defence pact."]):
        for event in events:
            print(event.plover_type, [s.name for s in event.sources], event.confidence)

    summary = bedfellows.code_files(["news/"], db="events.duckdb")   # like `bedfellows code`

The alliance measures read the database: ``bedfellows.network`` (``signed_network``,
``blocs``, ``strange_bedfellows``, ``dyad_series``, ``shifts``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from bedfellows.ingest.assemble import Meta, build_article
from bedfellows.ingest.fields import FieldMap
from bedfellows.ingest.jsonl import article_from_record
from bedfellows.pipeline import Pipeline, RunSummary
from bedfellows.schema import Article, Event
from bedfellows.store import Store

__all__ = ["code_files", "code_texts", "default_pipeline"]

_PIPELINE: dict[str, Pipeline] = {}


def default_pipeline() -> Pipeline:
    """One Pipeline per process (loading the spaCy model takes seconds)."""
    if "default" not in _PIPELINE:
        _PIPELINE["default"] = Pipeline()
    return _PIPELINE["default"]


def _article(item: str | Mapping[str, Any], number: int, published: date | None) -> Article:
    source = "text"
    if isinstance(item, str):
        return build_article(item, source=source, record=number, meta=Meta(published=published))
    if isinstance(item, Mapping):
        article = article_from_record(dict(item), source=source, record=number)
        if article.published is None and published is not None:
            return replace(article, published=published)
        return article
    raise TypeError(f"text {number}: expected a str or a mapping, got {type(item).__name__}")


def code_texts(
    texts: Iterable[str | Mapping[str, Any]],
    *,
    published: date | None = None,
    pipeline: Pipeline | None = None,
) -> list[tuple[Article, list[Event]]]:
    """Code each text as one article; return ``(article, events)`` pairs in order.

    texts: strings, or records with ``text`` (or another common text field)
        and optional ``id``, ``title``, ``date`` as in a JSONL corpus.
    published: the publication date of texts that give none (event dates such
        as "on Monday" are resolved against it).
    pipeline: a configured Pipeline (default: one shared per process).
    Raises the ``IngestError`` of the first text that is not an article (empty,
    not English), naming it by its position (``text:N``); ``TypeError`` for an
    item that is neither a string nor a mapping.
    """
    articles = [_article(item, n, published) for n, item in enumerate(texts, start=1)]
    return list((pipeline or default_pipeline()).code_articles(articles))


def code_files(
    inputs: Iterable[str | Path],
    db: str | Path = "bedfellows.duckdb",
    *,
    fields: FieldMap | None = None,
    include_comments: bool = False,
    pipeline: Pipeline | None = None,
) -> RunSummary:
    """Code files, folders or globs into a DuckDB store, as ``bedfellows code`` does.

    Bad inputs are skipped and listed in the summary's ``skipped`` (the batch
    goes on); articles already in the store are not coded again.
    """
    pipe = pipeline or (Pipeline(include_comments=True) if include_comments else default_pipeline())
    with Store.open(db) as store:
        run_id = store.begin_run()
        summary = pipe.run([str(p) for p in inputs], store, run_id, fields=fields)
        store.finish_run(run_id)
    return summary
