"""Build the verb-pattern tables in bedfellows/data/ from PETRARCH-2's CAMEO.2.0.txt.

Writes (sorted UTF-8 TSV, header row):

``verb_patterns.tsv``
    verb, before, after, source_slot, target_slot, code, passive_code, discard,
    block, forms, line — one row per (verb lemma, pattern), plus one row per verb
    with empty ``before`` and ``after``: the bare verb and its default code.
``verb_synsets.tsv``
    synset, member — the synonym sets (``&CURRENCY`` …) patterns refer to.

How the dictionary (format: ``petrarch/dictionaries.rst``) becomes rows:

* A block ``---  CALL   [041:041]  ---`` lists verbs, then patterns ``- … * … [code]``.
  Patterns belong to the block, so every verb of the block gets every pattern of
  the block (PETRARCH-2 files patterns under the block name). A verb's own
  ``[code]`` overrides the block code for the bare verb. A verb listed in two
  blocks keeps its first block, as in PETRARCH-2.
* ``[A:B]``: A is the code when the source acts on the target as written (active
  voice), B the code for the reverse, passive reading (PETRARCH-2
  ``utilities.convert_code``: "an inherent active meaning, [and] an inherent
  passive meaning"); ``[042:043]`` = visit / be visited (host). Either side may
  be empty (``[:173]``). ``code`` and ``passive_code`` hold A and B; ``---``
  (the null code: the verb or pattern means *no event*) becomes an empty code,
  and ``discard`` is 1 when neither side has an event.
* ``before`` / ``after``: the words required before / after the verb, lowercase,
  space-separated, in order. ``{FINANCIAL AID}`` noun phrases and
  ``(FOR {HUMANITARIAN AID})`` prepositional phrases are flattened into their
  words in order (``for humanitarian aid``): they must appear in that order but
  other words may come between. A ``_`` inside a token (``on_the``, synset
  members such as ``humanitarian_aid``) means consecutive words. ``&NAME``
  tokens are synsets (any member matches), and may be joined to words by ``_``
  (``fighter_&AIRCRAFT``). ``^`` (skip a noun phrase) is dropped: the matcher
  allows gaps anyway.
* ``source_slot`` / ``target_slot``: where a ``$`` (source) or ``+`` (target)
  marker stood, as ``before:N`` / ``after:N`` = after the first N words of that
  side; ``%`` (compound actor) fills both.
* ``forms``: the irregular forms given in ``{...}`` after the verb, on the bare
  verb's row only, space-separated, multi-word forms joined with ``_``.
* ``line``: the source line of the pattern (or of the verb, for bare rows).

Repairs (logged): a ``*`` glued to words (``*SCEPTICAL``, ``SPY_*_DEAL``) is
split off; ``A/B`` alternatives expand to one pattern each; stray brackets are
dropped; ``[080!]`` is read as 080; block headers ``[110]---  ---`` are read as
usual; ``;`` starts a comment on verb lines; a code missing from the codebook
becomes its CAMEO parent (176 -> 170, 1952 -> 195); a verb listed twice in a
block pools its irregular forms. Drops (logged): patterns naming an undefined
synset (as PETRARCH-2 documents), with no ``*``, or with no words at all; a
repeated pattern of a block (the last one wins, as in PETRARCH-2's pattern
trie); a verb's second block; verb transformations (``~``).

Usage: ``python scripts/build_data/build_verbs.py [--shared DIR] [--data-dir DIR] [-v]``
"""

from __future__ import annotations

import argparse
import csv
import itertools
import logging
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _manifest import sha256_of, update_manifest, update_notice, write_tsv  # noqa: E402

log = logging.getLogger("build_verbs")

REPO_ROOT = Path(__file__).resolve().parents[2]
GENERATOR = "scripts/build_data/build_verbs.py"
TABLE_VERSION = "1"

VERB_DICT = "data/reference/petrarch/CAMEO.2.0.txt"
CODEBOOK_CSV = "data/reference/cameo_codebook.csv"

NULL_CODE = "---"

PATTERN_HEADER = (
    "verb",
    "before",
    "after",
    "source_slot",
    "target_slot",
    "code",
    "passive_code",
    "discard",
    "block",
    "forms",
    "line",
)


class SourceError(Exception):
    """A source file is missing or cannot be parsed."""


class DropPattern(Exception):
    """This pattern line cannot be used; the message says why."""


#: Verbs whose patterns are idioms carried by the noun ("take part", "make
#: peace", "give way"); see ``build_rows``.
LIGHT_VERBS = frozenset({"take", "make", "give", "have", "get", "do", "go", "come", "put", "set"})


