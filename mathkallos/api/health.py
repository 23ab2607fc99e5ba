"""`/health`: 200 when the database answers, 503 otherwise (for load balancers and probes)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from mathkallos.services.health import check_health

router = APIRouter()


@router.get("/health", tags=["ops"])
async def health() -> JSONResponse:
    report = await run_in_threadpool(check_health)
    body = {"status": "ok" if report.ok else "unavailable", "database": report.database}
    return JSONResponse(body, status_code=200 if report.ok else 503)
