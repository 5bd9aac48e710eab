"""Tune the hybrid search's fusion weights on the DEV halves of both search benchmarks (never on test).

    nice -n 5 python benchmarks/tune_fusion.py            # grid, prints the best settings and their slices
    nice -n 5 python benchmarks/tune_fusion.py --top 20   # more of the ranking

Each benchmark's BM25 and dense scores are computed once (`dq_nlp.eval.search.score_all`, the code paths of
`dq eval search`) and cached under /tmp/dq-tune-fusion, keyed by the units, the queries and the glossary; every grid
point then only re-fuses (`rank_scored`). Slices: KazQAD dev (kk→kk) and the four directive types of the
`corpora/queries` dev queries — the dev half of queries.jsonl plus all of queries_dev2.jsonl, over the frozen
haystack — (ru→ru, kk→kk, ru→kk, kk→ru). Objective, in order: the worst slice margin of hybrid over the
better of BM25 and dense (nDCG@10) must be ≥ 0 when any setting reaches that, and larger is better up to 0; then
the mean nDCG@10 of the five slices (each slice counts once). A setting is a `Weights`; the grid is the
constants NORMALISE, SAME, CROSS_DENSE, CROSS_LEX, CROSS_BIAS below.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dq_nlp.eval.search import (  # noqa: E402
    QUERIES,
    QUERIES_DEV2,
    _load_directive_bench,
    _load_kazqad,
    metrics,
    rank_scored,
    score_all,
)
from dq_nlp.index.glossary import GLOSSARY  # noqa: E402
from dq_nlp.index.search import PairWeights, Weights, fuse_units  # noqa: E402

CACHE = Path("/tmp/dq-tune-fusion")


def load(bench: str, split: str = "dev") -> dict:
    """Scores and judgements of one benchmark's split, from the cache when the inputs have not changed."""
    if split != "dev":
        raise SystemExit("tuning uses the dev split only")
    if bench == "kazqad":
        ids, texts, queries, qrels = _load_kazqad(split)
        langs, types = ["kk"] * len(ids), ["kazqad"] * len(queries)
    else:
        # both dev query files: queries.jsonl (odd ids) and queries_dev2.jsonl (all dev); frozen haystack
        ids, texts, langs, queries, qrels, types = _load_directive_bench(split, "frozen", [QUERIES, QUERIES_DEV2])
    h = hashlib.sha256()
    for part in (ids, texts, langs, queries, [json.dumps(q, sort_keys=True) for q in qrels]):
        h.update("\x00".join(part).encode("utf-8"))
    h.update(GLOSSARY.read_bytes() if GLOSSARY.exists() else b"")
    path = CACHE / f"{bench}-{split}-{h.hexdigest()[:16]}.pkl"
    if path.exists():
        scored = pickle.loads(path.read_bytes())
    else:
        with tempfile.TemporaryDirectory() as tmp:
            scored = score_all(ids, texts, langs, queries, "e5-small", Path(tmp))
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(scored))
    return {"scored": scored, "qrels": qrels, "types": types, "units": len(ids), "cache": str(path)}


def slice_scores(benches: list[dict], weights: Weights | None, methods=("bm25", "dense", "hybrid")) -> dict:
    """nDCG@10 per slice and method."""
    out: dict[str, dict[str, float]] = {}
    for b in benches:
        ranked = rank_scored(b["scored"], weights)
        for t in sorted(set(b["types"])):
            idx = [i for i, x in enumerate(b["types"]) if x == t]
            out[t] = {m: metrics([ranked[m][i] for i in idx], [b["qrels"][i] for i in idx])["ndcg@10"] for m in methods}
    return out


def objective(scores: dict) -> tuple[float, float, float]:
    """(worst margin of hybrid over the best single method, capped at 0; mean nDCG@10 over the slices; the margin)."""
    margin = min(s["hybrid"] - max(s["bm25"], s["dense"]) for s in scores.values())
    mean = float(np.mean([s["hybrid"] for s in scores.values()]))
    return min(margin, 0.0), mean, margin


# The grid. Per query language (the two halves are independent: a query only uses its own language's weights):
# same-language dense weight 1 (the scale), lexical SAME; cross-language dense CROSS_DENSE, lexical CROSS_LEX,
# bias CROSS_BIAS; normalisation shared by both halves.
NORMALISE = ("pool", "language")
SAME = (0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0)
CROSS_DENSE = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0)
CROSS_LEX = (0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0)
CROSS_BIAS = (-1.5, -1.0, -0.5, 0.0, 0.5, 1.0)


def _queries(benches: list[dict], depth: int = 100) -> list[dict]:
    """Each query's hybrid candidates (as in `rank_scored`) with their scores, languages and judgements."""
    out = []
    for b in benches:
        s = b["scored"]
        for i, (qlang, lex, den) in enumerate(zip(s["qlangs"], s["lexical"], s["dense"])):
            cand = list(dict.fromkeys(list(np.argsort(-den)[:depth]) + list(np.argsort(-lex)[:depth])))
            rel = np.array([b["qrels"][i].get(s["ids"][c], 0) for c in cand], dtype=float)
            ideal = sorted(b["qrels"][i].values(), reverse=True)[:10]
            idcg = sum((2 ** g - 1) / np.log2(k + 2) for k, g in enumerate(ideal))
            out.append({"type": b["types"][i], "qlang": "kk" if qlang == "kk" else "ru", "dense": den[cand],
                        "lexical": lex[cand], "langs": [s["langs"][c] for c in cand], "gain": 2 ** rel - 1,
                        "idcg": idcg})
    return out


