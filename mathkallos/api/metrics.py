"""Prometheus metrics: request counts and latencies for every HTTP request the app serves."""

from __future__ import annotations

import time

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUESTS = Counter(
    "mathkallos_http_requests_total", "HTTP requests served", ["method", "route", "status"]
)
LATENCY = Histogram(
    "mathkallos_http_request_duration_seconds", "HTTP request latency", ["method", "route"]
)
# Grouping keeps label cardinality bounded: page paths and ids never become labels.
_KNOWN_PREFIXES = ("/api/v1", "/_event", "/health", "/metrics", "/ping", "/_health", "/_upload")


def route_label(path: str) -> str:
    for prefix in _KNOWN_PREFIXES:
        if path == prefix or path.startswith(prefix + "/"):
            return prefix
    return "/page"


class MetricsMiddleware:
    """Pure ASGI middleware so that websocket upgrades and streaming responses pass untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = {"code": 500}

        async def send_with_status(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        route = route_label(scope.get("path", ""))
        try:
            await self.app(scope, receive, send_with_status)
        finally:
            REQUESTS.labels(scope["method"], route, str(status["code"])).inc()
            LATENCY.labels(scope["method"], route).observe(time.perf_counter() - started)


async def metrics_endpoint(_request: Request) -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
