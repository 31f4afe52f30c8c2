"""read_articles / iter_sources over files: expansion, bad inputs, encodings, ids."""

from __future__ import annotations

import builtins
import json
from pathlib import Path

from bedfellows.errors import (
    BinaryInput,
    DecodeError,
    EmptyInput,
    NotEnglish,
    TooLargeInput,
    UnreadableInput,
    UnsupportedInput,
)
from bedfellows.ingest import iter_sources, read_articles
from bedfellows.schema import Article

TEXT = (
    "The harbor council voted on Tuesday to approve a new ferry route between the northern "
    "pier and the island villages, ending a dispute that had lasted for two years.\n\n"
    "Council members said the route would cut travel times for commuters."
)


def only(items):
    [item] = list(items)
    return item


def test_directory_expansion_is_recursive_sorted_and_filtered(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in [
        "z.txt",
        "b/x.md",
        "a/deep/y.html",
        "a/w.jsonl",
        "notes",
        "img.png",
        ".hidden/k.txt",
        ".dotfile.txt",
        "a/data.ndjson",
        "a/r.json",
    ]:
        (tmp_path / name).write_text("x")
    items = list(iter_sources([str(tmp_path)]))
    [unsupported] = [i for i in items if not isinstance(i, Path)]
    assert isinstance(unsupported, UnsupportedInput)
    assert unsupported.source == str(tmp_path / "img.png")
    found = [p.relative_to(tmp_path).as_posix() for p in items if isinstance(p, Path)]
    assert found == [
        "notes",
        "z.txt",
        "a/data.ndjson",
        "a/r.json",
        "a/w.jsonl",
        "a/deep/y.html",
        "b/x.md",
    ]


def test_glob_patterns_and_duplicates(tmp_path):
    for name in ["one.txt", "two.txt", "three.md", "skip.xlsx"]:
        (tmp_path / name).write_text("x")
    found = list(iter_sources([str(tmp_path / "*.txt"), str(tmp_path / "one.txt")]))
    assert [p.name for p in found] == ["one.txt", "two.txt"]
    everything = list(iter_sources([str(tmp_path / "*")]))
    assert [p.name for p in everything if isinstance(p, Path)] == [
        "one.txt",
        "three.md",
        "two.txt",
    ]
    [csv] = [e for e in everything if not isinstance(e, Path)]
    assert isinstance(csv, UnsupportedInput) and csv.source == str(tmp_path / "skip.xlsx")


def test_explicit_file_is_kept_whatever_its_extension(tmp_path):
    path = tmp_path / "story.log"
    path.write_text(TEXT)
    assert isinstance(only(read_articles([str(path)])), Article)


def test_missing_path_and_unmatched_glob(tmp_path):
    missing = str(tmp_path / "nope.txt")
    pattern = str(tmp_path / "*.txt")
    items = list(read_articles([missing, pattern]))
    assert [type(i) for i in items] == [UnreadableInput, UnreadableInput]
    assert items[0].source == missing
    assert items[1].source == pattern


def test_empty_and_whitespace_files(tmp_path):
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "b.txt").write_text("\n  \n\t\n")
    (tmp_path / "c.txt").write_text("Share this:\n\nLike this:\n\nLoading...\n")
    items = list(read_articles([str(tmp_path)]))
    assert [type(i) for i in items] == [EmptyInput, EmptyInput, EmptyInput]
    # Whitespace is an empty file, not an article whose text was all boilerplate.
    assert ["empty" in i.reason for i in items] == [True, True, False]


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    err = only(read_articles([str(path)]))
    assert isinstance(err, BinaryInput)
    assert err.source == str(path)


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 3)
    assert isinstance(only(read_articles([str(path)])), DecodeError)


def test_legacy_and_utf16_encodings_decode_to_the_same_article(tmp_path):
    text = TEXT.replace("ferry route", "\u201cferry route\u201d caf\u00e9")
    utf8 = tmp_path / "a.txt"
    utf8.write_text(text, encoding="utf-8")
    cp1252 = tmp_path / "b.txt"
    cp1252.write_bytes(text.encode("cp1252"))
    utf16 = tmp_path / "c.txt"
    utf16.write_text(text, encoding="utf-16")
    arts = list(read_articles([str(utf8), str(cp1252), str(utf16)]))
    assert all(isinstance(a, Article) for a in arts)
    assert len({a.body for a in arts}) == 1
    assert '"ferry route" caf\u00e9' in arts[0].body


