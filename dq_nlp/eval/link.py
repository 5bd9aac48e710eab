"""`dq eval link`: owner linking accuracy on ``corpora/registry/linking.jsonl``.

One row per distinct (mention, lang): every owner string of the gold annotations (``corpora/gold``; a mention found in
any test document is a test row, otherwise dev) and mentions written by hand (dev). ``expected`` is the set of registry
ids the mention names, or ``["new"]`` when the registry has no such body (the right answer is then a ``new:`` candidate).

A row is right when the set of ids ``Registry.link_bodies`` returns equals the expected set, every ``new:*`` counting as
"new". Errors are of three kinds: wrong-known (a registry id other than the expected one — the worst), known→new (a body
the registry has was missed) and new→known (a body the registry lacks was linked to one it has)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from ..settings import REPO_DIR

LINKING = REPO_DIR / "corpora" / "registry" / "linking.jsonl"


def load_linking(path: Path = LINKING, split: str = "test", lang: str | None = None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if (split == "all" or r["split"] == split) and (lang is None or r["lang"] == lang)]


def canonical(ids: list[str]) -> set[str]:
    """The id set as the gold writes it: every candidate is "new"; nothing found is "new" too (a loss is a miss)."""
    return {"new" if i.startswith("new:") else i for i in ids if i} or {"new"}


def error_kind(expected: set[str], got: set[str]) -> str | None:
    if expected == got:
        return None
    exp_known, got_known = expected - {"new"}, got - {"new"}
    if got_known - exp_known:
        return "new_to_known" if not exp_known else "wrong_known"
    return "known_to_new"  # some expected ids were not found and nothing wrong was added


def _acc(c: Counter) -> dict:
    return {"n": c["n"], "correct": c["correct"], "accuracy": round(c["correct"] / c["n"], 4) if c["n"] else None}


def evaluate_link(split: str = "test", lang: str | None = None, with_errors: bool = False, registry=None,
                  path: Path = LINKING) -> dict:
    if registry is None:
        from ..trace.registry import load_registry

        registry = load_registry()
    rows = load_linking(path, split, lang)
    if not rows:
        from ..errors import DqError

        raise DqError(f"no linking rows for split={split} lang={lang or 'any'} in {path}")
    total, kinds = Counter(), Counter()
    by: dict[str, dict[str, Counter]] = {"lang": defaultdict(Counter), "source": defaultdict(Counter),
                                         "expected": defaultdict(Counter)}
    errors = []
    for r in rows:
        got_ids = registry.link_bodies(r["mention"], r["lang"])
        expected, got = set(r["expected"]), canonical(got_ids)
        kind = error_kind(expected, got)
        ok = int(kind is None)
        source = "written" if r["source"] == "written" else "gold"
        for counter in (total, by["lang"][r["lang"]], by["source"][source],
                        by["expected"]["new" if expected == {"new"} else "known"]):
            counter["n"] += 1
            counter["correct"] += ok
        if kind:
            kinds[kind] += 1
            if with_errors:
                errors.append({"kind": kind, "lang": r["lang"], "mention": r["mention"], "expected": sorted(expected),
                               "got": got_ids, "source": r["source"]})
    report = {"split": split, "lang": lang or "all", **_acc(total),
              "by_lang": {k: _acc(v) for k, v in sorted(by["lang"].items())},
              "by_source": {k: _acc(v) for k, v in sorted(by["source"].items())},
              "by_expected": {k: _acc(v) for k, v in sorted(by["expected"].items())},
              "errors_by_kind": {k: kinds[k] for k in ("wrong_known", "known_to_new", "new_to_known")}}
    if with_errors:
        order = {"wrong_known": 0, "new_to_known": 1, "known_to_new": 2}
        report["errors"] = sorted(errors, key=lambda e: (order[e["kind"]], e["lang"], e["mention"]))
    return report


def print_report(report: dict, with_errors: bool = False) -> None:
    def line(name: str, a: dict) -> str:
        acc = "-" if a["accuracy"] is None else f"{a['accuracy']:.3f}"
        return f"  {name:10s}{acc:>7s}   {a['correct']}/{a['n']}"

    print(f"split={report['split']} lang={report['lang']}  owner linking accuracy {report['accuracy']:.3f} "
          f"({report['correct']}/{report['n']})")
    for group in ("by_lang", "by_source", "by_expected"):
        print(group.replace("_", " ") + ":")
        for name, a in report[group].items():
            print(line(name, a))
    k = report["errors_by_kind"]
    print(f"errors: wrong-known {k['wrong_known']}, known→new {k['known_to_new']}, new→known {k['new_to_known']}")
    if with_errors:
        for e in report.get("errors", []):
            print(f"{e['kind']:13s}{e['lang']}  {e['mention']!r}  expected={e['expected']}  got={e['got']}")
