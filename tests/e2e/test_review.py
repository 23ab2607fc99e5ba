"""Teacher review in Chromium: a proof is graded from the queue, the student is notified and
sees the new score; the attempts list and one attempt's detail; students are kept out."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from playwright.sync_api import Page, expect
from sqlmodel import col, select

from mathkallos.models.attempts import Attempt
from mathkallos.models.users import User
from mathkallos.services import attempts, content
from mathkallos.services.access import Actor
from tests.e2e.appdb import PASSWORD, app_session, new_user
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.helpers import log_in

PROOF_POINTS = 3
RUBRIC = "Rubric: 1 point for AM-GM on each pair, 2 for adding the three inequalities."


@dataclass(frozen=True)
class SubmittedProof:
    student: str  # username
    attempt_id: int
    test_title: str
    proof: str  # the student's answer, unique to this test run


def _proof_awaiting_review(database_url: str) -> SubmittedProof:
    """A fresh student sat an exam of a course by the demo teacher: one numeric problem
    answered right, one proof that waits for a teacher, and a tab left once."""
    username = new_user(database_url)
    tag = uuid.uuid4().hex[:6]
    proof = f"By AM-GM, $a^2 + b^2 \\ge 2ab$; add the three ({username})."
    with app_session(database_url) as session:
        teacher = Actor.of(session.exec(select(User).where(col(User.username) == "teacher")).one())
        student = Actor.of(session.exec(select(User).where(col(User.username) == username)).one())
        course = content.create_course(session=session, actor=teacher, title=f"Proofs {tag}")
        content.create_section(
            session=session, actor=teacher, course_id=course.id, title="Intro", content="Hi."
        )
        content.set_course_published(
            session=session, actor=teacher, course_id=course.id, published=True
        )
        numeric = content.create_problem(
            session=session,
            actor=teacher,
            course_id=course.id,
            statement="Compute $2 + 2$.",
            kind="numeric",
            answer_key="4",
            status="published",
        )
        statement = "Prove that $a^2 + b^2 + c^2 \\ge ab + bc + ca$ for all real $a, b, c$."
        theorem = content.create_problem(
            session=session,
            actor=teacher,
            course_id=course.id,
            statement=statement,
            kind="proof",
            answer_key=RUBRIC,
            solution="Add $a^2 + b^2 \\ge 2ab$ and its two cyclic shifts, then halve.",
            status="published",
        )
        title = f"Proof exam {tag}"
        test = content.create_test(
            session=session,
            actor=teacher,
            course_id=course.id,
            title=title,
            mode="exam",
            duration_minutes=30,
        )
        content.set_test_problems(
            session=session,
            actor=teacher,
            test_id=test.id,
            items=[(numeric.id, 1), (theorem.id, PROOF_POINTS)],
        )
        content.set_test_published(session=session, actor=teacher, test_id=test.id, published=True)
        view = attempts.start_exam(
            session=session, actor=student, course_slug=course.slug, test_slug=test.slug
        )
        for problem_id, answer in ((numeric.id, "4"), (theorem.id, proof)):
            attempts.save_exam_answer(
                session=session,
                actor=student,
                attempt_id=view.id,
                problem_id=problem_id,
                answer=answer,
            )
        attempts.record_proctoring_event(
            session=session, actor=student, attempt_id=view.id, kind="tab_hidden"
        )
        attempts.submit_attempt(session=session, actor=student, attempt_id=view.id)
        return SubmittedProof(student=username, attempt_id=view.id, test_title=title, proof=proof)


def _attempt_score(database_url: str, attempt_id: int) -> tuple[float, bool]:
    with app_session(database_url) as session:
        attempt = session.get(Attempt, attempt_id)
        assert attempt is not None
        return attempt.score, attempt.provisional


def _snapshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"review_{name}.png"), full_page=True)


def test_a_teacher_grades_a_proof_and_the_student_is_notified(
    page: Page, base_url: str, app_database_url: str
):
    submitted = _proof_awaiting_review(app_database_url)
    assert _attempt_score(app_database_url, submitted.attempt_id) == (1.0, True)

    log_in(page, base_url, "teacher")
    page.goto(f"{base_url}/teach/review")
    item = page.get_by_test_id("review-item").filter(has_text=submitted.student)
    expect(item).to_be_visible()
    expect(item).to_contain_text(submitted.test_title)
    expect(item).to_contain_text(RUBRIC)
    expect(item.get_by_test_id("review-answer").locator(".katex").first).to_be_visible()
    _snapshot(page, "queue")
    page.set_viewport_size({"width": 390, "height": 844})
    _snapshot(page, "queue_phone")
    page.set_viewport_size({"width": 1280, "height": 720})

    # Out of range: the service's message, translated, and nothing changes.
    item.get_by_label("Score").fill("5")
    item.get_by_role("button", name="Save grade").click()
    expect(item.get_by_role("alert")).to_contain_text(f"between 0 and {PROOF_POINTS}")
    assert _attempt_score(app_database_url, submitted.attempt_id) == (1.0, True)
    _snapshot(page, "bad_score")

    item.get_by_role("button", name=re.compile(r"^1\.5 · Half")).click()
    expect(item.get_by_label("Score")).to_have_value("1.5")
    item.get_by_label("Comment for the student").fill("Good start; the sum step is missing.")
    item.get_by_role("button", name="Save grade").click()
    expect(page.get_by_text(f"Graded 1.5 of {PROOF_POINTS}")).to_be_visible()
    expect(page.get_by_test_id("review-item").filter(has_text=submitted.student)).to_have_count(0)
    assert _attempt_score(app_database_url, submitted.attempt_id) == (2.5, False)
    page.goto(f"{base_url}/teach/attempts/{submitted.attempt_id}")
    expect(page.get_by_test_id("attempt-score")).to_have_text("2.5 / 4")
    proof_answer = page.get_by_test_id("attempt-answer").nth(1)
    expect(proof_answer).to_contain_text("Graded by a teacher")
    expect(proof_answer).to_contain_text("Good start; the sum step is missing.")
    expect(proof_answer.get_by_test_id("to-review")).to_have_count(0)

    page.get_by_role("button", name="Account", exact=True).click()
    page.get_by_role("menuitem", name="Log out").click()
    expect(page.get_by_role("button", name="Account", exact=True)).to_have_count(0)
    log_in(page, base_url, submitted.student, PASSWORD)
    bell = page.get_by_test_id("notification-bell")
    expect(bell.get_by_test_id("unread-count")).to_have_text("1")
    bell.click()
    note = page.get_by_test_id("notification").filter(has_text=submitted.test_title)
    expect(note).to_contain_text(f"was graded: 1.5 of {PROOF_POINTS}")
    _snapshot(page, "notifications")
    page.get_by_role("button", name="Mark all as read").click()
    expect(bell.get_by_test_id("unread-count")).to_have_count(0)
    expect(note).not_to_contain_text("New")

    note.get_by_role("link", name="Open").click()
    page.wait_for_url(re.compile(rf".*/attempts/{submitted.attempt_id}/?$"))
    expect(page.get_by_test_id("result-score")).to_have_text("2.5 / 4")
    expect(page.get_by_text("Good start; the sum step is missing.")).to_be_visible()


def test_a_teacher_finds_an_attempt_and_sees_its_answers_and_proctoring(
    page: Page, base_url: str, app_database_url: str
):
    submitted = _proof_awaiting_review(app_database_url)
    log_in(page, base_url, "teacher")
    page.goto(f"{base_url}/teach")
    page.get_by_role("link", name="Attempts").click()
    page.wait_for_url(re.compile(r".*/teach/attempts/?$"))
    page.get_by_label("Student: name, username or e-mail").fill(submitted.student)
    page.get_by_role("button", name="Search").click()
    rows = page.get_by_test_id("attempt-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(submitted.test_title)
    expect(rows.first).to_contain_text("1 / 4")
    _snapshot(page, "attempts")

    rows.first.get_by_role("link").first.click()
    page.wait_for_url(re.compile(rf".*/teach/attempts/{submitted.attempt_id}/?$"))
    expect(page.get_by_test_id("attempt-score")).to_have_text("1 / 4")
    answers = page.get_by_test_id("attempt-answer")
    expect(answers).to_have_count(2)
    expect(answers.nth(0)).to_contain_text("Correct")
    expect(answers.nth(1)).to_contain_text("Awaiting review")
    expect(page.get_by_test_id("proctoring-event")).to_contain_text("Left the tab")
    _snapshot(page, "attempt_detail")

    page.get_by_test_id("to-review").click()
    page.wait_for_url(re.compile(r".*/teach/review\?course=\d+$"))
    expect(page.get_by_test_id("review-item")).to_have_count(1)
    expect(page.get_by_test_id("review-item")).to_contain_text(submitted.student)


def test_a_student_is_not_allowed_into_the_review_queue(page: Page, base_url: str):
    log_in(page, base_url, "student")
    page.goto(f"{base_url}/teach/review")
    expect(page.get_by_test_id("not-allowed")).to_be_visible()
    expect(page.get_by_test_id("review-item")).to_have_count(0)
    page.goto(f"{base_url}/teach/attempts")
    expect(page.get_by_test_id("not-allowed")).to_be_visible()