@dataclass
class Verb:
    """A verb line of a block."""

    lemma: str
    forms: tuple[str, ...]
    code: tuple[str, str] | None  # (active, passive); None = use the block's
    line: int


@dataclass
class Pattern:
    """A parsed pattern line (one alternative, after '/' expansion)."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    source_slot: str
    target_slot: str
    code: tuple[str, str]  # (active, passive)
    line: int
    verb: str = ""  # the word its comment names ("# TAKE"), as written


@dataclass
class Block:
    """A verb block: its name, code, verbs and patterns."""

    name: str
    code: tuple[str, str]  # (active, passive)
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class Stats:
    """Counts of repairs and drops for the summary log."""

    repairs: Counter = field(default_factory=Counter)
    drops: Counter = field(default_factory=Counter)


def read_codes(path: Path) -> set[str]:
    """The CAMEO codes of cameo_codebook.csv."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"].strip() for row in csv.DictReader(handle)}


def strip_comment(text: str, *, semicolon: bool = False) -> str:
    """Cut a '#' comment (and, on verb lines, a ';' comment) off a line."""
    text = text.split("#", 1)[0]
    if semicolon:
        text = text.split(";", 1)[0]
    return text.strip()


def norm_synset_name(name: str) -> str:
    """'&AUXVERB1_' -> '&AUXVERB1': a trailing '_' only switches off plurals."""
    return name.strip().rstrip("_")


def norm_member(member: str) -> str:
    """Synset member -> lowercase, words joined by '_', no-plural marker dropped."""
    words = member.strip().rstrip("_").replace(" ", "_").lower()
    return re.sub(r"_+", "_", words).strip("_")


def split_code(raw: str, where: str, known: set[str], stats: Stats) -> tuple[str, str]:
    """'042:043' -> ('042', '043'); null and empty sides become ''."""
    text = raw.strip()
    if text.endswith("!"):
        log.info("%s: code [%s] read as [%s]", where, text, text.rstrip("!"))
        stats.repairs["code with stray '!'"] += 1
        text = text.rstrip("!")
    parts = text.split(":")
    if len(parts) > 2:
        raise DropPattern(f"code [{raw}] has more than two parts")
    active, passive = (parts + [""])[:2]
    out = []
    for code in (active.strip(), passive.strip()):
        if code in ("", NULL_CODE):
            out.append("")
        elif code in known:
            out.append(code)
        else:
            # CAMEO codes nest by prefix: a sub-code missing from the codebook
            # (1952 drone strike, 176 cyber attack) is still an event of its
            # parent (195, the 17 root's 170), so generalise rather than lose it.
            parent = code[:3] if len(code) == 4 else code[:2] + "0"
            if not re.fullmatch(r"\d{3,4}", code) or parent not in known:
                raise DropPattern(f"code {code!r} is not a CAMEO code of the codebook")
            log.info("%s: code %s is not in the codebook: generalised to %s", where, code, parent)
            stats.repairs[f"code {code} generalised to {parent}"] += 1
            out.append(parent)
    return out[0], out[1]


def parse_verb_line(text: str, number: int, known: set[str], stats: Stats) -> Verb:
    """Parse 'SEND {SENDS SENDING SENT } [code]' or '+ASK_FOR {+ASKED_FOR ...}'."""
    raw = text
    text = strip_comment(text, semicolon=False)
    if ";" in text:
        stats.repairs["';' comment on verb line"] += 1
        log.info("line %d: ';' taken as a comment start: %r", number, raw.strip())
        text = strip_comment(text, semicolon=True)
    code = None
    code_match = re.search(r"\[([^\]]*)\]", text)
    if code_match:
        code = split_code(code_match.group(1), f"line {number}", known, stats)
        text = text[: code_match.start()] + " " + text[code_match.end() :]
    forms_text = ""
    forms_match = re.search(r"\{([^}]*)\}?", text)
    if forms_match:
        forms_text = forms_match.group(1)
        text = text[: forms_match.start()] + " " + text[forms_match.end() :]
    words = text.split()
    if len(words) != 1:
        raise DropPattern(f"verb line has {len(words)} verb tokens: {raw.strip()!r}")
    lemma = " ".join(w for w in words[0].replace("+", "").lower().split("_") if w)
    forms: list[str] = []
    for token in re.split(r"[\s,]+", forms_text):
        form = "_".join(w for w in token.replace("+", "").lower().split("_") if w)
        if form and form.replace("_", " ") != lemma and form not in forms:
            forms.append(form)
    if not re.fullmatch(r"[a-z][a-z'\-]*( [a-z][a-z'\-]*)*", lemma):
        raise DropPattern(f"unusable verb {words[0]!r}")
    return Verb(lemma=lemma, forms=tuple(forms), code=code, line=number)


