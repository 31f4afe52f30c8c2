#!/usr/bin/env python3
"""Build the actor knowledge base tables in ``bedfellows/data/`` from ``../shared``.

Inputs (read-only, never copied):

- ``data/reference/petrarch/Phoenix.{Countries,International,MilNonState}.actors.txt``
  PETRARCH actor dictionaries (MIT): persons with date-restricted roles,
  organisations, armed groups, IGOs.
- ``data/reference/petrarch/Phoenix.agents.txt`` (CAMEO agent codes) and
  ``data/reference/PLOVER_agents.txt`` (the same words with PLOVER sectors).
- ``data/reference/countries.csv`` (ISO names and nationality forms),
  ``CountryInfo.120116.txt`` (CAMEO codes, nationality words, capitals) and
  ``countrynames.txt`` (names → codes → COW numbers).
- ``data/training/ngec_synthetic_stories.csv.zip``: only to count which words
  are ordinary lowercase English (a single-word alias such as "organization"
  would otherwise hijack every mention of that word).
- ``scripts/build_data/curated_actors.yaml``: hand-added certain facts.
- ``scripts/build_data/armed_groups.tsv``: the hand-written table of armed
  non-state groups (``build_armed_groups.py``), added as curated groups.

Outputs (sorted, deterministic):

- ``countries.tsv``        iso3, name, cameo, iso2, cow, aliases ("|"-separated names)
- ``country_aliases.tsv``  alias (lookup key: lowercase, except case-sensitive aliases
  such as "US" which keep their case), display, iso3, kind (name | alias | demonym_sg |
  demonym_pl | capital | seat), sector (GOV for capitals, the seat's sector, PRE for
  partially recognised entities), label (spaCy), case_sensitive, source
- ``agents.tsv``           phrase key, cameo (CAMEO agent code), plover (PLOVER sector),
  plover_other, weak (1 = spokesman/official/adviser...), source
- ``actors.jsonl``         one person/organisation/group/IGO per line, sorted by actor_id
- ``actors_aliases.tsv``   every actor alias with its precomputed lookup key (fast loading)
- ``actors_common_words.tsv``  ordinary lowercase words (the resolver's name guard)

Parsing decisions:

- Two-digit years follow PETRARCH's own reader: ``YY <= 30`` is 20YY, otherwise
  19YY (``000101`` = 2000-01-01, ``780101`` = 1978-01-01).
- ``[CODE a-b]`` is a spell from a to b (inclusive), ``[CODE >a]`` a spell from a
  with end unknown (``end_known`` false: never invented), ``[CODE <b]`` a spell
  until b, ``[CODE]`` (or a code on the primary line) the default role used
  outside the dated spells. ``[---]`` is PETRARCH's null code.
- Malformed restrictions are repaired when the intent is unambiguous (a stray
  century prefix as in ``1920030320``, a day past the month's end, a space after
  ``>``) and otherwise dropped (7-digit ``9008223``, 9-digit ``201005011``, a
  bare date with no ``>``/``<``/range, an end before the start); each case is
  logged as a warning and counted in the summary.
- As in PETRARCH, a primary phrase with no code shares the codes of the next
  record that has some.

Run ``python scripts/build_data/build_actors.py [--shared PATH] [-v]``.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import io
import json
import logging
import re
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:  # run as a script: make bedfellows importable
    sys.path.insert(0, str(REPO_ROOT))
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_armed_groups import SOURCE_PATH as ARMED_PATH  # noqa: E402
from build_armed_groups import ArmedGroup, curated_entries, read_groups  # noqa: E402

from bedfellows.actors.codes import (  # noqa: E402
    CAMEO_TO_PLOVER,
    NONSTATE_PREFIXES,
    PLOVER_SECTORS,
    plover_to_cameo,
)
from bedfellows.actors.normalize import cased_key_of, key_of  # noqa: E402

log = logging.getLogger("build_actors")

VERSION = "1"
GENERATOR = "scripts/build_data/build_actors.py"
CURATED_PATH = Path(__file__).resolve().parent / "curated_actors.yaml"
#: Heads of state and government (and selected ministers), in the curated
#: ``actors`` format; merged into the curated actors.
LEADERS_PATH = Path(__file__).resolve().parent / "leaders.yaml"
DATA_DIR = REPO_ROOT / "bedfellows" / "data"

#: Two-digit years up to this value are 20YY, the rest 19YY (PETRARCH's rule).
YEAR_PIVOT = 30

#: Agent codes that mark non-actors in the PLOVER agents file.
NON_ACTOR_CODES = {"JNK", "NON"}
#: CAMEO regional codes: a code starting with one of these has no country.
REGION_CODES = {
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR",
    "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF",
    "WST", "INT", "KKL", "DEV",
}  # fmt: skip
#: countries.csv rows that are PLOVER non-state codes, not countries.
NONSTATE_COUNTRY_ROWS = {"EUR", "UNO"}
#: CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_COUNTRY_FIXES = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KSV": "XKX", "KOS": "XKX"}
#: CountryInfo blocks whose ISO3166-alpha3 field is wrong (checked by name).
COUNTRYINFO_ISO_FIXES = {
    "MYANMAR": "MMR",
    "GUATEMALA": "GTM",
    "GUINEA": "GIN",
    "ISRAEL": "ISR",
    "JAPAN": "JPN",
    "TIMOR_LESTE": "TLS",
    "KOSOVO": "XKX",
}
#: Words in a primary phrase that make a record an organisation, not a person.
ORG_WORDS = {
    "party", "front", "council", "brigade", "brigades", "army", "armies", "force", "forces",
    "movement", "organization", "organisation", "union", "committee", "assembly", "ministry",
    "department", "agency", "group", "groups", "alliance", "coalition", "league", "bank",
    "fund", "court", "commission", "office", "service", "services", "association",
    "federation", "institute", "foundation", "network", "corps", "guard", "guards", "police",
    "congress", "parliament", "senate", "government", "administration", "battalion",
    "battalions", "regiment", "division", "state", "states", "declaration", "observatory",
    "task", "secretariat", "program", "programme", "mission", "authority", "board", "center",
    "centre", "tribunal", "panel", "conference", "community", "university", "church",
    "news", "times", "post", "journal", "press", "television", "radio", "militia",
    "militias", "jihad", "jaish", "jaysh", "liwa", "katibat", "kataeb", "harakat", "jabhat",
    "hizb", "tanzim", "ahrar", "company", "corporation", "airlines", "society", "club",
    "cells", "nuclei", "faction", "resistance", "revolutionary", "liberation", "islamic",
    "national", "people's", "peoples", "republic", "kingdom", "forum", "initiative",
    "project", "partnership", "cooperation", "development", "international", "world",
    "global", "union's", "unit", "units", "squad", "commandos", "command", "legion",
    "tigers", "fighters", "mujahideen", "mujahedin", "taliban", "sect", "regime", "cabinet",
    "junta", "presidency", "bureau", "directorate", "inc", "ltd", "group's", "watch",
    "amnesty", "red", "crescent", "cross", "institution", "institutions", "system",
}  # fmt: skip
#: Words that make up role descriptions ("AMERICAN_VICE_PRESIDENT").
ROLE_WORDS = {
    "president", "vice", "prime", "minister", "ministers", "secretary", "general", "deputy",
    "chief", "head", "leader", "leaders", "spokesman", "spokesperson", "ambassador", "envoy",
    "of", "the", "and", "for", "to", "in", "us", "u.s.", "un", "u.n.", "foreign", "defense",
    "defence", "interior", "state", "senior", "official", "officials", "commander",
    "representative", "special", "high", "commissioner", "director", "governor", "king",
    "queen", "emir", "crown", "prince", "chairman", "speaker", "member", "members", "acting",
    "former", "new", "elect", "president-elect", "first", "lady", "attorney", "justice",
    "judge", "senator", "senators", "mp", "mps", "chancellor", "premier", "cabinet",
}  # fmt: skip
#: Titles that may precede a name without being part of it.
TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "sheikh", "ayatollah", "gen"}


# --------------------------------------------------------------------------- stats


@dataclass
class Stats:
    """Counts of everything the build repaired, dropped or produced."""

    counts: Counter[str] = field(default_factory=Counter)

    def note(self, what: str, detail: str, *, level: int = logging.INFO) -> None:
        """Count one repair/drop and log it with its detail."""
        self.counts[what] += 1
        log.log(level, "%s: %s", what, detail)


# --------------------------------------------------------------------------- dates


def _parse_digits(digits: str) -> date:
    """Parse YYYYMMDD or YYMMDD (PETRARCH's pivot); raise ValueError if invalid."""
    if len(digits) == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    elif len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= YEAR_PIVOT else 1900 + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    else:
        raise ValueError(f"date {digits!r} has {len(digits)} digits (need 6 or 8)")
    return date(year, month, day)


def parse_date(text: str, where: str, stats: Stats) -> date | None:
    """Parse one restriction date, repairing unambiguous typos; None if hopeless."""
    raw = text
    digits = re.sub(r"\s+", "", text)
    if digits != text.strip():
        stats.note("repair: space inside date", f"{where}: {raw!r}", level=logging.WARNING)
    if not digits.isdigit():
        stats.note("drop: non-numeric date", f"{where}: {raw!r}", level=logging.WARNING)
        return None
    if len(digits) == 10 and digits[:2] in ("19", "20"):
        try:
            fixed = _parse_digits(digits[2:])
        except ValueError:
            pass
        else:
            stats.note(
                "repair: stray century prefix",
                f"{where}: {raw!r} -> {fixed}",
                level=logging.WARNING,
            )
            return fixed
    try:
        return _parse_digits(digits)
    except ValueError:
        pass
    if len(digits) in (6, 8):
        try:
            if len(digits) == 8:
                year, month = int(digits[:4]), int(digits[4:6])
            else:
                yy = int(digits[:2])
                year, month = (2000 + yy if yy <= YEAR_PIVOT else 1900 + yy), int(digits[2:4])
            if 1 <= month <= 12:
                fixed = date(year, month, calendar.monthrange(year, month)[1])
                stats.note(
                    "repair: day past end of month",
                    f"{where}: {raw!r} -> {fixed}",
                    level=logging.WARNING,
                )
                return fixed
        except ValueError:
            pass
    stats.note("drop: malformed date", f"{where}: {raw!r}", level=logging.WARNING)
    return None


# --------------------------------------------------------------------------- restrictions


@dataclass(frozen=True)
class Restriction:
    """One ``[CODE ...]`` of a PETRARCH record."""

    code: str
    start: date | None
    end: date | None
    kind: str  # default | range | from | until


_CODE_RE = re.compile(r"^[A-Z0-9]{3,}$")


def parse_restriction(content: str, where: str, stats: Stats) -> Restriction | None:
    """Parse the text inside ``[...]``; None for null codes and dropped ones."""
    content = content.strip()
    if not content or content.strip("-") == "":
        return None  # PETRARCH's null code [---]
    code, _, rest = content.partition(" ")
    if "\t" in code:
        code, _, more = code.partition("\t")
        rest = (more + " " + rest).strip()
    code = code.strip()
    rest = rest.strip()
    if not _CODE_RE.match(code):
        stats.note("drop: bad code", f"{where}: [{content}]", level=logging.WARNING)
        return None
    if not rest:
        return Restriction(code, None, None, "default")
    if re.search(r"[<>]\s", rest) or "  " in content:
        # "[SYROPP > 20120101]": PETRARCH reads past the space; so do we.
        stats.note(
            "repair: stray space in restriction", f"{where}: [{content}]", level=logging.WARNING
        )
        rest = re.sub(r"([<>])\s+", r"\1", rest)
    if rest[0] in "<>":
        when = parse_date(rest[1:], where, stats)
        if when is None:
            stats.note(
                "drop: malformed restriction", f"{where}: [{content}]", level=logging.WARNING
            )
            return None
        if rest[0] == ">":
            return Restriction(code, when, None, "from")
        return Restriction(code, None, when, "until")
    if "-" in rest:
        left, _, right = rest.partition("-")
        start = parse_date(left, where, stats)
        end = parse_date(right, where, stats)
        if start is None or end is None:
            stats.note(
                "drop: malformed restriction", f"{where}: [{content}]", level=logging.WARNING
            )
            return None
        if end < start:
            stats.note("drop: end before start", f"{where}: [{content}]", level=logging.WARNING)
            return None
        return Restriction(code, start, end, "range")
    stats.note("drop: malformed restriction", f"{where}: [{content}]", level=logging.WARNING)
    return None


# --------------------------------------------------------------------------- actor files


@dataclass
class Block:
    """One PETRARCH actor record: names (primary first) and restrictions."""

    source: str
    line: int
    names: list[str]
    restrictions: list[Restriction] = field(default_factory=list)
    countryinfo: bool = False  # a "# CountryInfo.txt"/"IGOrulers" comment: a listed leader

    @property
    def primary(self) -> str:
        """The record's primary phrase as written (underscores, trailing ``_``)."""
        return self.names[0]


_BRACKET_RE = re.compile(r"\[([^\]]*)\]")
_ACRONYM_ALIAS_RE = re.compile(r"[A-Z]{2,6}")
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "al", "de", "du", "la", "le"}


