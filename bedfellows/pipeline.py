"""The one orchestrator: inputs → Articles → parsed paragraphs → Events → store.

Paragraphs (not whole articles) are fed to ``nlp.pipe`` in batches that span
articles; results come back in order, so an article is complete when the next
one's first paragraph arrives. Each article is written with its events in one
transaction, so an interrupted run loses at most the article in flight, and a
rerun skips every article already stored.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from bedfellows.about import __version__
from bedfellows.actors import ActorKB
from bedfellows.data import data_path
from bedfellows.errors import IngestError
from bedfellows.events import acled_type
from bedfellows.events.coder import EventCoder
from bedfellows.events.mentions import ArticleMemory
from bedfellows.ingest import read_articles, split_paragraphs
from bedfellows.nlp.lemmas import add_lemma_repair
from bedfellows.nlp.model import DEFAULT_MODEL, load_model, model_version
from bedfellows.nlp.ruler import add_actor_ruler
from bedfellows.schema import AcledType, Article, ArticleDating, Event

log = logging.getLogger(__name__)


_WRITE_SECONDS = 2.0  # longest a coded article waits in the write batch


class EventSink(Protocol):
    """What the pipeline needs from a store (``bedfellows.store.Store`` fits)."""

    def known_article_ids(self) -> set[str]: ...
    def write_article(self, article: Article, events: list[Event], run_id: str) -> bool: ...
    def write_articles(
        self,
        items: list[tuple[Article, list[Event]]],
        run_id: str,
        *,
        datings: dict[str, ArticleDating] | None = None,
        acled_types: dict[str, AcledType] | None = None,
    ) -> list[bool]: ...
    def record_skip(
        self, source_path: str, record: int | None, reason: str, error_type: str, run_id: str
    ) -> None: ...


@dataclass
class RunSummary:
    """What a coding run did, for the CLI's closing summary and for tests."""

    articles_read: int = 0
    articles_coded: int = 0
    articles_already_stored: int = 0
    skipped: list[IngestError] = field(default_factory=list)
    sentences: int = 0
    words: int = 0
    events: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when no input was skipped."""
        return not self.skipped


def data_manifest_sha256() -> str:
    """sha256 of the packaged data MANIFEST: which tables coded an event."""
    return hashlib.sha256(data_path("MANIFEST.toml").read_bytes()).hexdigest()


class Pipeline:
    """Codes articles into events with one spaCy pipeline and one coder."""

    def __init__(
        self,
        *,
        model: str = DEFAULT_MODEL,
        kb: ActorKB | None = None,
        actors_file: str | Path | None = None,
        include_comments: bool = False,
        batch_size: int = 64,
        write_batch: int = 32,
    ) -> None:
        """actors_file: a user actor file (YAML/CSV, see ``bedfellows.actors.user``)
        added to the packaged knowledge base; ignored when ``kb`` is given."""
        self.model_name = model
        self.actors_file = Path(actors_file) if actors_file is not None and kb is None else None
        self.kb = kb or ActorKB.load(self.actors_file)
        self.include_comments = include_comments
        self.batch_size = batch_size
        self.write_batch = max(1, write_batch)
        self._nlp = None
        self._coder: EventCoder | None = None

    @property
    def nlp(self):
        """The spaCy pipeline with the actor entity ruler (built on first use)."""
        if self._nlp is None:
            load_model.cache_clear()  # the ruler mutates the pipeline: never share it
            nlp = load_model(self.model_name)
            load_model.cache_clear()
            add_actor_ruler(nlp, self.kb.surface_forms())
            add_lemma_repair(nlp, self.coder.lexicon.verbs())
            self._nlp = nlp
        return self._nlp

    @property
    def coder(self) -> EventCoder:
        """The event coder (built on first use)."""
        if self._coder is None:
            self._coder = EventCoder(kb=self.kb)
        return self._coder

    def article_dating(self, article_id: str) -> ArticleDating | None:
        """The inferred date window (with its evidence) of an undated article
        coded by this pipeline (the latest 10,000 are kept), else None."""
        return self.coder.dating.windows.get(article_id)

    def acled_type(self, article: Article, events: Iterable[Event]) -> AcledType:
        """The ACLED sub-event type of an article, read from its lede and the events
        coded in it, with the packaged model (``bedfellows.events.acled_type``).
        """
        return acled_type.load_model().predict(acled_type.article_features(article, events))

    def provenance(self) -> dict:
        """Versions of code, model and data, stored with every run."""
        return {
            "bedfellows_version": __version__,
            "model_name": self.model_name,
            "model_version": model_version(self.nlp),
            "data_manifest_sha256": data_manifest_sha256(),
            "config": {
                "include_comments": self.include_comments,
                "batch_size": self.batch_size,
                "actors_file": self._actors_file_provenance(),
            },
        }

    def _actors_file_provenance(self) -> dict | None:
        # The user's actors coded these events as much as the packaged tables.
        if self.actors_file is None:
            return None
        digest = hashlib.sha256(self.actors_file.read_bytes()).hexdigest()
        return {"path": str(self.actors_file.resolve()), "sha256": digest}

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Parse and code articles, yielding each with its events, in input order."""
        pending: dict[str, Article] = {}

        def paragraphs() -> Iterator[tuple[str, tuple[str, object]]]:
            for article in articles:
                pending[article.article_id] = article
                for para in split_paragraphs(article, include_comments=self.include_comments):
                    yield para.text, (article.article_id, para)

        current: str | None = None
        memory = ArticleMemory()
        sent_index = 0
        for doc, (article_id, para) in self.nlp.pipe(
            paragraphs(), as_tuples=True, batch_size=self.batch_size
        ):
            if article_id != current:
                if current is not None:
                    done = pending.pop(current)
                    yield done, self.coder.finish_article(memory, done)
                current, memory, sent_index = article_id, ArticleMemory(), 0
            _, n = self.coder.code_doc(doc, pending[article_id], para, sent_index, memory)
            sent_index += n
        if current is not None:
            done = pending.pop(current)
            yield done, self.coder.finish_article(memory, done)

    def run(
        self,
        inputs: Iterable[str],
        store: EventSink,
        run_id: str,
        *,
        max_bytes: int = 20_000_000,
        on_article: Callable[[Article | IngestError, int], None] | None = None,
    ) -> RunSummary:
        """Read ``inputs``, code new articles and write them to ``store``.

        inputs (Iterable[str]): files, directories or glob patterns.
        store (EventSink): where articles and events are written.
        run_id (str): the run these rows belong to (see ``Store.begin_run``).
        on_article (callable): progress callback, called with each article or
            skipped input and the number of events coded for it.
        RETURNS (RunSummary): counts, skipped inputs and time taken.
        """
        summary = RunSummary()
        started = time.perf_counter()
        known = store.known_article_ids()

        def fresh_articles() -> Iterator[Article]:
            for item in read_articles(inputs, max_bytes=max_bytes):
                if isinstance(item, IngestError):
                    summary.skipped.append(item)
                    store.record_skip(
                        item.source, item.record, item.reason, type(item).__name__, run_id
                    )
                    log.warning("skipped %s", item)
                    if on_article:
                        on_article(item, 0)
                    continue
                summary.articles_read += 1
                if item.article_id in known:
                    summary.articles_already_stored += 1
                    if on_article:
                        on_article(item, 0)
                    continue
                known.add(item.article_id)  # the same article twice in one batch
                yield item

        # Articles are written in small batches, one transaction each: a commit
        # per article would cost more than coding a short one. A kill loses at
        # most the open batch, which the next run codes again.
        batch: list[tuple[Article, list[Event]]] = []
        opened = time.perf_counter()

        def flush() -> None:
            # Undated articles' inferred windows go in the same transaction.
            datings = {
                a.article_id: d
                for a, _ in batch
                if a.published is None and (d := self.article_dating(a.article_id)) is not None
            }
            kinds = {a.article_id: self.acled_type(a, events) for a, events in batch}
            written = store.write_articles(batch, run_id, datings=datings, acled_types=kinds)
            for (article, events), new in zip(batch, written, strict=True):
                if new:
                    summary.articles_coded += 1
                    summary.events += len(events)
                    log.info(
                        "coded %s (%s): %d events",
                        article.source_path,
                        article.article_id,
                        len(events),
                    )
                else:
                    summary.articles_already_stored += 1
                summary.words += len(article.body.split())
                if on_article:
                    on_article(article, len(events))
            batch.clear()

        for article, events in self.code_articles(fresh_articles()):
            if not batch:
                opened = time.perf_counter()
            batch.append((article, events))
            if len(batch) >= self.write_batch or time.perf_counter() - opened > _WRITE_SECONDS:
                flush()
        if batch:
            flush()
        summary.seconds = time.perf_counter() - started
        return summary


def provenance_json(pipeline: Pipeline) -> str:
    """Provenance as JSON with the command line, for the runs table."""
    prov = pipeline.provenance()
    prov["argv"] = sys.argv
    return json.dumps(prov, sort_keys=True)
