"""Bilingual glossary (ru ↔ kk) of government vocabulary: expands a query with the other language's terms so the
lexical side can see across languages too."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..lang.terms import term_keys
from ..settings import PACKAGE_DIR

GLOSSARY = PACKAGE_DIR / "data" / "registry" / "glossary.tsv"


@lru_cache(maxsize=2)
def _pairs(path: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    p = Path(path)
    if not p.exists():
        return []
    pairs = []
    for line in p.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        ru, kk = line.split("\t", 1)
        ru_keys, kk_keys = tuple(term_keys(ru, "ru")), tuple(term_keys(kk, "kk"))
        if ru_keys and kk_keys:
            pairs.append((ru_keys, kk_keys))
    return pairs


def expand(query: str, path: Path = GLOSSARY, lang: str | None = None) -> list[str]:
    """Terms of the other language for every glossary entry whose terms all occur in the query (analysed in
    ``lang``, the query's language, when known)."""
    keys = set(term_keys(query, lang if lang in ("ru", "kk") else None))
    extra: list[str] = []
    for ru, kk in _pairs(str(path)):
        if set(ru) <= keys:
            extra.extend(kk)
        if set(kk) <= keys:
            extra.extend(ru)
    return [t for t in dict.fromkeys(extra) if t not in keys]


@lru_cache(maxsize=2)
def translations(path: str = str(GLOSSARY)) -> dict[str, frozenset[str]]:
    """One-word glossary entries as a map term key → the other language's term keys ("алаяқ" → {"мошенник"})."""
    out: dict[str, set[str]] = {}
    for ru, kk in _pairs(path):
        for a, b in ((ru, kk), (kk, ru)):
            if len(a) == 1:
                out.setdefault(a[0], set()).update(b)
    return {k: frozenset(v) for k, v in out.items()}
