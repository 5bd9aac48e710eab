from fastapi import APIRouter, Depends, Query

from dq_nlp.index.search import SearchFilters, SearchHit

from ..deps import get_services

router = APIRouter(tags=["search"])


@router.get("/search", response_model=list[SearchHit])
def search(q: str = Query(..., min_length=1, description="Query in Russian or Kazakh"), k: int = Query(10, ge=1, le=100),
           lang: str | None = None, owner: str | None = None, due_before: str | None = None, due_after: str | None = None,
           project: str | None = None, kind: str | None = None, mode: str = "hybrid",
           services=Depends(get_services)) -> list[SearchHit]:
    owner_id = None
    if owner:
        owner_id = owner if owner in services.registry.bodies else services.registry.link_body(owner)
    filters = SearchFilters(lang=lang, due_before=due_before, due_after=due_after, project=project, kind=kind)
    return services.index.search(q, k=k, filters=filters, owner_id=owner_id, mode=mode)
