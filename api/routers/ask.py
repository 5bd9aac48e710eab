from fastapi import APIRouter, Depends
from pydantic import BaseModel

from dq_nlp.ask.bot import Answer, ask

from ..deps import get_services

router = APIRouter(tags=["ask"])


class Question(BaseModel):
    question: str
    as_of: str | None = None


@router.post("/ask", response_model=Answer)
def post_ask(q: Question, services=Depends(get_services)) -> Answer:
    return ask(services, q.question, as_of=q.as_of)
