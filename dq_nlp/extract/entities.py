"""Named entities per sentence language: our trained spaCy models in ``models/ner-<lang>`` when shipped,
natasha (PER/LOC/ORG) for Russian otherwise. One seam, so a better recogniser drops in without other changes."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..records import Entity

NATASHA_LABELS = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}


@lru_cache(maxsize=4)
def _spacy_model(path: str):
    import spacy

    import dq_nlp.lang.kk  # noqa: F401 — registers "kk" before a Kazakh pipeline is loaded

    return spacy.load(path)


@lru_cache(maxsize=1)
def _natasha():
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    emb = NewsEmbedding()
    return Segmenter(), NewsNERTagger(emb)


class EntityRecognizer:
    def __init__(self, models_dir: Path, backend: str = "auto"):
        self.models_dir = Path(models_dir)
        self.backend = backend

    def model_path(self, lang: str) -> Path | None:
        path = self.models_dir / f"ner-{lang}"
        return path if (path / "meta.json").exists() else None

    def describe(self) -> dict[str, str]:
        out = {}
        for lang in ("ru", "kk"):
            if self.backend == "none":
                out[lang] = "none"
            elif self.backend != "natasha" and self.model_path(lang):
                out[lang] = str(self.model_path(lang))
            else:
                out[lang] = "natasha" if lang == "ru" and self.backend != "none" else "none"
        return out

    def __call__(self, text: str, spans: list[tuple[int, int, str]]) -> list[Entity]:
        """Entities over ``text``; ``spans`` are (start, end, lang) of its sentences."""
        if self.backend == "none":
            return []
        entities: list[Entity] = []
        by_lang: dict[str, list[tuple[int, int]]] = {}
        for s, e, lang in spans:
            by_lang.setdefault("kk" if lang == "kk" else "ru", []).append((s, e))
        for lang, parts in by_lang.items():
            path = None if self.backend == "natasha" else self.model_path(lang)
            if path is not None:
                nlp = _spacy_model(str(path))
                for (s, _e), doc in zip(parts, nlp.pipe(text[a:b] for a, b in parts)):
                    for ent in doc.ents:
                        entities.append(Entity(text=ent.text, label=ent.label_, start=s + ent.start_char,
                                               end=s + ent.end_char))
            elif lang == "ru":
                from natasha import Doc

                segmenter, tagger = _natasha()
                for s, e in parts:
                    doc = Doc(text[s:e])
                    doc.segment(segmenter)
                    doc.tag_ner(tagger)
                    for span in doc.spans:
                        entities.append(Entity(text=span.text, label=NATASHA_LABELS.get(span.type, span.type),
                                               start=s + span.start, end=s + span.stop))
        entities.sort(key=lambda x: x.start)
        return entities