def _is_acronym(text: str, names: list[str]) -> bool:
    """True for an all-caps token that is an acronym, not a word in capitals.

    PETRARCH writes everything in capitals, so "HAMAS" and "PKK" look alike.
    A token is an acronym when it has no vowel ("PKK") or spells the initials
    of another name of the same record ("PLO" = Palestine Liberation Organization).
    """
    if not _ACRONYM_ALIAS_RE.fullmatch(text):
        return False
    if not set(text) & set("AEIOU"):
        return True
    for other in names:
        words = [w for w in key_of(clean_phrase(other)).split() if w not in _SMALL_WORDS]
        if len(words) >= 2 and "".join(w[0] for w in words).upper() == text:
            return True
    return False


_PAREN_RE = re.compile(r"\([^)]*\)")


def clean_phrase(raw: str) -> str:
    """Turn a PETRARCH phrase into display text: ``_`` → space, no exact-end ``_``."""
    text = raw.replace("\t", " ").replace("_", " ")
    return re.sub(r"\s+", " ", text).strip()


def parse_actor_file(path: Path, stats: Stats) -> list[Block]:
    """Parse one PETRARCH actor dictionary into records (PETRARCH's grouping)."""
    blocks: list[Block] = []
    current: Block | None = None
    short = path.name
    text = path.read_text(encoding="utf-8", errors="replace")
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if "---STOP---" in raw:
            break
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        where = f"{short}:{lineno}"
        if body.count("[") != body.count("]"):
            stats.note(
                "drop: unbalanced brackets", f"{where}: {raw.strip()!r}", level=logging.WARNING
            )
            body = body.split("[", 1)[0]
        restrictions = []
        for content in _BRACKET_RE.findall(body):
            parsed = parse_restriction(content, where, stats)
            if parsed is not None:
                restrictions.append(parsed)
        phrase = _BRACKET_RE.sub(" ", body)
        leader = "CountryInfo" in comment or "IGOrulers" in comment
        first = body[0]
        if first == "+":
            parts = [p.strip() for p in phrase.split("+") if p.strip()]
            if len(parts) > 1:
                stats.note("repair: several synonyms on one line", f"{where}: {parts}")
            if current is None:
                stats.note("drop: synonym before any record", f"{where}: {raw.strip()!r}")
                continue
            current.names.extend(parts)
            current.restrictions.extend(restrictions)
        elif first in " \t":
            if phrase.strip():
                stats.note(
                    "repair: indented phrase read as synonym", f"{where}: {phrase.strip()!r}"
                )
                if current is None:
                    continue
                current.names.append(phrase.strip())
            if current is None:
                stats.note("drop: restriction before any record", f"{where}: {raw.strip()!r}")
                continue
            current.restrictions.extend(restrictions)
        else:
            name = phrase.strip()
            if current is not None and not current.restrictions:
                # PETRARCH: a primary phrase without codes shares the next record's codes.
                if current.names:
                    stats.note("group: codeless record joins the next", f"{where}: {name!r}")
                current.names.append(name)
                current.restrictions.extend(restrictions)
                current.countryinfo = current.countryinfo or leader
                continue
            current = Block(short, lineno, [name], list(restrictions), leader)
            blocks.append(current)
    if current is not None and not current.restrictions:
        stats.note("drop: record without codes", f"{short}:{current.line}: {current.primary!r}")
        blocks.remove(current)
    return blocks


# --------------------------------------------------------------------------- common words


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_BUILTIN_COMMON = {
    "the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "is", "it", "he", "she", "they", "we", "us", "you", "i", "his", "her", "their",
    "our", "its", "this", "that", "these", "those", "who", "which", "what", "new", "old",
    "former", "late", "acting", "interim", "senior", "top", "said", "says", "also",
    "organization", "organisation", "group", "free", "land", "party", "state", "front",
}  # fmt: skip


def common_words(shared: Path, stats: Stats) -> set[str]:
    """Return words that are ordinary lowercase English in wire-style text.

    A word counts as common when it occurs in lowercase at least three times and
    at least as often lowercase as capitalised (mid-sentence) in the synthetic
    stories; names are capitalised there, so they stay out.
    """
    words = set(_BUILTIN_COMMON)
    path = shared / "data" / "training" / "ngec_synthetic_stories.csv.zip"
    if not path.is_file():
        stats.note("warn: no synthetic stories; common-word list is the built-in one", str(path))
        return words
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    with zipfile.ZipFile(path) as archive:
        for member in sorted(archive.namelist()):
            with archive.open(member) as handle:
                reader = csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8"))
                for row in reader:
                    for sentence in re.split(r"(?<=[.!?])\s+|\n+", row.get("text") or ""):
                        found = _WORD_RE.findall(sentence)
                        for word in found[1:]:  # skip sentence-initial capitals
                            if word.islower():
                                lower[word] += 1
                            elif word[0].isupper() and word[1:].islower():
                                capital[word.lower()] += 1
    for word, count in lower.items():
        if count >= 3 and count >= capital[word]:
            words.add(word)
    return words


