"""Hybrid search over directives and sentences: dense (Chroma) + BM25 (lemmas/stems + glossary), fused by
z-scores with language-aware weights. Filters (language, owner, deadline, document date, project) are applied
inside both retrievers, before ranking."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from ..lang.detect import detect_lang
from ..records import Directive
from ..store import Store
from .dense import DenseIndex, UnitsIndex, open_client
from .embedders import Embedder
from .glossary import expand
from .lexical import LexicalIndex, top_indices


def owner_key(owner_id: str) -> str:
    return "owner__" + re.sub(r"[^A-Za-z0-9_]", "_", owner_id)


def _date_int(value: str | None) -> int:
    return int(value.replace("-", "")) if value else 0


class SearchFilters(BaseModel):
    lang: str | None = None
    owner: str | None = None  # a registry id, or any mention ("МИИЦР", "акиматам") — linked before searching
    due_before: str | None = None
    due_after: str | None = None
    doc_after: str | None = None
    doc_before: str | None = None
    project: str | None = None
    kind: str | None = None  # directive | sentence


class SearchHit(BaseModel):
    score: float
    kind: str
    id: str
    doc_id: str
    doc_title: str | None = None
    doc_date: str | None = None
    lang: str
    text: str
    start: int
    end: int
    dense: float | None = None
    lexical: float | None = None
    directive: Directive | None = None


@dataclass(frozen=True)
class PairWeights:
    """How a unit's two signals add up for one (query language, unit language) pair:
    ``dense·z(dense) + lexical·z(bm25) + bias``."""

    dense: float = 1.0
    lexical: float = 1.0
    bias: float = 0.0


@dataclass(frozen=True)
class Weights:
    """Fusion settings, all in one place; tuned on the dev halves of KazQAD and corpora/queries (dev half of
    queries.jsonl + queries_dev2.jsonl, frozen haystack) together with ``benchmarks/tune_fusion.py`` (RESULTS.md,
    search round 5). ``Weights.round4()`` and ``Weights.round3()`` are the previous fusions.

    A unit is *same-language* when its language is the query's (or ``mixed``), else *cross-language*; the pair
    (query language, unit language) picks the weights, and a query in any language but Kazakh counts as Russian.
    ``normalise="language"`` z-scores both signals among the same-language candidates and, apart, among the
    cross-language ones: e5 scores every other-language unit lower and glossary-expanded BM25 matches across
    languages are weaker, so one z-score over the pool let one language's scale decide the order; the ``bias`` of a
    cross-language pair then sets how far the other language's best match must stand out to come first.
    ``"pool"`` is the single z-score over all candidates of rounds 1–3; on the larger dev set of round 5 it is the
    one that keeps hybrid ≥ the better single method on every slice in far more settings (9,531 vs 36)."""

    normalise: str = "pool"  # language | pool
    ru_ru: PairWeights = PairWeights(dense=1.0, lexical=3.0)
    kk_kk: PairWeights = PairWeights(dense=1.0, lexical=3.0)
    ru_kk: PairWeights = PairWeights(dense=1.5, lexical=4.0, bias=0.0)
    kk_ru: PairWeights = PairWeights(dense=0.25, lexical=4.0, bias=1.0)

    @classmethod
    def round4(cls) -> Weights:
        """The weights of search round 4 (per-language z-scores), for comparison."""
        return cls(normalise="language", ru_ru=PairWeights(1.0, 4.0), kk_kk=PairWeights(1.0, 3.0),
                   ru_kk=PairWeights(1.5, 4.0, 0.5), kk_ru=PairWeights(0.25, 4.0, -1.0))

    @classmethod
    def round3(cls) -> Weights:
        """The weights of search rounds 2–3 (one z-score over the pool; lexical 0.5 ru→ru, 1.0 kk→kk, 2.0 across
        languages; dense 1), for comparison."""
        return cls(normalise="pool", ru_ru=PairWeights(1.0, 0.5), kk_kk=PairWeights(1.0, 1.0),
                   ru_kk=PairWeights(1.0, 2.0), kk_ru=PairWeights(1.0, 2.0))

    @staticmethod
    def same_language(query_lang: str, unit_lang: str) -> bool:
        return unit_lang in (query_lang, "mixed")

    def pairs(self, query_lang: str) -> tuple[PairWeights, PairWeights]:
        """(same-language, cross-language) weights for a query in ``query_lang``."""
        return (self.kk_kk, self.kk_ru) if query_lang == "kk" else (self.ru_ru, self.ru_kk)

    def pair(self, query_lang: str, unit_lang: str) -> PairWeights:
        same, cross = self.pairs(query_lang)
        return same if self.same_language(query_lang, unit_lang) else cross


def _zscore(x: np.ndarray) -> np.ndarray:
    if x.size == 0:
        return x
    sd = float(x.std())
    return (x - float(x.mean())) / sd if sd > 1e-9 else np.zeros_like(x)


def _lexical_z(x: np.ndarray) -> np.ndarray:
    return _zscore(x) if np.any(x > 0) else np.zeros_like(x)


def fuse(dense: np.ndarray, lexical: np.ndarray, lexical_weight: np.ndarray | float, dense_weight: float = 1.0) -> np.ndarray:
    """z-score fusion over one candidate set: each signal is put on the same scale before weighting, so a
    retriever with a flat score distribution (BM25 across languages) cannot drag a sharp one down."""
    return dense_weight * _zscore(dense) + lexical_weight * _lexical_z(lexical)


def fuse_units(dense: np.ndarray, lexical: np.ndarray, query_lang: str, unit_langs: list[str],
               weights: Weights) -> np.ndarray:
    """Fused scores of one query's candidates (dense cosine and BM25 score of each, and each unit's language)."""
    dense = np.asarray(dense, dtype=np.float32)
    lexical = np.asarray(lexical, dtype=np.float32)
    same = np.array([weights.same_language(query_lang, lg) for lg in unit_langs], dtype=bool)
    if weights.normalise == "pool":
        zd, zl = _zscore(dense), _lexical_z(lexical)
    elif weights.normalise == "language":
        zd, zl = np.zeros_like(dense), np.zeros_like(lexical)
        for group in (same, ~same):
            if group.any():
                zd[group], zl[group] = _zscore(dense[group]), _lexical_z(lexical[group])
    else:
        raise ValueError(f"unknown normalisation {weights.normalise!r}: language | pool")
    same_w, cross_w = weights.pairs(query_lang)
    w_dense = np.where(same, same_w.dense, cross_w.dense).astype(np.float32)
    w_lex = np.where(same, same_w.lexical, cross_w.lexical).astype(np.float32)
    bias = np.where(same, same_w.bias, cross_w.bias).astype(np.float32)
    return w_dense * zd + w_lex * zl + bias


class Index:
    """Both retrievers over the units of the store: every directive and every sentence."""

    def __init__(self, data_dir: Path, embedder: Embedder, store: Store, chroma_url: str | None = None,
                 weights: Weights | None = None):
        self.store = store
        self.embedder = embedder
        client = open_client(data_dir, chroma_url)
        self.dense = UnitsIndex(client, embedder)
        # the action alone ("внедрить блокировку номеров …"), embedded apart from its sentence: the ownership bot
        # compares a question's core with it (RESULTS.md, issue 6); not a search unit
        self.actions = DenseIndex(client, embedder, "actions")
        self.lexical = LexicalIndex(Path(data_dir) / "bm25" / embedder.name)
        self.weights = weights or Weights()
        self._meta: dict[str, dict] = {}
        self._texts: dict[str, str] = {}
        self._meta_version = -1

    # ------------------------------------------------------------------ units
    def units_for(self, doc_id: str) -> tuple[list[str], list[str], list[dict]]:
        doc = self.store.document(doc_id)
        ids, texts, metas = [], [], []
        directive_sentences = set()
        for d in self.store.directives(doc_id=doc_id):
            directive_sentences.add((d.sentence.start, d.sentence.end))
            meta = {"kind": "directive", "doc_id": doc_id, "lang": d.lang, "doc_date": _date_int(doc.date if doc else None),
                    "due": _date_int(d.deadline.date if d.deadline else None), "project": d.project_id or "",
                    "start": d.sentence.start, "end": d.sentence.end}
            for oid in d.owner_ids:
                if oid:
                    meta[owner_key(oid)] = True
            ids.append(d.id)
            # the action and owners lead: they carry the meaning an analyst searches for
            texts.append(d.sentence.text)
            metas.append(meta)
        for s in self.store.sentences(doc_id):
            if (s.start, s.end) in directive_sentences or len(s.text) < 25:
                continue
            ids.append(f"s:{doc_id}:{s.idx}")
            texts.append(s.text)
            metas.append({"kind": "sentence", "doc_id": doc_id, "lang": s.lang,
                          "doc_date": _date_int(doc.date if doc else None), "due": 0, "project": "",
                          "start": s.start, "end": s.end})
        return ids, texts, metas

    def add_document(self, doc_id: str) -> int:
        ids, texts, metas = self.units_for(doc_id)
        have = self.dense.existing(ids)
        todo = [i for i, x in enumerate(ids) if x not in have]
        if todo:
            self.dense.add([ids[i] for i in todo], [texts[i] for i in todo], [metas[i] for i in todo])
        self._add_actions([i for i, m in zip(ids, metas) if m["kind"] == "directive"])
        return len(todo)

    def _add_actions(self, directive_ids: list[str]) -> None:
        have: set[str] = set()
        for start in range(0, len(directive_ids), 5000):
            have |= self.actions.existing(directive_ids[start:start + 5000])
        todo = [self.store.directive(i) for i in directive_ids if i not in have]
        todo = [d for d in todo if d is not None]
        if todo:
            self.actions.add([d.id for d in todo], [d.action or d.sentence.text for d in todo],
                             [{"doc_id": d.doc_id} for d in todo])

    def action_vectors(self, directive_ids: list[str]) -> np.ndarray:
        """Vectors of the directives' actions (embedded now if a data dir made before them lacks some)."""
        if not directive_ids:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        try:
            return self.actions.vectors(directive_ids)
        except KeyError:  # some are missing: embed those, then read again
            self._add_actions(directive_ids)
            return self.actions.vectors(directive_ids)

    def sync(self) -> None:
        """Make both indexes match the store (after ingest, or on first use in a new process)."""
        version = self.store.version()
        if self._meta_version == version and self.lexical.version == version:
            return
        ids, texts, metas = [], [], []
        for doc in self.store.documents():
            i, t, m = self.units_for(doc["id"])
            ids += i
            texts += t
            metas += m
        self._meta = dict(zip(ids, metas))
        self._texts = dict(zip(ids, texts))
        self._meta_version = version
        expand("прогрев")  # load the glossary now, not inside the first query
        if self.lexical.version != version or self.lexical.ids != ids:
            self.lexical.build(ids, texts, [m["lang"] for m in metas], version)
        have = self.dense.existing(ids)
        missing = [i for i, x in enumerate(ids) if x not in have]
        if missing:
            self.dense.add([ids[i] for i in missing], [texts[i] for i in missing], [metas[i] for i in missing])
        self._add_actions([i for i, m in zip(ids, metas) if m["kind"] == "directive"])

    # ------------------------------------------------------------------ search
    def _where(self, f: SearchFilters, owner_id: str | None) -> dict | None:
        clauses: list[dict] = []
        if f.lang:
            clauses.append({"lang": f.lang})
        if owner_id:
            clauses.append({owner_key(owner_id): True})
        if f.due_before:
            clauses += [{"due": {"$lte": _date_int(f.due_before)}}, {"due": {"$gt": 0}}]
        if f.due_after:
            clauses.append({"due": {"$gte": _date_int(f.due_after)}})
        if f.doc_after:
            clauses.append({"doc_date": {"$gte": _date_int(f.doc_after)}})
        if f.doc_before:
            clauses += [{"doc_date": {"$lte": _date_int(f.doc_before)}}]
        if f.project:
            clauses.append({"project": f.project})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def _passes(self, meta: dict, f: SearchFilters, owner_id: str | None) -> bool:
        if f.lang and meta["lang"] != f.lang:
            return False
        if f.kind and meta["kind"] != f.kind:
            return False
        if owner_id and not meta.get(owner_key(owner_id)):
            return False
        if f.due_before and not (0 < meta["due"] <= _date_int(f.due_before)):
            return False
        if f.due_after and meta["due"] < _date_int(f.due_after):
            return False
        if f.doc_after and meta["doc_date"] < _date_int(f.doc_after):
            return False
        if f.doc_before and meta["doc_date"] > _date_int(f.doc_before):
            return False
        if f.project and meta["project"] != f.project:
            return False
        return True

    def search(self, query: str, k: int = 10, filters: SearchFilters | None = None, owner_id: str | None = None,
               mode: str = "hybrid") -> list[SearchHit]:
        self.sync()
        f = filters or SearchFilters()
        pool = max(50, k * 5)
        qlang = detect_lang(query)
        dense_scores: dict[str, float] = {}
        qv = self.embedder.embed([query], kind="query")[0] if mode in ("hybrid", "dense") else None
        if mode in ("hybrid", "dense"):
            dense_scores = dict(self.dense.query(query, pool, self._where(f, owner_id), vector=qv, kind=f.kind))
        lex_scores: dict[str, float] = {}
        if mode in ("hybrid", "lexical") and self.lexical.ids:
            scores = self.lexical.scores(query, expand(query, lang=qlang), lang=qlang)
            want = pool * 4  # a filter can reject many of the best: widen the partial sort until the pool fills
            while True:
                order = top_indices(scores, want)
                for j in order:
                    uid = self.lexical.ids[j]
                    if uid in self._meta and self._passes(self._meta[uid], f, owner_id):
                        lex_scores[uid] = float(scores[j])
                        if len(lex_scores) >= pool:
                            break
                if len(lex_scores) >= pool or len(order) < want:
                    break
                lex_scores.clear()
                want *= 8
        candidates = list(dict.fromkeys(list(dense_scores) + list(lex_scores)))
        if not candidates:
            return []
        if mode == "hybrid":
            missing = [c for c in candidates if c not in dense_scores]
            if missing:  # complete the dense side so both signals are known for every candidate
                for uid, vec in zip(missing, self.dense.vectors(missing)):
                    dense_scores[uid] = float(vec @ qv)
            d = np.array([dense_scores.get(c, 0.0) for c in candidates], dtype=np.float32)
            lx = np.array([lex_scores.get(c, 0.0) for c in candidates], dtype=np.float32)
            fused = fuse_units(d, lx, qlang, [self._meta.get(c, {}).get("lang", qlang) for c in candidates], self.weights)
        elif mode == "dense":
            fused = np.array([dense_scores[c] for c in candidates], dtype=np.float32)
        else:
            fused = np.array([lex_scores[c] for c in candidates], dtype=np.float32)
        hits = []
        docs: dict[str, dict] = {}
        shown: set[tuple] = set()
        for j in np.argsort(-fused, kind="stable"):
            if len(hits) >= k:
                break
            uid = candidates[j]
            meta = self._meta.get(uid)
            if meta is None:
                continue
            # several directives split from one sentence are one row: the best-scoring one stands for the others
            span = (meta["doc_id"], meta["start"], meta["end"])
            if span in shown:
                continue
            shown.add(span)
            hits.append(self._hit(uid, meta, float(fused[j]), dense_scores.get(uid), lex_scores.get(uid), docs))
        return hits

    def _hit(self, uid: str, meta: dict, score: float, dense: float | None, lexical: float | None,
             docs: dict[str, dict]) -> SearchHit:
        doc_id = meta["doc_id"]
        if doc_id not in docs:
            doc = self.store.document(doc_id)
            docs[doc_id] = {"title": doc.title if doc else None, "date": doc.date if doc else None}
        directive = self.store.directive(uid) if meta["kind"] == "directive" else None
        start, end = meta["start"], meta["end"]  # kept with the unit: no sentence table scan per hit
        return SearchHit(score=round(score, 4), kind=meta["kind"], id=uid, doc_id=doc_id, doc_title=docs[doc_id]["title"],
                         doc_date=docs[doc_id]["date"], lang=meta["lang"], text=self._texts.get(uid, ""), start=start,
                         end=end, dense=None if dense is None else round(dense, 4),
                         lexical=None if lexical is None else round(lexical, 4), directive=directive)
