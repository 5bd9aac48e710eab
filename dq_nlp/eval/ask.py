"""`dq eval ask`: the ownership bot on ``corpora/questions/questions.jsonl`` over the bundled and gold corpora.

Correct = not abstained and at least half of the expected owners (registry ids) are in the answer (and the
deadline equals the expected one when the question asks for a deadline). Unanswerable questions must abstain;
any answer to one is a confident wrong answer."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from ..errors import DqError
from ..settings import REPO_DIR, Settings

QUESTIONS = REPO_DIR / "corpora" / "questions" / "questions.jsonl"
# extra dev questions written after the first evaluation, to fit the confidence model (never test)
DEV_EXTRA = REPO_DIR / "corpora" / "questions" / "questions_dev2.jsonl"
# round 7: hard near-miss unanswerable questions and same-topic twin directives (all dev)
DEV_EXTRA3 = REPO_DIR / "corpora" / "questions" / "questions_dev3.jsonl"


def _code_stamp() -> str:
    """Stored extractions depend on the grammars and the registry: a cached data dir is reused only while they
    are unchanged (ingest dedupes by content, so a stale store would never be re-extracted)."""
    import hashlib

    h = hashlib.sha256()
    base = REPO_DIR / "dq_nlp"
    for path in sorted([*base.glob("extract/**/*.py"), *base.glob("data/registry/*"), *base.glob("trace/*.py")]):
        h.update(path.read_bytes())
    return h.hexdigest()[:10]


def _rows(path: Path, split: str) -> list[dict]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r for r in rows if split == "all" or r.get("split") == split]


def _open(embedder: str, data_dir: Path | None, haystack: str = "frozen"):
    from ..ingest.run import ingest_paths
    from ..services import Services
    from .haystack import haystack_paths

    paths = haystack_paths(haystack)
    name = f"eval-ask-{haystack}-{embedder.replace('/', '_')}-{_code_stamp()}"
    services = Services(Settings(data_dir=data_dir or Path.home() / ".cache" / "dq-nlp" / name, embedder=embedder))
    ingest_paths(services, paths)  # idempotent: a second run only checks hashes
    services.index.sync()
    return services


def is_correct(row: dict, abstained: bool, owner_ids: list[str | None], deadline_date: str | None) -> bool:
    """An answer is right when at least half of the expected owners are in it (and the deadline, when asked)."""
    if not row.get("answerable", True):
        return abstained
    expected = set(row.get("expected_owner_ids") or [])
    got = {i for i in owner_ids if i}
    ok = not abstained and bool(expected) and len(expected & got) / len(expected) >= 0.5
    if ok and row.get("kind") == "deadline" and row.get("expected_deadline"):
        accepted = {row["expected_deadline"], *(row.get("acceptable_deadlines") or [])}
        ok = deadline_date in accepted
    return ok


def _dev_files() -> dict[str, list[dict]]:
    """The dev question files: the dev half of questions.jsonl, questions_dev2.jsonl and questions_dev3.jsonl."""
    files = {"dev_half": _rows(QUESTIONS, "dev")}
    for name, path in (("dev2", DEV_EXTRA), ("dev3", DEV_EXTRA3)):
        if path.exists():
            files[name] = _rows(path, "dev")
    return files


def _dev_rows() -> tuple[list[dict], list[dict]]:
    """The dev half of questions.jsonl and the extra dev questions (every other dev file)."""
    files = _dev_files()
    return files.pop("dev_half"), [r for rows in files.values() for r in rows]


def _assess_all(services, rows: list[dict]) -> list[tuple[dict, object]]:
    from ..ask.bot import assess

    return [(r, assess(services, r["question"])) for r in rows]


def _pick_right(row: dict, a) -> bool:
    d = a.hits[a.pick].directive
    return row.get("answerable", True) and is_correct(row, False, d.owner_ids, d.deadline.date if d.deadline else None)


def _fit(assessed: list[tuple[dict, object]], margin: float):
    """The trust model fitted on these assessed questions; threshold = the highest probability of an unanswerable
    one + ``margin``. Questions without a pick, with a named body (certain owner) or vetoed are left out."""
    from ..ask.confidence import fit, vetoed

    examples, unanswerable = [], []
    for r, a in assessed:
        if a.pick is None or a.owner_filter or vetoed(a.features[a.pick]):
            continue  # nothing to weigh, a named body already decides, or the veto abstains whatever the model says
        examples.append((a.features[a.pick], _pick_right(r, a)))
        if not r.get("answerable", True):
            unanswerable.append(len(examples) - 1)
    model = fit(examples)
    probs = [model.probability(f) for f, _ in examples]
    model.threshold = round(min(0.95, max([probs[i] for i in unanswerable] or [0.5]) + margin), 4)
    model.fitted_on = f"{len(examples)} dev questions ({len(unanswerable)} unanswerable; vetoed ones left out), margin {margin}"
    answered_right = sum(p >= model.threshold and ok for p, (_, ok) in zip(probs, examples))
    return model, len(examples), len(unanswerable), answered_right


def _score(assessed: list[tuple[dict, object]], model) -> dict:
    from ..ask.bot import trusted

    right = answerable = unanswered_wrong = wrong = 0
    for r, a in assessed:
        answers = trusted(a, model)
        if r.get("answerable", True):
            answerable += 1
            ok = answers and _pick_right(r, a)
            right += ok
            wrong += answers and not ok
        else:
            unanswered_wrong += answers
    return {"accuracy_answerable": round(right / max(1, answerable), 4), "right": right, "answerable": answerable,
            "confident_wrong_on_unanswerable": unanswered_wrong, "wrong_answers_on_answerable": wrong,
            "threshold": model.threshold}


def fit_confidence(embedder: str = "e5-small", data_dir: Path | None = None, margin: float = 0.1,
                   haystack: str = "frozen") -> dict:
    """Fit the bot's confidence model on the dev questions (both files) and write ``ask/confidence.json``."""
    from ..ask.confidence import MODEL_PATH

    half, extra = _dev_rows()
    services = _open(embedder, data_dir, haystack)
    assessed = _assess_all(services, half + extra)
    services.close()
    model, n, n_unanswerable, answered_right = _fit(assessed, margin)
    model.save()
    from ..ask.bot import trust_model

    trust_model.cache_clear()  # this process scores with the new model next
    return {"model": str(MODEL_PATH), "examples": n, "unanswerable": n_unanswerable,
            "threshold": model.threshold, "weights": dict(zip(model.features, model.weights)),
            "dev_answered_right": answered_right}


