from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dq_nlp.services import Services
from dq_nlp.settings import REPO_DIR, Settings

SAMPLES = REPO_DIR / "corpora" / "samples"
SEEDS = REPO_DIR.parent / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is not present on this machine")

# A small, varied corpus: Russian and Kazakh press releases, an HTML page and a JSONL feed.
SUBSET = ["ru/ru01_digital_hq.txt", "ru/ru03_ai_education.txt", "ru/ru13_schools_connectivity.txt",
          "kk/kk01_digital_hq.txt", "kk/kk09_schools.txt", "html/kk_news_ai_schools.html", "jsonl/feed.jsonl"]


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("corpus")
    for rel in SUBSET:
        target = d / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / rel, target)
    return d


@pytest.fixture(scope="session")
def loaded(tmp_path_factory, corpus_dir) -> Services:
    """A data dir with the subset ingested once for the whole session."""
    from dq_nlp.ingest.run import ingest_paths

    data_dir = tmp_path_factory.mktemp("data")
    services = Services(Settings(data_dir=data_dir))
    items = ingest_paths(services, [corpus_dir])
    assert all(i.status == "added" for i in items), [i.message for i in items if i.status != "added"]
    services.index.sync()
    return services


@pytest.fixture()
def fresh(tmp_path) -> Services:
    services = Services(Settings(data_dir=tmp_path / "data"))
    yield services
    services.close()