_DISCOUNT = 1 / np.log2(np.arange(2, 12))


def _ndcg(q: dict, fused: np.ndarray) -> float:
    top = np.argsort(-fused, kind="stable")[:10]
    return float((q["gain"][top] * _DISCOUNT[:len(top)]).sum() / q["idcg"]) if q["idcg"] else 0.0


def weights_of(normalise: str, ru: tuple, kk: tuple) -> Weights:
    """A grid point: ``ru`` and ``kk`` are (same lexical, cross dense, cross lexical, cross bias)."""
    return Weights(normalise=normalise, ru_ru=PairWeights(1.0, ru[0]), kk_kk=PairWeights(1.0, kk[0]),
                   ru_kk=PairWeights(ru[1], ru[2], ru[3]), kk_ru=PairWeights(kk[1], kk[2], kk[3]))


def grid(benches: list[dict], single: dict) -> list[tuple]:
    """Every grid point's objective, best first. Each half-setting is scored once on its language's queries (per
    slice sums), then all (ru half, kk half) combinations are scored exactly."""
    queries = _queries(benches)
    slices = sorted(single)
    count = np.array([sum(q["type"] == t for q in queries) for t in slices], dtype=float)
    best = np.array([max(single[t]["bm25"], single[t]["dense"]) for t in slices])
    halves = list(itertools.product(SAME, CROSS_DENSE, CROSS_LEX, CROSS_BIAS))
    results, feasible = [], {}
    for normalise in NORMALISE:
        sums = {}
        for lang in ("ru", "kk"):
            mine = [q for q in queries if q["qlang"] == lang]
            col = np.array([slices.index(q["type"]) for q in mine])
            table = np.zeros((len(halves), len(slices)))
            for h, half in enumerate(halves):
                w = weights_of(normalise, half, half)
                for q, c in zip(mine, col):
                    table[h, c] += _ndcg(q, fuse_units(q["dense"], q["lexical"], lang, q["langs"], w))
            sums[lang] = table
        for r, ru in enumerate(halves):
            per_slice = (sums["ru"][r] + sums["kk"]) / count  # every kk half with this ru half
            margin = (per_slice - best).min(axis=1)
            feasible[normalise] = feasible.get(normalise, 0) + int((margin >= 0).sum())
            mean = per_slice.mean(axis=1)
            for k in np.lexsort((-margin, -mean, -np.minimum(margin, 0)))[:3]:
                results.append(((min(float(margin[k]), 0.0), float(mean[k]), float(margin[k])), normalise, ru,
                                halves[k], dict(zip(slices, per_slice[k].round(4).tolist()))))
    results.sort(key=lambda x: x[0], reverse=True)
    for normalise in NORMALISE:
        print(f"{normalise}: {feasible[normalise]} of {len(halves) ** 2} settings have hybrid ≥ best single on every "
              f"slice; best: {next(r for r in results if r[1] == normalise)}", file=sys.stderr)
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--out", type=Path, default=CACHE / "grid.json", help="where to write the ranked grid")
    args = ap.parse_args()
    benches = [load("kazqad"), load("directives")]
    for b in benches:
        print(f"{b['cache']}: {b['units']} units, {len(b['types'])} queries", file=sys.stderr)
    single = slice_scores(benches, None, methods=("bm25", "dense"))
    report = {"slices": single}
    for name, w in (("round3", Weights.round3()), ("defaults", Weights())):
        scores = slice_scores(benches, w)
        report[name] = {"slices": scores, "objective": objective(scores)}
        print(f"{name}: objective {objective(scores)}")
        for t, v in scores.items():
            print(f"  {t:8s} bm25 {v['bm25']:.3f}  dense {v['dense']:.3f}  hybrid {v['hybrid']:.3f}")
    t0 = time.perf_counter()
    results = grid(benches, single)
    print(f"grid: {len(NORMALISE)} normalisations × {len(SAME) * len(CROSS_DENSE) * len(CROSS_LEX) * len(CROSS_BIAS)}"
          f" settings per query language, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    print("rank  (capped margin, mean, margin)  normalise  ru (same lex, cross dense, cross lex, bias)  kk (same)  slices")
    for i, (obj, normalise, ru, kk, per_slice) in enumerate(results[:args.top]):
        print(i + 1, tuple(round(x, 4) for x in obj), normalise, ru, kk, per_slice)
    obj, normalise, ru, kk, _ = results[0]
    chosen = weights_of(normalise, ru, kk)
    scores = slice_scores(benches, chosen)  # through rank_scored + metrics, as `dq eval search` does
    print("chosen:", chosen)
    for t, v in scores.items():
        print(f"  {t:8s} bm25 {v['bm25']:.3f}  dense {v['dense']:.3f}  hybrid {v['hybrid']:.3f}")
    report["chosen"] = {"weights": repr(chosen), "slices": scores, "objective": objective(scores)}
    report["top"] = [{"objective": r[0], "normalise": r[1], "ru": r[2], "kk": r[3], "slices": r[4]}
                     for r in results[:100]]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
