"""Validate corpora/questions/questions.jsonl, the extra dev questions corpora/questions/questions_dev2.jsonl and
questions_dev3.jsonl, corpora/queries/queries.jsonl and the extra dev queries corpora/queries/queries_dev2.jsonl.

Run from the repository root:  python corpora/questions/validate.py
Exits non-zero on any error; prints counts per type/split and warnings."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from dq_nlp.eval.haystack import manifest_entries  # noqa: E402  (stdlib-only module: no heavy imports)

QUESTIONS = ROOT / "corpora/questions/questions.jsonl"
# extra dev question files (ids d001…, numbering continues from one file to the next; every question is dev)
QUESTIONS_DEV = [ROOT / "corpora/questions/questions_dev2.jsonl", ROOT / "corpora/questions/questions_dev3.jsonl"]
QUERIES = ROOT / "corpora/queries/queries.jsonl"
QUERIES_DEV2 = ROOT / "corpora/queries/queries_dev2.jsonl"
HAYSTACK = ROOT / "corpora/haystack.txt"
BODIES = ROOT / "dq_nlp/data/registry/bodies.jsonl"
KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
errors: list[str] = []
warnings: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            err(f"{path.name}:{n}: empty line")
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            err(f"{path.name}:{n}: bad JSON: {e}")
    return rows


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (within one line) that holds text[start:end]."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    line = text[ls:le]
    s, e = start - ls, end - ls
    bounds = [0]
    for m in re.finditer(r"[.!?][»\"]?\s+(?=[«\"0-9A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])", line):
        before = re.search(r"(\w+)[.!?][»\"]?\s+$", line[:m.end()])
        if before and len(before.group(1)) <= 1:  # «г. Шымкента», «т. е.»
            continue
        bounds.append(m.end())
    bounds.append(len(line))
    for a, b in zip(bounds, bounds[1:]):
        if a <= s and e <= b:
            return re.sub(r"<[^>]+>", "", line[a:b]).strip()
    return ""  # spans a sentence boundary


def lang_of(sentence: str) -> str:
    """kk when several words carry Kazakh-only letters (a lone «ҚТЖ» in a Russian sentence does not count)."""
    words = re.findall(r"\w+", sentence)
    kk = sum(1 for w in words if any(ch in KK_LETTERS for ch in w))
    return "kk" if kk >= 2 and kk >= 0.15 * len(words) else "ru"


STOP = frozenset("кто что когда какой какая какие который которые чтобы через после перед более менее также "
                 "туралы үшін және арқылы бойынша кім қашан қандай".split())


def stems(text: str) -> set[str]:
    """Crude content-word stems (first five letters of words longer than three letters, stop words dropped)."""
    words = re.findall(r"[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі0-9-]+", text.lower())
    return {w[:5] for w in words if len(w) > 3 and w not in STOP}


def check_questions(ids: set[str]) -> None:
    rows = read_jsonl(QUESTIONS)
    need = {"id", "question", "lang", "expected_owner_ids", "expected_deadline", "source", "answerable", "kind",
            "cross_lingual", "split"}
    for n, r in enumerate(rows, 1):
        tag = f"questions {r.get('id', n)}"
        if missing := need - r.keys():
            err(f"{tag}: missing {sorted(missing)}")
            continue
        if r["id"] != f"q{n:03d}":
            err(f"{tag}: id out of sequence (expected q{n:03d})")
        if r["split"] != ("dev" if n % 2 else "test"):
            err(f"{tag}: split must be {'dev' if n % 2 else 'test'}")
        if r["lang"] not in ("ru", "kk"):
            err(f"{tag}: lang {r['lang']}")
        if r["kind"] not in ("owner", "deadline", "what"):
            err(f"{tag}: kind {r['kind']}")
        if r["source"] is not None and not (ROOT / r["source"]).is_file():
            err(f"{tag}: source not found: {r['source']}")
        for oid in r["expected_owner_ids"]:
            if oid not in ids and not oid.startswith("new:"):
                err(f"{tag}: unknown owner id {oid}")
        dl = r["expected_deadline"]
        if dl is not None and not DATE.match(dl):
            err(f"{tag}: bad deadline {dl}")
        for d in r.get("acceptable_deadlines", []):
            if not DATE.match(d):
                err(f"{tag}: bad acceptable deadline {d}")
        if "acceptable_deadlines" in r and dl not in r["acceptable_deadlines"]:
            err(f"{tag}: expected_deadline not among acceptable_deadlines")
        if r.get("expected_recurrence") not in (None, "daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly"):
            err(f"{tag}: bad recurrence {r.get('expected_recurrence')}")
        if r["answerable"]:
            if not r["expected_owner_ids"]:
                err(f"{tag}: answerable question without owners")
            if r["source"] is None:
                err(f"{tag}: answerable question without source")
            if r["kind"] == "deadline" and dl is None and not r.get("expected_recurrence"):
                err(f"{tag}: deadline question without a deadline")
        else:
            if r["expected_owner_ids"] or dl is not None:
                err(f"{tag}: unanswerable question must have no owners and no deadline")
    c = Counter()
    for r in rows:
        c["total"] += 1
        c[f"split={r['split']}"] += 1
        c[f"lang={r['lang']}"] += 1
        c[f"kind={r['kind']}"] += 1
        c["answerable" if r["answerable"] else "unanswerable"] += 1
        c[f"{'answerable' if r['answerable'] else 'unanswerable'}/{r['split']}"] += 1
        if r["cross_lingual"]:
            c["cross_lingual"] += 1
            c[f"cross_lingual/{r['split']}"] += 1
    if c["total"] < 70 or c["unanswerable"] < 18 or c["cross_lingual"] < 15:
        err(f"questions: counts below the minimum: {dict(c)}")
    print("questions:", json.dumps(dict(sorted(c.items())), ensure_ascii=False))


def check_dev_questions(ids: set[str]) -> None:
    """The extra dev question files: ids ``d001``… consecutive across the files, every split ``dev``, every source in
    the frozen haystack and never a test document, owners known, dates well formed, unanswerable questions without
    owners/deadline/recurrence, ``cross_lingual`` as the source's language says, no question text twice."""
    need = {"id", "question", "lang", "expected_owner_ids", "expected_deadline", "expected_recurrence", "source",
            "answerable", "kind", "cross_lingual", "split"}
    haystack = haystack_docs()
    seen: set[str] = set()
    n = 0
    for path in QUESTIONS_DEV:
        if not path.exists():
            continue
        c = Counter()
        for r in read_jsonl(path):
            n += 1
            tag = f"{path.stem} {r.get('id', n)}"
            if missing := need - r.keys():
                err(f"{tag}: missing {sorted(missing)}")
                continue
            if r["id"] != f"d{n:03d}":
                err(f"{tag}: id out of sequence (expected d{n:03d})")
            if r["split"] != "dev":
                err(f"{tag}: split must be dev")
            if r["lang"] not in ("ru", "kk") or r["kind"] not in ("owner", "deadline", "what"):
                err(f"{tag}: lang {r['lang']} / kind {r['kind']}")
            text = r["question"].strip().lower()
            if text in seen:
                err(f"{tag}: the same question twice")
            seen.add(text)
            src = r["source"]
            if src is not None:
                if "/test/" in src:
                    err(f"{tag}: source is a test document: {src}")
                elif src not in haystack:
                    err(f"{tag}: source not in the frozen haystack: {src}")
                name = src.rsplit("/", 1)[1]
                if name == "feed.jsonl":
                    line = re.search(r"[Ll]ine (\d+)", r.get("note") or "")
                    if not line:
                        err(f"{tag}: a feed question must give its line in note")
                    else:
                        doc = json.loads((ROOT / src).read_text(encoding="utf-8").splitlines()[int(line.group(1)) - 1])
                        if (doc.get("lang") != r["lang"]) != r["cross_lingual"]:
                            err(f"{tag}: cross_lingual does not match the feed line's language")
                elif (("kk" if name.startswith("kk") else "ru") != r["lang"]) != r["cross_lingual"]:
                    err(f"{tag}: cross_lingual does not match the source's language")
            for oid in r["expected_owner_ids"]:
                if oid not in ids:
                    err(f"{tag}: unknown owner id {oid}")
            dl = r["expected_deadline"]
            if dl is not None and not DATE.match(dl):
                err(f"{tag}: bad deadline {dl}")
            if r.get("expected_recurrence") not in (None, "daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly"):
                err(f"{tag}: bad recurrence {r.get('expected_recurrence')}")
            if r["answerable"]:
                if not r["expected_owner_ids"] or src is None:
                    err(f"{tag}: answerable question without owners or source")
                if r["kind"] == "deadline" and dl is None and not r.get("expected_recurrence"):
                    err(f"{tag}: deadline question without a deadline")
            elif r["expected_owner_ids"] or dl is not None or r.get("expected_recurrence"):
                err(f"{tag}: unanswerable question must have no owners, deadline or recurrence")
            c["total"] += 1
            c["answerable" if r["answerable"] else "unanswerable"] += 1
            c[f"lang={r['lang']}"] += 1
            c[f"kind={r['kind']}"] += 1
            c["cross_lingual"] += bool(r["cross_lingual"])
        print(f"{path.stem}:", json.dumps(dict(sorted(c.items())), ensure_ascii=False))


