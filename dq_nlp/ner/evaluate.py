"""Exact-match NER scoring on NEREL test (character offsets) and KazNERD test (given tokens).

Systems: our spaCy pipelines, natasha/slovnet (PER/LOC/ORG) and Pullenti (ru only).

Entity sets for NEREL (see :mod:`dq_nlp.ner.convert`): ``outermost`` (flat; what our ``ner`` learns and the
primary number we report) and ``nested`` (all continuous entities, the published setting — a flat tagger cannot
reach full recall there). Discontinuous entities (0.3 %) are excluded from both.

Peers are scored only on the types they can express, after mapping both gold and prediction to a shared label:
``PERSON``; ``ORGANIZATION``; ``LOC`` = NEREL's location family (LOCATION, COUNTRY, CITY, STATE_OR_PROVINCE,
DISTRICT) — natasha's LOC and Pullenti's GEO make no finer distinction; Pullenti also ``DATE`` (DATE, DATERANGE)
and ``MONEY``. On a mapped subset the gold is the outermost (or nested) entities *of those types only*.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .convert import KAZNERD_FILES, BratEntity, continuous, nerel_files, outermost, read_iob2, read_nerel_doc

LOC_FAMILY = {"LOCATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT"}
NATASHA_MAP = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOC"}
PULLENTI_MAP = {"PERSON": "PERSON", "ORGANIZATION": "ORGANIZATION", "GEO": "LOC", "DATE": "DATE",
                "DATERANGE": "DATE", "MONEY": "MONEY"}
Mention = tuple[Any, int, int, str]
PULLENTI_FAILURES: list[int] = []  # indices of documents Pullenti raised on (scored as "no entities")


def nerel_gold_map(label: str) -> str:
    return "LOC" if label in LOC_FAMILY else label


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(100 * f, 2), "tp": tp,
            "n_pred": n_pred, "n_gold": n_gold}


def score(gold: Iterable[Mention], pred: Iterable[Mention]) -> dict[str, Any]:
    """Exact-match micro and per-type P/R/F1 (percent) of two mention sets."""
    g, p = set(gold), set(pred)
    tp = g & p
    types = sorted({m[3] for m in g} | {m[3] for m in p})
    cg, cp, ct = Counter(m[3] for m in g), Counter(m[3] for m in p), Counter(m[3] for m in tp)
    return {"micro": prf(len(tp), len(p), len(g)), "per_type": {t: prf(ct[t], cp[t], cg[t]) for t in types}}


# ----------------------------------------------------------------------------------------------- systems
Tagger = Callable[[list[str]], list[list[tuple[int, int, str]]]]


def spacy_tagger(nlp: Any, batch_size: int = 32) -> Tagger:
    def tag(texts: list[str]) -> list[list[tuple[int, int, str]]]:
        return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts, batch_size=batch_size)]

    return tag


def natasha_tagger() -> Tagger:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    seg, ner = Segmenter(), NewsNERTagger(NewsEmbedding())

    def tag(texts: list[str]) -> list[list[tuple[int, int, str]]]:
        out = []
        for text in texts:
            doc = Doc(text)
            doc.segment(seg)
            doc.tag_ner(ner)
            out.append([(s.start, s.stop, NATASHA_MAP[s.type]) for s in doc.spans if s.type in NATASHA_MAP])
        return out

    return tag


def pullenti_tagger() -> Tagger:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pullenti.ner.ProcessorService import ProcessorService
        from pullenti.ner.SourceOfAnalysis import SourceOfAnalysis
        from pullenti.Sdk import Sdk

        Sdk.initialize_all()

    def tag(texts: list[str]) -> list[list[tuple[int, int, str]]]:
        out = []
        with ProcessorService.create_processor() as proc:
            for text in texts:
                try:
                    ar = proc.process(SourceOfAnalysis(text))
                except Exception:  # Pullenti 4.1 crashes on some dates ("year 0 is out of range")
                    PULLENTI_FAILURES.append(len(out))
                    out.append([])
                    continue
                ents = set()
                for e in ar.entities:
                    lab = PULLENTI_MAP.get(e.type_name)
                    if lab is None:
                        continue
                    for o in e.occurrence:  # end_char is inclusive
                        ents.add((o.begin_char, o.end_char + 1, lab))
                out.append(sorted(ents))
        return out

    return tag


# ----------------------------------------------------------------------------------------------- datasets
def nerel_eval(
    tagger: Tagger,
    data: Path,
    split: str = "test",
    label_map: Callable[[str], str | None] | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Score ``tagger`` on NEREL ``split``; with ``label_map`` both gold and predictions are mapped first and
    labels mapped to None are dropped (peer setting)."""
    files = nerel_files(data / "nerel" / split)
    if limit:
        files = files[:limit]
    texts, golds = [], []
    for f in files:
        text, ents = read_nerel_doc(f)
        texts.append(text)
        golds.append(ents)
    t0 = time.perf_counter()
    preds = tagger(texts)
    elapsed = time.perf_counter() - t0
    res: dict[str, Any] = {"docs": len(files), "seconds": round(elapsed, 2)}
    pred_m: list[Mention] = []
    gold_o: list[Mention] = []
    gold_n: list[Mention] = []
    for i, (ents, pred) in enumerate(zip(golds, preds, strict=True)):
        if label_map is not None:
            ents = [BratEntity(e.start, e.end, lab, e.discontinuous) for e in ents
                    if (lab := label_map(e.label)) is not None]
            pred = [(s, e, m) for s, e, lab in pred if (m := label_map(lab)) is not None]
        pred_m += [(i, s, e, lab) for s, e, lab in pred]
        gold_o += [(i, e.start, e.end, e.label) for e in outermost(ents)]
        gold_n += [(i, e.start, e.end, e.label) for e in continuous(ents)]
    res["outermost"] = score(gold_o, pred_m)
    res["nested"] = score(gold_n, pred_m)
    return res


