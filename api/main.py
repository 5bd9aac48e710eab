"""FastAPI app factory: `uvicorn api.main:create_app --factory` or `dq serve`. OpenAPI at /docs."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from dq_nlp import __version__
from dq_nlp.errors import DqError, InputError, NotFound
from dq_nlp.services import Services
from dq_nlp.settings import Settings

from .routers import ask, directives, documents, health, search


def create_app(settings: Settings | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        services = Services(settings or Settings.from_env())
        app.state.services = services
        services.index.sync()  # open Chroma and BM25 once, not per request
        yield
        services.close()

    app = FastAPI(title="dq-nlp", version=__version__, lifespan=lifespan,
                  description="Directives, owners, deadlines, KPIs and money from Russian and Kazakh government texts.")

    @app.exception_handler(NotFound)
    async def not_found(_: Request, exc: NotFound):
        return JSONResponse(status_code=404, content={"detail": str(exc)})

    @app.exception_handler(InputError)
    async def bad_input(_: Request, exc: InputError):
        return JSONResponse(status_code=422, content={"detail": str(exc)})

    @app.exception_handler(DqError)
    async def dq_error(_: Request, exc: DqError):
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    for router in (health.router, documents.router, directives.router, search.router, ask.router):
        app.include_router(router)
    return app
