"""The test runner over `/api/v1`: the same rules as the pages, JSON that never carries a key
before submit, 4xx for every refusal (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from mathkallos.api import build_api
from mathkallos.api.v1 import attempts as attempts_api
from mathkallos.models.users import Role
from mathkallos.services.access import Actor
from tests.integration.services.attempts.builders import (
    SECRETS,
    build_course,
    move_deadline,
    tag_topic,
)


@pytest.fixture
def client(app_database) -> TestClient:
    """The app's API, with the attempts router mounted if build_api() does not mount it yet."""
    api = build_api()
    if not any(getattr(route, "path", "") == "/api/v1/attempts" for route in api.routes):
        api.include_router(attempts_api.router)
    return TestClient(api)


@pytest.fixture
def people(client, headers_for):
    teacher, student = headers_for(Role.TEACHER), headers_for(Role.STUDENT)
    return {"teacher": teacher, "student": student, "other": headers_for(Role.STUDENT)}


@pytest.fixture
def course(client, app_database, people):
    me = client.get("/api/v1/users/me", headers=people["teacher"]).json()
    with Session(app_database, expire_on_commit=False) as session:
        return build_course(session, Actor(id=me["id"], role=Role.TEACHER))


def _no_secret(response) -> None:
    assert [s for s in SECRETS if s in response.text] == [], response.text


def test_exam_over_http_saves_without_verdicts_then_shows_the_result(client, people, course):
    student = people["student"]
    started = client.post(f"/api/v1/tests/{course.slug}/{course.exam}/start", headers=student)
    assert started.status_code == 200, started.text
    _no_secret(started)
    attempt = started.json()
    assert attempt["mode"] == "exam"
    assert attempt["seconds_left"] > 0
    url = f"/api/v1/attempts/{attempt['id']}"
    saved = client.put(
        f"{url}/answers/{course.string}",
        json={"answer": "zebrakey", "time_spent_seconds": 12},
        headers=student,
    )
    assert saved.status_code == 200, saved.text
    assert set(saved.json()) == {"problem_id", "answer", "saved_at", "seconds_left"}
    event = client.post(f"{url}/events", json={"kind": "copy"}, headers=student)
    assert event.status_code == 204
    resumed = client.get(url, headers=student)
    _no_secret(resumed)
    assert resumed.json()["result"] is None
    assert resumed.json()["attempt"]["problems"][1]["state"]["answer"] == "zebrakey"
    hint = client.post(f"{url}/problems/{course.symbolic}/hint", headers=student)
    assert (hint.status_code, hint.json()["error"]) == (403, "attempts.no_hints_in_exam")

    submitted = client.post(f"{url}/submit", headers=student)
    assert submitted.status_code == 200, submitted.text
    result = submitted.json()
    assert (result["score"], result["max_score"], result["provisional"]) == (1.0, 6.0, False)
    assert result["problems"][1]["correct_answer"] == "ZEBRAKEY"
    after = client.get(url, headers=student).json()
    assert after["result"]["score"] == 1.0
    mine = client.get("/api/v1/attempts", headers=student).json()
    assert [row["id"] for row in mine["items"]] == [attempt["id"]]


def test_answers_after_the_deadline_get_409_and_a_message(client, people, course, app_database):
    student = people["student"]
    attempt = client.post(
        f"/api/v1/tests/{course.slug}/{course.exam}/start", headers=student
    ).json()
    with Session(app_database) as session:
        move_deadline(session, attempt["id"], minutes_from_now=-1)
    late = client.put(
        f"/api/v1/attempts/{attempt['id']}/answers/{course.string}",
        json={"answer": "zebrakey"},
        headers={**student, "Accept-Language": "ru"},
    )
    assert late.status_code == 409
    assert late.json()["error"] == "attempts.deadline_passed"


def test_practice_over_http_checks_at_once(client, people, course):
    student = people["student"]
    attempt = client.post(
        f"/api/v1/tests/{course.slug}/{course.practice}/start", headers=student
    ).json()
    url = f"/api/v1/attempts/{attempt['id']}"
    wrong = client.put(f"{url}/answers/{course.symbolic}", json={"answer": "x^2"}, headers=student)
    assert wrong.json()["verdict"]["correct"] is False
    _no_secret(wrong)
    locked = client.post(f"{url}/problems/{course.symbolic}/solution", headers=student)
    assert locked.status_code == 403
    right = client.put(
        f"{url}/answers/{course.symbolic}", json={"answer": "x^2+2x"}, headers=student
    )
    assert (right.json()["verdict"]["correct"], right.json()["tries"]) == (True, 2)
    shown = client.post(f"{url}/problems/{course.symbolic}/solution", headers=student)
    assert shown.json()["solution"].startswith("SOLUTIONMARK")