# --------------------------------------------------------------------------- countries


@dataclass
class Country:
    """One row of countries.tsv."""

    iso3: str
    name: str
    cameo: str
    iso2: str
    cow: str = ""


@dataclass(frozen=True)
class CountryAlias:
    """One row of country_aliases.tsv (before de-duplication)."""

    key: str
    display: str
    iso3: str
    kind: str  # name | alias | demonym_sg | demonym_pl | capital | seat
    sector: str = ""
    label: str = ""
    case_sensitive: bool = False
    source: str = ""


KIND_RANK = {"name": 0, "seat": 1, "alias": 2, "capital": 3, "demonym_sg": 4, "demonym_pl": 5}
KIND_LABEL = {
    "name": "GPE",
    "alias": "GPE",
    "capital": "GPE",
    "demonym_sg": "NORP",
    "demonym_pl": "NORP",
    "seat": "FAC",
}
_NAMEY_WORDS = {
    "republic", "kingdom", "islands", "island", "of", "state", "states", "territory",
    "territories", "federation", "union", "democratic", "people's", "emirates", "commonwealth",
    "principality", "sultanate", "federated", "the", "and", "saint", "st",
}  # fmt: skip
_DEMONYM_SUFFIXES = (
    "an", "ian", "ese", "ish", "i", "ic", "ch", "ean", "ine", "ite", "er", "ot", "ss", "ak",
    "ek", "ik", "kh", "ai", "ois", "iote", "ene", "on", "ard", "ino", "be", "sy",
)  # fmt: skip
_SAME_PLURAL_SUFFIXES = ("ese", "ss", "sh", "ch", "ois")


_KEEP_UPPER = {"US", "UN", "UK", "EU", "USA", "UAE", "PM", "MP", "IRA", "CIA", "FBI", "NATO"}
_TITLE_ABBREVIATIONS = {"MR", "MRS", "MS", "DR", "ST", "JR", "SR", "LT", "GEN", "COL", "SGT"}


def display_case(text: str) -> str:
    """Title-case an all-caps dictionary phrase ("NURI_AL-MALIKI" → "Nuri al-Maliki")."""
    small = {"of", "the", "and", "al", "el", "de", "du", "da", "bin", "ibn", "von", "van", "for"}
    words = clean_phrase(text).split(" ")
    out = []
    for index, word in enumerate(words):
        if not word.isupper():
            out.append(word)
            continue
        parts = word.split("-")
        cased = []
        for pindex, part in enumerate(parts):
            low = part.lower()
            if (index > 0 or pindex > 0) and low in small:
                cased.append(low)
            elif re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", part) or (len(part) <= 4 and "." in part):
                cased.append(part)
            elif part in _KEEP_UPPER or (
                len(part) <= 4
                and part.isalpha()
                and not set(part) & set("AEIOUY")
                and part not in _TITLE_ABBREVIATIONS
            ):
                cased.append(part)  # "US", "UN", "PM", "NLF": acronyms stay in capitals
            else:
                cased.append(low[:1].upper() + low[1:] if low else low)
        out.append("-".join(cased))
    return " ".join(out)


def _countryinfo_blocks(path: Path) -> list[dict[str, Any]]:
    """Read CountryInfo's almost-XML country blocks."""
    text = path.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    out = []
    for body in re.findall(r"<Country>(.*?)</Country>", text, flags=re.S):

        def tag(name: str, body: str = body) -> str | None:
            match = re.search(rf"<{re.escape(name)}>(.*?)</{re.escape(name)}>", body, flags=re.S)
            return match.group(1).strip() if match else None

        def items(name: str) -> list[str]:
            raw = tag(name) or ""
            values = []
            for line in raw.splitlines():
                line = line.split("#", 1)[0].strip()
                if line:
                    values.append(line)
            return values

        out.append(
            {
                "code": tag("CountryCode"),
                "name": tag("CountryName") or "",
                "alpha3": tag("ISO3166-alpha3") or "",
                "alpha2": tag("ISO3166-alpha2") or "",
                "cow": tag("COW-Numeric") or "",
                "nationality": items("Nationality"),
                "capital": items("Capital"),
            }
        )
    return out


def _plural_demonym(singular: str) -> str:
    """English plural of a demonym ("Iraqi" → "Iraqis"; "Chinese" stays)."""
    low = singular.lower()
    if low.endswith(_SAME_PLURAL_SUFFIXES):
        return singular
    if low.endswith("man"):
        return singular[:-3] + "men"
    return singular + "s"


def _classify_nationality_item(item: str, names: set[str]) -> str:
    """Classify one countries.csv nationality item as name/alias/demonym."""
    key = key_of(item)
    words = key.split()
    if key in names:
        return "name"
    if any(w in _NAMEY_WORDS for w in words) or len(words) > 2:
        return "alias"
    last = words[-1] if words else ""
    name_heads = {n.split()[0] for n in names if n}
    if (
        len(words) == 2
        and words[0] not in {"north", "south", "east", "west", "central"} | name_heads
    ):
        return "alias"
    if last.endswith(("stan", "land", "ia", "burg", "ana", "ica", "ea", "es", "os", "as")):
        return "alias"  # place-name endings ("Afghanestan", "Korea"), not nationalities
    if last.endswith("s") and not last.endswith(("ss", "ois")):
        return "demonym_pl"
    if last.endswith(_DEMONYM_SUFFIXES):
        return "demonym_sg"
    return "alias"


