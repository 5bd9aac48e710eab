"""RawDocument → Document + Sentences: clean, normalise, split, detect language, hash."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

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


_HEAD_DATE = re.compile(
    r"\b(?P<d>\d{1,2})\s(?P<m>январ\w*|феврал\w*|март\w*|апрел\w*|ма[яй]\w*|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|"
    r"ноябр\w*|декабр\w*|қаңтар\w*|ақпан\w*|наурыз\w*|сәуір\w*|мамыр\w*|маусым\w*|шілде\w*|тамыз\w*|қыркүйек\w*|"
    r"қазан\w*|қараша\w*|желтоқсан\w*)\s(?P<y>20\d{2})|\b(?P<d2>\d{1,2})\.(?P<m2>\d{2})\.(?P<y2>20\d{2})\b|"
    r"\b(?P<y3>20\d{2})\s?ж(?:ылғы|\.)\s(?P<d3>\d{1,2})\s(?P<m3>[а-яәғқңөұүһі]+)", re.IGNORECASE)
_MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"]
_KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
              "желтоқсан"]


def _month(word: str) -> int | None:
    w = word.lower()
    for i, stem in enumerate(_KK_MONTHS):
        if w.startswith(stem):
            return i + 1
    for i, stem in sorted(enumerate(_MONTHS), key=lambda x: -len(x[1])):
        if w.startswith(stem):
            return i + 1
    return None


def date_from_head(text: str) -> str | None:
    """A publication date printed at the top of a page ("23 ноября 2026, 14:32", "23.11.2026", "2026 жылғы 23 қараша")
    when the file carried no metadata: deadlines are resolved against it."""
    m = _HEAD_DATE.search(text[:400])
    if not m:
        return None
    try:
        if m.group("y"):
            month, day, year = _month(m.group("m")), int(m.group("d")), int(m.group("y"))
        elif m.group("y2"):
            month, day, year = int(m.group("m2")), int(m.group("d2")), int(m.group("y2"))
        else:
            month, day, year = _month(m.group("m3")), int(m.group("d3")), int(m.group("y3"))
        return date(year, month, day).isoformat() if month else None
    except (TypeError, ValueError):
        return None


def prepare(raw: RawDocument) -> Prepared:
    head_date = None if raw.date else date_from_head(normalize_text(raw.text))
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
    document = Document(id=doc_id, url=raw.url, title=title, date=raw.date or head_date, lang=lang, text=text, hash=digest,
                        source=raw.source)
    return Prepared(document=document, sentences=sentences)
