"""PETRARCH-2 validation records (``data/gold/petr2_gsr_validation.xml``).

78 English sentences (80 gold events, 12 no-event sentences). The file is
almost-XML (``<Sentence .../>`` tags that are self-closed yet followed by their
content and a ``</Sentence>``, comments between codings), so it is read with
regular expressions. Each sentence gives its id, date ("YYYYMMDD"; one
six-digit date is not trusted and left undated), ``<EventCoding eventcode=
sourcecode= targetcode=/>`` lines or ``noevents="True"``, and a wrapped
``<Text>`` whose whitespace is collapsed before coding (one record has an
empty ``<Text>``; its sentence is rebuilt from its CoNLL-U ``<Parse>``).

Gold actors are CAMEO actor codes ("USA", "GUYJUD", "PSEGOV", "IGOCOPITP",
"---REB" for a rebel group of no country, "---" for no actor).

Definitions used by ``score``:

- **Predicted actor code**: ``ActorRef.cameo``, else ``ActorRef.country``, else
  "---"; a country-less bare sector code is prefixed as in PETRARCH ("REB" →
  "---REB"; IGO/NGO/IMG/MNC/UIS codes are not sectors and are kept); a role
  with no predicted actors is {"---"} (PETRARCH's "no actor").
  The **country code** is the first three characters of a code.
- A predicted event's source (target) **matches** a gold code when any of its
  source (target) actors has that code (compound actors are one event in
  bedfellows but one event per actor pair in PETRARCH).
- **Matching**: each gold event is compared with the best predicted event of
  its sentence, ranked by the number of matching country codes (source,
  target), then same CAMEO root, then same CAMEO code, then number of
  matching full actor codes, then confidence. A predicted event may serve
  several gold events (PETRARCH splits compound actors into pairs).
- **CAMEO exact / root accuracy**, **source/target code and country match**,
  **quad-class accuracy** and **joint** (source country + target country +
  root) are shares of gold events; no predicted event in the sentence counts
  as wrong.
- **… event found**: source/target country match over the gold events whose
  sentence has a predicted event of the gold CAMEO root (best match among
  those): actor accuracy where event detection succeeded.
- **False positives**: predicted events on gold no-event sentences.
- **Armed-group code match**: over the gold source and target codes of
  non-state armed actors (``is_armed_code``), the share whose best-matching
  predicted event has, in that role, an armed actor of the same country (the
  same code for an international militant group ``IMG…``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from bedfellows.schema import ActorRef, Event

from ..scoring import rate, safe_div
from .common import NON_STATE_CODES, GoldEvent, GoldRecord, clean_text, parse_date

NAME = "petr2_gsr_validation"
FILE = "petr2_gsr_validation.xml"
PATH = Path("data") / "gold" / FILE

NO_ACTOR = "---"

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b(?P<attrs>[^>]*?)/?>(?P<body>.*?)</Sentence>", re.S)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_CODING = re.compile(r"<EventCoding\b(?P<attrs>[^>]*?)/?>")
_TEXT = re.compile(r"<Text>(?P<text>.*?)</Text>", re.S)
_PARSE = re.compile(r"<Parse>(?P<conllu>.*?)</Parse>", re.S)


# What one predicted event is checked for against a gold event.
MATCH_FLAGS = (
    "code",
    "root",
    "quad",
    "source_code",
    "source_country",
    "target_code",
    "target_country",
)


def attributes(tag_attrs: str) -> dict[str, str]:
    """The ``name="value"`` attributes of one tag."""
    return dict(_ATTR.findall(tag_attrs))


def text_from_conllu(conllu: str) -> str:
    """The sentence text rebuilt from CoNLL-U token lines (``SpaceAfter=No`` respected)."""
    out: list[str] = []
    for line in conllu.splitlines():
        cols = line.split("\t")
        if len(cols) < 10 or not cols[0].isdigit():
            continue  # comments, multi-word ranges ("3-4"), empty nodes ("3.1")
        out.append(cols[1])
        if "SpaceAfter=No" not in cols[9].split("|"):
            out.append(" ")
    return "".join(out).strip()


def parse(xml: str, source_file: str = FILE) -> list[GoldRecord]:
    """GoldRecords from PETRARCH validation text (regex, not an XML parser).

    RETURNS (list[GoldRecord]): one per ``<Sentence>`` with a ``<Text>``, in
        file order; a sentence with ``noevents="True"`` has no events.
    """
    records = []
    for m in _SENTENCE.finditer(_COMMENT.sub("", xml)):
        attrs = attributes(m.group("attrs"))
        body = m.group("body")
        text_m = _TEXT.search(body)
        if text_m is None or "id" not in attrs:
            continue
        text = clean_text(text_m.group("text"))
        if not text and (parse_m := _PARSE.search(body)):
            # One record has an empty <Text> but a full parse: rebuild it.
            text = clean_text(text_from_conllu(parse_m.group("conllu")))
        events = []
        for coding in _CODING.finditer(body):
            c = attributes(coding.group("attrs"))
            if c.get("noevents", "").lower() == "true" or "eventcode" not in c:
                continue
            events.append(
                GoldEvent(
                    label=c["eventcode"].strip(),
                    sources=(c.get("sourcecode", NO_ACTOR).strip() or NO_ACTOR,),
                    targets=(c.get("targetcode", NO_ACTOR).strip() or NO_ACTOR,),
                )
            )
        records.append(
            GoldRecord(
                record_id=attrs["id"],
                source_file=source_file,
                text=text,
                events=tuple(events),
                published=parse_date(attrs.get("date")),
                category=attrs.get("category"),
            )
        )
    return records


def partition_unit(record: GoldRecord) -> str:
    """The story a sentence belongs to: its id without the sentence number.

    Ids are ``<story>_<sentence>`` ("AFP0808020625_4"); the tune/lockbox split
    (``common.part_of``) keeps a story's sentences together.
    """
    return record.record_id.rsplit("_", 1)[0]


def load(shared: Path) -> list[GoldRecord]:
    """The PETRARCH-2 validation sentences under ``shared``."""
    return parse((Path(shared) / PATH).read_text(encoding="utf-8"))


# -- predictions ---------------------------------------------------------------


def cameo_root(code: str) -> str:
    """The two-digit CAMEO root of an event code ("0352" → "03")."""
    return code[:2]


def quad_class(code: str) -> int | None:
    """CAMEO quad class of an event code: 1 verbal coop (01–05), 2 material coop
    (06–09), 3 verbal conflict (10–14), 4 material conflict (15–20)."""
    try:
        root = int(code[:2])
    except ValueError:
        return None
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 9:
        return 2
    if 10 <= root <= 14:
        return 3
    if 15 <= root <= 20:
        return 4
    return None


def actor_code(actor: ActorRef) -> str:
    """The CAMEO actor code of a predicted actor ("IRNMIL"), or "---" when unknown.

    A country-less bare sector code ("REB") is written as PETRARCH writes it
    ("---REB"); country-less non-state codes ("IGOUNO") are kept as they are.
    """
    code = (actor.cameo or actor.country or "").strip().upper()
    if not code:
        return NO_ACTOR
    if not actor.country and len(code) == 3 and code not in NON_STATE_CODES:
        return NO_ACTOR + code
    return code


def role_codes(actors: Iterable[ActorRef]) -> set[str]:
    """Codes of one role of a predicted event; {"---"} when it has no actor."""
    return {actor_code(a) for a in actors} or {NO_ACTOR}


def _match(gold: GoldEvent, event: Event) -> dict[str, bool]:
    src, tgt = role_codes(event.sources), role_codes(event.targets)
    g_src, g_tgt = gold.sources[0], gold.targets[0]
    return {
        "code": event.cameo_code == gold.label,
        "root": cameo_root(event.cameo_code) == cameo_root(gold.label),
        "quad": quad_class(event.cameo_code) == quad_class(gold.label),
        "source_code": g_src in src,
        "source_country": g_src[:3] in {c[:3] for c in src},
        "target_code": g_tgt in tgt,
        "target_country": g_tgt[:3] in {c[:3] for c in tgt},
    }


#: CAMEO agent codes of non-state armed actors (rebels, unidentified armed forces).
_ARMED_AGENTS = ("REB", "UAF")


def is_armed_code(code: str) -> bool:
    """True for the code of a non-state armed actor: a rebel or armed group of a
    country ("PSEREBHMS", "---REB", "SOMUAF") or an international militant group ("IMG...")."""
    return code.startswith("IMG") or code[3:6] in _ARMED_AGENTS


def armed_match(gold_code: str, predicted: set[str]) -> bool:
    """A predicted non-state armed actor with the gold code's country (or the same IMG code)."""
    if gold_code.startswith("IMG"):
        return gold_code in predicted
    return any(is_armed_code(c) and c[:3] == gold_code[:3] for c in predicted)