def build_countries(
    shared: Path, curated: dict[str, Any], stats: Stats
) -> tuple[list[Country], list[CountryAlias], dict[str, str]]:
    """Build countries, their aliases and the CAMEO-prefix → ISO3 map.

    countries.csv gives the list of states (plus the curated ``countries``);
    CountryInfo adds CAMEO codes, COW numbers, nationality words and capitals,
    and the few independent states countries.csv lacks (a COW number marks a
    state). Dependencies fold into their controlling state, and partially
    recognised entities (countries.csv ``...PRE`` rows) into the state that
    claims them with sector PRE, as the PLOVER manual prescribes.
    """
    ref = shared / "data" / "reference"
    countries: dict[str, Country] = {}
    aliases: list[CountryAlias] = []

    def add(alias: str, iso3: str, kind: str, source: str, **extra: Any) -> None:
        text = clean_phrase(alias)
        key = cased_key_of(text) if extra.get("case_sensitive") else key_of(text)
        if not key:
            return
        display = text if not text.isupper() or len(text) <= 4 else display_case(text)
        if display.lower().startswith("the ") and kind != "seat":
            display = display[4:]
        aliases.append(CountryAlias(key, display, iso3, kind, source=source, **extra))

    with (ref / "countries.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    state_rows = []
    for row in rows:
        code = row["CCA3"].strip()
        if code in NONSTATE_COUNTRY_ROWS:
            # PLOVER's country slot also holds the UN and the EU; here they are IGO actors.
            stats.note(
                "drop: non-state row of countries.csv (an IGO actor)", f"{row['Name']} ({code})"
            )
        elif re.fullmatch(r"[A-Z]{3}", code):
            state_rows.append(row)
    for row in state_rows:
        iso3 = row["CCA3"].strip()
        countries[iso3] = Country(iso3, row["Name"].strip(), iso3, row["CCA2"].strip())
    for entry in curated.get("countries", []) or []:
        iso3 = entry["iso3"]
        if iso3 in countries:
            raise ValueError(f"curated country {iso3} is already in countries.csv")
        countries[iso3] = Country(
            iso3, entry["name"], entry.get("cameo", iso3), entry["iso2"], str(entry.get("cow", ""))
        )
        add(entry["name"], iso3, "name", "curated")
        if entry.get("demonym"):
            add(entry["demonym"], iso3, "demonym_sg", "curated")
            add(_plural_demonym(entry["demonym"]), iso3, "demonym_pl", "curated")
        for capital in entry.get("capitals", []) or []:
            add(capital, iso3, "capital", "curated", sector="GOV")
    names_by_iso: dict[str, set[str]] = defaultdict(set)
    for row in state_rows:
        iso3 = row["CCA3"].strip()
        add(row["Name"], iso3, "name", "countries.csv")
        names_by_iso[iso3].add(key_of(row["Name"]))
    for row in state_rows:
        iso3 = row["CCA3"].strip()
        for item in (row.get("Nationality") or "").split(","):
            if item.strip():
                add(
                    item,
                    iso3,
                    _classify_nationality_item(item, names_by_iso[iso3]),
                    "countries.csv",
                )
    for row in rows:
        code = row["CCA3"].strip()
        if code in countries or code in NONSTATE_COUNTRY_ROWS:
            continue
        parent = code[:3]
        if parent not in countries:
            stats.note("drop: countries.csv row without a state", f"{row['Name']} ({code})")
            continue
        stats.note(
            "fold: partially recognised entity into its state (PRE)", f"{row['Name']} -> {parent}"
        )
        for item in [row["Name"]] + (row.get("Nationality") or "").split(","):
            if item.strip():
                add(item, parent, "alias", "countries.csv", sector="PRE")

    # CountryInfo: CAMEO codes, nationality words, capitals.
    cameo_to_iso: dict[str, str] = dict(CAMEO_COUNTRY_FIXES)
    alias_owner = {a.key: a.iso3 for a in aliases if a.sector != "PRE"}
    for block in _countryinfo_blocks(ref / "CountryInfo.120116.txt"):
        name, code, alpha3 = block["name"], block["code"] or "", block["alpha3"]
        plain = code if re.fullmatch(r"[A-Z]{3}", code) else ""
        bracket_codes = re.findall(r"\[([A-Z]{3,6})[^\]]*\]", code)
        current = plain or (bracket_codes[-1] if bracket_codes else code)
        if name in COUNTRYINFO_ISO_FIXES:
            iso3 = COUNTRYINFO_ISO_FIXES[name]
            if alpha3 != iso3:
                stats.note("repair: CountryInfo ISO3", f"{name}: {alpha3!r} -> {iso3}")
        elif alpha3 in countries:
            iso3 = alpha3
        elif plain in countries and not block["alpha3"].isalpha():
            iso3 = plain
        elif re.fullmatch(r"[A-Z]{3}", alpha3) and block["cow"].isdigit() and int(block["cow"]):
            iso3 = alpha3  # an independent state (COW member) missing from countries.csv
            countries[iso3] = Country(iso3, display_case(name), iso3, block["alpha2"])
            stats.note("add: state from CountryInfo", f"{display_case(name)} ({iso3})")
        else:
            iso3 = ""
        parent = ""
        if not iso3:
            name_key = key_of(clean_phrase(name))
            if current[:3] in countries and current[:3] != alpha3:
                parent = current[:3]
            elif name_key in alias_owner:
                parent = alias_owner[name_key]
            else:
                stats.note("drop: CountryInfo block without a state", f"{name} ({code})")
                continue
            for dependency_code in {plain, alpha3, current} - {""}:
                if re.fullmatch(r"[A-Z]{3}", dependency_code) and dependency_code not in countries:
                    cameo_to_iso.setdefault(dependency_code, parent)
            stats.note("fold: dependency into its state", f"{name} -> {parent}")
        if iso3:
            country = countries[iso3]
            cameo = current if re.fullmatch(r"[A-Z]{3}", current) else iso3
            if cameo != iso3:
                cameo_to_iso[cameo] = iso3
                country.cameo = cameo
            if block["cow"].isdigit() and int(block["cow"]):
                country.cow = str(int(block["cow"]))
            target = iso3
            add(name, target, "name", "CountryInfo")
            names_by_iso[target].add(key_of(clean_phrase(name)))
        else:
            target = parent
            add(name, target, "alias", "CountryInfo")
        for index, item in enumerate(block["nationality"]):
            phrase = clean_phrase(item)
            kind = _classify_nationality_item(phrase, names_by_iso[target])
            add(phrase, target, kind, "CountryInfo")
            if index == 0 and iso3 and kind == "demonym_sg":
                # CountryInfo lists the adjective first ("IRANIAN_"): add its plural.
                add(_plural_demonym(display_case(phrase)), target, "demonym_pl", "CountryInfo")
        if iso3:
            for item in block["capital"]:
                add(item, iso3, "capital", "CountryInfo", sector="GOV")

    with (ref / "countrynames.txt").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[1] == "---":
                continue
            name, code, cow = parts[0].strip(), parts[1].strip(), parts[2].strip()
            iso3 = cameo_to_iso.get(code, code)
            if iso3 in countries:
                add(name, iso3, "name", "countrynames.txt")
                if cow.isdigit() and int(cow) and not countries[iso3].cow:
                    countries[iso3].cow = str(int(cow))
            elif cameo_to_iso.get(code[:3], code[:3]) in countries and len(code) == 6:
                add(name, cameo_to_iso.get(code[:3], code[:3]), "alias", "countrynames.txt")

    for iso3, country in countries.items():
        cameo_to_iso.setdefault(iso3, iso3)
        cameo_to_iso.setdefault(country.cameo, iso3)

    # Curated aliases and seats.
    for entry in curated.get("country_aliases", []):
        iso3 = entry["iso3"]
        if iso3 not in countries:
            raise ValueError(f"curated alias {entry['alias']!r}: unknown iso3 {iso3}")
        if entry["kind"] not in KIND_RANK or entry["kind"] in ("capital", "seat"):
            raise ValueError(f"curated alias {entry['alias']!r}: bad kind {entry['kind']!r}")
        add(
            entry["alias"],
            iso3,
            entry["kind"],
            "curated",
            case_sensitive=bool(entry.get("case_sensitive")),
        )
    for entry in curated.get("seats", []):
        if entry["iso3"] not in countries:
            raise ValueError(f"curated seat {entry['alias']!r}: unknown iso3 {entry['iso3']}")
        if entry["sector"] not in PLOVER_SECTORS:
            raise ValueError(f"curated seat {entry['alias']!r}: unknown sector {entry['sector']}")
        add(
            entry["alias"],
            entry["iso3"],
            "seat",
            "curated",
            sector=entry["sector"],
            label=entry.get("label", "FAC"),
        )
    dropped = {key_of(a) for a in curated.get("drop_country_aliases", [])}
    kept: list[CountryAlias] = []
    for alias in aliases:
        if alias.key in dropped and alias.source != "curated":
            stats.note(
                "drop: curated false-friend country alias", f"{alias.display} ({alias.iso3})"
            )
            continue
        kept.append(alias)
    return sorted(countries.values(), key=lambda c: c.iso3), kept, cameo_to_iso


def dedupe_country_aliases(aliases: list[CountryAlias], stats: Stats) -> list[CountryAlias]:
    """Keep one row per (key, iso3, kind); drop keys claimed by two countries at one rank."""
    by_key: dict[str, list[CountryAlias]] = defaultdict(list)
    # A case-sensitive alias ("US") owns its lowercase spelling: "us" or "Us" is
    # never the United States.
    owned_lower = {key_of(a.display) for a in aliases if a.case_sensitive}
    for alias in aliases:
        if not alias.case_sensitive and alias.key in owned_lower:
            stats.note(
                "drop: country alias owned by a case-sensitive one",
                f"{alias.display} ({alias.iso3})",
            )
            continue
        by_key[alias.key].append(alias)
    out: list[CountryAlias] = []
    source_rank = {"curated": 0, "countries.csv": 1, "CountryInfo": 2, "countrynames.txt": 3}
    for key in sorted(by_key):
        group = by_key[key]
        curated_isos = {a.iso3 for a in group if a.source == "curated"}
        if curated_isos:
            group = [a for a in group if a.iso3 in curated_isos]
        best_rank = min(KIND_RANK[a.kind] for a in group)
        isos = {a.iso3 for a in group if KIND_RANK[a.kind] == best_rank}
        if len(isos) > 1:
            stats.note(
                "drop: country alias claimed by several countries", f"{key!r}: {sorted(isos)}"
            )
            continue
        (iso3,) = isos
        seen: dict[tuple[str, str], CountryAlias] = {}
        for alias in sorted(
            (a for a in group if a.iso3 == iso3),
            key=lambda a: (source_rank.get(a.source, 9), KIND_RANK[a.kind], a.display),
        ):
            ident = (alias.key, alias.kind)
            if ident not in seen:
                seen[ident] = alias
        kinds = {kind for _, kind in seen}
        for (k, kind), alias in sorted(seen.items()):
            # A capital that is also the country's name ("Kuwait") is the country.
            if kind == "capital" and ("name" in kinds or "alias" in kinds):
                continue
            if kind in ("demonym_sg", "demonym_pl") and ("name" in kinds or "alias" in kinds):
                continue
            label = alias.label or KIND_LABEL[kind]
            out.append(
                CountryAlias(
                    k,
                    alias.display,
                    alias.iso3,
                    kind,
                    alias.sector or ("GOV" if kind == "capital" else ""),
                    label,
                    alias.case_sensitive,
                    alias.source,
                )
            )
    return out


# --------------------------------------------------------------------------- agents


@dataclass
class AgentRow:
    """One row of agents.tsv."""

    key: str
    cameo: str
    plover: str
    plover_other: str = ""
    weak: bool = False
    source: str = ""


_PREPOSITIONS = {"of", "for", "to", "in", "on", "at", "with", "from"}


def pluralise(phrase: str) -> str:
    """Regular English plural of an agent phrase (head noun before any preposition)."""
    words = phrase.split(" ")
    index = len(words) - 1
    for position, word in enumerate(words):
        if position > 0 and word in _PREPOSITIONS:
            index = position - 1
            break
    word = words[index]
    if word.endswith("man") and not word.endswith(("human", "german", "shaman")):
        plural = word[:-3] + "men"
    elif word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        plural = word[:-1] + "ies"
    elif word.endswith(("s", "sh", "ch", "x", "z")):
        plural = word + "es"
    else:
        plural = word + "s"
    return " ".join(words[:index] + [plural] + words[index + 1 :])


def _split_code(code: str) -> list[str]:
    """Split a CAMEO code into 3-letter chunks ("GOVMIL" → ["GOV", "MIL"])."""
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def parse_agent_file(path: Path, stats: Stats) -> list[tuple[str, str]]:
    """Return ``(phrase key, code)`` pairs from a PETRARCH agents file, in file order."""
    subs: dict[str, list[str]] = {}
    out: list[tuple[str, str]] = []
    short = path.name
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            marker, _, values = line.partition("=")
            subs[marker.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        match = re.search(r"\[([^\]]*)\]", line)
        if not match:
            stats.note("drop: agent without code", f"{short}:{lineno}: {raw.strip()!r}")
            continue
        code = match.group(1).strip().replace("~", "")
        head = line[: match.start()].strip()
        plural: str | None = None
        brace = re.search(r"\{([^}]*)\}", head)
        if brace:
            plural = brace.group(1).strip()
            head = (head[: brace.start()] + head[brace.end() :]).strip()
        variants: list[tuple[str, bool]] = []
        marker = re.search(r"!([A-Z]+)!", head)
        if marker:
            if marker.group(1) not in subs:
                stats.note("drop: unknown substitution marker", f"{short}:{lineno}: {raw!r}")
                continue
            for value in subs[marker.group(1)]:
                variants.append((head[: marker.start()] + value + head[marker.end() :], False))
        else:
            variants.append((head, plural is None))
        for phrase, regular_plural in variants:
            key = key_of(clean_phrase(phrase))
            if not key:
                continue
            out.append((key, code))
            if regular_plural:
                out.append((pluralise(key), code))
        if plural:
            out.append((key_of(clean_phrase(plural)), code))
    return out


def build_agents(shared: Path, curated: dict[str, Any], stats: Stats) -> list[AgentRow]:
    """Join Phoenix (CAMEO codes) and PLOVER (PLOVER sectors) agent words; add curated ones."""
    ref = shared / "data" / "reference"
    phoenix: dict[str, str] = {}
    for key, code in parse_agent_file(ref / "petrarch" / "Phoenix.agents.txt", stats):
        if key in phoenix and phoenix[key] != code:
            stats.note("conflict: agent code (first kept)", f"{key!r}: {phoenix[key]} vs {code}")
            continue
        phoenix.setdefault(key, code)
    plover: dict[str, str] = {}
    for key, code in parse_agent_file(ref / "PLOVER_agents.txt", stats):
        if key in plover and plover[key] != code:
            stats.note(
                "conflict: PLOVER agent code (first kept)", f"{key!r}: {plover[key]} vs {code}"
            )
            continue
        plover.setdefault(key, code)

    rows: dict[str, AgentRow] = {}
    for key in sorted(set(phoenix) | set(plover)):
        cameo = phoenix.get(key)
        pcode = plover.get(key)
        if pcode and _split_code(pcode)[0] in NON_ACTOR_CODES:
            stats.note("drop: non-actor agent word", f"{key!r} [{pcode}]")
            continue
        if cameo is None:
            # PLOVER-only word: CAMEO shares most codes; map the PLOVER-only ones back.
            back = {"JRN": "MED", "MED": "HLH", "SOC": "NGM", "PRE": "PRE", "REL": "REL"}
            cameo = "".join(back.get(c, c) for c in _split_code(pcode or ""))
        if pcode:
            chunks = [c for c in _split_code(pcode) if c in PLOVER_SECTORS]
        else:
            chunks = []
            for chunk in _split_code(cameo):
                mapped = CAMEO_TO_PLOVER.get(chunk)
                if mapped and mapped not in chunks:
                    chunks.append(mapped)
        if not chunks:
            stats.note("drop: agent word without a PLOVER sector", f"{key!r} [{cameo}]")
            continue
        source = (
            "phoenix+plover"
            if key in phoenix and key in plover
            else ("phoenix" if key in phoenix else "plover")
        )
        rows[key] = AgentRow(
            key, cameo, chunks[0], chunks[1] if len(chunks) > 1 else "", False, source
        )

    for entry in curated.get("agents", []):
        phrase = key_of(entry["phrase"])
        plover_code = entry["plover"]
        if plover_code not in PLOVER_SECTORS:
            raise ValueError(f"curated agent {phrase!r}: unknown PLOVER sector {plover_code}")
        row = AgentRow(
            phrase,
            entry["cameo"],
            plover_code,
            entry.get("other", "") or "",
            bool(entry.get("weak", False)),
            "curated",
        )
        forms = [phrase]
        plural = entry.get("plural")
        if plural is None:
            forms.append(pluralise(phrase))
        elif plural:
            forms.append(key_of(plural))
        for form in forms:
            if form in rows and rows[form].source != "curated":
                old = rows[form]
                if (old.cameo, old.plover) != (row.cameo, row.plover):
                    stats.note(
                        "override: agent word by curated entry",
                        f"{form!r}: {old.cameo}/{old.plover} -> {row.cameo}/{row.plover}",
                    )
            rows[form] = AgentRow(
                form, row.cameo, row.plover, row.plover_other, row.weak, "curated"
            )
    return [rows[k] for k in sorted(rows)]


# --------------------------------------------------------------------------- actors


def slugify(text: str) -> str:
    """Lowercase ASCII id from a name ("Nuri al-Maliki" → "nuri_al_maliki")."""
    key = key_of(text).replace(".", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "_", key).strip("_") or "actor"


@dataclass
class SpellOut:
    """A role for a period, as written to actors.jsonl."""

    country: str | None
    sector: str | None
    cameo: str
    start: date | None
    end: date | None
    end_known: bool
    source: str
    default: bool = False
    other: str | None = None
    note: str | None = None

    def as_json(self) -> dict[str, Any]:
        """Return the JSON object of this spell (stable key order)."""
        out: dict[str, Any] = {
            "country": self.country,
            "sector": self.sector,
            "cameo": self.cameo,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "end_known": self.end_known,
            "source": self.source,
        }
        if self.default:
            out["default"] = True
        if self.other:
            out["other"] = self.other
        if self.note:
            out["note"] = self.note
        return out


@dataclass
class ActorOut:
    """One actor as written to actors.jsonl."""

    actor_id: str
    name: str
    kind: str
    aliases: list[str]
    cameo: str | None
    country: str | None
    sector: str | None
    qid: str | None
    spells: list[SpellOut]
    case_sensitive: list[str] = field(default_factory=list)
    source: str = "phoenix"
    note: str | None = None
    origin: str = ""  # "file:line" of the PETRARCH record (for logs only)

    def as_json(self) -> dict[str, Any]:
        """Return the JSON object of this actor (stable key order)."""
        out: dict[str, Any] = {
            "actor_id": self.actor_id,
            "name": self.name,
            "kind": self.kind,
            "aliases": self.aliases,
            "cameo": self.cameo,
            "country": self.country,
            "sector": self.sector,
            "qid": self.qid,
            "spells": [s.as_json() for s in self.spells],
            "source": self.source,
        }
        if self.case_sensitive:
            out["case_sensitive"] = self.case_sensitive
        if self.note:
            out["note"] = self.note
        return out


class CodeReader:
    """Split CAMEO actor codes into country, PLOVER sector and secondary sector."""

    def __init__(self, cameo_to_iso: dict[str, str]) -> None:
        self.cameo_to_iso = cameo_to_iso
        self.unknown_prefixes: Counter[str] = Counter()

    def read(self, code: str) -> tuple[str | None, str | None, str | None, str]:
        """Return (iso3, sector, other sector, prefix kind) for a CAMEO code.

        prefix kind is "country", "nonstate" (IGO/NGO/IMG/MNC), "region", "historic"
        (an unknown prefix: a former state such as USR, or a typo) or "none".
        """
        chunks = _split_code(code)
        head = chunks[0]
        iso3: str | None = None
        if head in self.cameo_to_iso:
            iso3, rest, kind = self.cameo_to_iso[head], chunks[1:], "country"
        elif head in NONSTATE_PREFIXES:
            rest, kind = chunks[1:], "nonstate"
        elif head in REGION_CODES:
            rest, kind = chunks[1:], "region"
        elif head in CAMEO_TO_PLOVER:
            rest, kind = chunks, "none"
        else:
            self.unknown_prefixes[head] += 1  # a former state (USR, YUG, DDR) or a typo
            rest, kind = chunks[1:], "historic"
        sectors: list[str] = []
        for chunk in rest:
            mapped = CAMEO_TO_PLOVER.get(chunk)
            if mapped and mapped not in sectors and mapped not in ("IGO", "NGO"):
                sectors.append(mapped)
        if kind == "nonstate" and head == "IMG" and "REB" not in sectors:
            sectors.insert(0, "REB")
        sector = sectors[0] if sectors else None
        other = sectors[1] if len(sectors) > 1 else None
        return iso3, sector, other, kind


def _is_place_block(block: Block, reader: CodeReader) -> bool:
    """True for country/territory records ("AFGHANISTAN_ [AFG]" with its cities)."""
    for restriction in block.restrictions:
        iso3, sector, _, kind = reader.read(restriction.code)
        if kind not in ("country", "historic") or sector is not None:
            return False
    return True


def classify_block(block: Block, reader: CodeReader, role_vocab: set[str]) -> str:
    """Return the actor kind of a record: person | group | igo | org.

    ``role_vocab`` holds role words plus country words: a primary phrase made
    only of them ("AMERICAN_VICE_PRESIDENT") names a role, not a person.
    """
    codes = [r.code for r in block.restrictions]
    dated = any(r.kind != "default" for r in block.restrictions)
    reads = [reader.read(c) for c in codes]
    prefixes = {c[:3] for c in codes}
    sectors = {s for _, s, _, _ in reads if s}
    words = set(key_of(clean_phrase(block.primary)).split())
    has_eli = "ELI" in sectors
    if prefixes and prefixes <= {"IGO"}:
        return (
            "person" if (dated or has_eli or block.countryinfo) and not words & ORG_WORDS else "igo"
        )
    if prefixes & {"NGO", "MNC"}:
        return "org"
    armed = bool(sectors & {"REB", "UAF", "PRM"}) or "IMG" in prefixes
    if words & ORG_WORDS:
        return "group" if armed else "org"
    if words and words <= role_vocab:
        return "org"
    if dated or has_eli or block.countryinfo:
        return "person"
    if armed:
        return "group"
    if sectors & {"JRN"} or not sectors or len(words) < 2:
        return "org"  # "PESHMERGA [IRQMIL]", "REUTERS [MED]": one word is not a person's name
    return "person"


def _spells_from_block(block: Block, reader: CodeReader) -> list[SpellOut]:
    """Turn a record's restrictions into spells (defaults last)."""
    spells: list[SpellOut] = []
    for r in block.restrictions:
        iso3, sector, other, _ = reader.read(r.code)
        if r.kind == "default":
            spells.append(SpellOut(iso3, sector, r.code, None, None, False, "phoenix", True, other))
        elif r.kind == "from":
            spells.append(
                SpellOut(iso3, sector, r.code, r.start, None, False, "phoenix", False, other)
            )
        else:
            spells.append(
                SpellOut(iso3, sector, r.code, r.start, r.end, True, "phoenix", False, other)
            )
    return _sorted_spells(spells)


def _spell_sort_key(s: SpellOut) -> tuple:
    return (
        s.default,
        s.start or date.min,
        s.end or date.max,
        s.cameo,
        s.sector or "",
        s.source,
    )


def _sorted_spells(spells: list[SpellOut]) -> list[SpellOut]:
    """Sort spells by start (unknown first), defaults last; drop exact duplicates."""
    out: list[SpellOut] = []
    seen = set()
    for spell in sorted(spells, key=_spell_sort_key):
        ident = (spell.default, spell.start, spell.end, spell.cameo, spell.end_known)
        if ident in seen:
            continue
        seen.add(ident)
        out.append(spell)
    return out


def _headline(spells: list[SpellOut]) -> SpellOut | None:
    """The spell that gives an actor's top-level country/sector/cameo."""
    defaults = [s for s in spells if s.default]
    if defaults:
        return defaults[-1]
    dated = [s for s in spells if not s.default]
    if not dated:
        return None
    return max(dated, key=lambda s: (s.start or date.min, s.end or date.max))


def _parse_yaml_date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ValueError(f"{where}: bad date {value!r}") from exc


def curated_spell(entry: dict[str, Any], where: str, *, default: bool = False) -> SpellOut:
    """Build a spell from a curated YAML mapping (validated)."""
    country = entry.get("country")
    sector = entry.get("sector")
    other = entry.get("other")
    if sector is not None and sector not in PLOVER_SECTORS:
        raise ValueError(f"{where}: unknown sector {sector!r}")
    if other is not None and other not in PLOVER_SECTORS:
        raise ValueError(f"{where}: unknown secondary sector {other!r}")
    start = None if default else _parse_yaml_date(entry.get("start"), where)
    end = None if default else _parse_yaml_date(entry.get("end"), where)
    if start and end and end < start:
        raise ValueError(f"{where}: spell ends ({end}) before it starts ({start})")
    end_known = bool(entry.get("end_known", end is not None)) and not default
    if end is None and end_known:
        raise ValueError(f"{where}: end_known is true but no end date is given")
    cameo = entry.get("cameo") or (country or "") + plover_to_cameo(sector)
    return SpellOut(
        country, sector, cameo, start, end, end_known, "curated", default, other, entry.get("note")
    )


def build_actors(
    shared: Path,
    curated: dict[str, Any],
    cameo_to_iso: dict[str, str],
    country_keys: set[str],
    agent_keys: set[str],
    common: set[str],
    stats: Stats,
) -> list[ActorOut]:
    """Parse the PETRARCH actor files and merge the curated actors."""
    pdir = shared / "data" / "reference" / "petrarch"
    reader = CodeReader(cameo_to_iso)
    role_vocab = ROLE_WORDS | {w for k in country_keys for w in k.split()}
    curated_actors = curated.get("actors", [])

    # Aliases owned by curated actors, and the PETRARCH records they merge.
    owned: dict[str, str] = {}
    merge_into: dict[str, str] = {}
    for entry in curated_actors:
        for alias in entry.get("aliases", []):
            owned[key_of(alias)] = entry["id"]
        for primary in entry.get("phoenix", []) or []:
            merge_into[key_of(clean_phrase(primary))] = entry["id"]

    merged_aliases: dict[str, list[str]] = defaultdict(list)
    merged_spells: dict[str, list[SpellOut]] = defaultdict(list)
    actors: list[ActorOut] = []
    by_ident: dict[tuple[str, str, str | None], ActorOut] = {}
    used_ids: set[str] = {e["id"] for e in curated_actors}

    files = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ]
    for filename in files:
        for block in parse_actor_file(pdir / filename, stats):
            where = f"{block.source}:{block.line}"
            primary_key = key_of(clean_phrase(_PAREN_RE.sub(" ", block.primary)))
            if _is_place_block(block, reader):
                stats.counts["skip: country/place record (countries come from CountryInfo)"] += 1
                continue
            if block.restrictions and all(r.code.startswith("MNC") for r in block.restrictions):
                stats.counts["skip: multinational corporation record"] += 1
                continue
            if primary_key in merge_into:
                target = merge_into[primary_key]
                merged_aliases[target].extend(block.names)
                merged_spells[target].extend(_spells_from_block(block, reader))
                stats.note("merge: PETRARCH record into curated actor", f"{where} -> {target}")
                continue
            if primary_key in owned:
                stats.note(
                    "drop: PETRARCH record replaced by curated actor",
                    f"{where}: {block.primary!r} -> {owned[primary_key]}",
                )
                continue
            kind = classify_block(block, reader, role_vocab)
            spells = _spells_from_block(block, reader)
            aliases: list[str] = []
            case_sensitive: list[str] = []
            seen_keys: set[str] = set()
            for raw in block.names:
                text = clean_phrase(raw)
                if _PAREN_RE.search(text):
                    stats.counts["repair: parenthetical removed from alias"] += 1
                    text = clean_phrase(_PAREN_RE.sub(" ", text))
                key = key_of(text)
                if not key or key in seen_keys:
                    continue
                seen_keys.add(key)
                reason = _alias_problem(key, owned, country_keys, agent_keys, common, kind)
                if reason == "only common words" and len(key.split()) > 1:
                    # "World Food Programme", "Group of Eight": a name made of common
                    # words is kept for its capitalised form only, so "peace action"
                    # or "the world health organization of" in plain text stay words.
                    stats.note("case-sensitive alias: only common words", f"{where}: {text!r}")
                    aliases.append(display_case(text))
                    case_sensitive.append(display_case(text))
                    continue
                if reason:
                    stats.note(f"drop alias: {reason}", f"{where}: {text!r}")
                    continue
                if kind != "person" and _is_acronym(text, block.names):
                    # "PLO", "IRGC", "SAARC": written in capitals; matching "ira"
                    # or "saarc" in lowercase text would be a false friend.
                    aliases.append(text)
                    case_sensitive.append(text)
                    continue
                aliases.append(display_case(text))
            if not aliases:
                stats.note("drop: record with no usable alias", f"{where}: {block.primary!r}")
                continue
            head = _headline(spells)
            ident = (primary_key, kind, head.country if head else None)
            if ident in by_ident:
                # The same record listed twice (common in the NGO lists): one actor.
                twin = by_ident[ident]
                known = {key_of(a) for a in twin.aliases}
                twin.aliases.extend(a for a in aliases if key_of(a) not in known)
                twin.case_sensitive.extend(
                    a for a in case_sensitive if a not in twin.case_sensitive
                )
                twin.spells = _sorted_spells(twin.spells + spells)
                stats.note("merge: duplicate PETRARCH record", f"{where} -> {twin.origin}")
                continue
            actor = ActorOut(
                actor_id="",
                name=aliases[0],
                kind=kind,
                aliases=aliases,
                cameo=head.cameo if head else None,
                country=head.country if head else None,
                sector=head.sector if head else None,
                qid=None,
                spells=spells,
                case_sensitive=case_sensitive,
                origin=where,
            )
            by_ident[ident] = actor
            actors.append(actor)
    for prefix, count in sorted(reader.unknown_prefixes.items()):
        stats.note("warn: unknown CAMEO code prefix (no country)", f"{prefix} x{count}")

    # Ids: slug of the name; a clash gets the country code, then a number.
    for actor in actors:
        base = slugify(actor.name)
        candidate = base
        if candidate in used_ids:
            candidate = f"{base}_{(actor.country or actor.kind).lower()}"
            number = 2
            while candidate in used_ids:
                candidate = f"{base}_{(actor.country or actor.kind).lower()}_{number}"
                number += 1
            stats.counts["id: disambiguated duplicate name"] += 1
        used_ids.add(candidate)
        actor.actor_id = candidate

    for entry in curated_actors:
        actors.append(_curated_actor(entry, merged_aliases, merged_spells, stats))

    _drop_ambiguous_single_aliases(actors, stats)
    return sorted(actors, key=lambda a: a.actor_id)


def _alias_problem(
    key: str,
    owned: dict[str, str],
    country_keys: set[str],
    agent_keys: set[str],
    common: set[str],
    kind: str,
) -> str | None:
    """Why a PETRARCH alias must not be used (None if it is fine)."""
    words = key.split()
    if key in owned:
        return "owned by a curated actor"
    if key in country_keys:
        return "is a country name or demonym"
    if key in agent_keys:
        return "is a sector word"
    if len(words) == 1 and (key in common or len(key) <= 2):
        return "single common word"
    if len(words) <= 3 and all(w in common for w in words):
        return "only common words"
    if kind == "person" and len(words) == 1 and len(key) <= 3:
        return "too short for a person"
    return None


def _curated_actor(
    entry: dict[str, Any],
    merged_aliases: dict[str, list[str]],
    merged_spells: dict[str, list[SpellOut]],
    stats: Stats,
) -> ActorOut:
    """Build one curated actor, merging the PETRARCH records it names."""
    actor_id = entry["id"]
    where = f"curated_actors.yaml:{actor_id}"
    if not re.fullmatch(r"[a-z0-9_]+", actor_id):
        raise ValueError(f"{where}: actor id must be [a-z0-9_]+")
    kind = entry.get("kind", "person")
    if kind not in ("person", "group", "igo", "org"):
        raise ValueError(f"{where}: unknown kind {kind!r}")
    spells = [curated_spell(s, where) for s in entry.get("spells", []) or []]
    if entry.get("default"):
        spells.append(curated_spell(entry["default"], where, default=True))
    # PETRARCH spells survive only where they end, with a known date, before
    # the first curated spell starts (the curated record owns the rest).
    starts = [s.start for s in spells if not s.default and s.start]
    first = min(starts) if starts else None
    for spell in merged_spells.get(actor_id, []):
        keep = (
            not spell.default
            and spell.end_known
            and spell.end is not None
            and first is not None
            and spell.end <= first
        )
        if keep:
            spells.append(spell)
        else:
            stats.note(
                "drop: PETRARCH spell superseded by curated spells",
                f"{actor_id}: {spell.cameo} {spell.start}..{spell.end}",
            )
    spells = _sorted_spells(spells)
    aliases: list[str] = []
    seen: set[str] = set()
    for alias in list(entry.get("aliases", [])) + [
        display_case(clean_phrase(a)) for a in merged_aliases.get(actor_id, [])
    ]:
        if "administration" in key_of(alias).split():
            # "the Obama administration" is the government, not the person:
            # the resolver composes person + "administration" instead.
            stats.note("drop alias: person + administration", f"{actor_id}: {alias!r}")
            continue
        key = key_of(alias)
        if key and key not in seen:
            seen.add(key)
            aliases.append(alias)
    case_sensitive = list(entry.get("case_sensitive", []) or [])
    for alias in case_sensitive:
        if alias not in entry.get("aliases", []):
            raise ValueError(f"{where}: case-sensitive alias {alias!r} is not among the aliases")
    head = _headline(spells)
    country = entry.get("country", head.country if head else None)
    sector = entry.get("sector", head.sector if head else None)
    if sector is not None and sector not in PLOVER_SECTORS:
        raise ValueError(f"{where}: unknown sector {sector!r}")
    cameo = entry.get("cameo") or (head.cameo if head else None)
    return ActorOut(
        actor_id=actor_id,
        name=entry["name"],
        kind=kind,
        aliases=aliases,
        cameo=cameo,
        country=country,
        sector=sector,
        qid=entry.get("qid"),
        spells=spells,
        case_sensitive=case_sensitive,
        source="curated",
        note=entry.get("note"),
    )


def _drop_ambiguous_single_aliases(actors: list[ActorOut], stats: Stats) -> None:
    """A one-word PETRARCH alias shared by several actors names none of them reliably."""
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in actors:
        for alias in actor.aliases:
            key = key_of(alias)
            if len(key.split()) == 1:
                owners[key].add(actor.actor_id)
    ambiguous = {k for k, ids in owners.items() if len(ids) > 1}
    for actor in actors:
        if actor.source == "curated":
            continue
        kept = []
        for alias in actor.aliases:
            key = key_of(alias)
            if key in ambiguous and alias != actor.name:
                stats.note(
                    "drop alias: one word shared by several actors", f"{actor.actor_id}: {alias!r}"
                )
                continue
            kept.append(alias)
        actor.aliases = kept


# --------------------------------------------------------------------------- output


@dataclass
class BuildResult:
    """The built tables (file name → exact text) and the build statistics."""

    files: dict[str, str]
    stats: Stats
    sizes: dict[str, int]


def _tsv(header: list[str], rows: Iterable[list[str]]) -> str:
    lines = []
    for row in rows:
        for cell in row:
            if "\t" in cell or "\n" in cell:
                raise ValueError(f"cell {cell!r} holds a tab or newline")
        lines.append("\t".join(row))
    return "\n".join(["\t".join(header)] + sorted(lines)) + "\n"


def load_curated(path: Path = CURATED_PATH) -> dict[str, Any]:
    """Read the curated YAML file."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data


def merge_leaders(curated: dict[str, Any], leaders: dict[str, Any]) -> dict[str, Any]:
    """The curated data with the leaders file's actors added (ids must be new)."""
    extra = [k for k in leaders if k != "actors"]
    if extra:
        raise ValueError(f"leaders.yaml: only an 'actors' section is allowed, not {extra}")
    known = {e["id"] for e in curated.get("actors", [])}
    clash = sorted(e["id"] for e in leaders.get("actors", []) if e["id"] in known)
    if clash:
        raise ValueError(f"leaders.yaml: ids already in curated_actors.yaml: {clash}")
    return {**curated, "actors": [*curated.get("actors", []), *leaders.get("actors", [])]}


def merge_armed_groups(curated: dict[str, Any], groups: list[ArmedGroup]) -> dict[str, Any]:
    """The curated data with the armed-group table's groups added.

    A group already in ``curated_actors.yaml`` (the Taliban, with its dated
    spells) keeps its YAML fields and gains the table's aliases and PETRARCH
    records; the others become new curated actors.
    """
    actors = [dict(e) for e in curated.get("actors", [])]
    by_id = {e["id"]: e for e in actors}
    for entry in curated_entries(groups):
        known = by_id.get(entry["id"])
        if known is None:
            actors.append(entry)
            continue
        if known.get("kind", "person") != "group":
            raise ValueError(f"armed_groups.tsv: {entry['id']} is a {known.get('kind')} in YAML")
        for listed in ("aliases", "case_sensitive", "phoenix"):
            known[listed] = list(dict.fromkeys([*(known.get(listed) or []), *entry[listed]]))
        for field_name in ("cameo", "sector", "country", "note"):
            known.setdefault(field_name, entry[field_name])
    return {**curated, "actors": actors}


def build(
    shared: Path,
    curated_path: Path = CURATED_PATH,
    leaders_path: Path | None = None,
    armed_path: Path | None = None,
) -> BuildResult:
    """Build every actor table in memory (deterministic for the same inputs).

    armed_path: the hand-written armed-group table to add (None: none).
    """
    stats = Stats()
    curated = load_curated(curated_path)
    if leaders_path is not None:
        curated = merge_leaders(curated, load_curated(leaders_path))
    common = common_words(shared, stats)
    countries, raw_aliases, cameo_to_iso = build_countries(shared, curated, stats)
    if armed_path is not None:
        groups = read_groups((c.iso3 for c in countries), armed_path)
        curated = merge_armed_groups(curated, groups)
    country_aliases = dedupe_country_aliases(raw_aliases, stats)
    agents = build_agents(shared, curated, stats)
    country_keys = {a.key for a in country_aliases}
    agent_keys = {a.key for a in agents}
    actors = build_actors(shared, curated, cameo_to_iso, country_keys, agent_keys, common, stats)
    _check_codes(actors, countries, stats)

    names_by_iso: dict[str, list[str]] = defaultdict(list)
    for alias in sorted(country_aliases, key=lambda a: (KIND_RANK[a.kind], a.display)):
        if alias.kind in ("name", "alias") and alias.display not in names_by_iso[alias.iso3]:
            names_by_iso[alias.iso3].append(alias.display)
    files = {
        "countries.tsv": _tsv(
            ["iso3", "name", "cameo", "iso2", "cow", "aliases"],
            (
                [c.iso3, c.name, c.cameo, c.iso2, c.cow, "|".join(names_by_iso[c.iso3][:12])]
                for c in countries
            ),
        ),
        "country_aliases.tsv": _tsv(
            ["alias", "display", "iso3", "kind", "sector", "label", "case_sensitive", "source"],
            (
                [
                    a.key,
                    a.display,
                    a.iso3,
                    a.kind,
                    a.sector,
                    a.label,
                    str(int(a.case_sensitive)),
                    a.source,
                ]
                for a in country_aliases
            ),
        ),
        "agents.tsv": _tsv(
            ["phrase", "cameo", "plover", "plover_other", "weak", "source"],
            (
                [a.key, a.cameo, a.plover, a.plover_other, str(int(a.weak)), a.source]
                for a in agents
            ),
        ),
        "actors.jsonl": "".join(
            json.dumps(a.as_json(), ensure_ascii=False, sort_keys=False) + "\n" for a in actors
        ),
        "actors_aliases.tsv": _tsv(
            ["key", "alias", "actor_id", "kind", "label", "case_sensitive"],
            _alias_rows(actors),
        ),
        "actors_common_words.tsv": _tsv(["word"], ([w] for w in common if w.isascii())),
    }
    sizes = {
        "countries": len(countries),
        "country_aliases": len(country_aliases),
        "agents": len(agents),
        "actors": len(actors),
        "persons": sum(a.kind == "person" for a in actors),
        "groups": sum(a.kind == "group" for a in actors),
        "igos": sum(a.kind == "igo" for a in actors),
        "orgs": sum(a.kind == "org" for a in actors),
        "common_words": len(common),
    }
    return BuildResult(files, stats, sizes)


def _alias_rows(actors: list[ActorOut]) -> Iterator[list[str]]:
    """Rows of actors_aliases.tsv: every alias with its precomputed lookup key."""
    for actor in actors:
        label = "PERSON" if actor.kind == "person" else "ORG"
        seen: set[tuple[str, str]] = set()
        for alias in dict.fromkeys([actor.name, *actor.aliases]):
            cs = alias in actor.case_sensitive
            key = cased_key_of(alias) if cs else key_of(alias)
            if not key or (key, str(cs)) in seen:
                continue
            seen.add((key, str(cs)))
            yield [key, alias, actor.actor_id, actor.kind, label, str(int(cs))]


def _check_codes(actors: list[ActorOut], countries: list[Country], stats: Stats) -> None:
    """Every curated country code must be a known country."""
    known = {c.iso3 for c in countries}
    for actor in actors:
        if actor.source != "curated":
            continue
        for value in [actor.country] + [s.country for s in actor.spells]:
            if value is not None and value not in known:
                raise ValueError(f"curated actor {actor.actor_id}: unknown country {value!r}")


NOTICE_BODY = """\
countries.tsv, country_aliases.tsv, agents.tsv, actors.jsonl, actors_aliases.tsv
and actors_common_words.tsv are derived by scripts/build_data/build_actors.py from:

- PETRARCH dictionaries Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
  Phoenix.MilNonState.actors.txt and Phoenix.agents.txt
  (openeventdata/petrarch2; MIT License, Copyright (c) 2014 Open Event Data Alliance).
- PLOVER_agents.txt and countries.csv (ahalterman/NGEC-2025; MIT License).
- CountryInfo.120116.txt (Philip A. Schrodt, Penn State Event Data Project;
  Creative Commons Attribution-ShareAlike 3.0 Unported). The country names,
  nationality words and capitals in countries.tsv and country_aliases.tsv are
  adapted from it and are shared under the same licence (CC BY-SA 3.0).
- countrynames.txt (CAMEO country names and codes, Parus Analytics / OEDA; MIT).
- Word counts (not text) from ngec_synthetic_stories.csv.zip (ahalterman/NGEC-2025;
  MIT), used only to list ordinary lowercase words in actors_common_words.tsv.
- scripts/build_data/curated_actors.yaml and scripts/build_data/leaders.yaml:
  facts added by hand by the bedfellows contributors (MIT, like the rest of
  the project); leader dates before 2011 were checked against CountryInfo.
- scripts/build_data/armed_groups.tsv: armed non-state groups written by hand
  (see the armed-groups section).
"""


def write(result: BuildResult, out_dir: Path) -> None:
    """Write the tables and record them in MANIFEST.toml and NOTICE."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in result.files.items():
        path = out_dir / name
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8", newline="\n")
        tmp.replace(path)
    try:
        from _manifest import update_manifest, update_notice
    except ImportError:  # pragma: no cover - the shared helper is missing
        log.warning("scripts/build_data/_manifest.py not found: MANIFEST/NOTICE not updated")
        return
    country_sources = "countries.csv; CountryInfo.120116.txt; countrynames.txt; curated_actors.yaml"
    country_licence = "MIT; CC BY-SA 3.0 (CountryInfo)"
    sources = {
        "countries.tsv": (country_sources, country_licence),
        "country_aliases.tsv": (country_sources, country_licence),
        "agents.tsv": (
            "PETRARCH Phoenix.agents.txt; NGEC PLOVER_agents.txt; curated_actors.yaml",
            "MIT",
        ),
        "actors.jsonl": (
            "PETRARCH Phoenix.{Countries,International,MilNonState}.actors.txt; "
            "curated_actors.yaml; leaders.yaml; armed_groups.tsv",
            "MIT",
        ),
        "actors_common_words.tsv": ("word counts of NGEC ngec_synthetic_stories.csv.zip", "MIT"),
        "actors_aliases.tsv": ("derived from actors.jsonl (precomputed alias keys)", "MIT"),
    }
    for name in sorted(result.files):
        source, licence = sources[name]
        update_manifest(
            out_dir, name, version=VERSION, source=source, licence=licence, generator=GENERATOR
        )
    update_notice(out_dir, "actors: PETRARCH, NGEC, CountryInfo", NOTICE_BODY)


def summary_line(result: BuildResult) -> str:
    """One line: table sizes and how many repairs/drops happened."""
    counts = result.stats.counts
    repairs = sum(v for k, v in counts.items() if k.startswith("repair"))
    drops = sum(v for k, v in counts.items() if k.startswith("drop"))
    sizes = result.sizes
    return (
        f"build_actors: {sizes['countries']} countries, "
        f"{sizes['country_aliases']} country aliases, "
        f"{sizes['agents']} agent words, {sizes['actors']} actors ({sizes['persons']} persons, "
        f"{sizes['groups']} groups, {sizes['igos']} IGOs, {sizes['orgs']} orgs); "
        f"{repairs} repairs, {drops} drops"
    )


def iter_count_lines(result: BuildResult) -> Iterator[str]:
    """Yield "count  category" lines, largest first (for -v)."""
    for what, count in sorted(result.stats.counts.items(), key=lambda kv: (-kv[1], kv[0])):
        yield f"{count:7d}  {what}"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=REPO_ROOT.parent / "shared",
        help="the shared material folder (default: ../shared next to the repository)",
    )
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder")
    parser.add_argument("--curated", type=Path, default=CURATED_PATH, help="curated YAML file")
    parser.add_argument(
        "--leaders", type=Path, default=LEADERS_PATH, help="leaders YAML file (curated format)"
    )
    parser.add_argument(
        "--armed", type=Path, default=ARMED_PATH, help="hand-written armed-group table (TSV)"
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log repairs and drops")
    args = parser.parse_args(argv)
    level = logging.WARNING if args.verbose == 0 else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)s %(message)s", stream=sys.stderr)
    if not (args.shared / "data" / "reference").is_dir():
        parser.error(f"{args.shared}: no data/reference folder (use --shared)")
    result = build(args.shared, args.curated, args.leaders, args.armed)
    write(result, args.out)
    if args.verbose:
        for line in iter_count_lines(result):
            print(line, file=sys.stderr)
    print(summary_line(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
