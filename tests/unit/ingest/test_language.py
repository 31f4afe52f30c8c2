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


# Headlines drop function words; they are English all the same.
ENGLISH_HEADLINES = [
    "Iran, Iraq sign defence pact against ISIS as Washington stays silent on deal",
    "Oil prices jump after pipeline blast disrupts Gulf exports, traders say",
    "Pope visits La Paz",
    "Le Pen wins French presidency",
    "Charles de Gaulle airport closes after drone sightings",
    "Kenya police arrest 12 protesters outside parliament in Nairobi tax row",
]
FOREIGN_HEADLINES = {
    "fr": "Le président français annonce un accord avec l'Allemagne sur la défense",
    "fr-accented": "Le Pen élue présidente",
    "es": "El gobierno anuncia un acuerdo con los rebeldes en Colombia",
    "es-one-word": "Maduro denuncia sabotaje eléctrico en Venezuela",
    "de": "Die Regierung kündigt neue Sanktionen gegen den Iran an",
    "de-bare": "Bundesregierung verhängt Sanktionen gegen Teheran",
    "it": "Il governo annuncia un accordo con i ribelli libici",
    "it-bare": "Governo italiano firma accordo sui migranti con la Libia",
    "pt": "O governo anuncia um acordo com os rebeldes na Colômbia",
    "pt-bare": "Lula critica ataques de Israel contra Gaza",
}


@pytest.mark.parametrize("text", ENGLISH_HEADLINES)
def test_accepts_english_headlines_without_function_words(text):
    assert is_english(text)


@pytest.mark.parametrize("lang", sorted(FOREIGN_HEADLINES))
def test_rejects_foreign_headlines(lang):
    assert not is_english(FOREIGN_HEADLINES[lang])
