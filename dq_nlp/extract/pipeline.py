"""One spaCy pipeline per language, built from registered components and a config; ``Extractor`` runs it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import dq_nlp.lang.kk  # noqa: F401 — registers our Kazakh language with spaCy

from ..ingest.prepare import Prepared
from ..records import Extraction
from . import components  # noqa: F401 — registers the dq_* factories

PIPES = ("dq_sentences", "dq_entities", "dq_deadlines", "dq_money", "dq_kpis", "dq_directives")


@lru_cache(maxsize=8)
def build_pipeline(lang: str, models_dir: str, ner: str = "auto", registry_dir: str | None = None) -> Language:
    nlp = spacy.blank("kk" if lang == "kk" else "ru")
    for name in PIPES:
        config: dict = {}
        if name == "dq_entities":
            config = {"models_dir": models_dir, "backend": ner}
        elif name == "dq_directives":
            config = {"registry_dir": registry_dir}
        nlp.add_pipe(name, config=config)
    return nlp


class Extractor:
    def __init__(self, models_dir: Path, ner: str = "auto", registry_dir: Path | None = None):
        self.models_dir = str(models_dir)
        self.ner = ner
        self.registry_dir = str(registry_dir) if registry_dir else None

    def extract(self, prepared: Prepared) -> Extraction:
        document = prepared.document
        lang = "kk" if document.lang == "kk" else "ru"
        nlp = build_pipeline(lang, self.models_dir, self.ner, self.registry_dir)
        doc = nlp.make_doc(document.text)
        doc._.doc_date = document.date
        doc._.doc_id = document.id
        doc._.sent_spans = [(s.start, s.end, s.lang if s.lang in ("ru", "kk") else lang) for s in prepared.sentences]
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return Extraction(lang=document.lang, doc_date=document.date, directives=doc._.directives,
                          deadlines=doc._.deadlines, money=doc._.money, kpis=doc._.kpis, entities=doc._.dq_entities)