def test_a_topic_is_practised_over_http_and_resumed(client, people, course, app_database):
    student = people["student"]
    with Session(app_database) as session:
        tag_topic(session, course, "algebra")
    url = f"/api/v1/courses/{course.slug}/practice"
    topics = client.get(f"/api/v1/courses/{course.slug}/topics").json()
    assert topics == [{"topic": "algebra", "problems": 2, "solved": 0}]
    started = client.post(url, json={"topic": "algebra"}, headers=student)
    assert started.status_code == 200, started.text
    _no_secret(started)
    attempt = started.json()
    assert (attempt["test"], attempt["topic"], attempt["mode"]) == (None, "algebra", "practice")
    assert {p["problem"]["id"] for p in attempt["problems"]} == {course.symbolic, course.string}
    answered = client.put(
        f"/api/v1/attempts/{attempt['id']}/answers/{course.string}",
        json={"answer": "zebrakey"},
        headers=student,
    )
    assert answered.json()["verdict"]["correct"] is True
    again = client.post(url, json={"topic": "algebra"}, headers=student)
    assert again.json()["id"] == attempt["id"]
    solved = client.get(f"/api/v1/courses/{course.slug}/topics", headers=student).json()
    assert solved[0]["solved"] == 1

    empty = client.post(url, json={"topic": "topology"}, headers=student)
    assert (empty.status_code, empty.json()["error"]) == (409, "attempts.topic_empty")
    assert client.post(url, json={"topic": ""}, headers=student).status_code == 422
    assert client.post(url, json={"topic": "algebra"}).status_code == 401
    mine = client.get("/api/v1/attempts", headers=student).json()["items"]
    assert [(row["id"], row["test_id"], row["topic"]) for row in mine] == [
        (attempt["id"], None, "algebra")
    ]


def test_another_student_gets_403_on_every_attempt_route(client, people, course):
    attempt = client.post(
        f"/api/v1/tests/{course.slug}/{course.exam}/start", headers=people["student"]
    ).json()
    url = f"/api/v1/attempts/{attempt['id']}"
    other = people["other"]
    calls = [
        ("GET", url, None),
        ("PUT", f"{url}/answers/{course.string}", {"answer": "mine"}),
        ("POST", f"{url}/submit", None),
        ("POST", f"{url}/events", {"kind": "copy"}),
    ]
    for method, path, body in calls:
        response = client.request(method, path, json=body, headers=other)
        assert response.status_code == 403, (path, response.text)
    assert client.get(url).status_code == 401


def test_teacher_reviews_a_proof_and_the_student_is_notified(client, people, course):
    student, teacher = people["student"], people["teacher"]
    attempt = client.post(
        f"/api/v1/tests/{course.slug}/{course.exam}/start", headers=student
    ).json()
    url = f"/api/v1/attempts/{attempt['id']}"
    client.put(f"{url}/answers/{course.proof}", json={"answer": "By parity."}, headers=student)
    assert client.post(f"{url}/submit", headers=student).json()["provisional"] is True
    assert client.get("/api/v1/review", headers=student).status_code == 403
    queue = client.get("/api/v1/review", headers=teacher).json()
    assert [item["answer"] for item in queue] == ["By parity."]
    graded = client.post(
        f"/api/v1/review/{queue[0]['answer_id']}",
        json={"score": 3, "comment": "Complete."},
        headers=teacher,
    )
    assert graded.json()["attempt_score"] == 3.0
    notes = client.get("/api/v1/notifications", headers=student).json()
    assert notes[0]["message_id"] == "attempts.notify_reviewed"
    read = client.post(f"/api/v1/notifications/{notes[0]['id']}/read", headers=student)
    assert read.json() == {"marked": 1}
    listed = client.get("/api/v1/teach/attempts?status=submitted", headers=teacher).json()
    assert [row["id"] for row in listed["items"]] == [attempt["id"]]


SIGNED_IN = {Role.STUDENT, Role.TEACHER, Role.ADMIN}
STAFF = {Role.TEACHER, Role.ADMIN}
# Rows for API_MATRIX in tests/integration/test_role_matrix.py once build_api() mounts the router.
ATTEMPTS_API_MATRIX = [
    ("GET", "/api/v1/attempts", None, SIGNED_IN),
    ("GET", "/api/v1/notifications", None, SIGNED_IN),
    ("POST", "/api/v1/notifications/read", None, SIGNED_IN),
    ("GET", "/api/v1/review", None, STAFF),
    ("GET", "/api/v1/teach/attempts", None, STAFF),
]


@pytest.mark.parametrize("role", ["visitor", *Role], ids=str)
@pytest.mark.parametrize(
    ("method", "path", "body", "allowed"),
    ATTEMPTS_API_MATRIX,
    ids=[f"{m} {p}" for m, p, _, _ in ATTEMPTS_API_MATRIX],
)
def test_who_may_call_the_listing_routes(client, headers_for, role, method, path, body, allowed):
    headers = {} if role == "visitor" else headers_for(role)
    response = client.request(method, path, json=body, headers=headers)
    if role in allowed:
        assert response.status_code < 400, response.text
    else:
        assert response.status_code == (401 if role == "visitor" else 403), response.text
