from fastapi import APIRouter, Depends

from dq_nlp.extract.entities import EntityRecognizer

from ..deps import get_services

router = APIRouter(tags=["health"])


@router.get("/health")
def health(services=Depends(get_services)) -> dict:
    ner = EntityRecognizer(services.settings.models_dir, services.settings.ner).describe()
    return {"status": "ok", "embedder": services.settings.embedder, "store": services.store.counts(),
            "vectors": services.index.dense.count(), "ner": ner}