def convert_word(token: str, synsets: dict[str, list[str]]) -> str:
    """A pattern word token -> table token (lowercase words, '&NAME' synsets, '_' joins)."""
    parts = re.split(r"_(?=&)", token)
    out = []
    for part in parts:
        if part.startswith("&"):
            name = norm_synset_name(part)
            if name not in synsets:
                raise DropPattern(f"undefined synset {part}")
            out.append(name)
        else:
            words = [w for w in part.lower().split("_") if w]
            if not words:
                raise DropPattern(f"empty word in token {token!r}")
            out.append("_".join(words))
    return "_".join(out)


def parse_pattern(
    body: str, number: int, synsets: dict[str, list[str]], stats: Stats
) -> list[tuple[list[str], list[str], str, str]]:
    """Parse pattern text (before the code) into (before, after, source_slot, target_slot)s.

    Returns one tuple per alternative when the text has 'A/B' words.
    """
    text = body
    if re.search(r"\S\*|\*\S", text):
        stats.repairs["'*' glued to a word"] += 1
        log.info("line %d: '*' split off its neighbours in %r", number, body.strip())
        text = re.sub(r"_?\*_?", " * ", text)
    text = re.sub(r"([(){}])", r" \1 ", text)
    tokens = text.split()
    choices = [tok.split("/") if "/" in tok else [tok] for tok in tokens]
    if any(len(choice) > 1 for choice in choices):
        stats.repairs["'A/B' alternatives expanded"] += 1
        log.info("line %d: alternatives expanded in %r", number, body.strip())
    results = []
    for variant in itertools.product(*choices):
        results.append(_parse_tokens(list(variant), number, synsets, stats))
    return results


def _parse_tokens(
    tokens: list[str], number: int, synsets: dict[str, list[str]], stats: Stats
) -> tuple[list[str], list[str], str, str]:
    sides: dict[str, list[str]] = {"before": [], "after": []}
    side = "before"
    seen_star = False
    depth = {"(": 0, "{": 0}
    closer = {")": "(", "}": "{"}
    slots = {"source": "", "target": ""}

    def set_slot(kind: str) -> None:
        position = f"{side}:{len(sides[side])}"
        if slots[kind]:
            log.info("line %d: second %s marker ignored", number, kind)
            stats.repairs["second slot marker ignored"] += 1
            return
        slots[kind] = position

    for tok in tokens:
        if tok in depth:
            depth[tok] += 1
        elif tok in closer:
            if depth[closer[tok]] == 0:
                stats.repairs["stray closing bracket dropped"] += 1
                log.info("line %d: stray %r dropped", number, tok)
            else:
                depth[closer[tok]] -= 1
        elif tok == "*":
            if seen_star:
                raise DropPattern("two '*' verb positions")
            seen_star = True
            side = "after"
        elif tok == "$":
            set_slot("source")
        elif tok == "+":
            set_slot("target")
        elif tok == "%":
            set_slot("source")
            set_slot("target")
        elif tok == "^":
            continue
        else:
            sides[side].append(convert_word(tok, synsets))
    if any(depth.values()):
        stats.repairs["unclosed bracket"] += 1
        log.info("line %d: unclosed bracket ignored", number)
    if not seen_star:
        raise DropPattern("no '*' verb position")
    if not sides["before"] and not sides["after"]:
        raise DropPattern("no words besides the verb")
    return sides["before"], sides["after"], slots["source"], slots["target"]


