"""`dq eval extract`: precision/recall/F1 per field and language on the hand-written gold in ``corpora/gold``.

Matching rules (GUIDELINES.md): a directive matches by sentence (normalised text); several directives in one
sentence pair up by deadline first, then in order. Owners are compared after canonicalisation through the registry;
deadlines by ISO date (or recurrence) exactly; money by value within 0.5% and the same currency; KPIs when the metric
terms overlap and from/to are equal (as written or scaled)."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path

from ..ingest.normalize import normalize_text
from ..ingest.prepare import prepare
from ..ingest.readers import RawDocument, read_path
from ..lang.terms import term_keys
from ..settings import REPO_DIR, Settings

GOLD = REPO_DIR / "corpora" / "gold"
FIELDS = ("directive", "owner", "deadline", "money", "kpi")


def gold_documents(split: str = "test", lang: str | None = None) -> list[tuple[Path, dict, RawDocument]]:
    """(annotation path, annotation, raw document) for a split: dev | test | seeds | all."""
    out = []
    splits = ["dev", "test"] if split == "all" else [split]
    for lg in ([lang] if lang else ["ru", "kk"]):
        for sp in splits:
            if sp == "seeds":
                continue
            for ann_path in sorted((GOLD / lg / sp).glob("*.json")):
                ann = json.loads(ann_path.read_text(encoding="utf-8"))
                raw = read_path(ann_path.with_suffix(".txt"))[0]
                raw.date = raw.date or ann.get("doc_date")
                out.append((ann_path, ann, raw))
    if split in ("seeds", "all") and (lang in (None, "ru")):
        for ann_path in sorted((GOLD / "seeds").glob("*.json")):
            ann = json.loads(ann_path.read_text(encoding="utf-8"))
            text_path = (REPO_DIR / ann["text_from"]).resolve()
            if not text_path.exists():
                continue  # ../shared is absent on this machine: the seeds are skipped, the rest is scored
            raw = read_path(text_path)[0]
            raw.date = raw.date or ann.get("doc_date")
            out.append((ann_path, ann, raw))
    return out


def _norm_sentence(s: str) -> str:
    return " ".join(normalize_text(s).split()).strip(" .")


def _same_sentence(a: str, b: str) -> bool:
    a, b = _norm_sentence(a), _norm_sentence(b)
    return a == b or (len(a) > 20 and len(b) > 20 and (a in b or b in a))


def _deadline_key(d: dict | None, recurrence: str | None = None) -> str | None:
    if recurrence:
        return f"every:{recurrence}"
    if not d:
        return None
    if d.get("recurrence"):
        return f"every:{d['recurrence']}"
    return d.get("date")


def _metric_match(a: str, b: str) -> bool:
    ka = {k for k in term_keys(a) if len(k) > 2}
    kb = {k for k in term_keys(b) if len(k) > 2}
    if not ka or not kb:
        return False
    return len(ka & kb) / min(len(ka), len(kb)) >= 0.5


def _num_eq(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    for scale in (1, 1e3, 1e6, 1e9, 1e12):
        if abs(a - b * scale) <= 1e-6 * max(1, abs(a)) or abs(b - a * scale) <= 1e-6 * max(1, abs(b)):
            return True
    return False


class Counter:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp=0, fp=0, fn=0):
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _pair_directives(gold: list[dict], pred: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    pairs, used = [], set()
    unmatched_gold = []
    for g in gold:
        cands = [i for i, p in enumerate(pred) if i not in used and _same_sentence(g["sentence"], p["sentence"]["text"])]
        if not cands:
            unmatched_gold.append(g)
            continue
        gk = _deadline_key(g.get("deadline"), g.get("recurrence"))
        best = next((i for i in cands if _deadline_key(pred[i].get("deadline")) == gk), cands[0])
        used.add(best)
        pairs.append((g, pred[best]))
    return pairs, unmatched_gold, [p for i, p in enumerate(pred) if i not in used]


def score_document(ann: dict, pred: dict, registry, counters: dict[str, Counter], errors: list | None, name: str) -> None:
    gold_dirs = ann.get("directives", [])
    pairs, missed, extra = _pair_directives(gold_dirs, pred["directives"])
    counters["directive"].add(tp=len(pairs), fn=len(missed), fp=len(extra))
    if errors is not None:
        errors += [{"doc": name, "field": "directive", "kind": "missed", "sentence": g["sentence"]} for g in missed]
        errors += [{"doc": name, "field": "directive", "kind": "false", "sentence": p["sentence"]["text"]} for p in extra]

    def ids(mentions: list[str], lang: str) -> set[str]:
        return {i for m in mentions if m for i in registry.link_bodies(m, lang)}

    lang = ann.get("lang", pred["lang"])
    for g, p in pairs:
        gids, pids = ids(g.get("owners", []), lang), {i for i in p["owner_ids"] if i}
        counters["owner"].add(tp=len(gids & pids), fp=len(pids - gids), fn=len(gids - pids))
        if errors is not None and gids != pids:
            errors.append({"doc": name, "field": "owner", "gold": sorted(gids), "pred": sorted(pids),
                           "gold_text": g.get("owners"), "pred_text": p["owners"], "sentence": g["sentence"][:160]})
        gk, pk = _deadline_key(g.get("deadline"), g.get("recurrence")), _deadline_key(p.get("deadline"))
        counters["deadline"].add(tp=int(gk is not None and gk == pk), fp=int(pk is not None and gk != pk),
                                 fn=int(gk is not None and gk != pk))
        if errors is not None and gk != pk:
            errors.append({"doc": name, "field": "deadline", "gold": gk, "pred": pk,
                           "gold_text": (g.get("deadline") or {}).get("text"), "sentence": g["sentence"][:160]})
    for g in missed:
        counters["owner"].add(fn=len(ids(g.get("owners", []), lang)))
        counters["deadline"].add(fn=int(_deadline_key(g.get("deadline"), g.get("recurrence")) is not None))
    for p in extra:
        counters["owner"].add(fp=len([i for i in p["owner_ids"] if i]))
        counters["deadline"].add(fp=int(_deadline_key(p.get("deadline")) is not None))

    # money
    for field, gold, pred_items, same, shown in (
        ("money", ann.get("money", []), pred["money"], money_match, ("text", "value", "currency")),
        ("kpi", ann.get("kpis", []), pred["kpis"], kpi_match, ("metric", "from", "to", "unit")),
    ):
        pairs, missed, false = greedy_match(gold, pred_items, same)
        counters[field].add(tp=len(pairs), fn=len(missed), fp=len(false))
        if errors is not None:
            errors += [{"doc": name, "field": field, "kind": "missed", "gold": g} for g in missed]
            errors += [{"doc": name, "field": field, "kind": "false", "pred": {k: p.get(k) for k in shown}} for p in false]


def money_match(gold: dict, pred: dict) -> bool:
    return pred["currency"] == gold["currency"] and abs(pred["value"] - gold["value"]) <= 0.005 * max(abs(gold["value"]), 1)


def kpi_match(gold: dict, pred: dict) -> bool:
    return (_num_eq(pred.get("to"), gold.get("to")) and _num_eq(pred.get("from"), gold.get("from"))
            and _metric_match(pred["metric"], gold.get("metric", "")))


def greedy_match(gold: list[dict], pred: list[dict], same) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """One-to-one pairs (first unused prediction that matches each gold item), then what is left on each side."""
    used: set[int] = set()
    pairs, missed = [], []
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and same(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            pairs.append((g, pred[hit]))
    return pairs, missed, [p for i, p in enumerate(pred) if i not in used]


def evaluate_extract(split: str = "test", lang: str | None = None, with_errors: bool = False, peers: bool = False,
                     settings: Settings | None = None) -> dict:
    from ..extract.pipeline import Extractor
    from ..trace.registry import load_registry

    settings = settings or Settings.from_env()
    extractor = Extractor(settings.models_dir, ner=settings.ner, registry_dir=settings.registry_dir)
    registry = load_registry(settings.registry_dir)
    docs = gold_documents(split, lang)
    if not docs:
        from ..errors import DqError

        raise DqError(f"no gold documents for split={split} lang={lang or 'any'} under {GOLD}")
    by_lang: dict[str, dict[str, Counter]] = defaultdict(lambda: {f: Counter() for f in FIELDS})
    errors: list | None = [] if with_errors else None
    t0 = time.perf_counter()
    for ann_path, ann, raw in docs:
        prepared = prepare(raw)
        pred = extractor.extract(prepared).dump()
        lg = ann.get("lang") or ("kk" if "/kk/" in str(ann_path) else "ru")
        score_document(ann, pred, registry, by_lang[lg], errors, ann_path.stem)
    elapsed = time.perf_counter() - t0
    report = {"split": split, "documents": len(docs), "seconds": round(elapsed, 2),
              "scores": {lg: {f: c.scores() for f, c in counters.items()} for lg, counters in sorted(by_lang.items())}}
    if peers:
        from .peer_compare import compare_peers

        report["peers"] = compare_peers(docs, extractor, registry)
    if errors is not None:
        report["errors"] = errors
    return report


def print_report(report: dict, with_errors: bool = False) -> None:
    print(f"split={report['split']} documents={report['documents']} ({report['seconds']} s)")
    print(f"{'lang':5s}{'field':11s}{'P':>7s}{'R':>7s}{'F1':>7s}   tp/fp/fn")
    for lg, fields in report["scores"].items():
        for f, s in fields.items():
            print(f"{lg:5s}{f:11s}{s['p']:7.3f}{s['r']:7.3f}{s['f1']:7.3f}   {s['tp']}/{s['fp']}/{s['fn']}")
    if report.get("peers"):
        print("\npeers (fields they have):")
        for system, fields in report["peers"].items():
            for f, s in fields.items():
                print(f"{system:10s}{f:14s}{s['p']:7.3f}{s['r']:7.3f}{s['f1']:7.3f}")
    if with_errors:
        for e in report.get("errors", []):
            print(json.dumps(e, ensure_ascii=False))
