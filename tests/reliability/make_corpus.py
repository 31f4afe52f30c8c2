"""Generate the bad-input corpus of the reliability suite (never committed).

Usable as a module (``build_corpus(dest) -> list[Case]``) and as a script::

    python tests/reliability/make_corpus.py DEST

Each case is one file, or one line of a JSONL file, with the outcome ``bedfellows
code`` should reach on it: ``coded`` (stored as an article), ``skipped`` (one
``skipped <path>[:<record>]: <reason>`` line on stderr and one row in the
``skipped`` table), ``either`` (one of the two, cleanly), ``ignored`` (neither:
e.g. a hidden file) or ``duplicate`` (the same article in several inputs: stored
once for the whole group). Every sentence here is written for this suite.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ANY = "any"  # ``Case.published`` when the publication date is not checked

#: ``bedfellows code --max-mb`` for the corpus run: over the 3 MB nested-``[`` file
#: (which must be parsed and rejected, not refused for its size) and under TOO_BIG.
MAX_MB = 4.0
TOO_BIG = 4_500_000
#: The oversize JSONL record case runs on its own with this limit.
BIG_LINE_MAX_MB = 1.0

COUNTRIES = (
    ("Iran", "Tehran"),
    ("Iraq", "Baghdad"),
    ("Turkey", "Ankara"),
    ("Egypt", "Cairo"),
    ("Jordan", "Amman"),
    ("Qatar", "Doha"),
    ("Kenya", "Nairobi"),
    ("Ethiopia", "Addis Ababa"),
    ("Pakistan", "Islamabad"),
    ("India", "New Delhi"),
    ("Germany", "Berlin"),
    ("France", "Paris"),
    ("Brazil", "Brasilia"),
    ("Argentina", "Buenos Aires"),
    ("Japan", "Tokyo"),
    ("Vietnam", "Hanoi"),
    ("Nigeria", "Abuja"),
    ("Ghana", "Accra"),
    ("Poland", "Warsaw"),
    ("Ukraine", "Kyiv"),
)
ACTS = (
    "signed a trade agreement with",
    "accused",
    "pledged military aid to",
    "condemned",
    "held talks with",
    "threatened sanctions against",
    "praised",
    "expelled diplomats from",
    "offered to mediate between rebels and",
    "agreed to cooperate on border security with",
)
TOPICS = ("water rights", "grain exports", "a gas pipeline", "refugees", "fishing zones")


def article_text(i: int, sentences: int = 3) -> str:
    """A short English news text, different for every ``i`` (own template sentences)."""
    a, cap_a = COUNTRIES[i % len(COUNTRIES)]
    b, cap_b = COUNTRIES[(i * 7 + 3) % len(COUNTRIES)]
    if a == b:
        b, cap_b = COUNTRIES[(i + 1) % len(COUNTRIES)]
    act = ACTS[(i // len(COUNTRIES)) % len(ACTS)]
    topic = TOPICS[i % len(TOPICS)]
    parts = [
        f"{a} {act} {b} on Tuesday, officials in {cap_a} said.",
        f"The foreign minister of {b} told reporters in {cap_b} that talks on {topic} "
        f"would continue next month, in the round numbered {i + 1} by both sides.",
        f"Diplomats said the meeting in {cap_a} was the {i + 2}th of its kind this year "
        "and that neither government expected a quick settlement.",
        f"Analysts in {cap_b} said public opinion in {b} remained divided over {topic}.",
    ]
    return " ".join(parts[: max(1, sentences)])


@dataclass
class Case:
    """One input of the corpus and what coding it should give."""

    name: str
    path: Path
    expect: str = "coded"  # coded | skipped | either | ignored | duplicate
    record: int | None = None  # JSONL line / JSON array record number
    any_record: bool = False  # a skip may name the file alone or file:record
    body_contains: tuple[str, ...] = ()
    body_excludes: tuple[str, ...] = ()
    body_excludes_re: str | None = None
    published: object = ANY  # ANY, None (stored undated) or a date
    reason_re: str | None = None  # a skip's reason must match (case-insensitive)
    reason_not_re: str | None = None
    match: str | None = None  # identifies the input in output when its name is odd
    group: str | None = None  # duplicate group
    note: str = ""

    @property
    def where(self) -> str:
        """``path`` or ``path:record``, as a skip line and ``source_path`` name it."""
        return str(self.path) if self.record is None else f"{self.path}:{self.record}"


@dataclass
class _Builder:
    dest: Path
    cases: list[Case] = field(default_factory=list)
    n: int = 0

    def text(self, sentences: int = 3) -> str:
        self.n += 1
        return article_text(self.n * 11, sentences)

    def write(self, rel: str, data: bytes | str, **case) -> Case:
        path = self.dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return self.add(Case(name=case.pop("name", rel), path=path, **case))

    def add(self, case: Case) -> Case:
        self.cases.append(case)
        return case

    def jsonl(self, rel: str, lines: list[tuple[str, dict | None]]) -> None:
        """Write a JSONL file of ``(raw line, case fields or None)``; numbered from 1."""
        path = self.dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes("".join(line + "\n" for line, _ in lines).encode("utf-8"))
        for number, (_, spec) in enumerate(lines, start=1):
            if spec is not None:
                spec = dict(spec)
                self.add(Case(name=f"{rel}:{number}", path=path, record=number, **spec))


def pwned_marker(dest: Path) -> Path:
    """The file the corpus's YAML ``!!python/object`` tags would create if executed."""
    return Path(dest).parent / f"{Path(dest).name}.pwned"


