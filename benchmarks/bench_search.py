"""`dq search` latency in-process on the bundled corpus (after `dq ingest corpora/samples corpora/gold`).

    python benchmarks/bench_search.py --data-dir /tmp/dq-bench [--embedder e5-small]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from dq_nlp.ingest.run import ingest_paths
from dq_nlp.services import Services
from dq_nlp.settings import REPO_DIR, Settings

QUERIES = ["цифровизация школ", "кто отвечает за проекты-ледоколы", "мектептерді цифрландыру", "бюджет на 2026 год",
           "отопительный сезон", "киберқауіпсіздік", "подключение сел к интернету", "ЖИ университеті",
           "электронное здравоохранение", "ағымдағы жылдың соңына дейін", "Tomorrow School", "цифровой тенге"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default="/tmp/dq-bench")
    ap.add_argument("--embedder", default="e5-small")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    services = Services(Settings(data_dir=Path(args.data_dir), embedder=args.embedder))
    t0 = time.perf_counter()
    ingest_paths(services, [REPO_DIR / "corpora" / "samples", REPO_DIR / "corpora" / "gold"])
    services.index.sync()
    ingest_s = time.perf_counter() - t0
    services.index.search("прогрев", k=10)
    times = []
    for _ in range(args.rounds):
        for q in QUERIES:
            t = time.perf_counter()
            services.index.search(q, k=10)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(json.dumps({"embedder": args.embedder, "units": len(services.index.lexical.ids), "ingest_s": round(ingest_s, 1),
                      "queries": len(times), "p50_ms": round(statistics.median(times), 1),
                      "p95_ms": round(times[int(0.95 * len(times)) - 1], 1), "max_ms": round(times[-1], 1)}, indent=1))


if __name__ == "__main__":
    main()
