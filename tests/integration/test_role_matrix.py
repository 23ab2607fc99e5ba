"""Who may do what: every protected service call and API endpoint against every role.

Hidden buttons are not protection, so this matrix calls the services and endpoints
directly. Grow it with every page, event and endpoint that checks a role.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from mathkallos.models.users import Role
from mathkallos.services import accounts, attempts, kpi, user_admin
from mathkallos.services.access import Actor
from mathkallos.services.errors import NotAuthenticated, PermissionDenied
from tests.integration.services.attempts.builders import (
    course_of_a_fresh_teacher,
    submitted_exam_of,
    tag_topic,
    topic_practice_of,
)

VISITOR = "visitor"
ROLES = [VISITOR, Role.STUDENT, Role.TEACHER, Role.ADMIN]
ALL_SIGNED_IN = {Role.STUDENT, Role.TEACHER, Role.ADMIN}
ADMIN_ONLY = {Role.ADMIN}
STAFF = {Role.TEACHER, Role.ADMIN}
NOBODY_ELSE: set = set()

ServiceCall = Callable[[Session, Actor | None, Actor], Any]

# (name, call(session, actor, someone_else), roles allowed)
SERVICE_MATRIX: list[tuple[str, ServiceCall, set]] = [
    ("accounts.get_profile", lambda s, a, o: accounts.get_profile(session=s, actor=a),
     ALL_SIGNED_IN),
    ("accounts.export_my_data", lambda s, a, o: accounts.export_my_data(session=s, actor=a),
     ALL_SIGNED_IN),
    ("user_admin.list_users", lambda s, a, o: user_admin.list_users(session=s, actor=a),
     ADMIN_ONLY),
    ("user_admin.create_user", lambda s, a, o: user_admin.create_user(
        session=s, actor=a, email="made@example.com", username="made", full_name="",
        password="Made-by-1234", role="student"), ADMIN_ONLY),
    ("user_admin.set_role", lambda s, a, o: user_admin.set_role(
        session=s, actor=a, user_id=o.id, role="teacher"), ADMIN_ONLY),
    ("user_admin.set_active", lambda s, a, o: user_admin.set_active(
        session=s, actor=a, user_id=o.id, active=False), ADMIN_ONLY),
    ("attempts.my_attempts", lambda s, a, o: attempts.my_attempts(session=s, actor=a),
     ALL_SIGNED_IN),
    ("attempts.list_notifications", lambda s, a, o: attempts.list_notifications(
        session=s, actor=a), ALL_SIGNED_IN),
    ("attempts.list_attempts", lambda s, a, o: attempts.list_attempts(session=s, actor=a),
     STAFF),
    ("attempts.review_queue", lambda s, a, o: attempts.review_queue(session=s, actor=a), STAFF),
    # someone else's attempt, in a course the acting teacher does not teach
    ("attempts.get_result of another's attempt", lambda s, a, o: attempts.get_result(
        session=s, actor=a, attempt_id=submitted_exam_of(s, o)[0]), ADMIN_ONLY),
    ("attempts.attempt_detail of another course", lambda s, a, o: attempts.attempt_detail(
        session=s, actor=a, attempt_id=submitted_exam_of(s, o)[0]), ADMIN_ONLY),
    ("attempts.grade_answer in another course", lambda s, a, o: attempts.grade_answer(
        session=s, actor=a, answer_id=submitted_exam_of(s, o)[1], score=1), ADMIN_ONLY),
    ("attempts.submit_attempt of another's attempt", lambda s, a, o: attempts.submit_attempt(
        session=s, actor=a, attempt_id=submitted_exam_of(s, o)[0]), NOBODY_ELSE),
    ("attempts.record_proctoring_event for another", lambda s, a, o:
     attempts.record_proctoring_event(
         session=s, actor=a, attempt_id=submitted_exam_of(s, o)[0], kind="copy"), NOBODY_ELSE),
    # topic practice: any signed-in user may practise a course they can see; its attempt is
    # read by its student, the course's teacher and admins, and changed by its student only
    ("attempts.start_topic_practice", lambda s, a, o: attempts.start_topic_practice(
        session=s, actor=a, course_slug=(c := course_of_a_fresh_teacher(s)).slug,
        topic=tag_topic(s, c)), ALL_SIGNED_IN),
    ("attempts.get_attempt of another's topic practice", lambda s, a, o: attempts.get_attempt(
        session=s, actor=a, attempt_id=topic_practice_of(s, o)), ADMIN_ONLY),
    ("attempts.give_up in another's topic practice", lambda s, a, o: attempts.give_up(
        session=s, actor=a, attempt_id=(i := topic_practice_of(s, o)),
        problem_id=attempts.get_attempt(session=s, actor=o, attempt_id=i).problems[0].problem.id),
     NOBODY_ELSE),
    # KPIs: everyone signed in sees their own stats only (no user id is taken); a course's
    # report is for its author (see test_kpi_api) and admins; the school's for admins
    ("kpi.student_dashboard", lambda s, a, o: kpi.student_dashboard(session=s, actor=a),
     ALL_SIGNED_IN),
    ("kpi.course_report of another teacher's course", lambda s, a, o: kpi.course_report(
        session=s, actor=a, course_id=course_of_a_fresh_teacher(s).id), ADMIN_ONLY),
    ("kpi.course_report_csv of another teacher's course", lambda s, a, o:
     kpi.course_report_csv(session=s, actor=a, course_id=course_of_a_fresh_teacher(s).id),
     ADMIN_ONLY),
    ("kpi.school_report", lambda s, a, o: kpi.school_report(session=s, actor=a), ADMIN_ONLY),
]


@pytest.mark.parametrize("role", ROLES, ids=str)
@pytest.mark.parametrize(("name", "call", "allowed"), SERVICE_MATRIX,
                         ids=[row[0] for row in SERVICE_MATRIX])
def test_service_permissions(session, make_user, role, name, call, allowed):
    someone_else = make_user(Role.STUDENT)
    actor = None if role == VISITOR else make_user(role)
    if role in allowed:
        call(session, actor, someone_else)
    else:
        expected = NotAuthenticated if actor is None else PermissionDenied
        with pytest.raises(expected):
            call(session, actor, someone_else)


# (method, path, json body, roles allowed); {other} is another student's id, {course} the id
# and {slug} the slug of a course none of the callers authors (its "algebra" can be practised)
API_MATRIX: list[tuple[str, str, dict | None, set]] = [
    ("GET", "/api/v1/users/me", None, ALL_SIGNED_IN),
    ("GET", "/api/v1/users/me/export", None, ALL_SIGNED_IN),
    ("PATCH", "/api/v1/users/me", {"full_name": "A", "username": "renamed_me"}, ALL_SIGNED_IN),
    ("POST", "/api/v1/auth/logout", None, ALL_SIGNED_IN),
    ("GET", "/api/v1/admin/users", None, ADMIN_ONLY),
    ("POST", "/api/v1/admin/users", {"email": "m@example.com", "username": "made",
                                     "password": "Made-by-1234"}, ADMIN_ONLY),
    ("PATCH", "/api/v1/admin/users/{other}", {"role": "teacher"}, ADMIN_ONLY),
    ("GET", "/api/v1/me/stats", None, ALL_SIGNED_IN),
    ("GET", "/api/v1/reports/courses/{course}", None, ADMIN_ONLY),
    ("GET", "/api/v1/reports/courses/{course}.csv", None, ADMIN_ONLY),
    ("GET", "/api/v1/reports/school", None, ADMIN_ONLY),
    ("GET", "/api/v1/courses/{slug}/topics", None, {VISITOR, *ALL_SIGNED_IN}),
    ("POST", "/api/v1/courses/{slug}/practice", {"topic": "algebra"}, ALL_SIGNED_IN),
]


@pytest.mark.parametrize("role", ROLES, ids=str)
@pytest.mark.parametrize(("method", "path", "body", "allowed"), API_MATRIX,
                         ids=[f"{m} {p}" for m, p, _, _ in API_MATRIX])
def test_api_permissions(
    client: TestClient, headers_for, app_database, role, method, path, body, allowed
):
    other = client.get("/api/v1/users/me", headers=headers_for(Role.STUDENT)).json()["id"]
    course, slug = 0, ""
    if "{course}" in path or "{slug}" in path:
        with Session(app_database) as session:
            fresh = course_of_a_fresh_teacher(session)
            course, slug = fresh.id, fresh.slug
            tag_topic(session, fresh)
    headers = {} if role == VISITOR else headers_for(role)
    response = client.request(
        method, path.format(other=other, course=course, slug=slug), json=body, headers=headers
    )
    if role in allowed:
        assert response.status_code < 400, response.text
    else:
        assert response.status_code == (401 if role == VISITOR else 403), response.text
