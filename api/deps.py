"""Dependencies: the process-wide services opened once in the app's lifespan."""

from __future__ import annotations

from fastapi import Request

from dq_nlp.services import Services


def get_services(request: Request) -> Services:
    return request.app.state.services
