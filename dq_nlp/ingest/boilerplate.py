"""Lines that news sites wrap around an article: photo credits, clocks, exchange-rate and weather widgets,
"read also" links, share buttons, subscription calls. They are dropped before extraction so that a rate like
"USD 512,40" never becomes a money fact and a clock never becomes a deadline."""

from __future__ import annotations

import re

_LINE_PATTERNS = [
    r"^(?:фото|фото и видео|видео|источник фото|сурет|фото/видео)\s*[:©].{0,120}$",
    r"^(?:читайте также|сондай-ақ оқыңыз|также читайте|еще по теме|по теме|тақырыпқа қатысты|ұқсас жаңалықтар|похожие новости)\b.*$",
    r"^(?:подписывайтесь|подпишитесь|жазылыңыз|біздің telegram|наш telegram|поделиться|бөлісу|share)\b.{0,160}$",
    # a site clock: "12:45", "12:45, 23 ноября", "12:47 | 14 ноября 2025", "14 ноября 2025, 12:47"
    r"^\d{1,2}:\d{2}(?:\s*[,|/•·–-]?\s*\d{1,2}[\s.]+\w+(?:[\s.]+\d{4})?(?:\s*(?:ж\.|г\.|жыл|года))?)?$",
    r"^\d{1,2}[\s.]+\w+(?:[\s.]+\d{4})?(?:\s*(?:ж\.|г\.))?\s*[,|/•·–-]?\s*\d{1,2}:\d{2}$",
    r"^(?:главная|басты бет|home)\s*[/>»|›].{0,200}$",  # breadcrumbs
    r"^(?:курс(?:ы)? валют|валюта бағамы|курс нацбанка)\b.{0,200}$",
    r"^(?:(?:USD|EUR|RUB|CNY|KZT|GBP)\s*[:=]?\s*\d+[.,]?\d*\s*[▲▼↑↓+\-]?\s*[\d.,]*\s*){1,6}$",
    r"^(?:погода|ауа райы)\b.{0,80}$",
    r"^(?:[+\-−]?\d{1,2}\s*°\s*[CС]?\s*){1,3}$",
    r"^(?:мы используем cookie|сайт использует cookie|cookie|принять|согласен)\b.{0,200}$",
    r"^(?:©|copyright|все права защищены|барлық құқықтар қорғалған).{0,200}$",
    r"^(?:теги|тегтер|tags)\s*:.{0,200}$",
]
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in _LINE_PATTERNS), re.IGNORECASE)
_INLINE_PHOTO = re.compile(r"\s*(?:Фото|Сурет)\s*:\s*[^.\n]{0,80}?(?:пресс-служб\w*|баспасөз қызмет\w*|[\w.-]+\.(?:kz|ru|com))[^\n.]{0,40}",
                           re.IGNORECASE)


# "USD 512,30 ▲ EUR 548,10 ▼ RUB 5,45 Астана +3°C": two or more rates on one short line is a widget, whatever
# else (weather, arrows, a city) shares the line
_RATE = re.compile(r"(?:\b(?:USD|EUR|RUB|CNY|GBP|KZT)\b|[$€₽£¥])\s*[:=]?\s*\d", re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    line = line.strip()
    if len(line) <= 160 and len(_RATE.findall(line)) >= 2 and not line.endswith("."):
        return True
    return bool(_BOILERPLATE.match(line))


def strip_boilerplate(text: str) -> str:
    """Drop whole boilerplate lines and inline photo credits; keep everything else as it was."""
    kept = [line for line in text.split("\n") if not is_boilerplate(line)]
    return _INLINE_PHOTO.sub("", "\n".join(kept))