def test_non_english_file(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text(
        "Le conseil municipal a approuvé mardi une nouvelle ligne de ferry entre le port "
        "et les villages de l'île, selon le maire de la ville."
    )
    err = only(read_articles([str(path)]))
    assert isinstance(err, NotEnglish)
    assert err.source == str(path)


def test_oversize_file_is_rejected_before_reading(tmp_path, monkeypatch):
    small = tmp_path / "small.txt"
    small.write_text(TEXT)
    assert isinstance(only(read_articles([str(small)], max_bytes=50)), TooLargeInput)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50_000_000)
    opened = []
    real_open, real_path_open = builtins.open, Path.open

    def spy_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    def spy_path_open(self, *args, **kwargs):
        opened.append(str(self))
        return real_path_open(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(Path, "open", spy_path_open)
    err = only(read_articles([str(huge)]))
    assert isinstance(err, TooLargeInput)
    assert str(huge) not in opened  # judged by its size alone


def test_bad_inputs_do_not_stop_the_batch(tmp_path):
    (tmp_path / "1-empty.txt").write_text("")
    (tmp_path / "2-good.txt").write_text(TEXT)
    (tmp_path / "3-binary.txt").write_bytes(b"\x00" * 64)
    items = list(read_articles([str(tmp_path), str(tmp_path / "missing.md")]))
    assert [type(i).__name__ for i in items] == [
        "EmptyInput",
        "Article",
        "BinaryInput",
        "UnreadableInput",
    ]


def test_same_text_in_txt_and_jsonl_gets_the_same_id(tmp_path):
    txt = tmp_path / "story.txt"
    txt.write_text(TEXT.replace("\n\n", "\r\n\r\n") + "\r\n")
    jsonl = tmp_path / "story.jsonl"
    jsonl.write_text(json.dumps({"text": TEXT}) + "\n")
    a, b = read_articles([str(txt), str(jsonl)])
    again = only(read_articles([str(txt)]))
    assert a.article_id == b.article_id == again.article_id
    assert a.source_path == str(txt)
    assert b.source_path == f"{jsonl}:1"


def test_text_is_normalized(tmp_path):
    path = tmp_path / "quotes.txt"
    path.write_text(
        "The minister said \u201cthe talks\u00a0failed\u201d and left.   \n\n\n\n"
        + TEXT
        + "\n\n2 comments\n\nIt\u2019s a shame.\n"
    )
    art = only(read_articles([str(path)]))
    assert art.body.startswith('The minister said "the talks failed" and left.\n\nThe harbor')
    assert [c.text for c in art.comments] == ["It's a shame."]


def test_a_single_path_string_is_not_iterated_by_character(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT)
    assert list(iter_sources(str(tmp_path))) == list(iter_sources([str(tmp_path)]))


def test_an_unsupported_file_in_a_folder_is_reported_once_with_the_types_read(tmp_path):
    (tmp_path / "story.txt").write_text(TEXT)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n")
    (tmp_path / ".report.pdf").write_bytes(b"%PDF-1.7\n")  # hidden: silently ignored
    # A database coded from this folder, and its log: no news, not reported either.
    (tmp_path / "events.duckdb").write_bytes(b"DUCK")
    (tmp_path / "events.duckdb.wal").write_bytes(b"WAL")
    items = list(read_articles([str(tmp_path)]))
    errors = [i for i in items if not isinstance(i, Article)]
    assert len(items) == 2 and len(errors) == 1
    [err] = errors
    assert isinstance(err, UnsupportedInput) and isinstance(err, UnreadableInput)
    assert err.source == str(tmp_path / "report.pdf")
    assert err.reason.startswith("unsupported file type .pdf; bedfellows reads ")
    assert all(s in err.reason for s in (".txt", ".md", ".html", ".htm", ".jsonl", ".json"))


def test_a_glob_matching_only_unsupported_files_says_so_once(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    [err] = list(iter_sources([str(tmp_path / "*")]))
    assert isinstance(err, UnreadableInput) and "no supported files" in err.reason


def test_a_symbolic_link_loop_is_named_as_such(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    explicit = only(iter_sources([str(loop)]))
    assert isinstance(explicit, UnreadableInput) and "symbolic link loop" in explicit.reason
    walked = {e.source: e.reason for e in iter_sources([str(tmp_path)])}
    assert "symbolic link loop" in walked[str(loop)]
    assert "missing" in walked[str(dangling)]
