"""Search latency as the index grows: synthetic directives (random unit vectors + Russian/Kazakh term soup) in
Chroma + BM25, queried through the same primitives as `dq search` (dense top-k in the directives collection, BM25 scores, z-score fusion).

    python benchmarks/bench_scale.py --sizes 10000 100000 [--queries 50]

Synthetic vectors are fine for the latency curve (HNSW cost depends on size and dimension, not on meaning); the
real query embedding (~7–20 ms with e5-small) is added on top and measured separately in bench_search.py.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from dq_nlp.index.dense import open_client
from dq_nlp.index.lexical import LexicalIndex, top_indices
from dq_nlp.index.search import Weights, fuse_units

VOCAB = ("министерство акимат поручить обеспечить цифровизация школа интернет бюджет срок отопительный сезон "
         "дорога больница данные платформа министрлік әкімдік тапсыру қамтамасыз мектеп интернет бюджет мерзім "
         "жол аурухана деректер платформа кибербезопасность ледокол стратегия тенге млрд").split()


class _FakeEmbedder:
    name = "synthetic"
    dim = 384


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--queries", type=int, default=50)
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    out = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            vecs = rng.normal(size=(n, 384)).astype(np.float32)
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
            texts = [" ".join(rng.choice(VOCAB, size=12)) for _ in range(n)]
            ids = [f"d{i}" for i in range(n)]
            t0 = time.perf_counter()
            client = open_client(Path(tmp))
            col = client.get_or_create_collection("directives__synthetic", embedding_function=None,
                                                  metadata={"hnsw:space": "cosine"})
            for i in range(0, n, 5000):
                col.add(ids=ids[i:i + 5000], embeddings=vecs[i:i + 5000].tolist(),
                        metadatas=[{"kind": "directive", "lang": "ru"}] * len(ids[i:i + 5000]))
            lex = LexicalIndex(Path(tmp) / "bm25")
            lex.build(ids, texts, ["ru"] * n, version=1)
            build_s = time.perf_counter() - t0
            times = []
            for _ in range(args.queries):
                q = rng.normal(size=384).astype(np.float32)
                q /= np.linalg.norm(q)
                words = " ".join(rng.choice(VOCAB, size=3))
                t = time.perf_counter()
                # the unit kind is a collection, not a `where` clause (see dq_nlp.index.dense.UnitsIndex)
                res = col.query(query_embeddings=[q.tolist()], n_results=50, include=["distances"])
                dense = {i: 1 - d for i, d in zip(res["ids"][0], res["distances"][0])}
                lx = lex.scores(words)
                top = top_indices(lx, 50)  # the partial sort `dq search` uses
                cand = list(dict.fromkeys(list(dense) + [ids[j] for j in top]))
                d = np.array([dense.get(c, 0.0) for c in cand], dtype=np.float32)
                lv = np.array([lx[int(c[1:])] for c in cand], dtype=np.float32)
                fuse_units(d, lv, "ru", ["ru"] * len(cand), Weights())  # the fusion `dq search` runs
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            row = {"units": n, "build_s": round(build_s, 1), "p50_ms": round(statistics.median(times), 1),
                   "p95_ms": round(times[int(0.95 * len(times)) - 1], 1),
                   "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
            print(json.dumps(row), flush=True)
            out.append(row)


if __name__ == "__main__":
    main()
