"""The FastAPI service over real HTTP: uvicorn on a free port, httpx as the client."""

import socket
import subprocess
import sys
import time

import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, corpus_dir):
    """A real server process on its own data dir (Chroma's embedded store belongs to one process at a time),
    filled over HTTP with a few sample press releases."""
    port = _free_port()
    data_dir = tmp_path_factory.mktemp("api-data")
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory", "--port", str(port)],
                            env={"DQ_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError(proc.stdout.read().decode())
    for rel in ("ru/ru01_digital_hq.txt", "ru/ru13_schools_connectivity.txt", "kk/kk09_schools.txt", "kk/kk01_digital_hq.txt"):
        raw = (corpus_dir / rel).read_text(encoding="utf-8")
        date, _, text = raw.partition("\n")
        r = httpx.post(base + "/documents", json={"text": text, "date": date.split()[-1]}, timeout=120)
        assert r.status_code == 201, r.text
    yield base
    proc.terminate()
    proc.wait(timeout=20)


def test_health_and_docs(server):
    h = httpx.get(server + "/health").json()
    assert h["status"] == "ok" and h["store"]["documents"] >= 4 and h["vectors"] > 0
    assert httpx.get(server + "/docs").status_code == 200
    assert "/ask" in httpx.get(server + "/openapi.json").json()["paths"]


def test_documents_roundtrip_and_errors(server):
    text = "Премьер-министр поручил Министерству энергетики до 1 октября 2026 года завершить подготовку к отопительному сезону."
    r = httpx.post(server + "/documents", json={"text": text, "date": "2026-05-10"}, timeout=60)
    assert r.status_code == 201 and r.json()["status"] == "added"
    doc_id = r.json()["doc_id"]
    again = httpx.post(server + "/documents", json={"text": text, "date": "2026-05-10"}, timeout=60).json()
    assert again["status"] == "duplicate"
    got = httpx.get(f"{server}/documents/{doc_id}").json()
    assert got["extraction"]["directives"][0]["deadline"]["date"] == "2026-10-01"
    assert httpx.post(server + "/documents", json={"text": "   "}).status_code == 422
    assert httpx.get(server + "/documents/nope").status_code == 404


def test_directives_search_trace_ask(server):
    ds = httpx.get(server + "/directives", params={"owner": "акиматам областей"}).json()
    assert ds and all("akimats_regions" in d["owner_ids"] for d in ds)
    hits = httpx.get(server + "/search", params={"q": "мектептерді интернетке қосу", "k": 5}).json()
    assert len(hits) == 5
    did = next(h["id"] for h in hits if h["kind"] == "directive")
    assert httpx.get(f"{server}/directives/{did}").json()["directive"]["id"] == did
    assert httpx.get(f"{server}/directives/{did}/trace").json()["source"]["doc_id"]
    assert httpx.get(f"{server}/directives/missing/trace").status_code == 404
    a = httpx.post(server + "/ask", json={"question": "Кто отвечает за подготовку к отопительному сезону?"}, timeout=60).json()
    assert not a["abstained"] and "me" in a["owner_ids"]  # the Ministry of Energy
