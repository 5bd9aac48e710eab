"""Ingest files into the store and the index: every document is read, prepared, extracted and saved on its own,
so one bad file is reported and the rest go on. Re-ingesting the same content is a no-op that says so."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel

from ..errors import DqError
from ..records import Extraction
from .prepare import prepare
from .readers import SUPPORTED, RawDocument, read_path


class IngestItem(BaseModel):
    source: str
    status: str  # added | duplicate | error
    doc_id: str | None = None
    title: str | None = None
    lang: str | None = None
    message: str | None = None
    directives: int = 0


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                # a folder's README/notes (.md) describe the corpus; they are not press releases
                if (child.is_file() and child.suffix.lower() in SUPPORTED and child.suffix.lower() != ".md"
                        and not child.name.startswith(".")):
                    yield child
        else:
            yield path


def ingest_raw(services, raw: RawDocument, index: bool = True,
               before_save: Callable[[IngestItem, Extraction], None] | None = None) -> tuple[IngestItem, Extraction | None]:
    """`before_save` sees each new document's extraction before the store commits it: a caller that journals
    results (the batch feed) writes first, so a kill between the two never leaves a stored document missing
    from its feed (the rerun extracts it again and finds it already journaled)."""
    store = services.store
    if raw.error:
        store.log(raw.source, "error", message=raw.error)
        return IngestItem(source=raw.source, status="error", message=raw.error), None
    try:
        prepared = prepare(raw)
        existing = store.has_hash(prepared.document.hash)
        if existing:
            store.log(raw.source, "duplicate", existing)
            return IngestItem(source=raw.source, status="duplicate", doc_id=existing, title=prepared.document.title,
                              lang=prepared.document.lang,
                              message=f"already ingested as {existing}; nothing changed"), None
        extraction = services.extractor.extract(prepared)
        if before_save is not None:
            before_save(IngestItem(source=raw.source, status="added", doc_id=prepared.document.id,
                                   title=prepared.document.title, lang=prepared.document.lang,
                                   directives=len(extraction.directives)), extraction)
        store.save(prepared.document, prepared.sentences, extraction)
        if index:
            services.index.add_document(prepared.document.id)
        store.log(raw.source, "added", prepared.document.id)
        return IngestItem(source=raw.source, status="added", doc_id=prepared.document.id, title=prepared.document.title,
                          lang=prepared.document.lang, directives=len(extraction.directives)), extraction
    except DqError as exc:
        store.log(raw.source, "error", message=str(exc))
        return IngestItem(source=raw.source, status="error", message=str(exc)), None
    except Exception as exc:  # noqa: BLE001 — one broken document must never stop a batch
        message = f"{raw.source}: unexpected {type(exc).__name__}: {exc}"
        store.log(raw.source, "error", message=message)
        return IngestItem(source=raw.source, status="error", message=message), None


def ingest_paths(services, paths: Iterable[Path], index: bool = True,
                 on_item: Callable[[IngestItem], None] | None = None,
                 files: list[Path] | None = None) -> list[IngestItem]:
    items: list[IngestItem] = []
    for path in files if files is not None else iter_files(paths):
        try:
            raws = read_path(path, services.settings.max_file_mb)
        except DqError as exc:
            services.store.log(str(path), "error", message=str(exc))
            raws = []
            item = IngestItem(source=str(path), status="error", message=str(exc))
            items.append(item)
            if on_item:
                on_item(item)
        except Exception as exc:  # noqa: BLE001
            item = IngestItem(source=str(path), status="error", message=f"{path}: {type(exc).__name__}: {exc}")
            items.append(item)
            if on_item:
                on_item(item)
            raws = []
        for raw in raws:
            item, _ = ingest_raw(services, raw, index=index)
            items.append(item)
            if on_item:
                on_item(item)
    return items
