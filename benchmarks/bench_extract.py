"""Extraction throughput and peak memory over the bundled corpus (no storage, no embedding).

    python benchmarks/bench_extract.py [--repeat 3] [--ner auto|natasha|none]
"""

from __future__ import annotations

import argparse
import json
import resource
import time

from dq_nlp.extract.pipeline import Extractor
from dq_nlp.ingest.prepare import prepare
from dq_nlp.ingest.readers import read_path
from dq_nlp.ingest.run import iter_files
from dq_nlp.settings import REPO_DIR, Settings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--ner", default="auto")
    args = ap.parse_args()
    settings = Settings.from_env(ner=args.ner)
    files = list(iter_files([REPO_DIR / "corpora" / "samples", REPO_DIR / "corpora" / "gold"]))
    prepared = [prepare(raw) for f in files for raw in read_path(f) if not raw.error]
    chars = sum(len(p.document.text) for p in prepared)
    extractor = Extractor(settings.models_dir, ner=settings.ner, registry_dir=settings.registry_dir)
    t0 = time.perf_counter()
    extractor.extract(prepared[0])  # load models once; not counted
    warm = time.perf_counter() - t0
    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        directives = sum(len(extractor.extract(p).directives) for p in prepared)
        best = min(best, time.perf_counter() - t0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"documents": len(prepared), "chars": chars, "directives": directives, "ner": args.ner,
                      "load_s": round(warm, 2), "seconds": round(best, 3), "docs_per_s": round(len(prepared) / best, 1),
                      "chars_per_s": round(chars / best), "peak_rss_mb": round(peak_mb)}, indent=1))


if __name__ == "__main__":
    main()
