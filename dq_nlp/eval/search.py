"""`dq eval search`: retrieval quality of BM25, dense and hybrid.

- ``--bench kazqad``: ``../shared/data/kazqad`` (Kazakh reading-comprehension validation): the distinct passages are
  indexed, each distinct question is a query, relevant = the passages paired with it. Questions are split into
  dev/test by a fixed rule (md5 of the question text: even first byte → dev).
- ``--bench directives``: ``corpora/queries/queries.jsonl`` over the frozen haystack (graded judgements);
  ``--extra`` scores ``corpora/queries/queries_dev2.jsonl`` instead (80 more dev queries, for tuning; no test half).
"""

from __future__ import annotations

import hashlib
import json
import math
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from ..errors import DqError
from ..settings import REPO_DIR

KAZQAD = REPO_DIR.parent / "shared" / "data" / "kazqad"
QUERIES = REPO_DIR / "corpora" / "queries" / "queries.jsonl"
# extra dev queries written after round 4 so the dev slices are large enough to tune on (all dev, never test)
QUERIES_DEV2 = REPO_DIR / "corpora" / "queries" / "queries_dev2.jsonl"


def split_of(text: str) -> str:
    return "dev" if hashlib.md5(text.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def metrics(ranked: list[list[str]], relevant: list[dict[str, int]]) -> dict[str, float]:
    mrr = r1 = r10 = ndcg = 0.0
    for ids, rel in zip(ranked, relevant):
        first = next((i for i, x in enumerate(ids) if rel.get(x, 0) > 0), None)
        if first is not None:
            mrr += 1 / (first + 1)
            r1 += first == 0
            r10 += first < 10
        dcg = sum((2 ** rel.get(x, 0) - 1) / math.log2(i + 2) for i, x in enumerate(ids[:10]))
        ideal = sorted(rel.values(), reverse=True)[:10]
        idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
        ndcg += dcg / idcg if idcg else 0.0
    n = max(1, len(ranked))
    return {"mrr": round(mrr / n, 4), "r@1": round(r1 / n, 4), "r@10": round(r10 / n, 4), "ndcg@10": round(ndcg / n, 4)}


def _load_kazqad(split: str) -> tuple[list[str], list[str], list[str], list[dict[str, int]]]:
    files = sorted(KAZQAD.glob("*.jsonl")) if KAZQAD.exists() else []
    if not files:
        raise DqError(f"the KazQAD benchmark needs {KAZQAD}/*.jsonl (shared data); it is not on this machine")
    path = files[0]
    passages: dict[str, str] = {}
    qrels: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        pid = hashlib.md5(row["context"].encode("utf-8")).hexdigest()[:12]
        passages[pid] = row["context"]
        qrels[row["question"].strip()].add(pid)
    questions = [q for q in sorted(qrels) if split in ("all", split_of(q))]
    ids = list(passages)
    return ids, [passages[i] for i in ids], questions, [{p: 1 for p in qrels[q]} for q in questions]


CACHE = Path.home() / ".cache" / "dq-nlp"


def _cached_passages(embedder, texts: list[str]) -> np.ndarray:
    """Passage vectors are a pure function of (model, text): cache them so re-running a benchmark is cheap."""
    key = hashlib.sha256((embedder.name + "\x00" + "\x00".join(texts)).encode("utf-8")).hexdigest()[:20]
    path = CACHE / f"{embedder.name}-{key}.npy"
    if path.exists():
        return np.load(path)
    vecs = embedder.embed(texts, kind="passage")
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, vecs)
    return vecs


