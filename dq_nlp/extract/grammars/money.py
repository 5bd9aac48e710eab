"""Money: "$665,5 млн", "2,5 трлн тенге", "120 млрд тг", "450 млн долларов США", "бір жарым миллиард теңге"."""

from __future__ import annotations

import re

from ...records import Money
from .numbers import NUMBER, NUMBER_WORD, SCALE, parse_number, scale_of

CURRENCY_WORDS: list[tuple[str, str]] = [
    (r"тенге|теңге\w*|тг\.?|₸|KZT", "KZT"),
    (r"(?:АҚШ\s)?доллар(?:ов|а|ы|ын|ынан|ына|ға|дан|ға|лары|ларын)?(?:\s+США)?|долл\.?(?:\s+США)?|USD|\$", "USD"),
    (r"евро|еуро\w*|EUR|€", "EUR"),
    (r"рубл(?:ей|я|ь)|руб\.?|RUB|₽", "RUB"),
    (r"юан(?:ей|я|ь)|юань|CNY", "CNY"),
]
CURRENCY_AFTER = "|".join(f"(?:{p})" for p, _ in CURRENCY_WORDS)
CURRENCY_BEFORE = r"\$|€|₽|₸|USD|EUR|KZT"

AMOUNT = rf"(?P<num>{NUMBER}|{NUMBER_WORD})"

# "$665,5 млн", "$ 1,2 млрд", "USD 300 млн"
money_sign_first = re.compile(
    rf"(?<![\w$€₽₸])(?P<cur>{CURRENCY_BEFORE})\s?(?P<num>{NUMBER})(?:\s?(?P<scale>{SCALE})(?!\w))?", re.IGNORECASE)
# "2,5 трлн тенге", "300 тыс. тенге", "полтора триллиона тенге", "450 млн долларов США", "5 000 000 тг"
money_amount_first = re.compile(
    rf"(?<![\w.,])(?:(?P<num>{NUMBER})|(?P<word>{NUMBER_WORD}))\s?(?:(?P<scale>{SCALE})(?!\w)\s?)?(?P<cur>{CURRENCY_AFTER})(?:-?(?:ға|ге|қа|ке|дан|ден|тан|тен|нан|нен|ды|ді|ты|ті|ны|ні|ның|нің|дың|дің|тың|тің|мен|бен|пен|лік|лық|дық|дік))?(?![\w])",
    re.IGNORECASE)


def _currency(token: str) -> str:
    for pattern, code in CURRENCY_WORDS:
        if re.fullmatch(pattern, token, re.IGNORECASE):
            return code
    return "KZT"


_EXCHANGE_RATE_CONTEXT = re.compile(r"(?:курс\w*|бағам\w*|rate)\W{0,3}(?:[\w.,]+\W{1,3}){0,6}$|(?:USD|EUR|RUB|CNY)\s?\d+[.,]\d{2}\W{1,3}$",
                                    re.IGNORECASE)


def find_money(text: str, offset: int = 0) -> list[Money]:
    found: list[Money] = []
    taken: list[tuple[int, int]] = []
    for pattern in (money_sign_first, money_amount_first):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            raw = m.group("num") or (m.groupdict().get("word") or "")
            number = parse_number(raw)
            if number is None:
                continue
            if _EXCHANGE_RATE_CONTEXT.search(text[max(0, m.start() - 60):m.start()]):
                continue  # "курс USD 512,40" is a price of a currency, not an amount of money
            cur = _currency(m.group("cur").strip())
            surface_end = m.end("cur")
            value = number * scale_of(m.group("scale"))
            taken.append((m.start(), m.end()))
            surface = text[m.start():surface_end].rstrip()
            if surface.endswith(".") and not surface.endswith("тг."):
                surface = surface[:-1]  # "млн." at a sentence end: the period belongs to the sentence
            found.append(Money(text=surface, value=round(value, 2), currency=cur, start=offset + m.start(),
                               end=offset + m.start() + len(surface)))
    found.sort(key=lambda x: x.start)
    return found
