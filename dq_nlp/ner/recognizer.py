"""Load the shipped NER pipelines (``models/ner-ru``, ``models/ner-kk``), cached per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import dq_nlp

from . import components  # noqa: F401  (registers biluo_tags_to_ents, used by the tagger-head pipelines)

MODELS_DIR = Path(dq_nlp.__file__).resolve().parent.parent / "models"


def model_path(lang: str, models_dir: Path | str | None = None) -> Path:
    return Path(models_dir or MODELS_DIR) / f"ner-{lang}"


@lru_cache(maxsize=8)
def _load(path: str) -> Language:
    return spacy.load(path)


def load_ner(lang: str, models_dir: Path | str | None = None) -> Language | None:
    """The NER pipeline for ``lang`` ("ru" or "kk"), or None when ``models/ner-<lang>`` is absent."""
    if lang == "kk":
        import dq_nlp.lang.kk  # noqa: F401  (registers the "kk" language class)
    path = model_path(lang, models_dir)
    if not (path / "meta.json").exists():
        return None
    return _load(str(path.resolve()))


__all__ = ["MODELS_DIR", "load_ner", "model_path"]
