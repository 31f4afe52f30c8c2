"""is_english: accept short English news text, reject other languages and scripts."""

from __future__ import annotations

import pytest

from bedfellows.ingest.language import is_english

ENGLISH = [
    "The harbor council approved a new ferry route on Tuesday.",
    "Officials said the talks would resume next week, but no date has been set.",
    "Ministers from both countries met in the capital and agreed to reopen the border "
    "crossing, according to a statement released after the meeting.",
    "FARMERS BLOCK THE MAIN ROAD INTO THE CITY FOR A THIRD DAY",
    "UN envoy visits refugee camp",
]

FOREIGN = {
    "fr": "Le conseil municipal a approuvé mardi une nouvelle ligne de ferry. Selon le maire, "
    "la décision permettra de réduire le temps de trajet des habitants de l'île.",
    "es": "El consejo municipal aprobó el martes una nueva ruta de ferry. Según el alcalde, "
    "la decisión permitirá reducir el tiempo de viaje de los vecinos de la isla.",
    "de": "Der Stadtrat hat am Dienstag eine neue Fährverbindung genehmigt. Nach Angaben des "
    "Bürgermeisters wird die Entscheidung die Fahrzeit der Bewohner der Insel verkürzen.",
    "ar": "وافق المجلس البلدي يوم الثلاثاء على خط عبارات جديد. وقال رئيس البلدية إن القرار "
    "سيقلص وقت السفر لسكان الجزيرة.",
    "zh": "市议会周二批准了一条新的渡轮航线。市长表示，这一决定将缩短岛上居民的出行时间。",
    "ru": "Городской совет во вторник одобрил новый паромный маршрут до острова.",
}


@pytest.mark.parametrize("text", ENGLISH)
def test_accepts_english(text):
    assert is_english(text)


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_rejects_other_languages(lang):
    assert not is_english(FOREIGN[lang])


def test_rejects_text_without_words():
    assert not is_english("12345 -- 678 !!!")
    assert not is_english("")
