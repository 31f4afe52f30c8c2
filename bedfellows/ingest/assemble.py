"""Text + metadata → Article: the one place every input format ends up."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from bedfellows.errors import EmptyInput, MalformedRecord, NotEnglish
from bedfellows.ingest.boilerplate import split_page
from bedfellows.ingest.dateline import dateline_date, find_dateline, take_story_date
from bedfellows.ingest.frontmatter import split_title
from bedfellows.ingest.language import is_english
from bedfellows.ingest.pubdate import parse_published
from bedfellows.schema import Article, Comment
from bedfellows.util.hashing import article_id, normalize_text

# Metadata field → the keys it may arrive under (front matter, JSONL, HTML meta).
_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "doc_title"),
    "published": (
        "published",
        "date",
        "publication_date",
        "pubdate",
        "pub_date",
        "published_at",
        "publish_date",
        "date_published",
    ),
    "source": ("source", "publisher", "sitename", "site_name"),
    "url": ("url", "link"),
    "language": ("language", "lang"),
    "external_id": ("id", "doc_id", "article_id", "uuid"),
}
_ENGLISH_CODES = frozenset({"en", "eng", "english"})


@dataclass(frozen=True, slots=True)
class Meta:
    """Article metadata gathered before the body is known."""

    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None  # as declared by the input, if it says
    external_id: str | None = None


def _scalar(value: Any, key: str, *, source: str, record: int | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float | date):
        raise MalformedRecord(source, f"field {key!r} must be text, got {value!r}", record)
    text = " ".join(normalize_text(str(value)).split())
    return text or None


def meta_from_fields(fields: Mapping[str, Any], *, source: str, record: int | None = None) -> Meta:
    """Build ``Meta`` from loosely named fields; a bad date or value raises ``MalformedRecord``."""
    found: dict[str, Any] = {}
    for name, keys in _ALIASES.items():
        key = next((k for k in keys if fields.get(k) not in (None, "")), None)
        if key is None:
            continue
        if name == "published":
            found[name] = parse_published(fields[key], source=source, record=record, field=key)
        else:
            found[name] = _scalar(fields[key], key, source=source, record=record)
    return Meta(**found)


def merge_meta(primary: Meta, fallback: Meta) -> Meta:
    """Fields of ``primary``, with ``fallback`` filling those it lacks."""
    return Meta(
        **{
            f.name: getattr(primary, f.name)
            if getattr(primary, f.name) is not None
            else getattr(fallback, f.name)
            for f in dataclasses.fields(Meta)
        }
    )


def _declared_english(language: str | None) -> bool | None:
    if language is None:
        return None
    primary = language.strip().lower().replace("_", "-").split("-")[0]
    return primary in _ENGLISH_CODES


def _drop_repeated_title(text: str, title: str) -> str:
    """Remove the headline when the text repeats it as its first line."""
    head, _, rest = text.lstrip("\n").partition("\n")
    same = " ".join(head.split()).casefold() == " ".join(title.split()).casefold()
    return rest if same else text


def build_article(
    text: str,
    *,
    source: str,
    record: int | None = None,
    meta: Meta = Meta(),  # noqa: B008 - frozen, so a shared default is safe
    find_title: bool = True,
    comments: Iterable[Comment] = (),
    decode_errors: int = 0,
) -> Article:
    """Cut, check and hash ``text`` into an Article.

    ``comments`` found by an earlier stage (HTML markup) come before those the
    text-level cutter finds. ``decode_errors`` is the number of invalid bytes
    the decoder replaced, carried on the Article for the caller to report.
    Without a publication date in ``meta``, a "This story is from <date>" line
    (cut from the text, never the title) or the date of the body's dateline,
    when it has a year ("TEHRAN, July 23, 2014 (Reuters) -"), gives it.
    Raises ``EmptyInput`` when no body is left and ``NotEnglish`` when the
    declared or detected language is not English.
    """
    text = normalize_text(text)
    if not text.strip():
        raise EmptyInput(source, "empty: only whitespace", record)
    # "This story is from March 16, 2002" dates an archived story; left in, it
    # would be taken for the headline.
    story_date, text = take_story_date(text)
    title = meta.title
    if title is not None:
        text = _drop_repeated_title(text, title)
    elif find_title:
        title, text = split_title(text)
    body, found, boilerplate = split_page(text)
    if not body:
        raise EmptyInput(source, "no article text left after removing boilerplate", record)
    published = meta.published or story_date
    if published is None:
        dateline = find_dateline(body)
        published = dateline_date(dateline) if dateline is not None else None
    declared = _declared_english(meta.language)
    if declared is False:
        raise NotEnglish(source, f"declared language is {meta.language!r}", record)
    if declared is None and not is_english(body):
        raise NotEnglish(source, "body does not read as English", record)
    all_comments = []
    for comment in (*comments, *found):
        text_ = normalize_text(comment.text).strip()
        if text_:
            author = " ".join(normalize_text(comment.author).split()) if comment.author else None
            all_comments.append(Comment(index=len(all_comments), text=text_, author=author))
    return Article(
        article_id=article_id(body),
        source_path=source if record is None else f"{source}:{record}",
        body=body,
        title=title,
        published=published,
        source=meta.source,
        url=meta.url,
        language="en",
        comments=tuple(all_comments),
        boilerplate=tuple(boilerplate),
        external_id=meta.external_id,
        decode_errors=decode_errors,
    )
