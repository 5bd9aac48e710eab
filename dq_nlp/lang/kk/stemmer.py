"""A suffix-stripping Kazakh stemmer for search: removes inflectional endings, longest first.

Kazakh is agglutinative: ``министрлігіне`` = министр+лік+і+не. Search needs the stem shared by all forms,
not a linguistically perfect lemma, so we strip known case/possessive/plural/verbal endings greedily
while keeping at least ``MIN_STEM`` letters.
"""

from __future__ import annotations

from functools import lru_cache

MIN_STEM = 3

# Endings ordered longest first inside each group; groups are applied outermost (case) to innermost (plural).
_CASE = sorted(
    """
    ның нің дың дің тың тің ға ге қа ке на не а е ны ні ды ді ты ті н да де та те нда нде дан ден тан тен
    нан нен мен бен пен ымен імен мен ша ше дай дей
    """.split(),
    key=len,
    reverse=True,
)
_POSSESSIVE = sorted("ымыз іміз мыз міз ыңыз іңіз ңыз ңіз сы сі ы і ым ім м ың ің ң".split(), key=len, reverse=True)
_PLURAL = sorted("лар лер дар дер тар тер".split(), key=len, reverse=True)
_VERBAL = sorted(
    """
    ды ді ты ті ған ген қан кен атын етін йтын йтін ып іп п у уы уға уді қа ке сын сін
    лды лді ылды ілді ылсын ілсін сын сін
    """.split(),
    key=len,
    reverse=True,
)


def _strip(word: str, endings: list[str]) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The search stem of a Kazakh word form (lower-cased)."""
    w = word.lower()
    if len(w) <= MIN_STEM + 1:
        return w
    w = _strip(w, _CASE)
    w = _strip(w, _POSSESSIVE)
    w = _strip(w, _PLURAL)
    w = _strip(w, _VERBAL)
    return w
