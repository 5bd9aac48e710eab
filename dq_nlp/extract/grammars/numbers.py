"""Numbers as press releases write them: digits with spaces and decimal commas, scale words, number words."""

from __future__ import annotations

import re

# "2,5", "665,5", "1 200 000", "14.5" — a decimal comma is the norm in ru/kk texts.
NUMBER = r"\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"

SCALES: dict[str, float] = {}
for _forms, _value in (
    ("тыс тыс. тысяч тысячи тысяча тысячу мың мыңы", 1e3),
    ("млн млн. миллион миллиона миллионов миллионы миллионах mln million millions", 1e6),
    ("млрд млрд. миллиард миллиарда миллиардов миллиарды миллиардах bln billion billions", 1e9),
    ("трлн трлн. триллион триллиона триллионов триллионы триллионах trillion", 1e12),
):
    for _f in _forms.split():
        SCALES[_f] = _value

# Stands in for the dot of "тыс." while the KPI patterns run (kpis.find_kpis): every metric span stops at ".".
ABBREVIATION_DOT = "\u2024"
SCALE = r"(?:тыс[.\u2024]?|тысяч[аиу]?|мың(?:ы)?|млн\.?|миллион(?:а|ов|ы|ах)?|млрд\.?|миллиард(?:а|ов|ы|ах)?|трлн\.?|триллион(?:а|ов|ы|ах)?)"

# Number words that carry values in this genre (ru + kk). Fractions first: "полтора" = 1.5, "бір жарым" = 1.5.
WORD_VALUES: dict[str, float] = {
    "полтора": 1.5, "полутора": 1.5, "полторы": 1.5, "бір жарым": 1.5, "екі жарым": 2.5, "жарты": 0.5,
    "два с половиной": 2.5, "две с половиной": 2.5, "три с половиной": 3.5,
    "половина": 0.5, "половину": 0.5,
    "один": 1, "одна": 1, "одного": 1, "одному": 1, "одной": 1, "два": 2, "две": 2, "двух": 2, "двум": 2,
    "три": 3, "трех": 3, "трёх": 3, "трем": 3, "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5,
    "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9,
    "десять": 10, "десяти": 10, "двадцать": 20, "тридцать": 30, "сто": 100,
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9, "он": 10,
    "жиырма": 20, "отыз": 30, "жүз": 100,
}
NUMBER_WORD = "|".join(sorted((re.escape(w) for w in WORD_VALUES), key=len, reverse=True))


def parse_number(text: str) -> float | None:
    """'2,5' → 2.5; '1 200 000' → 1200000; 'полутора' → 1.5."""
    t = text.strip().lower()
    if t in WORD_VALUES:
        return float(WORD_VALUES[t])
    t = t.replace("\u00a0", " ").replace(" ", "")
    if re.fullmatch(r"\d+[.,]\d+", t):
        return float(t.replace(",", "."))
    if re.fullmatch(r"\d+", t):
        return float(t)
    return None


def scale_of(word: str | None) -> float:
    if not word:
        return 1.0
    return SCALES.get(word.lower().rstrip("." + ABBREVIATION_DOT), SCALES.get(word.lower(), 1.0))