def best_match(gold: GoldEvent, events: Sequence[Event]) -> tuple[Event | None, dict[str, bool]]:
    """The predicted event that best matches ``gold``, and how it matches.

    RETURNS (tuple): the event (None if there is none) and its match flags
        (``code``, ``root``, ``quad``, ``source_code``, ``source_country``,
        ``target_code``, ``target_country``), all False without an event.
    """
    best: Event | None = None
    best_flags = dict.fromkeys(MATCH_FLAGS, False)
    best_key: tuple | None = None
    for event in events:
        f = _match(gold, event)
        key = (
            f["source_country"] + f["target_country"],
            f["root"],
            f["code"],
            f["source_code"] + f["target_code"],
            event.confidence,
        )
        if best_key is None or key > best_key:
            best, best_flags, best_key = event, f, key
    return best, best_flags


def score(records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]) -> dict:
    """Score predicted events against the PETRARCH-2 gold records.

    records (Sequence[GoldRecord]): the gold sentences, as loaded.
    predictions (Mapping): record id → predicted events (missing = none).
    RETURNS (dict): ``metrics`` (shares in [0, 1]), ``rates`` and ``counts``.
    """
    flags: dict[str, list[bool]] = {k: [] for k in (*MATCH_FLAGS, "joint", "any_event")}
    # Actor accuracy where the coder found the event (an event of the gold root).
    found_src: list[bool] = []
    found_tgt: list[bool] = []
    armed: list[bool] = []  # gold non-state armed actors matched by the best event
    n_gold = n_pred = n_dyads = 0
    fp_events = 0
    no_event_sentences = 0
    fp_sentences: list[bool] = []
    for rec in records:
        events = list(predictions.get(rec.record_id, ()))
        n_pred += len(events)
        n_dyads += sum(max(1, len(e.sources)) * max(1, len(e.targets)) for e in events)
        if not rec.events:
            no_event_sentences += 1
            fp_events += len(events)
            fp_sentences.append(bool(events))
            continue
        for gold in rec.events:
            n_gold += 1
            best, f = best_match(gold, events)
            for k, v in f.items():
                flags[k].append(v)
            for code, actors in ((gold.sources[0], "sources"), (gold.targets[0], "targets")):
                if is_armed_code(code):
                    predicted = role_codes(getattr(best, actors)) if best is not None else set()
                    armed.append(armed_match(code, predicted))
            flags["joint"].append(f["source_country"] and f["target_country"] and f["root"])
            flags["any_event"].append(bool(events))
            same_root = [e for e in events if cameo_root(e.cameo_code) == cameo_root(gold.label)]
            if same_root:
                _, g = best_match(gold, same_root)
                found_src.append(g["source_country"])
                found_tgt.append(g["target_country"])

    n_sent = len(records)
    return {
        "n_sentences": n_sent,
        "metrics": {
            "cameo_exact_accuracy": rate(flags["code"]),
            "cameo_root_accuracy": rate(flags["root"]),
            "quad_class_accuracy": rate(flags["quad"]),
            "source_code_match": rate(flags["source_code"]),
            "source_country_match": rate(flags["source_country"]),
            "target_code_match": rate(flags["target_code"]),
            "target_country_match": rate(flags["target_country"]),
            "joint_accuracy": rate(flags["joint"]),
            "source_country_match_event_found": rate(found_src),
            "target_country_match_event_found": rate(found_tgt),
            "gold_events_with_any_prediction": rate(flags["any_event"]),
            "no_event_sentences_with_events": rate(fp_sentences),
            "armed_group_code_match": rate(armed),
        },
        "rates": {
            "predicted_per_gold_event": safe_div(n_pred, n_gold),
            "false_positives_per_no_event_sentence": safe_div(fp_events, no_event_sentences),
        },
        "counts": {
            "sentences": n_sent,
            "event_sentences": n_sent - no_event_sentences,
            "no_event_sentences": no_event_sentences,
            "gold_events": n_gold,
            "gold_events_found": len(found_src),
            "predicted_events": n_pred,
            "predicted_dyads": n_dyads,
            "false_positive_events": fp_events,
            "armed_group_actors": len(armed),
        },
    }
