"""Dense vectors in Chroma: embedded ``PersistentClient`` in the data dir by default, a Chroma server by URL.
Collections are named per embedder (``units__e5-small``), so two models' vectors never mix. We always pass our own
vectors: Chroma's default embedding function (which downloads a model) is never used. Telemetry is off."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from .embedders import Embedder


def open_client(data_dir: Path, url: str | None = None):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if url:
        parsed = urlparse(url)
        return chromadb.HttpClient(host=parsed.hostname or "localhost", port=parsed.port or 8000,
                                   ssl=parsed.scheme == "https", settings=settings)
    path = Path(data_dir) / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


class DenseIndex:
    def __init__(self, client, embedder: Embedder):
        self.embedder = embedder
        self.collection = client.get_or_create_collection(
            name=f"units__{embedder.name}",
            embedding_function=None,
            metadata={"hnsw:space": "cosine", "embedder": embedder.name, "dim": embedder.dim},
        )

    def count(self) -> int:
        return self.collection.count()

    def add(self, ids: list[str], texts: list[str], metadatas: list[dict], batch: int = 64,
            vectors_all: np.ndarray | None = None) -> None:
        for i in range(0, len(ids), batch):
            chunk = slice(i, i + batch)
            vectors = vectors_all[chunk] if vectors_all is not None else self.embedder.embed(texts[chunk], kind="passage")
            self.collection.upsert(ids=ids[chunk], embeddings=vectors.tolist(), documents=texts[chunk],
                                   metadatas=metadatas[chunk])

    def existing(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        got = self.collection.get(ids=ids, include=[])
        return set(got["ids"])

    def query(self, text: str, k: int, where: dict | None = None, vector: np.ndarray | None = None) -> list[tuple[str, float]]:
        n = self.count()
        if n == 0:
            return []
        if vector is None:
            vector = self.embedder.embed([text], kind="query")[0]
        res = self.collection.query(query_embeddings=[vector.tolist()], n_results=min(k, n), where=where or None,
                                    include=["distances"])
        ids = res["ids"][0]
        dists = res["distances"][0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, dists)]

    def vectors(self, ids: list[str]) -> np.ndarray:
        got = self.collection.get(ids=ids, include=["embeddings"])
        order = {i: n for n, i in enumerate(got["ids"])}
        return np.asarray([got["embeddings"][order[i]] for i in ids], dtype=np.float32)
