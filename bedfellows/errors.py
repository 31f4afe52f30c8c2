"""Typed errors raised by bedfellows library code.

Library code raises these and never prints or exits; the CLI turns them into
messages and exit codes in one place.

    BedfellowsError
     ├── ConfigError          bad settings or user-supplied tables
     ├── DataFileError        a packaged data table is missing or corrupt
     ├── IngestError          one input could not be read into an Article
     │    ├── UnreadableInput     path missing, permission denied, a directory
     │    │    └── UnsupportedInput   a file type bedfellows does not read (.pdf, …)
     │    ├── EmptyInput          nothing left after decoding and cleaning
     │    ├── BinaryInput         looks like a binary file
     │    ├── DecodeError         bytes that decode as no text encoding
     │    ├── TooLargeInput       over the configured size limit
     │    ├── NotEnglish          the body is not English text
     │    ├── MalformedRecord     a JSONL line or HTML page that cannot be parsed
     │    └── ArticleFailed       an article read but not parsed, coded or stored
     │         ├── ParsingFailed      spaCy failed on it
     │         ├── CodingFailed       the event coder failed on it (cause: CodingError)
     │         └── WritingFailed      the store could not write it (cause: StoreError)
     ├── NLPError
     │    └── ModelNotFound       the spaCy model package is not installed
     ├── CodingError          the event coder failed on one document
     └── StoreError           the database could not be opened or written
          └── SchemaVersionError  the database was written by an incompatible version
"""

from __future__ import annotations


class BedfellowsError(Exception):
    """Root of every error bedfellows raises on purpose."""


class ConfigError(BedfellowsError):
    """Settings or a user-supplied table are invalid."""


class DataFileError(BedfellowsError):
    """A packaged data table is missing, unreadable or fails its checksum."""


class IngestError(BedfellowsError):
    """One input (file, or record within a file) could not be read.

    ``source`` names the file, ``record`` the line or record number within it
    (``None`` for whole files), ``reason`` a short human explanation.
    """

    def __init__(self, source: str, reason: str, record: int | None = None) -> None:
        self.source = source
        self.record = record
        self.reason = reason
        where = source if record is None else f"{source}:{record}"
        super().__init__(f"{where}: {reason}")


class UnreadableInput(IngestError):
    """The path does not exist, is not readable, or is not a regular file."""


class UnsupportedInput(UnreadableInput):
    """A file found in a folder or by a pattern whose type bedfellows does not read."""


class EmptyInput(IngestError):
    """The input holds no text once decoded and cleaned."""


class BinaryInput(IngestError):
    """The input looks like binary data, not text."""


class DecodeError(IngestError):
    """The bytes decode as no known text encoding."""


class TooLargeInput(IngestError):
    """The input is over the size limit."""


class NotEnglish(IngestError):
    """The article body is not in English."""


class MalformedRecord(IngestError):
    """A JSONL line or HTML document that cannot be parsed."""


class ArticleFailed(IngestError):
    """An article was read but could not be parsed, coded or stored; the run
    goes on without it (``source``/``record`` from its ``source_path``)."""


class ParsingFailed(ArticleFailed):
    """spaCy raised while parsing the article."""


class CodingFailed(ArticleFailed):
    """The event coder raised on the article (``__cause__`` is a CodingError)."""


class WritingFailed(ArticleFailed):
    """The store could not write the article and its events."""


class NLPError(BedfellowsError):
    """The NLP layer failed."""


class ModelNotFound(NLPError):
    """The spaCy model package is not installed."""


class CodingError(BedfellowsError):
    """The event coder failed on one document."""


class StoreError(BedfellowsError):
    """The database could not be opened, read or written."""


class SchemaVersionError(StoreError):
    """The database was created by an incompatible version of bedfellows."""
