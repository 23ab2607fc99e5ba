"""`/api/v1/courses...` as a mobile app or LMS sees it: published content only, 4xx with ids."""

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from mathkallos.api import errors
from mathkallos.api.v1.courses import router
from mathkallos.db import session_scope
from mathkallos.models.users import Role, User
from mathkallos.services.access import Actor
from tests.integration.services.content.factories import make_course


@pytest.fixture
def client(app_database):
    with session_scope(app_database) as session:
        user = User(
            email="t@example.com",
            username="t",
            full_name="Tess",
            password_hash="x",
            role=Role.TEACHER,
        )
        session.add(user)
        session.flush()
        teacher = Actor.of(user)
        make_course(
            session,
            teacher,
            "Inequalities",
            sections=2,
            topics=["inequalities"],
            summary="AM-GM and Cauchy-Schwarz",
        )
        make_course(session, teacher, "Number theory", topics=["number theory"], price=300)
        make_course(session, teacher, "Draft geometry", published=False)
    app = FastAPI()
    errors.install(app)
    app.include_router(router)
    return TestClient(app)


def test_catalog_lists_published_courses_with_filters_and_paging(client):
    body = client.get("/api/v1/courses", params={"sort": "title"}).json()
    assert [c["title"] for c in body["items"]] == ["Inequalities", "Number theory"]
    assert (body["total"], body["pages"]) == (2, 1)
    assert body["items"][0]["is_free"] is True
    free = client.get("/api/v1/courses", params={"price": "free"}).json()
    assert [c["slug"] for c in free["items"]] == ["inequalities"]
    found = client.get("/api/v1/courses", params={"q": "cauchy"}).json()
    assert [c["slug"] for c in found["items"]] == ["inequalities"]
    paged = client.get("/api/v1/courses", params={"per_page": 1, "page": 2, "sort": "title"}).json()
    assert [c["title"] for c in paged["items"]] == ["Number theory"]


def test_course_page_and_section(client):
    course = client.get("/api/v1/courses/inequalities")
    assert course.status_code == 200
    assert [s["slug"] for s in course.json()["sections"]] == ["part-1", "part-2"]
    assert "can_edit" not in course.json()
    section = client.get("/api/v1/courses/inequalities/sections/part-2").json()
    assert (section["prev_slug"], section["next_slug"]) == ("part-1", None)
    assert section["content"] == "Theory $x^2$"


@pytest.mark.parametrize(
    ("url", "status", "error"),
    [
        ("/api/v1/courses/draft-geometry", 404, "errors.not_found"),
        ("/api/v1/courses/nope", 404, "errors.not_found"),
        ("/api/v1/courses/inequalities/sections/nope", 404, "errors.not_found"),
        ("/api/v1/courses/number-theory/sections/part-1", 403, "content.errors.enrol_first"),
        ("/api/v1/courses?level=galactic", 422, "content.errors.level_unknown"),
    ],
)
def test_errors_are_4xx_with_a_message_id(client, url, status, error):
    response = client.get(url)
    assert response.status_code == status
    assert response.json()["error"] == error


def test_out_of_range_paging_is_refused_not_crashed(client):
    assert client.get("/api/v1/courses", params={"per_page": 1000}).status_code == 422
    assert client.get("/api/v1/courses", params={"page": 0}).status_code == 422