def kaznerd_eval(nlp: Any, data: Path, split: str = "test", limit: int | None = None) -> dict[str, Any]:
    """Score a kk pipeline on KazNERD ``split`` on the gold tokenisation (exact entity match, seqeval-style)."""
    from spacy.tokens import Doc

    from .convert import _fix_iob

    path = data / "kaznerd" / KAZNERD_FILES[split]
    gold: list[Mention] = []
    docs = []
    for i, (words, tags) in enumerate(read_iob2(path)):
        if limit and i >= limit:
            break
        gd = Doc(nlp.vocab, words=words, spaces=[True] * len(words), ents=_fix_iob(tags))
        gold += [(i, e.start, e.end, e.label_) for e in gd.ents]
        docs.append(Doc(nlp.vocab, words=words, spaces=[True] * len(words)))
    t0 = time.perf_counter()
    pred: list[Mention] = []
    for i, d in enumerate(nlp.pipe(docs, batch_size=64)):
        pred += [(i, e.start, e.end, e.label_) for e in d.ents]
    elapsed = time.perf_counter() - t0
    res: dict[str, Any] = {"sentences": len(docs), "tokens": sum(len(d) for d in docs), "seconds": round(elapsed, 2)}
    res["tokens_per_s"] = round(res["tokens"] / elapsed) if elapsed else None
    res["gold_tokens"] = score(gold, pred)
    return res


def speed(nlp: Any, texts: list[str], threads: int = 1, repeats: int = 1) -> dict[str, float]:
    """Tokens per second of ``nlp.pipe`` on ``texts``, one thread.

    ``tokens_per_cpu_s`` divides by the process CPU time (what one core delivers, unaffected by other work on a
    shared machine); ``tokens_per_wall_s`` by the elapsed time. Best of ``repeats``.
    """
    try:
        import torch

        torch.set_num_threads(threads)
    except Exception:  # pragma: no cover
        pass
    list(nlp.pipe(texts[:5]))  # warm-up
    best_cpu = best_wall = 0.0
    n_tok = 0
    for _ in range(repeats):
        w0, c0 = time.perf_counter(), time.process_time()
        n_tok = sum(len(d) for d in nlp.pipe(texts, batch_size=64))
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        best_cpu = max(best_cpu, n_tok / cpu)
        best_wall = max(best_wall, n_tok / wall)
    try:
        load = os.getloadavg()[0]
    except OSError:  # pragma: no cover
        load = -1.0
    return {"tokens": n_tok, "tokens_per_s": round(best_cpu), "tokens_per_cpu_s": round(best_cpu),
            "tokens_per_wall_s": round(best_wall), "loadavg_1min": round(load, 2)}
