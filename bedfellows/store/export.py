"""Export stored events as PLOVER JSONL, a GDELT 2.0-style event table, CSV or Parquet.

``plover-jsonl`` follows the field names of the PLOVER manual's "Data Fields"
chapter: the event record (table ``tab:json``: id, date, enddate, actor,
recipient, event, mode, context, event_loc, event_text, quad_code,
event_scale, text, text_info, cite_info, coder, coded_date, coded_time), the
entity object (``tab:actorinfo``: code, sector, entity_text, identifier_id,
identifier_text), the text object (``tab:textinfo``: sequence, start, end),
the citation object (``tab:citeinfo``) and the location object
(``tab:locations``: extracted_place, resolved_place, lat, lon, country_code).
PLOVER calls CAMEO's source/target "actor"/"recipient" (manual section
"actor and recipient replace source and target"). The auxiliary modes
(negation, hypothetical, future, historical) are appended to ``context``, where
the manual's "Auxiliary modes" section puts them. Everything bedfellows adds
sits under a ``"bedfellows"`` key.

``gdelt`` writes GDELT 2.0 event-table column names (tab-separated, with a
header line) for the columns bedfellows can fill, one row per source x target
pair of each event.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import duckdb

from ..errors import ConfigError, StoreError
from ..thresholds import DEFAULT_MIN_CONFIDENCE
from ..util.atomic import atomic_output
from . import queries
from .database import Store

FORMATS: tuple[str, ...] = ("plover-jsonl", "gdelt", "csv", "parquet")
EXPORT_FORMATS = FORMATS

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
    "SOURCEURL",
)

# CAMEO country codes are ISO 3166 alpha-3 except for these (CAMEO/Phoenix country
# dictionary in ../shared/data/reference: Timor-Leste TMP, Kosovo KSV; PLOVER uses KOS).
_ISO3_TO_CAMEO = {"TLS": "TMP", "XKX": "KSV", "KOS": "KSV"}

Output = IO[str] | IO[bytes] | str | Path


def export(
    store: Store,
    fmt: str,
    out: Output,
    *,
    include_text: bool = True,
    iso3_to_fips: Mapping[str, str] | None = None,
    overwrite: bool = False,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    **filters: Any,
) -> int:
    """Write the events selected by ``filters`` to ``out`` in format ``fmt``; return rows written.

    ``fmt`` is one of ``FORMATS``. ``out`` is a path or an open file: text
    for plover-jsonl/gdelt/csv, binary for parquet. A path is written
    atomically (a temporary file renamed into place, so a failed export leaves
    no partial file); an existing file is replaced only with ``overwrite``, and
    the store's own database file is never a target (ConfigError).
    ``filters`` are those of ``Store.events`` (actor, article_id, plover_type,
    cameo_root, start, end, modality, include_comments, limit; ``limit``
    counts events, a gdelt export may have more rows).
    Only events with ``confidence >= min_confidence`` are written (default
    ``bedfellows.thresholds.DEFAULT_MIN_CONFIDENCE``, as for the alliance
    measures; 0 writes every event; ConfigError outside [0, 1]).
    ``include_text=False`` leaves the sentence out of PLOVER's ``text`` field
    (the manual fills it only where the coder may redistribute the text).
    GDELT's ActionGeo_CountryCode is a FIPS 10-4 code; it is filled only when
    an ``iso3_to_fips`` table is given, never guessed from the ISO code.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    flt = queries.EventFilter.from_kwargs(min_confidence=min_confidence, **filters)
    if isinstance(out, str | Path):
        with atomic_output(out, overwrite=overwrite, protected=[store.path]) as tmp:
            if fmt == "parquet":
                return _export_parquet(store, flt, tmp)
            with _text_output(tmp) as fh:
                return _export_text(store, fmt, flt, fh, include_text, iso3_to_fips)
    if fmt == "parquet":
        return _export_parquet(store, flt, out)
    with _text_output(out) as fh:
        return _export_text(store, fmt, flt, fh, include_text, iso3_to_fips)


def _export_text(
    store: Store,
    fmt: str,
    flt: queries.EventFilter,
    fh: IO[str],
    include_text: bool,
    iso3_to_fips: Mapping[str, str] | None,
) -> int:
    if fmt == "plover-jsonl":
        return _export_plover(store, flt, fh, include_text=include_text)
    if fmt == "gdelt":
        return _export_gdelt(store, flt, fh, iso3_to_fips or {})
    return _export_csv(store, flt, fh)


# ------------------------------------------------------------------------ output