def _held_out(parts: list[tuple[list, list]], margin: float) -> dict:
    """Fit on each ``train`` part and score its ``test`` part; summed over the parts."""
    scores = [_score(test, _fit(train, margin)[0]) for train, test in parts]
    right = sum(v["right"] for v in scores)
    total = sum(v["answerable"] for v in scores)
    return {"right": right, "answerable": total, "accuracy_answerable": round(right / max(1, total), 4),
            "confident_wrong_on_unanswerable": sum(v["confident_wrong_on_unanswerable"] for v in scores),
            "wrong_answers_on_answerable": sum(v["wrong_answers_on_answerable"] for v in scores),
            "per_part": scores}


def crossfit_assessed(files: dict[str, list], margin: float = 0.1, folds: int = 5, repeats: int = 20,
                      seed: int = 0) -> dict:
    """The held-out protocols over assessed dev questions (``{file name: [(row, assessment)]}``):
    - leave one file out: fit on the other files, score this one (every file once);
    - the round-2 pair (dev half ↔ dev2), kept for comparison with earlier rounds;
    - ``repeats`` random ``folds``-fold splits of all dev questions pooled.
    Zero unanswerable questions answered is the bar; the accuracies estimate a fit on every file."""
    import random

    names = list(files)
    out: dict = {}
    if len(names) > 1:
        parts = [([x for m in names if m != n for x in files[m]], files[n]) for n in names]
        lofo = _held_out(parts, margin)
        lofo["per_file"] = dict(zip(names, lofo.pop("per_part")))
        out["leave_one_file_out"] = lofo
    if "dev_half" in files and "dev2" in files:
        pair = _held_out([(files["dev_half"], files["dev2"]), (files["dev2"], files["dev_half"])], margin)
        out["dev_half_to_dev2"], out["dev2_to_dev_half"] = pair.pop("per_part")
        out["pair_held_out_accuracy_answerable"] = pair["accuracy_answerable"]
        out["pair_held_out_confident_wrong"] = pair["confident_wrong_on_unanswerable"]
    pooled = [x for n in names for x in files[n]]
    rng = random.Random(seed)
    accs, wrong_total, answered_folds = [], 0, 0
    for _ in range(repeats):
        order = list(range(len(pooled)))
        rng.shuffle(order)
        chunks = [order[i::folds] for i in range(folds)]
        parts = [([pooled[i] for i in order if i not in set(c)], [pooled[i] for i in c]) for c in chunks]
        res = _held_out(parts, margin)
        accs.append(res["accuracy_answerable"])
        wrong_total += res["confident_wrong_on_unanswerable"]
        answered_folds += sum(p["confident_wrong_on_unanswerable"] > 0 for p in res["per_part"])
    out[f"{folds}_fold_x{repeats}"] = {"accuracy_answerable_mean": round(sum(accs) / max(1, len(accs)), 4),
                                       "unanswerable_answered_total": wrong_total,
                                       "folds_with_an_unanswerable_answered": answered_folds,
                                       "folds": folds * repeats}
    return out


