from fastapi import APIRouter, Depends, Query

from dq_nlp.errors import NotFound
from dq_nlp.trace.graph import status_of, trace

from ..deps import get_services

router = APIRouter(prefix="/directives", tags=["directives"])


@router.get("")
def list_directives(owner: str | None = Query(None, description="Registry id or a name in any case form"),
                    lang: str | None = None, due_before: str | None = None, due_after: str | None = None,
                    project: str | None = None, limit: int = 100, as_of: str | None = None,
                    services=Depends(get_services)) -> list[dict]:
    owner_id = None
    if owner:
        owner_id = owner if owner in services.registry.bodies else services.registry.link_body(owner)
    rows = services.store.directives(owner_id=owner_id, lang=lang, due_before=due_before, due_after=due_after,
                                     project_id=project, limit=limit)
    return [{**d.model_dump(), "status": status_of(d, as_of)["label"]} for d in rows]


@router.get("/{directive_id}")
def get_directive(directive_id: str, as_of: str | None = None, services=Depends(get_services)) -> dict:
    return trace(services.store, services.registry, directive_id, as_of)


@router.get("/{directive_id}/trace")
def get_trace(directive_id: str, as_of: str | None = None, services=Depends(get_services)) -> dict:
    result = trace(services.store, services.registry, directive_id, as_of)
    if result is None:
        raise NotFound(directive_id)
    return result
