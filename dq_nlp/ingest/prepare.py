"""RawDocument → Document + Sentences: clean, normalise, split, detect language, hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..errors import InputError
from ..lang.detect import detect_lang, document_lang
from ..lang.segment import split_sentences
from ..records import Document, Sentence
from .boilerplate import strip_boilerplate
from .normalize import normalize_text
from .readers import RawDocument

MIN_TEXT_CHARS = 20


@dataclass
class Prepared:
    document: Document
    sentences: list[Sentence]


def content_hash(text: str) -> str:
    """Duplicates are the same normalised text, whatever the file name, format or whitespace."""
    canonical = " ".join(text.lower().split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _guess_title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    if not first:
        return None
    return first if len(first) <= 200 else first[:197].rsplit(" ", 1)[0] + "…"


def prepare(raw: RawDocument) -> Prepared:
    text = normalize_text(strip_boilerplate(normalize_text(raw.text)))
    if len(text) < MIN_TEXT_CHARS:
        raise InputError(f"{raw.source}: only {len(text)} characters of text after cleaning — nothing to analyse.")
    digest = content_hash(text)
    doc_id = digest[:16]
    sentences: list[Sentence] = []
    for idx, (start, end) in enumerate(split_sentences(text)):
        sent_text = text[start:end]
        sentences.append(Sentence(doc_id=doc_id, idx=idx, start=start, end=end, lang=detect_lang(sent_text),
                                  text=sent_text))
    lang = raw.lang if raw.lang in {"ru", "kk", "mixed"} else document_lang([(s.lang, len(s.text)) for s in sentences])
    # Short sentences whose language is unclear (a name, a number) take the document's language.
    for s in sentences:
        if s.lang == "unknown":
            s.lang = lang if lang in {"ru", "kk"} else "ru"
    title = raw.title or _guess_title(text)
    document = Document(id=doc_id, url=raw.url, title=title, date=raw.date, lang=lang, text=text, hash=digest,
                        source=raw.source)
    return Prepared(document=document, sentences=sentences)
