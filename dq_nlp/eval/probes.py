"""Sentence-level directive probes: tiny hand-written documents (1–3 sentences) that each test one phenomenon.

The probe file (default ``corpora/gold/kk/probes/directives.jsonl``; ``--lang ru`` for ``corpora/gold/ru/probes/``; dev data) has one item per line:
``{"id", "doc_date", "text", "directives": [{"sentence", "owners", "issuer", "deadline", "recurrence"?}], "kind",
"note"?}``; ``deadline`` is an ISO date or null, ``recurrence`` (optional) one of the recurrences of GUIDELINES.md.
Each item's text runs through the same steps as ``dq eval extract`` (``read`` → ``prepare`` → ``Extractor``) and is
scored with its ``score_document``: directives pair by sentence, owners are compared after canonicalisation through
the registry, deadlines by ISO date or recurrence. Errors are grouped by the item's ``kind``.

    python -m dq_nlp.eval.probes                 # scores
    python -m dq_nlp.eval.probes --errors        # scores and every error, grouped by kind
    python -m dq_nlp.eval.probes --json          # the whole report as JSON
    python -m dq_nlp.eval.probes --lang ru       # the Russian probes (ids rp001…)
    python -m dq_nlp.eval.probes --validate      # only check the file (sentences/owners in the text, dates, ids)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..ingest.prepare import prepare
from ..ingest.readers import RawDocument
from ..settings import Settings
from .extract import GOLD, Counter, _deadline_key, _norm_sentence, _pair_directives, score_document

PROBES = GOLD / "kk" / "probes" / "directives.jsonl"
PROBES_BY_LANG = {"kk": PROBES, "ru": GOLD / "ru" / "probes" / "directives.jsonl"}
ID_PREFIX = {"kp": "kk", "rp": "ru"}  # the id prefix names the language of the probe file
RECURRENCES = {"daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly"}
_ID = re.compile(r"^(kp|rp)(\d{3,})$")


def _prefix(items: list[dict]) -> str:
    """The id prefix of a probe file (``kp`` Kazakh, ``rp`` Russian), read from its first id."""
    m = _ID.match(str(items[0].get("id", ""))) if items else None
    return m.group(1) if m else "kp"


def item_lang(item: dict) -> str:
    """The language of a probe: its ``lang`` field, else the one its id prefix names."""
    m = _ID.match(str(item.get("id", "")))
    return item.get("lang") or ID_PREFIX[m.group(1) if m else "kp"]


def load_probes(path: Path = PROBES) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def validate_probes(items: list[dict]) -> list[str]:
    """Problems with the file, one line each; an empty list means the file is well-formed."""
    problems = []
    prefix = _prefix(items)
    for n, it in enumerate(items, 1):
        iid = it.get("id", f"#{n}")
        if it.get("id") != f"{prefix}{n:03d}":
            problems.append(f"{iid}: id should be {prefix}{n:03d} (ids are consecutive)")
        missing = {"id", "doc_date", "text", "directives", "kind"} - set(it)
        if missing:
            problems.append(f"{iid}: missing fields {sorted(missing)}")
            continue
        try:
            date.fromisoformat(it["doc_date"])
        except (TypeError, ValueError):
            problems.append(f"{iid}: bad doc_date {it['doc_date']!r}")
        text = it["text"]
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{iid}: empty text")
            continue
        if not isinstance(it["kind"], str) or not it["kind"].strip():
            problems.append(f"{iid}: empty kind")
        for d in it["directives"]:
            if set(d) - {"sentence", "owners", "issuer", "deadline", "recurrence", "note"}:
                problems.append(f"{iid}: unknown directive fields {sorted(set(d) - {'sentence', 'owners', 'issuer', 'deadline', 'recurrence', 'note'})}")
            sent = d.get("sentence") or ""
            if not sent or sent not in text:
                problems.append(f"{iid}: sentence not in text: {sent[:60]!r}")
            for o in d.get("owners", []):
                if not o or o not in text:
                    problems.append(f"{iid}: owner not in text: {o!r}")
            if d.get("issuer") is not None and not isinstance(d["issuer"], str):
                problems.append(f"{iid}: issuer must be a string or null")
            if d.get("deadline") is not None:
                try:
                    date.fromisoformat(d["deadline"])
                except (TypeError, ValueError):
                    problems.append(f"{iid}: bad deadline {d['deadline']!r}")
            if d.get("recurrence") is not None:
                if d["recurrence"] not in RECURRENCES:
                    problems.append(f"{iid}: bad recurrence {d['recurrence']!r}")
                if d.get("deadline") is not None:
                    problems.append(f"{iid}: a recurring directive has deadline null")
    ids = [it.get("id") for it in items]
    if len(set(ids)) != len(ids):
        problems.append("duplicate ids")
    return problems


def _annotation(item: dict) -> dict:
    """The probe item in the shape of a gold annotation (GUIDELINES.md), so ``score_document`` scores it."""
    dirs = []
    for d in item["directives"]:
        rec = d.get("recurrence")
        deadline = {"date": None, "recurrence": rec} if rec else ({"date": d["deadline"]} if d.get("deadline") else None)
        dirs.append({"sentence": d["sentence"], "owners": d.get("owners", []), "issuer": d.get("issuer"),
                     "deadline": deadline, "recurrence": rec})
    return {"doc_date": item["doc_date"], "lang": item_lang(item), "directives": dirs, "money": [], "kpis": []}


def family(kind: str) -> str:
    """The coarse group of a kind: its first word (``translit_passive`` → ``translit``)."""
    return kind.split("_", 1)[0]


def _issuer_ok(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = _norm_sentence(gold).lower(), _norm_sentence(pred).lower()
    return g == p or p.startswith(g) or g.startswith(p) or g in p


def run_item(item: dict, extractor) -> dict:
    """The extraction of one probe, run as ``dq eval extract`` runs a gold document."""
    raw = RawDocument(text=item["text"], source=f"probe:{item['id']}", date=item["doc_date"])
    try:
        prepared = prepare(raw)
    except InputError:  # too little text after cleaning: nothing is extracted
        return {"lang": item_lang(item), "directives": [], "money": [], "kpis": []}
    return extractor.extract(prepared).dump()


def _show_pred(p: dict) -> dict:
    return {"sentence": p["sentence"]["text"], "owners": p.get("owners", []), "issuer": p.get("issuer"),
            "deadline": _deadline_key(p.get("deadline"))}


def evaluate_probes(path: Path = PROBES, settings: Settings | None = None, items: list[dict] | None = None) -> dict:
    from ..extract.pipeline import Extractor
    from ..trace.registry import load_registry

    settings = settings or Settings.from_env()
    extractor = Extractor(settings.models_dir, ner=settings.ner, registry_dir=settings.registry_dir)
    registry = load_registry(settings.registry_dir)
    items = load_probes(path) if items is None else items
    counters = {f: Counter() for f in ("directive", "owner", "deadline", "money", "kpi")}
    by_kind: dict[str, Counter] = defaultdict(Counter)
    by_family: dict[str, Counter] = defaultdict(Counter)
    exact = {"pairs": 0, "deadline_exact": 0, "issuer_exact": 0}
    errors: list[dict] = []
    for item in items:
        pred = run_item(item, extractor)
        ann = _annotation(item)
        item_errors: list = []
        score_document(ann, pred, registry, counters, item_errors, item["id"])
        pairs, missed, extra = _pair_directives(ann["directives"], pred["directives"])
        by_kind[item["kind"]].add(tp=len(pairs), fn=len(missed), fp=len(extra))
        by_family[family(item["kind"])].add(tp=len(pairs), fn=len(missed), fp=len(extra))
        for g, p in pairs:
            exact["pairs"] += 1
            exact["deadline_exact"] += int(_deadline_key(g["deadline"], g["recurrence"]) == _deadline_key(p.get("deadline")))
            issuer_ok = _issuer_ok(g.get("issuer"), p.get("issuer"))
            exact["issuer_exact"] += int(issuer_ok)
            if not issuer_ok:
                item_errors.append({"doc": item["id"], "field": "issuer", "gold": g.get("issuer"), "pred": p.get("issuer"),
                                    "sentence": g["sentence"][:160]})
        preds = [_show_pred(p) for p in pred["directives"]]
        for e in item_errors:
            if e["field"] in ("money", "kpi"):
                continue
            e = {"id": item["id"], "kind": item["kind"], "error": e.get("kind") or "wrong",
                 **{k: v for k, v in e.items() if k not in ("doc", "kind")}}
            e["text"] = item["text"]
            e["expected"] = [{k: d.get(k) for k in ("sentence", "owners", "issuer", "deadline", "recurrence")}
                             for d in item["directives"]]
            e["got"] = preds
            errors.append(e)
    scores = {f: counters[f].scores() for f in ("directive", "owner", "deadline")}
    n = exact["pairs"] or 1
    scores["deadline_exact"] = {"correct": exact["deadline_exact"], "of": exact["pairs"],
                                "acc": round(exact["deadline_exact"] / n, 4)}
    scores["issuer_exact"] = {"correct": exact["issuer_exact"], "of": exact["pairs"], "acc": round(exact["issuer_exact"] / n, 4)}
    return {"file": str(path), "items": len(items),
            "directive_items": sum(bool(it["directives"]) for it in items),
            "gold_directives": sum(len(it["directives"]) for it in items),
            "scores": scores, "by_family": {k: c.scores() for k, c in sorted(by_family.items())},
            "by_kind": {k: c.scores() for k, c in sorted(by_kind.items())}, "errors": errors}


def print_report(report: dict, with_errors: bool = False) -> None:
    print(f"{report['file']}: {report['items']} items, {report['directive_items']} with directives, "
          f"{report['gold_directives']} gold directives")
    print(f"{'field':11s}{'P':>7s}{'R':>7s}{'F1':>7s}   tp/fp/fn")
    for f in ("directive", "owner", "deadline"):
        s = report["scores"][f]
        print(f"{f:11s}{s['p']:7.3f}{s['r']:7.3f}{s['f1']:7.3f}   {s['tp']}/{s['fp']}/{s['fn']}")
    for f in ("deadline_exact", "issuer_exact"):
        s = report["scores"][f]
        print(f"{f} (matched directives): {s['correct']}/{s['of']} = {s['acc']:.3f}")
    print("\ndirectives by family (first word of kind):")
    for k, s in report["by_family"].items():
        mark = "" if not (s["fp"] or s["fn"]) else "   <-"
        print(f"  {k:16s} P {s['p']:.3f} R {s['r']:.3f} F1 {s['f1']:.3f}   tp/fp/fn {s['tp']}/{s['fp']}/{s['fn']}{mark}")
    bad = {k: s for k, s in report["by_kind"].items() if s["fp"] or s["fn"]}
    print(f"\ndirective errors by kind ({len(bad)} of {len(report['by_kind'])} kinds have errors):")
    for k, s in sorted(bad.items(), key=lambda kv: -(kv[1]["fp"] + kv[1]["fn"])):
        print(f"  {k:28s} tp/fp/fn {s['tp']}/{s['fp']}/{s['fn']}")
    if not with_errors:
        return
    grouped: dict[str, list[dict]] = defaultdict(list)
    for e in report["errors"]:
        grouped[e["kind"]].append(e)
    for kind in sorted(grouped):
        print(f"\n## {kind}")
        for e in grouped[kind]:
            what = f"{e['field']} {e['error']}"
            print(f"- {e['id']} [{what}] {e['text']}")
            if e["field"] == "directive":
                print(f"    expected: {json.dumps(e['expected'], ensure_ascii=False)}")
                print(f"    got:      {json.dumps(e['got'], ensure_ascii=False)}")
            else:
                shown = {k: e[k] for k in ("gold", "pred", "gold_text", "pred_text") if k in e}
                print(f"    {json.dumps(shown, ensure_ascii=False)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dq_nlp.eval.probes", description=__doc__.split("\n")[0])
    ap.add_argument("--lang", choices=sorted(PROBES_BY_LANG), default="kk", help="which probe file (default kk)")
    ap.add_argument("--file", type=Path, default=None, help="a probe file (overrides --lang)")
    ap.add_argument("--errors", action="store_true", help="list every error, grouped by kind")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--validate", action="store_true", help="only validate the file")
    args = ap.parse_args(argv)
    args.file = args.file or PROBES_BY_LANG[args.lang]
    items = load_probes(args.file)
    problems = validate_probes(items)
    if problems or args.validate:
        for p in problems:
            print(p, file=sys.stderr)
        print(f"{args.file}: {len(items)} items, {len(problems)} problems", file=sys.stderr)
        if problems:
            return 1
        return 0
    report = evaluate_probes(args.file, items=items)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print_report(report, with_errors=args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