def crossfit_confidence(embedder: str = "e5-small", data_dir: Path | None = None, margin: float = 0.1,
                        haystack: str = "frozen", folds: int = 5, repeats: int = 20) -> dict:
    """The protocol that chooses features and margin (writes nothing): see ``crossfit_assessed``."""
    files = _dev_files()
    services = _open(embedder, data_dir, haystack)
    assessed = {name: _assess_all(services, rows) for name, rows in files.items()}
    services.close()
    return crossfit_assessed(assessed, margin, folds, repeats)


def evaluate_ask(embedder: str = "e5-small", data_dir: Path | None = None, split: str = "all",
                 questions: Path = QUESTIONS, haystack: str = "frozen") -> dict:
    from ..ask.bot import ask

    if not questions.exists():
        raise DqError(f"{questions} is missing")
    rows = _rows(questions, split)
    services = _open(embedder, data_dir, haystack)
    details, latencies = [], []
    for r in rows:
        t0 = time.perf_counter()
        a = ask(services, r["question"])
        latencies.append((time.perf_counter() - t0) * 1000)
        ok = is_correct(r, a.abstained, a.owner_ids, a.deadline.date if a.deadline else None)
        details.append({"id": r["id"], "question": r["question"], "answerable": r.get("answerable", True),
                        "cross_lingual": r.get("cross_lingual", False), "correct": ok, "abstained": a.abstained,
                        "confidence": a.confidence, "expected": sorted(r.get("expected_owner_ids") or []),
                        "got": sorted({i for i in a.owner_ids if i}), "signals": a.signals,
                        "evidence": a.evidence.sentence[:140] if a.evidence else None})
    answerable = [d for d in details if d["answerable"]]
    unanswerable = [d for d in details if not d["answerable"]]
    abstained = [d for d in details if d["abstained"]]
    cross = [d for d in answerable if d["cross_lingual"]]
    latencies.sort()
    services.close()
    return {
        "haystack": haystack, "questions": len(details), "answerable": len(answerable), "unanswerable": len(unanswerable),
        "accuracy_answerable": round(sum(d["correct"] for d in answerable) / max(1, len(answerable)), 4),
        "accuracy_cross_lingual": round(sum(d["correct"] for d in cross) / max(1, len(cross)), 4),
        "abstention_precision": round(sum(not d["answerable"] for d in abstained) / max(1, len(abstained)), 4),
        "abstention_recall": round(sum(d["abstained"] for d in unanswerable) / max(1, len(unanswerable)), 4),
        "confident_wrong_on_unanswerable": sum(not d["abstained"] for d in unanswerable),
        "wrong_answers_on_answerable": sum((not d["correct"]) and not d["abstained"] for d in answerable),
        "latency_ms_p50": round(statistics.median(latencies), 1) if latencies else None,
        "latency_ms_p95": round(latencies[max(0, int(0.95 * len(latencies)) - 1)], 1) if latencies else None,
        "details": details,
    }


if __name__ == "__main__":  # python -m dq_nlp.eval.ask --crossfit [--data-dir DIR] [--margin M] [--folds K] [--repeats R]
    import argparse

    parser = argparse.ArgumentParser(description="Cross-fit the ask trust model on the dev question files.")
    parser.add_argument("--crossfit", action="store_true", required=True)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--margin", type=float, default=0.1)
    parser.add_argument("--embedder", default="e5-small")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(crossfit_confidence(args.embedder, args.data_dir, args.margin, folds=args.folds,
                                         repeats=args.repeats), ensure_ascii=False, indent=1))
