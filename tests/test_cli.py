"""Every `dq` command through the real CLI, on a real data dir (SQLite + Chroma + BM25)."""

import json
import signal
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from dq_nlp.cli import app

from .conftest import SEEDS, needs_seeds

runner = CliRunner()


def run(args, data_dir=None):
    env = {"DQ_DATA_DIR": str(data_dir)} if data_dir else {}
    result = runner.invoke(app, args, env=env)
    return result


@needs_seeds
def test_extract_seed_000():
    r = run(["extract", str(next(SEEDS.glob("000_*.txt"))), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["doc_date"] == "2025-11-26" and out["lang"] == "ru"
    dates = [d["deadline"]["date"] for d in out["directives"]]
    assert dates == ["2025-12-05", "2025-12-31"]
    assert "ответственным государственным органам" in out["directives"][0]["owners"]
    assert {d["project_id"] for d in out["directives"]} <= {"icebreakers", "digital_qazaqstan"}
    money = {(m["value"], m["currency"]) for m in out["money"]}
    assert {(200000000.0, "USD"), (665500000.0, "USD")} <= money
    kpis = {(k["from"], k["to"]) for k in out["kpis"]}
    assert {(2.6, 14.5), (30.0, 89.0)} <= kpis


@needs_seeds
def test_extract_seed_003():
    r = run(["extract", str(next(SEEDS.glob("003_*.txt"))), "--json"])
    out = json.loads(r.output)
    kpis = {(k["from"], k["to"], k["unit"]) for k in out["kpis"]}
    assert (4.0, 6.0, "%") in kpis and (None, 5.0, "ratio") in kpis and (None, 1.5, "p.p.") in kpis
    assert out["directives"] == []


def test_extract_bad_file_exits_with_message(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    r = run(["extract", str(tmp_path / "e.txt")])
    assert r.exit_code == 1 and "empty" in r.output


def test_ingest_is_idempotent(tmp_path, corpus_dir):
    data = tmp_path / "d"
    first = run(["ingest", str(corpus_dir / "ru"), "--json"], data)
    assert first.exit_code == 0, first.output
    assert {i["status"] for i in json.loads(first.output)} == {"added"}
    second = run(["ingest", str(corpus_dir / "ru")], data)
    assert "0 added, 3 duplicates" in second.output


def test_search_trace_ask_owners_graph(loaded, tmp_path):
    data = loaded.settings.data_dir
    r = run(["search", "подключение школ к интернету", "--k", "3", "--json"], data)
    hits = json.loads(r.output)
    assert len(hits) == 3 and all("score" in h and "doc_id" in h for h in hits)
    r = run(["search", "цифрлық даму", "--kind", "directive", "--owner", "miid", "--json"], data)
    assert all("miid" in h["directive"]["owner_ids"] for h in json.loads(r.output))
    r = run(["search", "интернет", "--due-before", "2026-06-30", "--kind", "directive", "--json"], data)
    assert all(h["directive"]["deadline"]["date"] <= "2026-06-30" for h in json.loads(r.output))
    did = json.loads(run(["search", "проактивный формат региональных услуг", "--kind", "directive", "--json"], data).output)[0]["id"]
    t = json.loads(run(["trace", did, "--json", "--as-of", "2026-01-01"], data).output)
    assert t["directive"]["id"] == did and t["source"]["sentence"]["start"] < t["source"]["sentence"]["end"]
    assert t["status"]["status"] in {"open", "overdue", "recurring"}
    a = json.loads(run(["ask", "Кто отвечает за перевод региональных услуг в проактивный формат?", "--json"], data).output)
    assert not a["abstained"] and a["evidence"]["sentence"] and a["owners"]
    none = json.loads(run(["ask", "Кто отвечает за строительство космодрома на Луне?", "--json"], data).output)
    assert none["abstained"]
    o = json.loads(run(["owners", "--json"], data).output)
    assert any(row["owner_id"] == "miid" for row in o)
    out = tmp_path / "g.graphml"
    assert run(["graph", "--out", str(out)], data).exit_code == 0 and "<graphml" in out.read_text()


def test_trace_unknown_id(loaded):
    r = run(["trace", "nope"], loaded.settings.data_dir)
    assert r.exit_code == 1 and "no directive" in r.output


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_batch_formats_and_resume(tmp_path, corpus_dir, suffix):
    out = tmp_path / f"out{suffix}"
    data = tmp_path / "d"
    r = run(["batch", str(corpus_dir / "kk"), "--out", str(out), "--no-index"], data)
    assert r.exit_code == 0, r.output and out.exists()
    assert "2 new" in r.output
    r = run(["batch", str(corpus_dir / "kk"), "--out", str(out), "--no-index"], data)
    assert "0 new, 2 seen before" in r.output
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows >= 2


def test_batch_reports_bad_document(tmp_path, corpus_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02" * 500)
    (folder / "good.txt").write_text((corpus_dir / "ru" / "ru01_digital_hq.txt").read_text(encoding="utf-8"), encoding="utf-8")
    r = run(["batch", str(folder), "--out", str(tmp_path / "o.jsonl"), "--no-index"], tmp_path / "d")
    assert r.exit_code == 0 and "1 new" in r.output and "bad.txt" in r.output


def test_batch_resumes_after_kill(tmp_path, corpus_dir):
    """Kill a real batch process mid-run; the next run finishes the rest and loses nothing."""
    out = tmp_path / "o.jsonl"
    data = tmp_path / "d"
    cmd = [sys.executable, "-m", "dq_nlp.cli", "batch", str(corpus_dir), "--out", str(out), "--no-index"]
    env = {"DQ_DATA_DIR": str(data), "PATH": "/usr/bin:/bin"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    import time

    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or not out.read_text().strip()):
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = len(out.read_text().splitlines()) if out.exists() else 0
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert len({x["doc_id"] for x in lines}) == len(lines) >= partial
    assert len(lines) == 10  # 9 files, the JSONL feed holds 4 documents: 6 + 4


def test_batch_resumes_over_a_half_written_line(tmp_path, corpus_dir):
    """A kill in the middle of a feed write leaves a broken last line; the rerun cuts it and redoes that document."""
    out = tmp_path / "o.jsonl"
    out.write_text('{"doc_id": "abc", "source": "x", "extr', encoding="utf-8")
    r = run(["batch", str(corpus_dir / "kk"), "--out", str(out), "--no-index"], tmp_path / "d")
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 2 and all(x["doc_id"] != "abc" and "directives" in x["extraction"] for x in lines)


def test_help_teaches():
    r = run(["--help"])
    assert "ingest" in r.output and "search" in r.output and "ask" in r.output


def test_eval_extract_scores_the_dev_gold():
    r = run(["eval", "extract", "--split", "dev", "--lang", "kk", "--json"])
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)
    assert report["documents"] >= 40 and set(report["scores"]) == {"kk"}
    scores = report["scores"]["kk"]
    assert set(scores) == {"directive", "owner", "deadline", "money", "kpi"}
    assert scores["directive"]["f1"] > 0.9 and scores["money"]["f1"] > 0.9  # a regression guard, not a benchmark


def test_eval_search_says_what_it_needs(monkeypatch, tmp_path):
    import dq_nlp.eval.search as search_eval

    monkeypatch.setattr(search_eval, "KAZQAD", tmp_path / "missing")
    r = run(["eval", "search", "--bench", "kazqad"])
    assert r.exit_code == 1 and "KazQAD" in r.output and "missing" in r.output
