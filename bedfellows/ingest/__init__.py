"""Ingest: files, HTML and JSONL → Articles (body, reader comments, boilerplate).

``read_articles`` yields an ``Article`` or an ``IngestError`` per input;
``split_paragraphs`` cuts an article into offset-exact paragraphs;
``split_page`` is the text-level cutter for pasted web pages.
"""

from bedfellows.ingest.boilerplate import split_page
from bedfellows.ingest.files import iter_sources, read_articles
from bedfellows.ingest.paragraphs import split_paragraphs

__all__ = ["iter_sources", "read_articles", "split_page", "split_paragraphs"]
