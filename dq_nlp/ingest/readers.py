"""One reader per format. Each returns ``RawDocument``s (text + metadata, not yet normalised) or raises
``InputError`` with a message that says what is wrong and what to do."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .decode import decode_bytes

SUPPORTED = {".txt", ".text", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".pdf", ".docx"}

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOTTED_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


@dataclass
class RawDocument:
    text: str
    source: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    lang: str | None = None
    error: str | None = None  # set when this one document (e.g. a JSONL line) could not be read


def read_path(path: Path, max_mb: float = 25.0) -> list[RawDocument]:
    """All documents in one file."""
    if not path.exists():
        raise InputError(f"{path}: no such file.")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: the file is empty — nothing to ingest.")
    if size > max_mb * 1024 * 1024:
        raise InputError(f"{path}: the file is {size / 1048576:.1f} MB, over the {max_mb:g} MB limit for one document; "
                         "split it, or raise the limit with --max-file-mb / DQ_MAX_FILE_MB.")
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix in {".jsonl", ".ndjson"}:
        return read_jsonl(data, str(path))
    if suffix in {".html", ".htm"}:
        return [read_html(data, str(path))]
    if suffix == ".pdf":
        return [read_pdf(data, str(path))]
    if suffix == ".docx":
        return [read_docx(data, str(path))]
    if suffix in {".txt", ".text", ".md"} or not suffix:
        return [read_txt(data, str(path))]
    raise InputError(f"{path}: unsupported file type {suffix!r}; supported: {', '.join(sorted(SUPPORTED))}.")


def read_txt(data: bytes, source: str) -> RawDocument:
    text, _ = decode_bytes(data, source)
    date = None
    match = _DATE_LINE.match(text)
    if match:  # the seeds' convention: " date YYYY-MM-DD" opens the file and is metadata, not text
        date = match.group(1)
        text = text[match.end():]
    return RawDocument(text=text, source=source, date=date)


def _first_date(*candidates: str | None) -> str | None:
    for value in candidates:
        if not value:
            continue
        iso = _ISO_DATE.search(value)
        if iso:
            return iso.group(0)
        dotted = _DOTTED_DATE.search(value)
        if dotted:
            d, m, y = dotted.groups()
            return f"{y}-{int(m):02d}-{int(d):02d}"
    return None


def read_html(data: bytes, source: str) -> RawDocument:
    html, _ = decode_bytes(data, source)
    if "<" not in html:
        raise InputError(f"{source}: no HTML markup found; save it as .txt if it is plain text.")
    import trafilatura
    from lxml import html as lxml_html

    title = date = url = None
    try:
        tree = lxml_html.fromstring(html)
    except Exception as exc:  # noqa: BLE001 — lxml raises many kinds on broken markup
        raise InputError(f"{source}: the HTML cannot be parsed ({exc}); check that the file is a web page.") from exc
    h1 = tree.xpath("//h1")
    if h1:
        title = " ".join(h1[0].text_content().split()) or None
    if not title:
        og = tree.xpath("//meta[@property='og:title']/@content") or tree.xpath("//title/text()")
        title = " ".join(og[0].split()) if og else None
    times = tree.xpath("//time/@datetime") + tree.xpath(
        "//meta[@property='article:published_time']/@content") + tree.xpath("//meta[@name='date']/@content")
    date = _first_date(*times)
    canonical = tree.xpath("//link[@rel='canonical']/@href") or tree.xpath("//meta[@property='og:url']/@content")
    url = canonical[0] if canonical else None

    body = trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True,
                               deduplicate=True) or ""
    if len(body) < 200:  # a cut-off page or an unusual layout: fall back to the article's paragraphs
        nodes = tree.xpath("//article//p") or tree.xpath("//main//p") or tree.xpath("//p")
        fallback = "\n".join(" ".join(p.text_content().split()) for p in nodes)
        if len(fallback) > len(body):
            body = fallback
    if not body.strip():
        raise InputError(f"{source}: no article text found in the HTML page.")
    if not date:
        meta = trafilatura.extract_metadata(html)
        date = _first_date(getattr(meta, "date", None)) if meta else None
    return RawDocument(text=body, source=source, title=title, date=date, url=url)


def read_pdf(data: bytes, source: str) -> RawDocument:
    if not data.startswith(b"%PDF"):
        raise InputError(f"{source}: not a PDF file (no %PDF header).")
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # noqa: BLE001 — pypdf raises many kinds on broken files
        raise InputError(f"{source}: the PDF is broken or encrypted ({type(exc).__name__}: {exc}).") from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise InputError(f"{source}: the PDF has no text layer (a scan?); run OCR first.")
    title = None
    try:
        title = (reader.metadata or {}).get("/Title")
    except Exception:  # noqa: BLE001
        title = None
    return RawDocument(text=text, source=source, title=title or None)


def read_docx(data: bytes, source: str) -> RawDocument:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001
        raise InputError(f"{source}: the DOCX is broken ({type(exc).__name__}); open and re-save it in Word.") from exc
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append(" | ".join(cell.text for cell in row.cells))
    text = "\n".join(paragraphs)
    if not text.strip():
        raise InputError(f"{source}: the DOCX has no text.")
    props = document.core_properties
    date = props.created.date().isoformat() if props.created else None
    return RawDocument(text=text, source=source, title=props.title or None, date=date)


def read_jsonl(data: bytes, source: str) -> list[RawDocument]:
    text, _ = decode_bytes(data, source)
    docs: list[RawDocument] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            docs.append(RawDocument(text="", source=where, error=f"{where}: not valid JSON ({exc.msg})."))
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            docs.append(RawDocument(text="", source=where, error=f"{where}: each line needs a non-empty \"text\" field."))
            continue
        docs.append(RawDocument(text=obj["text"], source=where, title=obj.get("title"),
                                date=_first_date(obj.get("date")), url=obj.get("url"), lang=obj.get("lang")))
    return docs