def score_all(ids: list[str], texts: list[str], langs: list[str], queries: list[str], embedder_spec: str,
              work_dir: Path, depth: int = 100) -> dict:
    """Every query's BM25 and dense score of every unit, computed once (the same code paths as `dq search`); the
    fusion is applied afterwards by :func:`rank_scored`, so a weight grid needs no re-scoring
    (``benchmarks/tune_fusion.py``). The BM25 variants (one scheme each) come back as rankings."""
    from ..index.dense import DenseIndex, open_client
    from ..index.embedders import get_embedder
    from ..index.glossary import expand
    from ..index.lexical import SCHEMES, LexicalIndex
    from ..lang.detect import detect_lang

    embedder = get_embedder(embedder_spec)
    lexical = LexicalIndex(work_dir / "bm25")
    lexical.build(ids, texts, langs, version=1)
    variants = {}
    for scheme in SCHEMES:
        if scheme != lexical.scheme:
            variants[scheme] = LexicalIndex(work_dir / f"bm25-{scheme}", scheme=scheme)
            variants[scheme].build(ids, texts, langs, version=1)
    dense = DenseIndex(open_client(work_dir), embedder)
    passage_vecs = _cached_passages(embedder, texts)
    dense.add(ids, texts, [{"lang": lg} for lg in langs], vectors_all=passage_vecs)
    query_vecs = embedder.embed(queries, kind="query")
    qlangs, lex_rows, den_rows = [], [], []
    variant_ranked: dict[str, list[list[str]]] = {f"bm25[{s}]": [] for s in variants}
    for q, qv in zip(queries, query_vecs):
        qlang = detect_lang(q)
        qlangs.append(qlang)
        lex_rows.append(lexical.scores(q, expand(q, lang=qlang), lang=qlang))
        den_rows.append(passage_vecs @ qv)
        for scheme, index in variants.items():
            v = index.scores(q, lang=qlang)
            variant_ranked[f"bm25[{scheme}]"].append([ids[i] for i in np.argsort(-v)[:depth] if v[i] > 0])
    n = len(ids)
    return {"ids": list(ids), "langs": list(langs), "qlangs": qlangs,
            "lexical": np.array(lex_rows, dtype=np.float32).reshape(len(queries), n),
            "dense": np.array(den_rows, dtype=np.float32).reshape(len(queries), n), "variants": variant_ranked}


def rank_scored(scored: dict, weights=None, depth: int = 100) -> dict[str, list[list[str]]]:
    """BM25, dense and hybrid rankings from :func:`score_all`'s scores. The hybrid candidates are the union of
    both retrievers' top ``depth``, fused by :func:`dq_nlp.index.search.fuse_units` as in `dq search`."""
    from ..index.search import Weights, fuse_units

    weights = weights or Weights()
    ids, langs = scored["ids"], scored["langs"]
    out: dict[str, list[list[str]]] = {"bm25": [], "dense": [], "hybrid": []}
    for qlang, lex, den in zip(scored["qlangs"], scored["lexical"], scored["dense"]):
        out["bm25"].append([ids[i] for i in np.argsort(-lex)[:depth] if lex[i] > 0])
        out["dense"].append([ids[i] for i in np.argsort(-den)[:depth]])
        cand = list(dict.fromkeys(list(np.argsort(-den)[:depth]) + list(np.argsort(-lex)[:depth])))
        fused = fuse_units(den[cand], lex[cand], qlang, [langs[i] for i in cand], weights)
        out["hybrid"].append([ids[cand[i]] for i in np.argsort(-fused)])
    out.update(scored["variants"])
    return out


def rank_all(ids: list[str], texts: list[str], langs: list[str], queries: list[str], embedder_spec: str,
             work_dir: Path, depth: int = 100, weights=None) -> dict[str, list[list[str]]]:
    """Rank ``ids`` for every query with BM25, dense (Chroma) and their fusion; the same code paths as `dq search`."""
    return rank_scored(score_all(ids, texts, langs, queries, embedder_spec, work_dir, depth), weights, depth)


