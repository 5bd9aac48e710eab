"""Small static vectors for Russian from the navec news embeddings that ship inside natasha (no download).

navec has 250k lower-cased words × 300 dims (product-quantised, 25 MB). A spaCy model needs plain float rows,
so we (1) reduce to ``dims`` with PCA, (2) keep one row per word seen in the *training* texts (NEREL train+dev; the ``max_rows`` most frequent),
and (3) point every other navec word at the row of its nearest kept word (cosine) — the same idea as
``Vectors.prune_vectors``, so test-time words unseen in training still get a meaningful vector.
Keys are looked up by ``LOWER``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np


def navec_path() -> Path:
    import natasha

    paths = sorted((Path(natasha.__file__).parent / "data" / "emb").glob("navec_*.tar"))
    if not paths:
        raise FileNotFoundError("navec embeddings not found inside the natasha package")
    return paths[0]


def build_ru_vectors(
    train_words: Iterable[str], out: Path, dims: int = 96, seed: int = 0, max_rows: int = 0
) -> dict[str, int]:
    """Write a blank ``ru`` pipeline holding the pruned vectors to ``out`` (for ``[initialize] vectors``)."""
    import spacy
    from navec import Navec
    from spacy.strings import hash_string
    from spacy.vectors import Vectors

    navec = Navec.load(str(navec_path()))
    words: list[str] = list(navec.vocab.words)
    full = navec.pq.unpack().astype(np.float32)  # (250002, 300)
    index = {w: i for i, w in enumerate(words)}

    rng = np.random.default_rng(seed)
    sample = full[rng.choice(len(full), size=min(50_000, len(full)), replace=False)]
    mean = sample.mean(0)
    _, _, vt = np.linalg.svd(sample - mean, full_matrices=False)
    proj = ((full - mean) @ vt[:dims].T).astype(np.float32)

    counts = Counter(train_words)
    kept: list[str] = []
    extra_keys: dict[str, str] = {}
    for w, _ in counts.most_common():
        if w in index:
            kept.append(w)
        elif "ё" in w and w.replace("ё", "е") in index:
            extra_keys[w] = w.replace("ё", "е")
    if max_rows:
        kept = kept[:max_rows]
        extra_keys = {k: v for k, v in extra_keys.items() if v in set(kept)}
    kept = sorted(set(kept) | set(extra_keys.values()))
    kept_idx = np.array([index[w] for w in kept])
    table = proj[kept_idx]
    row_of = {w: r for r, w in enumerate(kept)}

    # nearest kept row for every other navec word (cosine on the reduced vectors)
    unit = table / (np.linalg.norm(table, axis=1, keepdims=True) + 1e-8)
    rest = [i for i, w in enumerate(words) if w not in row_of and not w.startswith("<")]
    nearest: dict[str, int] = {}
    for b in range(0, len(rest), 8192):
        ids = rest[b : b + 8192]
        q = proj[ids]
        q = q / (np.linalg.norm(q, axis=1, keepdims=True) + 1e-8)
        best = (q @ unit.T).argmax(1)
        for i, r in zip(ids, best, strict=True):
            nearest[words[i]] = int(r)

    nlp = spacy.blank("ru")
    vectors = Vectors(data=table, attr="LOWER")
    for w, r in row_of.items():
        vectors.add(hash_string(w), row=r)
    for w, base in extra_keys.items():
        vectors.add(hash_string(w), row=row_of[base])
    for w, r in nearest.items():
        vectors.add(hash_string(w), row=r)
    nlp.vocab.vectors = vectors
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return {"rows": len(kept), "keys": len(vectors.key2row), "dims": dims}