def _encodings(b: _Builder) -> None:
    t = b.text()
    b.write("enc/utf8.txt", t, body_contains=(t.split(",")[0],))
    t = b.text()
    b.write(
        "enc/utf8_bom.txt",
        codecs.BOM_UTF8 + t.encode("utf-8"),
        body_contains=(t[:30],),
        body_excludes=("\ufeff",),
    )
    t = b.text()
    b.write("enc/utf16le.txt", codecs.BOM_UTF16_LE + t.encode("utf-16-le"), body_contains=(t[:30],))
    t = b.text()
    b.write("enc/utf16be.txt", codecs.BOM_UTF16_BE + t.encode("utf-16-be"), body_contains=(t[:30],))
    t = (
        "\u201cWe will not accept this,\u201d the Egyptian minister said in Cairo, "
        "rejecting the proposal from Ethiopia\u2019s government over the dam. "
        + b.text(2)
        + " The caf\u00e9 talks ended without a deal."
    )
    b.write(
        "enc/cp1252_quotes.txt",
        t.encode("cp1252"),
        body_contains=("\u201cWe will not accept this,\u201d", "caf\u00e9"),
        body_excludes=("\u0432", "\u0413"),
    )
    good = (
        "\u201cThe border stays open,\u201d said the Jordanian minister in Amman. " + b.text()
    ).encode("utf-8")
    cut = len(good) // 2
    bad = good[:cut] + b" \x81\x8d\x9d " + good[cut:]
    b.write(
        "enc/utf8_3_invalid_bytes.txt",
        bad,
        expect="either",
        body_contains=("\u201cThe border stays open,\u201d",),
        body_excludes=("\u00e2\u20ac", "\u00c3"),  # mojibake of UTF-8 read as cp1252
        body_excludes_re=r"[\u0400-\u04ff]",  # Cyrillic: UTF-8 read as cp1251
        note="bad bytes become U+FFFD or the file is skipped; never mojibake",
    )
    rng = random.Random(15)
    b.write(
        "enc/binary.txt",
        bytes(rng.randrange(256) for _ in range(4096)),
        expect="skipped",
        reason_re="binary",
    )
    t = b.text()
    b.write(
        "enc/nul_bytes.txt",
        t[:40].encode() + b"\x00\x00\x00" + t[40:].encode(),
        expect="either",
        body_excludes=("\x00",),
    )
    t = "The na\u00efve fa\u00e7ade of the r\u00e9gime in Paris was criticised. " + b.text()
    b.write("enc/latin1.txt", t.encode("latin-1"), body_contains=("fa\u00e7ade", "r\u00e9gime"))


