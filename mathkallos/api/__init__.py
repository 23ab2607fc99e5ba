"""The REST side of the app: ops endpoints and `/api/v1`, mounted in front of Reflex."""

from __future__ import annotations

from fastapi import FastAPI

from mathkallos.api import errors, health, metrics
from mathkallos.api.v1 import accounts, attempts, courses, kpi


def build_api() -> FastAPI:
    api = FastAPI(
        title="MathKallos API",
        version="1",
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )
    errors.install(api)
    api.include_router(health.router)
    api.include_router(accounts.router)
    api.include_router(courses.router)
    api.include_router(attempts.router)
    api.include_router(kpi.router)
    api.add_route("/metrics", metrics.metrics_endpoint, methods=["GET"])
    api.add_middleware(metrics.MetricsMiddleware)
    return api
