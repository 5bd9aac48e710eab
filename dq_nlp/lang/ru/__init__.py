"""Russian helpers on top of pymorphy3: lemmas for search, case and part of speech for the grammars."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[А-Яа-яЁёA-Za-z0-9]+(?:-[А-Яа-яЁёA-Za-z0-9]+)*")


@lru_cache(maxsize=1)
def morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=300_000)
def lemma(word: str) -> str:
    w = word.lower()
    if not re.search("[а-яё]", w):
        return w
    return morph().parse(w)[0].normal_form


@lru_cache(maxsize=300_000)
def tags(word: str) -> frozenset[str]:
    """All grammemes of all parses: lets a grammar ask 'can this be dative?' without disambiguation."""
    out: set[str] = set()
    for p in morph().parse(word.lower())[:4]:
        out.update(str(p.tag).replace(" ", ",").split(","))
    return frozenset(out)


@lru_cache(maxsize=300_000)
def is_infinitive(word: str) -> bool:
    w = word.lower()
    if not re.search(r"(?:ть|ти|чь|ться|тись)$", w):
        return False
    return any(p.tag.POS == "INFN" for p in morph().parse(w)[:3])


def words(text: str) -> list[re.Match]:
    return list(_WORD.finditer(text))