def read_dictionary(
    path: Path, known: set[str], stats: Stats
) -> tuple[dict[str, list[str]], list[Block]]:
    """Parse CAMEO.2.0.txt into synsets and verb blocks."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    section = "header"
    current_set: str | None = None
    block: Block | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if "SYNONYM SETS" in stripped:
                section = "synsets"
            elif "VERB PATTERNS" in stripped:
                section = "verbs"
            elif "TRANSFORMATIONS" in stripped:
                section = "transformations"
            continue
        where = f"{path.name}:{number}"
        if section == "synsets":
            if stripped.startswith("&"):
                current_set = norm_synset_name(strip_comment(stripped))
                synsets.setdefault(current_set, [])
            elif stripped.startswith("+") and current_set is not None:
                member = norm_member(strip_comment(stripped)[1:])
                if member and member not in synsets[current_set]:
                    synsets[current_set].append(member)
            else:
                log.info("%s: unexpected line in synsets dropped: %r", where, stripped)
                stats.drops["unparsed synset line"] += 1
            continue
        if section == "transformations" or stripped.startswith("~"):
            stats.drops["verb transformation (not used)"] += 1
            continue
        if section != "verbs":
            continue
        if line.startswith("---"):
            match = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]([-\s]*)$", line)
            if not match:
                raise SourceError(f"{where}: unreadable block header {line!r}")
            if match.group(3).split() != ["---"]:
                stats.repairs["block header with extra dashes"] += 1
                log.info("%s: block header %r read as ---  NAME  [CODE]  ---", where, line)
            try:
                code = split_code(match.group(2), where, known, stats)
            except DropPattern as exc:
                raise SourceError(f"{where}: block code: {exc}") from exc
            block = Block(name=match.group(1).lower(), code=code, line=number)
            blocks.append(block)
        elif block is None:
            log.info("%s: line before the first block dropped: %r", where, stripped)
            stats.drops["line outside a block"] += 1
        elif line.startswith("-"):
            body = strip_comment(line[1:])
            match = re.search(r"\[([^\[\]]*)\]\s*$", body)
            if not match:
                log.info("%s: pattern without [code] dropped: %r", where, stripped)
                stats.drops["pattern without code"] += 1
                continue
            comment = line.split("#", 1)[1].split() if "#" in line else []
            named = comment[0].strip(",").lower() if comment else ""
            try:
                code = split_code(match.group(1), where, known, stats)
                for before, after, src, tgt in parse_pattern(
                    body[: match.start()], number, synsets, stats
                ):
                    block.patterns.append(
                        Pattern(tuple(before), tuple(after), src, tgt, code, number, named)
                    )
            except DropPattern as exc:
                log.info("%s: pattern dropped (%s): %r", where, exc, stripped)
                stats.drops[f"pattern: {re.sub(r' [{(].*', '', str(exc))}"] += 1
        else:
            try:
                block.verbs.append(parse_verb_line(line, number, known, stats))
            except DropPattern as exc:
                log.info("%s: verb line dropped (%s)", where, exc)
                stats.drops["unusable verb line"] += 1
    if section != "transformations":
        log.info("%s: no TRANSFORMATIONS section seen", path.name)
    return synsets, blocks


def build_rows(blocks: list[Block], stats: Stats) -> list[tuple]:
    """Expand blocks into one row per (verb, pattern) plus one bare-verb row per verb."""
    # Blocks of the same name share their patterns (PETRARCH-2 keys them by name);
    # a repeated pattern replaces the earlier one, as in PETRARCH-2's pattern trie.
    patterns_by_block: dict[str, dict[tuple, Pattern]] = {}
    for block in blocks:
        patterns = patterns_by_block.setdefault(block.name, {})
        for pattern in block.patterns:
            key = (pattern.before, pattern.after, pattern.source_slot, pattern.target_slot)
            if key in patterns:
                earlier = patterns[key]
                same = earlier.code == pattern.code
                log.info(
                    "line %d repeats the pattern of line %d%s: line %d kept",
                    pattern.line,
                    earlier.line,
                    "" if same else f" with code {pattern.code} for {earlier.code}",
                    pattern.line,
                )
                stats.drops["repeated pattern" + ("" if same else " with another code")] += 1
            patterns[key] = pattern

    # A verb listed again keeps its first block and code (PETRARCH-2 stores the
    # first); its irregular forms are pooled ("BRING" then "BRING {... BROUGHT}").
    first: dict[str, tuple[Block, Verb]] = {}
    forms: dict[str, list[str]] = {}
    for block in blocks:
        for verb in block.verbs:
            pooled = forms.setdefault(verb.lemma, [])
            pooled += [form for form in verb.forms if form not in pooled]
            if verb.lemma not in first:
                first[verb.lemma] = (block, verb)
                continue
            kept = first[verb.lemma][0].name
            if kept != block.name:
                log.info(
                    "verb %r (line %d) is already in block %s: kept there, dropped from %s",
                    verb.lemma,
                    verb.line,
                    kept,
                    block.name,
                )
                stats.drops["verb listed in a second block (first block kept)"] += 1
            else:
                stats.repairs["verb listed twice in a block (forms pooled)"] += 1
                if first[verb.lemma][1].code is None and verb.code is not None:
                    # "BEAT" then "BEAT {BEATS ...} [182]": the line that gives the
                    # verb its own code says what the verb alone means.
                    log.info("verb %r: own code %s from line %d", verb.lemma, verb.code, verb.line)
                    stats.repairs["verb listed twice in a block (own code of the later line)"] += 1
                    first[verb.lemma] = (block, verb)

    rows: list[tuple] = []
    for lemma, (block, verb) in first.items():
        code, passive = verb.code if verb.code is not None else block.code
        rows.append(
            (lemma, "", "", "", "", code, passive, int(not code and not passive))
            + (block.name, " ".join(forms[lemma]), verb.line)
        )
        for pattern in patterns_by_block[block.name].values():
            if pattern.verb in LIGHT_VERBS and pattern.verb != lemma:
                # The comment after a pattern names "the intended word to be
                # matched" (dictionaries.rst). A light verb's pattern is an idiom
                # whose sense is the noun's ("- * PART [030]  # TAKE": take part),
                # which its block-mates do not share: "captured part of a
                # stronghold" is no intent to cooperate.
                stats.drops["light-verb idiom kept for its own verb only"] += 1
                continue
            code, passive = pattern.code
            rows.append(
                (
                    lemma,
                    " ".join(pattern.before),
                    " ".join(pattern.after),
                    pattern.source_slot,
                    pattern.target_slot,
                    code,
                    passive,
                    int(not code and not passive),
                    block.name,
                    "",
                    pattern.line,
                )
            )
    return rows


def build(shared: Path, data_dir: Path) -> tuple[dict[str, int], Stats]:
    """Build verb_patterns.tsv and verb_synsets.tsv into data_dir; return row counts, stats."""
    dict_path = shared / VERB_DICT
    codebook_path = shared / CODEBOOK_CSV
    for path in (dict_path, codebook_path):
        if not path.is_file():
            raise SourceError(f"{path}: source file missing (is --shared right?)")
    stats = Stats()
    known = read_codes(codebook_path)
    synsets, blocks = read_dictionary(dict_path, known, stats)
    rows = build_rows(blocks, stats)
    for what, count in sorted(stats.repairs.items()):
        log.info("repaired: %s: %d", what, count)
    for what, count in sorted(stats.drops.items()):
        log.info("dropped: %s: %d", what, count)

    data_dir.mkdir(parents=True, exist_ok=True)
    counts = {
        "verb_patterns.tsv": write_tsv(data_dir / "verb_patterns.tsv", PATTERN_HEADER, rows),
        "verb_synsets.tsv": write_tsv(
            data_dir / "verb_synsets.tsv",
            ("synset", "member"),
            [(name, member) for name, members in synsets.items() for member in members],
        ),
    }
    source = (
        f"../shared/{VERB_DICT} (sha256 {sha256_of(dict_path)[:16]}); "
        f"codes checked against ../shared/{CODEBOOK_CSV}"
    )
    for name in counts:
        update_manifest(
            data_dir,
            name,
            version=TABLE_VERSION,
            source=source,
            licence="MIT (openeventdata/petrarch2, Copyright (c) 2015 Open Event Data Alliance)",
            generator=GENERATOR,
        )
    update_notice(
        data_dir,
        "petrarch2-verb-dictionary",
        """Source: ../shared/data/reference/petrarch/CAMEO.2.0.txt — the PETRARCH-2 CAMEO verb
