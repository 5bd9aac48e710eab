"""BM25 over language-neutral term keys (Russian lemmas, Kazakh stems) with bm25s. The index is rebuilt from the
store when the store's version moves on, and kept on disk in the data dir, so a restart does not rebuild it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ..lang.terms import TOKEN, term_keys

SCHEMES = ("stem", "prefix5", "stem+prefix5")


def analyse(text: str, lang: str | None = None, scheme: str = "stem+prefix5") -> list[str]:
    """Terms for BM25. ``stem``: Russian lemmas / Kazakh stems; ``prefix5``: the first five letters of every word
    (crude, but robust to Kazakh suffix chains); ``stem+prefix5``: both, so either can match."""
    out: list[str] = []
    if "stem" in scheme:
        out += [k for k in term_keys(text, lang) if len(k) > 1]
    if "prefix5" in scheme:
        out += ["~" + m.group().lower()[:5] for m in TOKEN.finditer(text) if len(m.group()) > 1]
    return out


def top_indices(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` highest positive scores, best first: a partial sort, so a query over a million units
    does not pay for ordering all of them (a full ``argsort`` of 1M floats takes ~70 ms)."""
    if k < scores.size:
        top = np.argpartition(scores, scores.size - k)[scores.size - k:]
    else:
        top = np.arange(scores.size)
    top = top[scores[top] > 0]
    return top[np.lexsort((top, -scores[top]))]  # best first; ties in index order


class LexicalIndex:
    def __init__(self, directory: Path, scheme: str = "stem+prefix5"):
        self.scheme = scheme
        self.directory = Path(directory)
        self.ids: list[str] = []
        self.version = -1
        self._bm25 = None
        self._load()

    def _load(self) -> None:
        meta = self.directory / "meta.json"
        if not meta.exists():
            return
        import bm25s

        info = json.loads(meta.read_text())
        self.ids = info["ids"]
        self.version = info["version"]
        if self.ids:
            self._bm25 = bm25s.BM25.load(str(self.directory / "bm25"))

    def build(self, ids: list[str], texts: list[str], langs: list[str], version: int) -> None:
        import bm25s

        self.ids = list(ids)
        self.version = version
        self.directory.mkdir(parents=True, exist_ok=True)
        if ids:
            corpus = [analyse(t, lang, self.scheme) or ["∅"] for t, lang in zip(texts, langs)]
            bm25 = bm25s.BM25(k1=1.2, b=0.75)
            bm25.index(corpus, show_progress=False)
            bm25.save(str(self.directory / "bm25"))
            self._bm25 = bm25
        else:
            self._bm25 = None
        (self.directory / "meta.json").write_text(json.dumps({"ids": self.ids, "version": version}))

    def idf(self, term: str) -> float | None:
        """BM25's inverse document frequency of an analysed term; None when no unit contains it."""
        if self._bm25 is None:
            return None
        j = self._bm25.vocab_dict.get(term)
        if j is None:
            return None
        indptr = self._bm25.scores["indptr"]
        df = int(indptr[j + 1] - indptr[j])
        return float(np.log(1 + (len(self.ids) - df + 0.5) / (df + 0.5))) if df else None

    def scores(self, query: str, extra_terms: list[str] | None = None, lang: str | None = None) -> np.ndarray:
        """BM25 score of every indexed unit for ``query`` (zeros when nothing matches). ``lang`` is the query's
        language: units were analysed with theirs, and a Kazakh word without a Kazakh-only letter ("мектеп")
        must be stemmed, not lemmatised as Russian."""
        if self._bm25 is None or not self.ids:
            return np.zeros(len(self.ids), dtype=np.float32)
        terms = analyse(query, lang if lang in ("ru", "kk") else None, self.scheme) + list(extra_terms or [])
        vocab = self._bm25.vocab_dict
        terms = [t for t in terms if t in vocab]
        if not terms:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(self._bm25.get_scores(terms), dtype=np.float32)