@contextmanager
def _text_output(out: Output) -> Iterator[IO[str]]:
    if isinstance(out, str | Path):
        try:
            fh = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise StoreError(f"cannot write export file {out}: {exc}") from exc
        try:
            yield fh
        finally:
            fh.close()
    elif isinstance(out, io.BufferedIOBase | io.RawIOBase):
        raise ConfigError("this export format writes text; pass a text file or a path")
    else:
        yield out  # type: ignore[misc]


@contextmanager
def _reading(store: Store, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
    cur = store.cursor()
    try:
        yield cur
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: {what} failed: {exc}") from exc
    finally:
        cur.close()


def _json_default(value: object) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


# ------------------------------------------------------------------------ PLOVER


def _span(start: int | None, end: int | None) -> list[int] | None:
    return None if start is None or end is None else [start, end]


def _entity(actor: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A PLOVER entity object (manual table tab:actorinfo) for one stored actor."""
    if actor is None:
        return None
    return {
        "code": actor["country"],
        "sector": actor["sector"],
        "entity_text": actor["text"],
        "identifier_id": actor["actor_id"],
        "identifier_text": actor["name"],
        "bedfellows": {
            "cameo": actor["cameo"],
            "kind": actor["kind"],
            "basis": actor["basis"],
            "start": actor["start"],
            "end": actor["end"],
        },
    }


def _coder(rec: Mapping[str, Any]) -> str:
    coder = f"bedfellows {rec['run_bedfellows_version'] or 'unknown'}"
    model = " ".join(m for m in (rec["run_model_name"], rec["run_model_version"]) if m)
    return f"{coder} ({model})" if model else coder


#: ``modality`` values → PLOVER's auxiliary mode names (manual, "Auxiliary modes").
_PLOVER_AUX = {"negated": "negation", "hypothetical": "hypothetical", "intended": "future"}


def _aux_modes(rec: Mapping[str, Any]) -> list[str]:
    """PLOVER's auxiliary modes of an event, which the manual puts in ``context``."""
    modes = [_PLOVER_AUX[rec["modality"]]] if rec["modality"] in _PLOVER_AUX else []
    return modes + (["historical"] if rec["historical"] else [])


def inferred_date(dating: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """An undated article's stored window and its evidence (``Store.datings``) as JSON."""
    if dating is None:
        return None
    return {
        "earliest": dating["earliest"],
        "latest": dating["latest"],
        "granularity": dating["granularity"],
        "evidence": [
            {
                "kind": v["kind"],
                "mention": v["mention"],
                "span": _span(v["mention_start"], v["mention_end"]),
                "actor_id": v["actor_id"],
                "bound": [v["bound_start"], v["bound_end"]],
                "detail": v["detail"],
                "description": v["description"],
                "dropped": v["dropped"],
            }
            for v in dating["evidence"]
        ],
    }


def plover_record(
    rec: Mapping[str, Any],
    *,
    include_text: bool = True,
    dating: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """One PLOVER JSON record for an event from ``iter_event_records(..., with_article=True)``.

    ``dating`` is the event's article's stored inferred window (a ``Store.datings``
    record) when the article is undated; it goes under ``bedfellows.inferred_date``
    with its evidence (``date_basis`` says whether the event took the window).
    """
    coded_at: datetime | None = rec["article_coded_at"]
    sentence_end = rec["sentence_start"] + len(rec["sentence"])
    place = None
    if rec["place_text"] is not None or rec["place_name"] is not None:
        place = {
            "extracted_place": rec["place_text"],
            "resolved_place": rec["place_name"],
            "lat": rec["place_lat"],
            "lon": rec["place_lon"],
            "country_code": rec["place_country"],
        }
    coder = _coder(rec)
    reporter = rec["reporter"]
    return {
        "id": rec["event_id"],
        "date": rec["date_start"],
        "enddate": rec["date_end"],
        "actor": [_entity(a) for a in rec["sources"]],
        "recipient": [_entity(a) for a in rec["targets"]],
        "event": [rec["plover_type"]],
        "mode": [rec["plover_mode"]] if rec["plover_mode"] else [],
        "context": ([rec["plover_context"]] if rec["plover_context"] else []) + _aux_modes(rec),
        "event_loc": place,
        "event_text": [rec["trigger"]],
        "quad_code": rec["quad_class"],
        "event_scale": rec["goldstein"],
        "text": rec["sentence"] if include_text else None,
        "text_info": {
            "sequence": rec["sentence_index"],
            "start": rec["sentence_start"],
            "end": sentence_end,
        },
        "cite_info": {
            "url": rec["article_url"],
            "title": rec["article_title"],
            "publication": rec["article_source"],
            "language": rec["article_language"],
            "coder": coder,
        },
        "coder": coder,
        "coded_date": coded_at.date() if coded_at else None,
        "coded_time": f"{coded_at:%H:%M:%S}Z" if coded_at else None,
        "bedfellows": {
            "article_id": rec["article_id"],
            "source_path": rec["article_source_path"],
            "external_id": rec["article_external_id"],
            "published": rec["article_published"],
            "sentence_index": rec["sentence_index"],
            "cameo_code": rec["cameo_code"],
            "cameo_root": rec["cameo_root"],
            "goldstein": rec["goldstein"],
            "plover_score": rec["plover_score"],
            "modality": rec["modality"],
            "reported_by": _entity(reporter),
            "reported_by_text": rec["reported_by_text"],
            # PLOVER has no field for the party a cooperation is directed against.
            "against": [_entity(a) for a in rec.get("against") or []],
            "claimed": rec["claimed"],
            "historical": rec["historical"],
            "date_granularity": rec["date_granularity"],
            "date_basis": rec["date_basis"],
            "date_text": rec["date_text"],
            "confidence": rec["confidence"],
            "is_comment": rec["is_comment"],
            "comment_index": rec["comment_index"],
            "pattern": rec["pattern"],
            "run_id": rec["run_id"],
            "inferred_date": inferred_date(dating),
            "spans": {
                "sentence": [rec["sentence_start"], sentence_end],
                "trigger": [rec["trigger_start"], rec["trigger_end"]],
                "actor": [[a["start"], a["end"]] for a in rec["sources"]],
                "recipient": [[a["start"], a["end"]] for a in rec["targets"]],
                "against": [[a["start"], a["end"]] for a in rec.get("against") or []],
                "reported_by": _span(reporter["start"], reporter["end"]) if reporter else None,
                "date_text": _span(rec["date_text_start"], rec["date_text_end"]),
                "place": _span(rec["place_start"], rec["place_end"]),
            },
        },
    }


def _export_plover(
    store: Store, flt: queries.EventFilter, fh: IO[str], *, include_text: bool
) -> int:
    n = 0
    with _reading(store, "PLOVER export") as cur:
        # Undated articles are few: their windows are read once, up front.
        datings = {d["article_id"]: d for d in queries.dating_records(cur, flt.article_id)}
        for rec in queries.iter_event_records(cur, flt, with_article=True):
            dating = datings.get(rec["article_id"])
            record = plover_record(rec, include_text=include_text, dating=dating)
            fh.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
            n += 1
    return n


# ------------------------------------------------------------------------- GDELT


def cameo_country(iso3: str | None) -> str | None:
    """The CAMEO country code for an ISO 3166 alpha-3 code (identical but for a few)."""
    if not iso3:
        return None
    return _ISO3_TO_CAMEO.get(iso3, iso3)


def _gdelt_actor(actor: Mapping[str, Any] | None) -> tuple[str, str, str, str]:
    """Code, Name, CountryCode, Type1Code for one GDELT actor slot."""
    if actor is None:
        return ("", "", "", "")
    country = cameo_country(actor["country"]) or ""
    cameo = actor["cameo"] or ""
    # A country actor's CAMEO code is country + role ("IRNMIL"); else use the PLOVER sector.
    if country and cameo.startswith(country) and len(cameo) >= len(country) + 3:
        type1 = cameo[len(country) : len(country) + 3]
    else:
        type1 = actor["sector"] or ""
    return (cameo or country, actor["name"] or "", country, type1)


def _tsv(value: object) -> str:
    """GDELT files are unquoted TSV: no tabs or line breaks inside a field.

    Text fields get the CSV export's formula escape (the file is opened in
    spreadsheets too); numbers are written as numbers.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    # Escape first: a leading TAB or CR is a formula trigger before it becomes a space.
    text = escape_formula(value)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _yyyymmdd(day: date) -> str:
    """``YYYYMMDD``, zero-padded for any year 1..9999 (``%Y`` is not padded on every platform)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def gdelt_rows(
    rec: Mapping[str, Any], iso3_to_fips: Mapping[str, str] | None = None
) -> list[tuple[object, ...]]:
    """GDELT-style rows (``GDELT_COLUMNS`` order) for one event: one per source x target."""
    day: date | None = rec["date_start"]
    if day is not None:
        date_cols: tuple[object, ...] = (
            _yyyymmdd(day),
            _yyyymmdd(day)[:6],
            _yyyymmdd(day)[:4],
            # GDELT's own formula: YYYY + (MONTH * 30 + DAY) / 365.
            f"{day.year + (day.month * 30 + day.day) / 365:.4f}",
        )
    else:
        date_cols = ("", "", "", "")
    code = rec["cameo_code"]
    coded_at: datetime | None = rec["article_coded_at"]
    fips = (iso3_to_fips or {}).get(rec["place_country"] or "", "")
    tail = (
        # GDELT: 1 if the event is in the lead; bedfellows: the article's first sentence.
        1 if rec["sentence_index"] == 0 and not rec["is_comment"] else 0,
        code,
        code[:3],
        rec["cameo_root"],
        rec["quad_class"],
        rec["goldstein"],
        1,  # NumMentions: this one mention
        1,  # NumSources
        1,  # NumArticles
        "",  # AvgTone: not computed
        "",  # ActionGeo_Type: a Place does not say if it is a country, state or city
        rec["place_name"] or "",
        fips,
        rec["place_lat"],
        rec["place_lon"],
        f"{_yyyymmdd(coded_at)}{coded_at:%H%M%S}" if coded_at else "",
        rec["article_url"] or rec["article_source_path"] or "",
    )
    sources = rec["sources"] or [None]
    targets = rec["targets"] or [None]
    pairs = list(itertools.product(sources, targets))
    rows = []
    for k, (src, tgt) in enumerate(pairs, start=1):
        # Single-pair events keep the event_id so rows join back to the database.
        gid = rec["event_id"] if len(pairs) == 1 else f"{rec['event_id']}-{k}"
        rows.append((gid, *date_cols, *_gdelt_actor(src), *_gdelt_actor(tgt), *tail))
    return rows


def _export_gdelt(
    store: Store, flt: queries.EventFilter, fh: IO[str], iso3_to_fips: Mapping[str, str]
) -> int:
    n = 0
    fh.write("\t".join(GDELT_COLUMNS) + "\n")
    with _reading(store, "GDELT export") as cur:
        for rec in queries.iter_event_records(cur, flt, with_article=True):
            for row in gdelt_rows(rec, iso3_to_fips):
                fh.write("\t".join(_tsv(v) for v in row) + "\n")
                n += 1
    return n


# ------------------------------------------------------------------ CSV, Parquet


#: A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV
#: Injection"); a leading ``'`` is escaped too, so that unescaping is unambiguous.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_AFTER_QUOTE = (*FORMULA_TRIGGERS, "'")


def escape_formula(cell: str) -> str:
    """``cell`` with a ``'`` in front when it starts with ``= + - @`` TAB, CR or ``'``.

    Applied to the text cells of CSV and GDELT exports (never to numbers: a
    Goldstein score of -10.0 stays a number). ``unescape_formula`` undoes it.
    """
    return "'" + cell if cell.startswith(_ESCAPED_AFTER_QUOTE) else cell


def unescape_formula(cell: str) -> str:
    """The inverse of ``escape_formula``: drop one leading ``'`` that precedes
    ``= + - @`` TAB, CR or ``'``; any other cell is returned unchanged."""
    if cell.startswith("'") and cell[1:2] and cell[1] in _ESCAPED_AFTER_QUOTE:
        return cell[1:]
    return cell


def _csv_cell(value: object) -> object:
    return escape_formula(value) if isinstance(value, str) else value


def _export_csv(store: Store, flt: queries.EventFilter, fh: IO[str]) -> int:
    sql, params = queries.flat_events_sql(flt)
    writer = csv.writer(fh, lineterminator="\n")
    n = 0
    with _reading(store, "CSV export") as cur:
        result = cur.execute(sql, params)
        writer.writerow([d[0] for d in result.description])
        while rows := result.fetchmany(5000):
            writer.writerows([_csv_cell(v) for v in row] for row in rows)
            n += len(rows)
    return n


def _export_parquet(store: Store, flt: queries.EventFilter, out: Output) -> int:
    sql, params = queries.flat_events_sql(flt)
    with _reading(store, "Parquet export") as cur:
        if isinstance(out, str | Path):
            target = str(out).replace("'", "''")
            try:
                row = cur.execute(f"COPY ({sql}) TO '{target}' (FORMAT parquet)", params).fetchone()
            except duckdb.IOException as exc:
                raise StoreError(f"cannot write export file {out}: {exc}") from exc
            return int(row[0]) if row else 0
        if isinstance(out, io.TextIOBase):
            raise ConfigError("parquet is binary; pass a binary file or a path")
        import pyarrow.parquet as pq  # only parquet exports pay for the import

        table = cur.sql(sql, params=params).to_arrow_table()
        pq.write_table(table, out)
        return table.num_rows