pattern dictionary (last update 30 April 2015), composed from the TABARI CAMEO
dictionaries and WordNet synonym sets; format in petrarch/dictionaries.rst.
Copyright (c) 2015 Open Event Data Alliance. Dictionary development was funded by
the U.S. National Science Foundation (grants listed in the source file).
Used by: verb_patterns.tsv, verb_synsets.tsv (see scripts/build_data/build_verbs.py
for the representation, repairs and drops).
Licence: MIT License — Permission is hereby granted, free of charge, to any person
obtaining a copy of this software and associated documentation files (the
"Software"), to deal in the Software without restriction, including without
limitation the rights to use, copy, modify, merge, publish, distribute, sublicense,
and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions: The above copyright notice
and this permission notice shall be included in all copies or substantial portions
of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS
OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN
AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH
THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.""",
    )
    return counts, stats


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: build, print a one-line summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared")
    parser.add_argument("--data-dir", type=Path, default=REPO_ROOT / "bedfellows" / "data")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every repair and drop")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(name)s: %(levelname)s: %(message)s",
    )
    try:
        counts, stats = build(args.shared.resolve(), args.data_dir.resolve())
    except (SourceError, OSError) as exc:
        log.error("%s", exc)
        return 1
    print(
        "build_verbs: "
        + ", ".join(f"{name} {n} rows" for name, n in counts.items())
        + f" ({sum(stats.repairs.values())} source lines repaired,"
        + f" {sum(stats.drops.values())} dropped; -v lists them)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
