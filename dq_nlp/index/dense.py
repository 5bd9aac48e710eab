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
    def __init__(self, client, embedder: Embedder, kind: str = "units"):
        self.embedder = embedder
        self.collection = client.get_or_create_collection(
            name=f"{kind}__{embedder.name}",
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


class UnitsIndex:
    """Directives and sentences in two collections (``directives__<embedder>``, ``sentences__<embedder>``): the most
    common filter — the unit kind — becomes a choice of collection instead of a Chroma ``where`` clause, whose
    metadata pre-filter scans linearly (72 ms vs 1.6 ms at 30k units, RESULTS.md)."""

    KINDS = ("directive", "sentence")

    def __init__(self, client, embedder: Embedder):
        self.embedder = embedder
        self.parts = {kind: DenseIndex(client, embedder, f"{kind}s") for kind in self.KINDS}

    @staticmethod
    def kind_of(unit_id: str) -> str:
        return "sentence" if unit_id.startswith("s:") else "directive"

    def count(self) -> int:
        return sum(p.count() for p in self.parts.values())

    def add(self, ids: list[str], texts: list[str], metadatas: list[dict]) -> None:
        for kind, part in self.parts.items():
            idx = [i for i, m in enumerate(metadatas) if m["kind"] == kind]
            if idx:
                part.add([ids[i] for i in idx], [texts[i] for i in idx], [metadatas[i] for i in idx])

    def existing(self, ids: list[str]) -> set[str]:
        out: set[str] = set()
        for kind, part in self.parts.items():
            mine = [i for i in ids if self.kind_of(i) == kind]
            for start in range(0, len(mine), 5000):
                out |= part.existing(mine[start:start + 5000])
        return out

    def query(self, text: str, k: int, where: dict | None = None, vector: np.ndarray | None = None,
              kind: str | None = None) -> list[tuple[str, float]]:
        if vector is None:
            vector = self.embedder.embed([text], kind="query")[0]
        hits: list[tuple[str, float]] = []
        for name, part in self.parts.items():
            if kind in (None, name):
                hits += part.query(text, k, where, vector=vector)
        return sorted(hits, key=lambda h: -h[1])[:k]

    def vectors(self, ids: list[str]) -> np.ndarray:
        rows = {}
        for kind, part in self.parts.items():
            mine = [i for i in ids if self.kind_of(i) == kind]
            if mine:
                rows.update(zip(mine, part.vectors(mine)))
        return np.asarray([rows[i] for i in ids], dtype=np.float32)
