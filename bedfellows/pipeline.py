"""The one orchestrator: inputs → Articles → parsed paragraphs → Events → store.

Paragraphs (not whole articles; an over-long one in pieces) are fed to
``nlp.pipe`` in batches that span articles; results come back in order, so an
article is complete when its last paragraph is coded. Each article is written
with its events in one transaction, so an interrupted run loses at most the
article in flight, and a rerun skips every article already stored.

One article never stops a run: one that spaCy, the coder or the store fails on
is recorded in the store's ``skipped`` table (``ArticleFailed``) and the rest go on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from bedfellows.about import __version__
from bedfellows.actors import ActorKB
from bedfellows.data import data_manifest_sha256
from bedfellows.errors import (
    ArticleFailed,
    CodingError,
    CodingFailed,
    IngestError,
    ParsingFailed,
    WritingFailed,
)
from bedfellows.events import acled_type, confidence, lede
from bedfellows.events.coder import EventCoder
from bedfellows.events.confidence import TriggerKey
from bedfellows.events.mentions import ArticleMemory
from bedfellows.ingest import read_articles, split_paragraphs
from bedfellows.ingest.fields import FieldMap
from bedfellows.ingest.paragraphs import MAX_PARAGRAPH_CHARS
from bedfellows.nlp.lemmas import add_lemma_repair
from bedfellows.nlp.model import DEFAULT_MODEL, load_model, model_version
from bedfellows.nlp.ruler import add_actor_ruler
from bedfellows.nlp.truecase import Truecaser, case_less, original_text
from bedfellows.schema import AcledType, Article, ArticleDating, Event, Paragraph
from bedfellows.util.hashing import legacy_article_id

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
        max_paragraph_chars: int = MAX_PARAGRAPH_CHARS,
        calibrate: bool = True,
        keep_features: bool = False,
    ) -> None:
        """actors_file: a user actor file (YAML/CSV, see ``bedfellows.actors.user``)
        added to the packaged knowledge base; ignored when ``kb`` is given.
        max_paragraph_chars: longer paragraphs are parsed in pieces cut at line or
        sentence ends (``bedfellows.ingest.paragraphs.MAX_PARAGRAPH_CHARS``).
        calibrate: set each event's confidence to the learned probability that it
        is right (``bedfellows.events.confidence``); off only to train that model,
        which reads the coder's own scores.
        keep_features: keep each event's confidence features (event id →
        features, in ``event_features``), for the script that trains the model."""
        self.model_name = model
        self.actors_file = Path(actors_file) if actors_file is not None and kb is None else None
        self.kb = kb or ActorKB.load(self.actors_file)
        self.include_comments = include_comments
        self.batch_size = batch_size
        self.write_batch = max(1, write_batch)
        self.max_paragraph_chars = max_paragraph_chars
        self.calibrate = calibrate
        self.event_features: dict[str, frozenset[str]] | None = {} if keep_features else None
        self._nlp = None
        self._coder: EventCoder | None = None
        self._truecaser: Truecaser | None = None

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

    @coder.setter
    def coder(self, coder: EventCoder) -> None:
        """Code with another coder from now on (one with stages switched off, for
        an ablation), keeping the loaded spaCy pipeline."""
        self._coder = coder

    def article_dating(self, article_id: str) -> ArticleDating | None:
        """The inferred date window (with its evidence) of an undated article
        coded by this pipeline (the latest 10,000 are kept), else None."""
        return self.coder.dating.windows.get(article_id)

    def acled_type(self, article: Article, events: Iterable[Event]) -> AcledType:
        """The ACLED sub-event type of an article, read from its lede and the events
        coded in it, with the packaged model (``bedfellows.events.acled_type``).
        """
        return acled_type.load_model().predict(lede.article_features(article, events))

    def _state(self, article: Article, paras: list[Paragraph]) -> _ArticleState:
        return _ArticleState(self.coder, article, paras, self.finish_events)

    def finish_events(
        self, article: Article, events: list[Event], parses: dict[TriggerKey, frozenset[str]]
    ) -> list[Event]:
        """The stages after rule-based coding: the calibrated confidence of each event
        (``parses``: its trigger's parse features, ``confidence.token_features``)."""
        if self.event_features is not None:
            feats = confidence.article_features(events, parses)
            self.event_features.update((e.event_id, f) for e, f in zip(events, feats, strict=True))
        if self.calibrate and events:
            events = confidence.calibrate(events, parses, confidence.load_model())
        return events

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
                "max_paragraph_chars": self.max_paragraph_chars,
                "actors_file": self._actors_file_provenance(),
            },
        }

    def _actors_file_provenance(self) -> dict | None:
        # The user's actors coded these events as much as the packaged tables.
        if self.actors_file is None:
            return None
        digest = hashlib.sha256(self.actors_file.read_bytes()).hexdigest()
        return {"path": str(self.actors_file.resolve()), "sha256": digest}

    def parse_text(self, text: str) -> str:
        """The text spaCy parses for a paragraph: itself, or for a paragraph with no
        case information (all lowercase, all caps) a recased copy of the same
        length (``bedfellows.nlp.truecase``), so names are found as in news text.
        Offsets into the copy are offsets into ``text``."""
        mode = case_less(text)
        if mode is None:
            return text
        if self._truecaser is None:
            self._truecaser = Truecaser.from_kb(self.kb)
        return self._truecaser.recase(text, mode)

    def _max_chars(self) -> int:
        # Never at or over spaCy's own limit, which a caller may have lowered.
        return max(2, min(self.max_paragraph_chars, self.nlp.max_length - 1))

    def code_articles(
        self,
        articles: Iterable[Article],
        *,
        on_error: Callable[[Article, ArticleFailed], None] | None = None,
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Parse and code articles, yielding each with its events, in input order.

        Paragraphs longer than ``max_paragraph_chars`` are parsed in pieces
        (``split_paragraphs``), offsets still exact in the body.
        on_error: called with an article that could not be parsed or coded and
            the ``ArticleFailed`` (``ParsingFailed``, ``CodingFailed``) saying why;
            the articles after it are still coded. None: the error is raised.
        """
        source = iter(articles)
        # Articles whose paragraphs went into nlp.pipe, not yet yielded, in order.
        fed: deque[tuple[Article, list[Paragraph]]] = deque()
        source_failed: list[BaseException] = []
        max_chars = self._max_chars()

        def fail(article: Article, kind: type[ArticleFailed], exc: Exception) -> None:
            self.coder.discard_article(article.article_id)
            err = _failure(article, kind, exc)
            if on_error is None:
                raise err
            on_error(article, err)

        def texts() -> Iterator[tuple[str, Paragraph]]:
            try:
                yield from read()
            except GeneratorExit:
                raise
            except BaseException as exc:  # the caller's error, not spaCy's: re-raised
                source_failed.append(exc)
                raise

        def read() -> Iterator[tuple[str, Paragraph]]:
            for article in source:
                try:
                    paras = split_paragraphs(
                        article, include_comments=self.include_comments, max_chars=max_chars
                    )
                    parsed_texts = [self.parse_text(para.text) for para in paras]
                except Exception as exc:  # one bad article never stops a run
                    fail(article, ParsingFailed, exc)
                    continue
                fed.append((article, paras))
                yield from zip(parsed_texts, paras, strict=True)

        state: _ArticleState | None = None
        docs = self.nlp.pipe(texts(), as_tuples=True, batch_size=self.batch_size)
        while True:
            try:
                doc, para = next(docs)
            except StopIteration:
                break
            except Exception as exc:
                if source_failed:
                    raise
                # spaCy failed on some text of the batch and the pipe is gone: parse
                # the articles in flight one at a time, then go on with a new pipe.
                log.info("spaCy failed in a batch (%s); parsing its articles alone", exc)
                if state is not None:
                    self.coder.discard_article(state.article.article_id)
                    state = None
                while fed:
                    article, paras = fed.popleft()
                    try:
                        parsed = [self.nlp(self.parse_text(p.text)) for p in paras]
                    except Exception as parse_exc:  # only this article is lost
                        fail(article, ParsingFailed, parse_exc)
                        continue
                    alone = self._state(article, paras)
                    for d, p in zip(parsed, paras, strict=True):
                        alone.add(d, p)
                    yield from alone.finish(fail)
                docs = self.nlp.pipe(texts(), as_tuples=True, batch_size=self.batch_size)
                continue
            if state is None:
                state = self._state(*fed[0])
            state.add(doc, para)
            while state is not None and state.complete:
                fed.popleft()
                yield from state.finish(fail)
                state = self._state(*fed[0]) if fed else None
        while fed:  # articles without paragraphs at the end
            yield from self._state(*fed.popleft()).finish(fail)

    def run(
        self,
        inputs: Iterable[str],
        store: EventSink,
        run_id: str,
        *,
        max_bytes: int = 20_000_000,
        on_article: Callable[[Article | IngestError, int], None] | None = None,
        fields: FieldMap | None = None,
    ) -> RunSummary:
        """Read ``inputs``, code new articles and write them to ``store``.

        inputs (Iterable[str]): files, directories or glob patterns.
        store (EventSink): where articles and events are written.
        run_id (str): the run these rows belong to (see ``Store.begin_run``).
        on_article (callable): progress callback, called with each article or
            skipped input and the number of events coded for it.
        fields (FieldMap): the text, id, date and title fields of JSON, CSV and
            Parquet records (default: the common names).
        RETURNS (RunSummary): counts, skipped inputs and time taken.
        """
        summary = RunSummary()
        started = time.perf_counter()
        known = store.known_article_ids()

        def skip(item: IngestError) -> None:
            summary.skipped.append(item)
            store.record_skip(item.source, item.record, item.reason, type(item).__name__, run_id)
            # INFO: the CLI names each skipped input itself (``on_article``).
            log.info("skipped %s", item)
            if on_article:
                on_article(item, 0)

        def fresh_articles() -> Iterator[Article]:
            for item in read_articles(inputs, max_bytes=max_bytes, fields=fields or FieldMap()):
                if isinstance(item, IngestError):
                    skip(item)
                    continue
                summary.articles_read += 1
                # An article stored by an older bedfellows may carry its old id.
                if item.article_id in known or legacy_article_id(item.body) in known:
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

        datings: dict[str, ArticleDating] = {}
        kinds: dict[str, AcledType] = {}

        def add(article: Article, events: list[Event]) -> None:
            try:
                kind = self.acled_type(article, events)
            except Exception as exc:  # one bad article never stops a run
                skip(_failure(article, CodingFailed, exc))
                return
            # Undated articles' inferred windows go in the same transaction.
            if article.published is None:
                dating = self.article_dating(article.article_id)
                if dating is not None:
                    datings[article.article_id] = dating
            kinds[article.article_id] = kind
            batch.append((article, events))

        def write(items: list[tuple[Article, list[Event]]]) -> list[bool]:
            ids = {a.article_id for a, _ in items}
            return store.write_articles(
                items,
                run_id,
                datings={k: v for k, v in datings.items() if k in ids},
                acled_types={k: v for k, v in kinds.items() if k in ids},
            )

        def flush() -> None:
            try:
                written: list[bool | None] = list(write(batch))
            except Exception as exc:  # retried one by one below
                # The batch was rolled back whole: write its articles one at a time
                # so that only the one the store refuses is lost.
                log.info("batch write failed (%s); writing its articles one by one", exc)
                written = []
                for article, events in batch:
                    try:
                        written.append(write([(article, events)])[0])
                    except Exception as one_exc:  # only this article is lost
                        skip(_failure(article, WritingFailed, one_exc))
                        written.append(None)
            for (article, events), new in zip(batch, written, strict=True):
                if new is None:
                    continue
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
            datings.clear()
            kinds.clear()

        def failed(article: Article, err: ArticleFailed) -> None:
            skip(err)

        for article, events in self.code_articles(fresh_articles(), on_error=failed):
            if not batch:
                opened = time.perf_counter()
            add(article, events)
            if len(batch) >= self.write_batch or time.perf_counter() - opened > _WRITE_SECONDS:
                flush()
        if batch:
            flush()
        summary.seconds = time.perf_counter() - started
        return summary


class _ArticleState:
    """One article being coded, a parsed paragraph at a time."""

    def __init__(
        self,
        coder: EventCoder,
        article: Article,
        paras: list[Paragraph],
        finish_events: Callable[
            [Article, list[Event], dict[TriggerKey, frozenset[str]]], list[Event]
        ]
        | None = None,
    ) -> None:
        self.coder = coder
        self.finish_events = finish_events
        self.parses: dict[TriggerKey, frozenset[str]] = {}  # trigger → parse features
        self.article = article
        self.remaining = len(paras)
        self.memory = ArticleMemory()
        self.sent_index = 0  # runs over the article, across paragraphs and their pieces
        self.error: Exception | None = None
        self.recased = False  # a paragraph was parsed in a recased copy

    @property
    def complete(self) -> bool:
        """True when every paragraph has been added."""
        return self.remaining == 0

    def add(self, doc, para: Paragraph) -> None:
        """Code one parsed paragraph (after a coder error, only count it)."""
        self.remaining -= 1
        if self.error is not None:
            return
        self.recased = self.recased or doc.text != para.text
        before = len(self.memory.events)
        try:
            _, n = self.coder.code_doc(doc, self.article, para, self.sent_index, self.memory)
            if self.finish_events is not None:
                new = self.memory.events[before:]
                self.parses.update(confidence.token_features(doc, para.start, new))
        except Exception as exc:  # reported by finish, the run goes on
            self.error = exc
            return
        self.sent_index += n

    def finish(
        self, fail: Callable[[Article, type[ArticleFailed], Exception], None]
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Yield the article with its final events, or report it to ``fail``."""
        if self.error is None:
            try:
                events = self.coder.finish_article(self.memory, self.article)
                if self.recased:  # the events quote the article as written
                    events = [original_text(e, self.article.body) for e in events]
                if self.finish_events is not None:
                    events = self.finish_events(self.article, events, self.parses)
            except Exception as exc:  # reported below
                self.error = exc
        if self.error is not None:
            fail(self.article, CodingFailed, self.error)
            return
        yield self.article, events


def _where(article: Article) -> tuple[str, int | None]:
    """(file, record) of an article's ``source_path`` ("path" or "path:record")."""
    head, sep, tail = article.source_path.rpartition(":")
    if sep and head and tail.isdigit():
        return head, int(tail)
    return article.source_path, None


def _failure(article: Article, kind: type[ArticleFailed], exc: Exception) -> ArticleFailed:
    """The skip record of an article that failed with ``exc``; a coder failure is
    wrapped as a CodingError naming the article (the skip's cause)."""
    source, record = _where(article)
    stage = {ParsingFailed: "parsing", CodingFailed: "coding", WritingFailed: "storing"}[kind]
    detail = f"{type(exc).__name__}: {exc}"
    if kind is CodingFailed and not isinstance(exc, CodingError):
        cause: Exception = CodingError(f"{article.source_path} ({article.article_id}): {detail}")
        cause.__cause__ = exc
    else:
        cause = exc
    err = kind(source, f"{stage} failed: {detail}", record)
    err.__cause__ = cause
    return err


def provenance_json(pipeline: Pipeline) -> str:
    """Provenance as JSON with the command line, for the runs table."""
    prov = pipeline.provenance()
    prov["argv"] = sys.argv
    return json.dumps(prov, sort_keys=True)
