"""`/health` and `/metrics` as a load balancer and Prometheus see them."""

from fastapi.testclient import TestClient

from mathkallos import db
from mathkallos.api import build_api


def test_health_is_ok_when_the_database_answers(app_database):
    response = TestClient(build_api()).get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True}


def test_health_is_503_when_the_database_is_gone(app_database, monkeypatch):
    broken = db.make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    monkeypatch.setattr(db, "get_engine", lambda: broken)
    response = TestClient(build_api()).get("/health")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def _requests_to_health(text: str) -> float:
    for line in text.splitlines():
        if line.startswith(
            'mathkallos_http_requests_total{method="GET",route="/health",status="200"}'
        ):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_and_latency_in_prometheus_format(app_database):
    client = TestClient(build_api())
    before = _requests_to_health(client.get("/metrics").text)
    client.get("/health")
    client.get("/health")
    body = client.get("/metrics")
    assert body.headers["content-type"].startswith("text/plain")
    assert _requests_to_health(body.text) == before + 2
    assert "mathkallos_http_request_duration_seconds_bucket" in body.text