def haystack_docs() -> set[str]:
    """Repo-relative paths of the frozen haystack (corpora/haystack.txt) the judgements are made against, read as
    the benchmarks read it."""
    return set(manifest_entries(HAYSTACK))


def check_queries(path: Path = QUERIES, extra: bool = False, seen_queries: set[str] | None = None) -> None:
    """``extra``: the rules of the extra dev file (queries_dev2.jsonl): ids x001…, every query ``dev``, every target
    in the frozen haystack and never in a test document (``*/test/*``), at least 20 queries of each type."""
    rows = read_jsonl(path)
    name = "queries_dev2" if extra else "queries"
    prefix = "x" if extra else "s"
    haystack = haystack_docs() if extra else set()
    seen_queries = set() if seen_queries is None else seen_queries
    cache: dict[str, str] = {}
    c = Counter()
    for n, r in enumerate(rows, 1):
        tag = f"{name} {r.get('id', n)}"
        if r.get("id") != f"{prefix}{n:03d}":
            err(f"{tag}: id out of sequence (expected {prefix}{n:03d})")
        want_split = "dev" if extra or n % 2 else "test"
        if r.get("split") != want_split:
            err(f"{tag}: split must be {want_split}")
        if not isinstance(r.get("query"), str) or not r["query"].strip():
            err(f"{tag}: empty query")
            continue
        if r["query"].strip().lower() in seen_queries:
            err(f"{tag}: the same query text occurs twice: {r['query']!r}")
        seen_queries.add(r["query"].strip().lower())
        if r.get("style") not in ("plain", "keyword", "question", "paraphrase"):
            err(f"{tag}: style {r.get('style')}")
        t = r.get("type")
        if t not in ("ru", "kk", "ru->kk", "kk->ru"):
            err(f"{tag}: type {t}")
            continue
        if r.get("lang") != t.split("->")[0]:
            err(f"{tag}: lang {r.get('lang')} does not match type {t}")
        rel = r.get("relevant") or []
        if not 1 <= len(rel) <= 5:
            err(f"{tag}: {len(rel)} relevant sentences (need 1-5)")
        seen_sent = set()
        for j in rel:
            doc, sub, g = j.get("doc"), j.get("sentence_contains", ""), j.get("grade")
            if g not in (1, 2):
                err(f"{tag}: grade {g}")
            if not 10 <= len(sub) <= 60:
                err(f"{tag}: sentence_contains length {len(sub)}: {sub!r}")
            if extra and "/test/" in f"/{doc}":
                err(f"{tag}: target in a test document: {doc}")
                continue
            if extra and doc not in haystack:
                err(f"{tag}: target not in the frozen haystack (corpora/haystack.txt): {doc}")
                continue
            file = ROOT / doc
            if not file.is_file():
                err(f"{tag}: doc not found: {doc}")
                continue
            text = cache.setdefault(doc, file.read_text(encoding="utf-8"))
            # sentence search only: JSONL texts hold escaped newlines; same length keeps offsets
            seg_text = text.replace("\\n", "\n ") if doc.endswith(".jsonl") else text
            k = text.count(sub)
            if k != 1:
                err(f"{tag}: {sub!r} found {k} times in {doc}")
                continue
            start = text.find(sub)
            sent = sentence_at(seg_text, start, start + len(sub))
            if not sent:
                err(f"{tag}: {sub!r} crosses a sentence boundary in {doc}")
                continue
            if (doc, sent) in seen_sent:
                err(f"{tag}: two targets in the same sentence of {doc}")
            seen_sent.add((doc, sent))
            if "->" in t and lang_of(sent) != t.split("->")[1]:
                err(f"{tag}: cross-lingual target is not in {t.split('->')[1]}: {sent[:80]!r}")
            if r.get("style") == "paraphrase" and g == 2:
                shared = stems(r["query"]) & stems(sent)
                if shared:
                    warnings.append(f"{tag}: paraphrase shares {sorted(shared)} with its target")
        c["total"] += 1
        c[f"type={t}"] += 1
        c[f"type={t}/{r['split']}"] += 1
        c[f"split={r['split']}"] += 1
        c[f"style={r.get('style')}"] += 1
        c["relevant_sentences"] += len(rel)
    if extra:
        if any(c[f"type={t}"] < 20 for t in ("ru", "kk", "ru->kk", "kk->ru")):
            err(f"{name}: fewer than 20 queries of some type: {dict(c)}")
    elif c["total"] < 90 or c["type=ru->kk"] < 22 or c["type=kk->ru"] < 22 or c["style=paraphrase"] < 20:
        err(f"queries: counts below the minimum: {dict(c)}")
    print(f"{name}:", json.dumps(dict(sorted(c.items())), ensure_ascii=False))


def main() -> int:
    ids = {json.loads(line)["id"] for line in BODIES.read_text(encoding="utf-8").splitlines() if line.strip()}
    check_questions(ids)
    check_dev_questions(ids)
    seen: set[str] = set()
    check_queries(QUERIES, seen_queries=seen)
    if QUERIES_DEV2.exists():
        check_queries(QUERIES_DEV2, extra=True, seen_queries=seen)
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
