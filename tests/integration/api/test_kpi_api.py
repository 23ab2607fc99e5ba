"""KPIs over `/api/v1`: a student's own stats, a teacher's course report (JSON and CSV), the
admin's school report; refusals are 4xx with a message id (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io

import pytest
from sqlmodel import Session

from mathkallos.models.users import Role
from mathkallos.services.access import Actor
from tests.integration.services.attempts.builders import build_course


@pytest.fixture
def people(client, headers_for):
    return {name: headers_for(role) for name, role in (
        ("teacher", Role.TEACHER), ("colleague", Role.TEACHER), ("student", Role.STUDENT),
        ("admin", Role.ADMIN))}


@pytest.fixture
def course(client, app_database, people):
    me = client.get("/api/v1/users/me", headers=people["teacher"]).json()
    with Session(app_database, expire_on_commit=False) as session:
        return build_course(session, Actor(id=me["id"], role=Role.TEACHER))


@pytest.fixture
def practised(client, people, course):
    """The student solved the symbolic problem after one wrong try, over HTTP."""
    student = people["student"]
    attempt = client.post(
        f"/api/v1/tests/{course.slug}/{course.practice}/start", headers=student).json()
    url = f"/api/v1/attempts/{attempt['id']}/answers/{course.symbolic}"
    for answer in ("x^2", "x^2+2x"):
        response = client.put(url, json={"answer": answer, "time_spent_seconds": 90},
                              headers=student)
        assert response.status_code == 200, response.text
    return attempt["id"]


def test_a_student_sees_their_own_cards_history_and_achievements(client, people, practised):
    stats = client.get("/api/v1/me/stats", headers=people["student"])
    assert stats.status_code == 200, stats.text
    body = stats.json()
    cards = {card["key"]: card for card in body["cards"]}
    assert list(cards) == ["tests_taken", "avg_score", "time_spent_minutes", "topics_mastered",
                           "streak_days", "xp"]
    assert cards["avg_score"]["value"] == 100.0  # one graded answer, full marks
    assert cards["time_spent_minutes"]["value"] == 3.0  # both tries' time
    assert (cards["streak_days"]["value"], body["current_streak"]) == (1, 1)
    assert cards["xp"]["value"] == cards["xp"]["change"] > 0
    assert [item["attempt_id"] for item in body["attempts"]["items"]] == [practised]
    assert body["continue_item"]["kind"] == "attempt"
    earned = {a["code"] for a in body["achievements"] if a["earned"]}
    assert earned == {"first_solve"}
    assert body["mastery_rule"] == {"message_id": "kpi.mastery_rule", "window": 10, "needed": 8}
    assert len(body["activity_by_day"]["dates"]) == len(body["activity_by_day"]["values"])

    someone_else = client.get("/api/v1/me/stats", headers=people["colleague"]).json()
    assert someone_else["attempts"]["items"] == []  # only ever the caller's own
    assert all(card["value"] == 0 for card in someone_else["cards"])


def test_attempt_filters_and_paging_are_checked(client, people, practised):
    student = people["student"]
    exams = client.get("/api/v1/me/stats?mode=exam", headers=student).json()
    assert exams["attempts"]["items"] == []
    bad = client.get("/api/v1/me/stats?mode=cheating", headers=student)
    assert (bad.status_code, bad.json()["error"]) == (422, "kpi.errors.filter")
    assert client.get("/api/v1/me/stats?per_page=500", headers=student).status_code == 422
    assert client.get("/api/v1/me/stats").status_code == 401


def test_the_teacher_reads_and_downloads_their_course_report(client, people, course, practised):
    teacher = people["teacher"]
    report = client.get(f"/api/v1/reports/courses/{course.id}", headers=teacher)
    assert report.status_code == 200, report.text
    body = report.json()
    assert [t["mode"] for t in body["tests"]] == ["practice", "exam"]
    problems = {p["problem_id"]: p for p in body["problems"]}
    assert (problems[course.symbolic]["attempts"], problems[course.symbolic]["success_rate"]) == (
        1, 100.0)
    assert problems[course.proof]["attempts"] == 0
    assert "RUBRICSECRET" not in report.text  # statements, never keys

    download = client.get(f"/api/v1/reports/courses/{course.id}.csv", headers=teacher)
    assert download.status_code == 200
    assert download.headers["content-type"].startswith("text/csv")
    assert "attachment" in download.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(download.text)))
    assert rows[0][0] == "section"
    assert {row[0] for row in rows[1:]} >= {"course", "test", "problem"}
    symbolic = next(r for r in rows if r[0] == "problem" and r[1] == str(course.symbolic))
    assert symbolic[3:5] == ["1", "100.0"]


@pytest.mark.parametrize("suffix", ["", ".csv"])
def test_course_reports_are_for_the_author_and_admins_only(client, people, course, suffix):
    url = f"/api/v1/reports/courses/{course.id}{suffix}"
    assert client.get(url, headers=people["admin"]).status_code == 200
    for who in ("colleague", "student"):
        refused = client.get(url, headers=people[who])
        assert (refused.status_code, refused.json()["error"]) == (403, "errors.not_allowed")
    assert client.get(url).status_code == 401
    missing = client.get(f"/api/v1/reports/courses/999999{suffix}", headers=people["admin"])
    assert missing.status_code == 404


def test_the_school_report_is_for_admins(client, people, practised):
    school = client.get("/api/v1/reports/school", headers=people["admin"])
    assert school.status_code == 200, school.text
    body = school.json()
    assert body["students"] == 1
    assert body["active_7_days"] == 1
    assert sum(body["daily_active_users"]["values"]) == 1
    assert body["average_percent"] == 100.0
    assert client.get("/api/v1/reports/school", headers=people["teacher"]).status_code == 403
