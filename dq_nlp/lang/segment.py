"""Sentences with character offsets. razdel handles Russian well and Kazakh punctuation equally; we add the
Kazakh abbreviations it does not know (``ж.``, ``жж.``, ``т.б.``) and never let a sentence cross a paragraph."""

from __future__ import annotations

import re

from razdel import sentenize

# A sentence that ends in one of these did not really end: the next one continues it.
_NON_FINAL = re.compile(r"(?:\b(?:ж|жж|янв|фев|апр|авг|сен|сент|окт|нояб|дек|т\.б|т\.с\.с|обл|г|гг|тыс|млн|млрд|трлн|руб|долл|им|ст|п|пп|ул|т\.е|т\.д|т\.п)\.)$",
                        re.IGNORECASE)
_CONTINUES = re.compile(r"^[\s«\"(]*[a-zа-яәғқңөұүһі0-9]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of sentences in ``text``."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        base = para.start()
        pieces = [(base + s.start, base + s.stop) for s in sentenize(para.group())]
        merged: list[tuple[int, int]] = []
        for start, end in pieces:
            if merged:
                prev_start, prev_end = merged[-1]
                prev = text[prev_start:prev_end]
                nxt = text[start:end]
                if _NON_FINAL.search(prev) and _CONTINUES.match(nxt):
                    merged[-1] = (prev_start, end)
                    continue
            merged.append((start, end))
        spans.extend(merged)
    return spans
