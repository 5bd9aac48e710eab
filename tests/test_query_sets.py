"""The judged query sets pass their validator (corpora/questions/validate.py), and the validator catches the
mistakes that would leak test documents into tuning."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def validate():
    spec = importlib.util.spec_from_file_location("corpora_validate", ROOT / "corpora/questions/validate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module  # a fresh module: empty error and warning lists


def test_both_query_files_validate(validate):
    assert validate.QUERIES_DEV2.exists()
    assert validate.main() == 0, validate.errors


def test_dev2_is_dev_only_and_kept_off_test_documents(validate):
    rows = [json.loads(x) for x in validate.QUERIES_DEV2.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 80
    assert {r["split"] for r in rows} == {"dev"}
    docs = {j["doc"] for r in rows for j in r["relevant"]}
    assert not any("/test/" in d for d in docs)
    assert docs <= validate.haystack_docs()


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_validator_rejects_a_test_target_and_a_repeated_substring(validate, tmp_path):
    rows = [json.loads(x) for x in validate.QUERIES_DEV2.read_text(encoding="utf-8").splitlines() if x.strip()]
    bad = [dict(r) for r in rows]
    test_doc = next(x for x in sorted(validate.haystack_docs()) if "/test/" in x)
    bad[0] = {**bad[0], "relevant": [{"doc": test_doc, "sentence_contains": "любая подстрока", "grade": 2}]}
    # "тенге" occurs many times in this sample: not a unique anchor
    bad[1] = {**bad[1], "relevant": [{"doc": "corpora/samples/ru/ru02_budget_2026.txt",
                                      "sentence_contains": "трлн тенге", "grade": 2}]}
    bad[2] = {**bad[2], "split": "test"}
    validate.check_queries(_write(tmp_path / "q.jsonl", bad), extra=True)
    joined = "\n".join(validate.errors)
    assert "target in a test document" in joined
    assert "found" in joined and "трлн тенге" in joined
    assert "split must be dev" in joined
