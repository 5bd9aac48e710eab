from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field

from dq_nlp.errors import NotFound
from dq_nlp.ingest.readers import RawDocument
from dq_nlp.ingest.run import IngestItem, ingest_raw

from ..deps import get_services

router = APIRouter(prefix="/documents", tags=["documents"])


class DocumentIn(BaseModel):
    text: str = Field(..., description="The document text (plain text; HTML is accepted and cleaned).")
    url: str | None = None
    title: str | None = None
    date: str | None = Field(None, description="Publication date, YYYY-MM-DD: deadlines are resolved against it.")
    lang: str | None = None


@router.post("", response_model=IngestItem, status_code=201)
def add_document(doc: DocumentIn, services=Depends(get_services)) -> IngestItem:
    text = doc.text
    if "<html" in text[:500].lower() or "<p" in text[:2000].lower():
        from dq_nlp.ingest.readers import read_html

        raw = read_html(text.encode("utf-8"), doc.url or "request")
        raw.title = doc.title or raw.title
        raw.date = doc.date or raw.date
    else:
        raw = RawDocument(text=text, source=doc.url or "request", title=doc.title, date=doc.date, url=doc.url, lang=doc.lang)
    item, _ = ingest_raw(services, raw)
    if item.status == "error":
        raise HTTPException(status_code=422, detail=item.message)
    services.index.sync()
    return item


@router.get("/{doc_id}")
def get_document(doc_id: str, services=Depends(get_services)) -> dict:
    doc = services.store.document(doc_id)
    if doc is None:
        raise NotFound(f"no document {doc_id!r}")
    return {"document": doc.model_dump(), "extraction": services.store.extraction(doc_id).dump()}
