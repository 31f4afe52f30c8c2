"""Decoding policy: damaged UTF-8 is repaired and counted, never re-decoded as another script."""

from __future__ import annotations

import logging

import pytest

from bedfellows.errors import DecodeError, NotEnglish
from bedfellows.ingest import read_articles
from bedfellows.ingest.decode import decode_text
from bedfellows.schema import Article

ENGLISH = (
    "The harbor council voted on Tuesday to approve a new ferry route between the northern "
    "pier and the island villages, ending a dispute that had lasted for two years. "
) * 4


def test_valid_utf8_is_taken_as_it_is():
    data = (ENGLISH + "The caf\u00e9 owners \u2013 all of them \u2013 agreed.").encode()
    decoded = decode_text(data, source="a.txt")
    assert (decoded.encoding, decoded.replaced) == ("utf-8", 0)
    assert decoded.text == data.decode()


@pytest.mark.parametrize("bad", [b"\xd7\xe5\xf0", b"\xff\xfe\xfd", b"\xc3\x28\xa0"])
def test_a_few_invalid_bytes_are_replaced_and_counted_not_redecoded(bad, caplog):
    # Valid UTF-8 with a few damaged bytes: the rest must stay UTF-8 (no Cyrillic).
    data = ENGLISH.encode() + "Caf\u00e9 talks".encode() + bad + b" resumed."
    with caplog.at_level(logging.WARNING, logger="bedfellows.ingest.decode"):
        decoded = decode_text(data, source="news.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith(ENGLISH + "Caf\u00e9 talks")
    assert decoded.replaced == decoded.text.count("\ufffd") > 0
    assert not any("\u0400" <= ch <= "\u04ff" for ch in decoded.text)
    assert f"news.txt: {decoded.replaced} invalid UTF-8 bytes replaced" in caplog.text


def test_ascii_text_with_stray_bytes_is_repaired_not_read_as_cp1251(tmp_path):
    path = tmp_path / "stray.txt"
    path.write_bytes(ENGLISH.encode() + b"\xd7\xe5\xf0\xf2 end.")
    article = next(iter(read_articles([str(path)])))
    assert isinstance(article, Article)
    assert article.decode_errors == 4
    assert article.body.count("\ufffd") == 4


@pytest.mark.parametrize(
    "text",
    [
        "caf\u00e9 \u2013 \u201cquoted\u201d",
        ENGLISH
        + "The caf\u00e9 on the M\u00fcllerstra\u00dfe \u2013 \u201cLe Na\u00eff\u201d \u2013 "
        "charged \u00a34.",
        "Le conseil a approuv\u00e9 \u00e0 l'unanimit\u00e9 la cr\u00e9ation du r\u00e9seau.",
    ],
)
def test_legacy_cp1252_files_still_decode(text):
    decoded = decode_text(text.encode("cp1252"), source="old.txt")
    assert decoded.text == text
    assert (decoded.encoding, decoded.replaced) == ("cp1252", 0)


def test_confident_cyrillic_single_byte_text_is_read_as_such():
    russian = "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0437\u0430\u044f\u0432\u0438\u043b "
    text = (
        russian + "\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u0430\u0445. "
    ) * 10
    decoded = decode_text(text.encode("cp1251"), source="ru.txt")
    assert decoded.text == text and decoded.replaced == 0


def test_much_damage_mixed_with_utf8_is_skipped_with_a_reason():
    data = ("Caf\u00e9 " * 20).encode() + bytes(range(0x80, 0xA0)) * 3
    with pytest.raises(DecodeError) as info:
        decode_text(data, source="mixed.txt", record=2)
    assert (info.value.source, info.value.record) == ("mixed.txt", 2)
    assert "not valid UTF-8" in info.value.reason


def test_russian_file_is_not_english_rather_than_mojibake(tmp_path):
    path = tmp_path / "ru.txt"
    text = "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0437\u0430\u044f\u0432\u0438\u043b. " * 20
    path.write_bytes(text.encode("cp1251"))
    assert isinstance(next(iter(read_articles([str(path)]))), NotEnglish)