def _sizes(b: _Builder) -> None:
    b.write("size/empty.txt", b"", expect="skipped", reason_re="empty")
    b.write("size/whitespace.txt", " \n\t\n   \r\n\n  ", expect="skipped", reason_re="empty")
    b.write("size/single_word.txt", "Tehran\n", expect="either")
    headline = "Iran, Iraq sign defence pact against ISIS as Washington stays silent on deal"
    b.write("size/headline.txt", headline + "\n", body_contains=("defence pact",))
    b.write(
        "size/too_big.txt",
        (b.text() + "\n\n").encode() * (TOO_BIG // 300 + 1),
        expect="skipped",
        reason_re="limit|large|big",
    )
    # Long words keep spaCy's token count (and the suite's run time) down: most
    # of the paragraph is reference codes of 300 characters; the English
    # sentences before them keep it English.
    sentence = (
        "The representatives of the neighbouring administrations said that they would "
        "not accept the humanitarian responsibilities of the other governments. "
    )
    marker = "Afterwards, the Ghanaian negotiators welcomed the Nigerian concessions. "
    codes = "".join(
        f"The ministry filed the record R{k:05d}{'x' * 300} with the court. " for k in range(3_300)
    )
    para = marker + sentence * 40 + codes
    b.write(
        "size/one_paragraph_1m_chars.txt",
        para,
        body_contains=("Ghanaian negotiators",),
        note="over spaCy's default max_length: coded, the run goes on",
    )
    line = b.text() + " " + sentence * 300
    b.write("size/long_line_no_newline.txt", line, body_contains=(line[:40],))
    tiny = "\n\n".join(f"The talks were resumed in round {k}." for k in range(10_000))
    b.write(
        "size/10000_paragraphs.txt",
        tiny,
        body_contains=("The talks were resumed in round 9999.",),
    )


def _structures(b: _Builder) -> None:
    t1, t7 = b.text(), b.text()
    b.jsonl(
        "struct/mixed.jsonl",
        [
            (
                json.dumps({"id": "m1", "text": t1, "date": "2014-06-16"}),
                {"published": date(2014, 6, 16), "body_contains": (t1[:30],)},
            ),
            ('{"text": "Iran and Iraq signed', {"expect": "skipped", "reason_re": "json"}),
            ('["a", "JSON", "array"]', {"expect": "skipped", "reason_re": "array|list"}),
            ('{"title": "A record without text"}', {"expect": "skipped", "reason_re": "text"}),
            ('{"text": 12345}', {"expect": "skipped", "reason_re": "text|string"}),
            ("", None),
            ("   ", None),
            (json.dumps({"text": t7}), {"body_contains": (t7[:30],)}),
        ],
    )
    t = b.text()
    b.jsonl(
        "struct/bom.jsonl",
        [("\ufeff" + json.dumps({"text": t}), {"body_contains": (t[:30],)})],
    )
    t = b.text()
    page = (
        "<html><body><article><p>" + t + "</p><p>Rival factions clashed again on Friday.</p>"
        "</article></body></html>"
    )
    b.jsonl("struct/html_field.jsonl", [(json.dumps({"html": page}), {"body_contains": (t[:30],)})])
    t = b.text()
    b.jsonl(
        "struct/declared_french.jsonl",
        [
            (
                json.dumps({"text": t, "language": "fr"}),
                {"expect": "skipped", "reason_re": "language|english"},
            )
        ],
    )
    ta, tb = b.text(), b.text()
    path = b.dest / "struct/array.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([{"text": ta}, {"text": tb}]), encoding="utf-8")
    b.add(Case("struct/array.json:1", path, record=1, body_contains=(ta[:30],)))
    b.add(Case("struct/array.json:2", path, record=2, body_contains=(tb[:30],)))
    b.write(
        "struct/nested_3mb.json",
        "[" * 3_000_000,
        expect="skipped",
        any_record=True,
        note="3 MB of nested [: rejected as malformed, never a RecursionError traceback",
    )
    t = b.text()
    b.write(
        "struct/page.html",
        "<!DOCTYPE html><html><head><title>Border talks</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        f"<h1>Border talks</h1><p>{t}</p><p>{b.text()}</p></article>"
        "<footer>Copyright the newspaper</footer></body></html>",
        body_contains=(t[:30],),
        body_excludes=("<p>", "</"),
    )
    frag = (
        "<p>Turkey and Iraq signed a water sharing agreement in Ankara on Monday, "
        "officials said, ending months of tense talks over the Tigris.</p>"
    )
    b.write("struct/fragment_150.html", frag, body_contains=("water sharing agreement",))
    t = b.text()
    b.write(
        "struct/script.html",
        "<html><head><script>var secret = 'SCRIPTMARKER'; alert(secret);</script></head>"
        f"<body><article><p>{t}</p><p>{b.text()}</p>"
        "<script>document.write('SCRIPTMARKER two')</script></article></body></html>",
        body_contains=(t[:30],),
        body_excludes=("SCRIPTMARKER", "alert("),
    )
    marker = pwned_marker(b.dest)
    b.write(
        "struct/yaml_python_tag.txt",
        "---\ntitle: !!python/object/apply:os.system "
        f'["touch {marker}"]\ndate: 2014-06-16\n---\n\n' + b.text() + "\n",
        expect="either",
        note=f"no code execution: {marker} must not exist",
    )
    t = b.text()
    b.write("struct/crlf.txt", t.replace(". ", ".\r\n\r\n"), body_excludes=("\r",))
    t = b.text()
    b.write("struct/markdown.md", "# Border talks resume\n\n" + t + "\n", body_contains=(t[:30],))
    t = b.text()
    b.write("struct/no_suffix", t + "\n", body_contains=(t[:30],))
    t = b.text()
    b.write("struct/deeper/nested/folder.txt", t + "\n", body_contains=(t[:30],))
    b.write(".hidden.txt", b.text() + "\n", expect="ignored")


def _dates(b: _Builder) -> None:
    for name, value in (("0001", "0001-01-01"), ("9999", "9999-12-31")):
        b.write(
            f"dates/front_{name}.txt",
            f"---\ntitle: Dated {name}\ndate: {value}\n---\n\n{b.text()}\n",
            expect="either",
            published=None,
            note="an impossible publication date: skipped or stored undated",
        )
    b.jsonl(
        "dates/dates.jsonl",
        [
            (
                json.dumps({"text": b.text(), "date": "0001-01-01"}),
                {"expect": "either", "published": None},
            ),
            (
                json.dumps({"text": b.text(), "date": "9999-12-31"}),
                {"expect": "either", "published": None},
            ),
            (
                json.dumps({"text": b.text(), "date": "2014-02-30"}),
                {"expect": "either", "published": None},
            ),
            (
                json.dumps({"text": b.text(), "date": "yesterday"}),
                {"expect": "either", "published": None},
            ),
            (
                json.dumps({"text": b.text(), "date": "2014-06-16"}),
                {"published": date(2014, 6, 16)},
            ),
        ],
    )
    b.write(
        "dates/front_yesterday.txt",
        f"date: yesterday\n\n{b.text()}\n",
        expect="either",
        published=None,
    )
    b.write(
        "dates/front_valid.txt",
        f"---\ntitle: Valid date\ndate: 2014-06-16\n---\n\n{b.text()}\n",
        published=date(2014, 6, 16),
    )


def _names(b: _Builder) -> None:
    b.write("names/file with spaces.txt", b.text() + "\n")
    b.write("names/unicod\u00e9 \u540d\u524d \u0645\u0644\u0641.txt", b.text() + "\n")
    # Skipped (empty) on purpose, so their names must be printed on stderr.
    b.write(
        "names/new\nline_NAMECASE1.txt",
        b"",
        expect="skipped",
        match="line_NAMECASE1.txt",
        note="the stderr line must not contain a raw newline",
    )
    b.write(
        "names/\x1b[31mred_NAMECASE2.txt",
        b"",
        expect="skipped",
        match="red_NAMECASE2.txt",
        note="no raw ESC on stderr",
    )
    b.write(
        "names/ansi_text.txt",
        "\x1b[31mBREAKING\x1b[0m Iran and Iraq signed a defence pact in Baghdad on Monday. "
        + b.text()
        + "\n",
        body_contains=("defence pact",),
        note="its sentence must not carry a raw ESC to the events table on stdout",
    )


def _languages(b: _Builder) -> None:
    b.write(
        "lang/french.txt",
        "Le ministre des affaires \u00e9trang\u00e8res a rencontr\u00e9 mardi son homologue "
        "allemand \u00e0 Paris pour discuter de la crise, a indiqu\u00e9 le gouvernement. "
        "Les deux pays ont sign\u00e9 un accord sur la s\u00e9curit\u00e9 des fronti\u00e8res.\n",
        expect="skipped",
        reason_re="english",
    )
    b.write(
        "lang/arabic.txt",
        "\u0627\u0644\u062a\u0642\u0649 \u0648\u0632\u064a\u0631 \u0627\u0644\u062e\u0627"
        "\u0631\u062c\u064a\u0629 \u0646\u0638\u064a\u0631\u0647 \u0641\u064a \u0627\u0644"
        "\u0642\u0627\u0647\u0631\u0629 \u064a\u0648\u0645 \u0627\u0644\u062b\u0644\u0627"
        "\u062b\u0627\u0621 \u0644\u0628\u062d\u062b \u0627\u0644\u0623\u0632\u0645\u0629 "
        "\u0648\u0648\u0642\u0639 \u0627\u0644\u0628\u0644\u062f\u0627\u0646 \u0627\u062a"
        "\u0641\u0627\u0642\u0627 \u0644\u0644\u062a\u0639\u0627\u0648\u0646.\n",
        expect="skipped",
        reason_re="english",
    )
    b.write(
        "lang/chinese.txt",
        "\u5916\u4ea4\u90e8\u957f\u5468\u4e8c\u5728\u5317\u4eac\u4f1a\u89c1\u4e86\u90bb\u56fd"
        "\u4ee3\u8868\u56e2\uff0c\u53cc\u65b9\u7b7e\u7f72\u4e86\u4e00\u9879\u8fb9\u5883\u5b89"
        "\u5168\u5408\u4f5c\u534f\u8bae\uff0c\u5e76\u540c\u610f\u4e0b\u4e2a\u6708\u7ee7\u7eed"
        "\u4f1a\u8c08\u3002\n",
        expect="skipped",
        reason_re="english",
    )


def _files(b: _Builder) -> None:
    b.write(
        "files/report.pdf",
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n",
        expect="skipped",
        note="an unsupported file in a folder is named, not silently left out",
    )
    b.write(
        "files/memo.docx",
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4,
        expect="skipped",
    )
    loop = b.dest / "files/self_loop.txt"
    loop.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(loop.name, loop)
    b.add(
        Case(
            "files/self_loop.txt",
            loop,
            expect="skipped",
            reason_re=r"loop|levels of symbolic links",
            reason_not_re="no such file",
        )
    )
    dangling = b.dest / "files/dangling.txt"
    os.symlink("does-not-exist.txt", dangling)
    b.add(Case("files/dangling.txt", dangling, expect="skipped"))
    locked = b.write(
        "files/unreadable.txt",
        b.text() + "\n",
        expect="skipped" if os.geteuid() != 0 else "either",
        note="chmod 000; root reads it anyway",
    )
    locked.path.chmod(0)


def _duplicates(b: _Builder) -> None:
    title = "Qatar and Turkey agree on new gas route"
    body = (
        "Qatar and Turkey agreed on Wednesday to build a new gas pipeline through Iraq, "
        "the energy ministers of both countries said in Doha. Iraq welcomed the plan "
        "and promised to guard the route."
    )
    b.jsonl(
        "dup/records.jsonl",
        [
            (json.dumps({"title": title, "text": f"{title}\n\n{body}"}), {"expect": "duplicate"}),
            (json.dumps({"text": body}), {"expect": "duplicate"}),
        ],
    )
    b.write("dup/front_matter.txt", f"title: {title}\n\n{body}\n", expect="duplicate")
    for case in b.cases[-3:]:
        case.group = "gas-route"
        case.body_contains = ("new gas pipeline through Iraq",)


def build_corpus(dest: Path) -> list[Case]:
    """Write the corpus under ``dest`` (created; must be empty) and return its cases."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    if any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    b = _Builder(dest)
    for part in (_encodings, _sizes, _structures, _dates, _names, _languages, _files, _duplicates):
        part(b)
    return b.cases


def build_big_line(dest: Path) -> list[Case]:
    """A JSONL file whose first record (1.2 MB) is over ``BIG_LINE_MAX_MB``, then 5 good ones.

    Coded in its own run with ``--max-mb BIG_LINE_MAX_MB``: the big line is skipped and
    the five records after it are all coded.
    """
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / "big_line.jsonl"
    filler = "The delegations met again in Geneva to discuss the ceasefire terms. "
    big = json.dumps({"text": filler * (1_200_000 // len(filler) + 1)})
    texts = [article_text(1000 + k) for k in range(5)]
    path.write_text(big + "\n" + "".join(json.dumps({"text": t}) + "\n" for t in texts))
    cases = [Case("big_line.jsonl:1", path, record=1, expect="skipped", reason_re="limit|large")]
    cases += [
        Case(f"big_line.jsonl:{k + 2}", path, record=k + 2, body_contains=(t[:30],))
        for k, t in enumerate(texts)
    ]
    return cases


def main(argv: list[str]) -> int:
    """Write the corpus to DEST and list its cases."""
    if len(argv) != 2:
        print("usage: python tests/reliability/make_corpus.py DEST", file=sys.stderr)
        return 2
    dest = Path(argv[1])
    cases = build_corpus(dest / "corpus") + build_big_line(dest / "big_line")
    for case in cases:
        print(f"{case.expect}\t{case.where!r}\t{case.note}")
    print(
        f"{len(cases)} cases; code them with: bedfellows code {dest / 'corpus'} "
        f"--max-mb {MAX_MB} and bedfellows code {dest / 'big_line'} --max-mb {BIG_LINE_MAX_MB}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