def evaluate_search(bench: str = "kazqad", split: str = "test", embedder: str = "e5-small", weights=None,
                    haystack: str = "frozen", extra: bool = False) -> dict:
    """``weights``: a :class:`dq_nlp.index.search.Weights` for the hybrid (default: the tuned defaults;
    ``Weights.round3()`` is the previous fusion). ``extra``: score ``queries_dev2.jsonl`` (directives, dev only)."""
    t0 = time.perf_counter()
    if extra and (bench != "directives" or split == "test"):
        raise DqError("--extra is the extra dev query file of the directives bench: use --bench directives --split dev")
    if bench == "kazqad":
        ids, texts, queries, qrels = _load_kazqad(split)
        langs = ["kk"] * len(ids)
    elif bench == "directives":
        ids, texts, langs, queries, qrels, types = _load_directive_bench(split, haystack,
                                                                         QUERIES_DEV2 if extra else QUERIES)
    else:
        raise DqError(f"unknown bench {bench!r}: kazqad | directives")
    with tempfile.TemporaryDirectory() as tmp:
        ranked = rank_all(ids, texts, langs, queries, embedder, Path(tmp), weights=weights)
    report = {"bench": bench, "split": split, "embedder": embedder, "passages": len(ids), "queries": len(queries),
              **({"haystack": haystack, "query_file": (QUERIES_DEV2 if extra else QUERIES).name}
                 if bench == "directives" else {}),
              "methods": {m: metrics(r, qrels) for m, r in ranked.items()}}
    if bench == "directives":
        by_type: dict[str, dict] = {}
        for t in sorted(set(types)):
            idx = [i for i, x in enumerate(types) if x == t]
            by_type[t] = {m: metrics([r[i] for i in idx], [qrels[i] for i in idx]) for m, r in ranked.items()}
        cross = [i for i, x in enumerate(types) if "->" in x]
        by_type["cross-lingual"] = {m: metrics([r[i] for i in cross], [qrels[i] for i in cross]) for m, r in ranked.items()}
        report["by_type"] = by_type
    report["seconds"] = round(time.perf_counter() - t0, 1)
    return report


def _load_directive_bench(split: str, haystack: str = "frozen", queries: Path | list[Path] = QUERIES):
    """Sentences of the haystack documents as units; judgements point at a document and a sentence substring.
    ``queries``: one query file or several (``benchmarks/tune_fusion.py`` tunes on dev of both)."""
    from ..ingest.prepare import prepare
    from ..ingest.readers import read_path

    rows = []
    for path in [queries] if isinstance(queries, Path) else queries:
        if not path.exists():
            raise DqError(f"{path} is missing: the directives benchmark needs the query set")
        rows += [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = [r for r in rows if split == "all" or r.get("split") == split]
    docs: dict[str, list] = {}
    ids, texts, langs = [], [], []
    from ..ingest.run import iter_files
    from .haystack import haystack_paths

    for f in iter_files(haystack_paths(haystack)):
        for raw in read_path(f):
            if raw.error:
                continue
            prepared = prepare(raw)
            rel = str(f.relative_to(REPO_DIR)) if ":" not in raw.source else raw.source.replace(str(REPO_DIR) + "/", "")
            # one file can hold several documents (feed.jsonl:1, :2, …): judgements name the file, units the record
            docs.setdefault(str(f.relative_to(REPO_DIR)), []).extend((rel, s) for s in prepared.sentences)
            for s in prepared.sentences:
                ids.append(f"{rel}#{s.idx}")
                texts.append(s.text)
                langs.append(s.lang)
    queries, qrels, types = [], [], []
    from ..ingest.normalize import normalize_text

    for r in rows:
        judged: dict[str, int] = {}
        for j in r["relevant"]:
            sents = docs.get(j["doc"], [])
            needle = " ".join(normalize_text(j["sentence_contains"]).split())
            hit = next(((rel, s) for rel, s in sents if needle in " ".join(s.text.split())), None)
            if hit is not None:
                judged[f"{hit[0]}#{hit[1].idx}"] = int(j.get("grade", 1))
        if judged:
            queries.append(r["query"])
            qrels.append(judged)
            types.append(r.get("type", r.get("lang", "ru")))
    return ids, texts, langs, queries, qrels, types
