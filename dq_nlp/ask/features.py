"""Evidence that a retrieved directive answers a question, as numbers the confidence model weighs.

- ``action``: cosine of the question's core (frame stripped) with the directive's action alone — short against short,
  which the 4-bit e5 model compares far better than a short question against a long sentence, and across languages.
- ``sentence``: cosine of the whole question with the directive's sentence (the retriever's dense score).
- ``sentence_gap``: the best *non-directive* sentence's cosine with the core minus ``action``. When a negation, a
  completed order or a foreign government's decision matches the question better than any directive, the question is
  a near-miss and the bot should abstain.
- ``coverage``: share of the question's content terms (IDF-weighted) the directive contains — by lemma/stem, by a
  5-letter prefix (Kazakh suffix chains), or through a one-word glossary translation (the other language).
- ``programme``: the question names a programme the directive belongs to (+1), or one it does not (−1).
- ``place_miss``: share of the regions and cities the question names (in either language) that the directive does
  not name — "остановки в Алматы" is not answered by a directive about Astana's stops.
- ``rank``: the directive's rank in hybrid retrieval, scaled to 0..1.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from functools import lru_cache

import numpy as np

from ..index.glossary import translations
from ..lang.terms import TOKEN, term_key

FEATURES = ("action", "sentence", "sentence_gap", "coverage", "programme", "place_miss", "rank")


@dataclass
class HitFeatures:
    action: float
    sentence: float
    sentence_gap: float
    coverage: float
    programme: float
    place_miss: float
    rank: float

    def as_dict(self) -> dict:
        return {k: round(v, 4) for k, v in asdict(self).items()}


def _prefix(word: str) -> str:
    return "~" + word.lower()[:5]


def _lang(lang: str | None) -> str | None:
    return lang if lang in ("ru", "kk") else None


def unit_terms(text: str, lang: str | None = None) -> set[str]:
    """Term keys and 5-letter prefixes of a text, the two ways a question term may be found in it."""
    words = [m.group() for m in TOKEN.finditer(text) if len(m.group()) > 1]
    return {term_key(w, _lang(lang)) for w in words} | {_prefix(w) for w in words}


def coverage(question_words: list[str], text_terms: set[str], idf, lang: str | None = None) -> float:
    """IDF-weighted share of ``question_words`` (in ``lang``) found in ``text_terms`` (key, prefix or translation)."""
    trans = translations()
    total = found = 0.0
    for word in question_words:
        key = term_key(word, _lang(lang))
        alts = trans.get(key, frozenset())
        weights = [w for w in (idf(key), idf(_prefix(word)), *(idf(a) for a in alts)) if w]
        weight = max(weights) if weights else math.log(50.0)  # a term no unit has: as rare as it gets
        total += weight
        if key in text_terms or _prefix(word) in text_terms or alts & text_terms:
            found += weight
    return found / total if total else 0.0


def best_sentence(core_vector: np.ndarray, index, k: int = 5) -> float | None:
    """Cosine of the question's core with the closest non-directive sentence (``sentence_gap`` = this − ``action``)."""
    best = index.dense.query("", k, vector=core_vector, kind="sentence")
    return max(score for _, score in best) if best else None


def programme_signal(question_programmes: set[str], directive, registry) -> float:
    if not question_programmes:
        return 0.0
    chain = {c["id"] for c in registry.programme_chain(directive.project_id)}
    in_sentence = set(registry.programmes_in(directive.sentence.text))
    return 1.0 if question_programmes & (chain | in_sentence) else -1.0


_GENERIC = frozenset("акимат акиматы акимата области область город города городов облысының облысы облыстардың "
                     "қаласының қаласы қалаларының әкімдігі әкімдіктері и және".split())

_GENERIC_PREFIXES = frozenset("~облыс ~облак ~қазақ ~казах ~город ~қалас ~респу ~столи".split())


@lru_cache(maxsize=1)
def _place_prefixes() -> dict[str, str]:
    """5-letter prefixes of region and city names (ru and kk, from the registry's akimats) → a place key."""
    from ..trace.registry import load_registry

    out: dict[str, str] = {}
    for body in load_registry().bodies.values():
        if not body["id"].startswith("akimat_"):
            continue
        place = body["id"].removeprefix("akimat_").removesuffix("_region")
        names = [body.get("name_ru", ""), body.get("name_kk", ""), *body.get("aliases_ru", []), *body.get("aliases_kk", [])]
        for name in names:
            for m in TOKEN.finditer(name):
                word = m.group().lower()
                prefix = _prefix(word.split("-")[0])
                if word not in _GENERIC and len(word) > 3 and prefix not in _GENERIC_PREFIXES:
                    out.setdefault(prefix, place)
    return out


def places_in(text: str) -> set[str]:
    prefixes = _place_prefixes()
    return {prefixes[p] for p in (_prefix(m.group().split("-")[0]) for m in TOKEN.finditer(text)) if p in prefixes}


def place_miss(question_places: set[str], directive_text: str) -> float:
    if not question_places:
        return 0.0
    return len(question_places - places_in(directive_text)) / len(question_places)
