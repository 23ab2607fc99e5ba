"""The test runner in Chromium: practice with hints and solutions, exams submitted by the
student or by the server's clock, and the leak test over every kind in both modes."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, WebSocket, WebSocketRoute, expect

from tests.e2e.appdb import (
    HINT_SECRET,
    KINDS,
    PASSWORD,
    SETTINGS_SECRETS,
    SOLUTION_SECRET,
    KindsCourse,
    attempt_status,
    every_kind_course,
    move_deadline_to_past,
    new_user,
    proctoring_kinds,
)
from tests.e2e.helpers import log_in
from tests.e2e.runner_steps import INEQUALITIES, answer, check, open_test, show_problem

NUMBER_THEORY = "number-theory-for-olympiads"
SWEEP_WAIT_SECONDS = 20


def _submit(page: Page, button: str, confirmation: str = "") -> None:
    page.get_by_role("button", name=button).click()
    if confirmation:
        expect(page.get_by_role("alertdialog")).to_contain_text(confirmation)
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(page.get_by_test_id("result")).to_be_visible()


def test_practice_wrong_then_right_with_a_hint_and_the_solution(
    page: Page, base_url: str, app_database_url: str
):
    log_in(page, base_url, new_user(app_database_url), PASSWORD)
    open_test(page, base_url, INEQUALITIES, "AM–GM warm-up")
    show_problem(page, 4)  # "express x^2 + 1/x^2 in terms of t": a symbolic answer
    answer(page, "t^2")
    expect(page.get_by_test_id("answer-preview")).to_contain_text("You entered")
    check(page, "Not correct")
    expect(page.get_by_test_id("solution")).to_have_count(0)
    expect(page.get_by_role("button", name="Show solution")).to_have_count(0)

    page.get_by_role("button", name="Hint").click()
    expect(page.get_by_test_id("hint")).to_have_count(1)

    answer(page, "(t-1)(t+1) - 1")
    check(page, "Correct.")
    expect(page.get_by_text("Tries: 2")).to_be_visible()
    page.get_by_role("button", name="Show solution").click()
    expect(page.get_by_test_id("solution")).to_contain_text("Correct answer")
    expect(page.get_by_test_id("solution")).to_contain_text("t^2 - 2")


def test_an_exam_is_saved_as_typed_survives_a_reload_and_is_submitted(
    page: Page, base_url: str, app_database_url: str
):
    log_in(page, base_url, new_user(app_database_url), PASSWORD)
    attempt_id = open_test(page, base_url, INEQUALITIES, "Inequalities exam")
    expect(page.get_by_test_id("countdown")).to_have_text(re.compile(r"^(44|45):\d\d$"))
    expect(page.get_by_role("button", name="Hint")).to_have_count(0)
    answer(page, "4")  # min of x^2+y^2 on 3x+4y=10 is 4
    expect(page.get_by_test_id("save-note")).to_have_text("Answer saved.")
    show_problem(page, 2)
    answer(page, "7")
    expect(page.get_by_test_id("save-note")).to_have_text("Answer saved.")
    expect(page.get_by_test_id("verdict")).to_have_count(0)

    # Leaving the window and copying are recorded for the teacher.
    page.evaluate("window.dispatchEvent(new Event('blur'))")
    page.evaluate("document.dispatchEvent(new Event('copy', {bubbles: true}))")
    deadline = time.monotonic() + 10
    while not {"window_blur", "copy"} <= set(proctoring_kinds(app_database_url, attempt_id)):
        assert time.monotonic() < deadline, proctoring_kinds(app_database_url, attempt_id)
        time.sleep(0.25)

    page.reload()
    show_problem(page, 1)
    expect(page.get_by_label("Your answer")).to_have_value("4")
    show_problem(page, 2)
    expect(page.get_by_label("Your answer")).to_have_value("7")

    _submit(page, "Submit exam", confirmation="Problems without an answer: 6")  # of 8
    expect(page.get_by_test_id("result-score")).to_have_text("1 / 11")
    first, second = (
        page.get_by_test_id("result-problem").nth(0),
        page.get_by_test_id("result-problem").nth(1),
    )
    expect(first).to_contain_text("Correct")
    expect(second).to_contain_text("Not correct")
    expect(second).to_contain_text("0 / 2")  # graded wrong (and unanswered) score 0, not "—"
    expect(second).to_contain_text("Correct answer")


def test_an_exam_left_open_is_submitted_by_the_server_when_time_runs_out(
    page: Page, base_url: str, app_database_url: str
):
    database_url = app_database_url
    log_in(page, base_url, new_user(database_url), PASSWORD)
    attempt_id = open_test(page, base_url, NUMBER_THEORY, "Number theory exam")
    answer(page, "12")
    expect(page.get_by_test_id("save-note")).to_have_text("Answer saved.")
    context = page.context
    page.close()  # the tab is gone; only the server's clock is left

    move_deadline_to_past(database_url, attempt_id)
    deadline = time.monotonic() + SWEEP_WAIT_SECONDS
    while attempt_status(database_url, attempt_id) == "in_progress":
        assert time.monotonic() < deadline, "the sweeper did not close the expired exam"
        time.sleep(0.5)
    assert attempt_status(database_url, attempt_id) == "expired"

    again = context.new_page()
    again.goto(f"{base_url}/attempts/{attempt_id}")
    expect(again.get_by_test_id("result")).to_contain_text("Time ran out")
    expect(again.get_by_test_id("result-problem").first).to_contain_text("12")


def test_an_exam_shows_its_problems_with_the_start_reply_before_the_runner_page_loads(
    page: Page, base_url: str, app_database_url: str
):
    """The start's reply carries the attempt, so the runner shows the problems without waiting
    for its own page load: every server frame after the navigation's first event is held back
    until the problems are on screen (the exam-load benchmark times a start to that reply)."""
    relay = _HoldingRelay()
    page.route_web_socket(re.compile(r".*/_event.*"), relay.attach)
    log_in(page, base_url, new_user(app_database_url), PASSWORD)
    page.goto(f"{base_url}/courses/{INEQUALITIES}")
    page.get_by_test_id("test-row").filter(has_text="Inequalities exam").get_by_role(
        "button", name="Start exam"
    ).click()
    relay.hold_after("update_vars_internal")  # the first event of the runner page's load
    page.get_by_role("button", name="Start the clock").click()
    page.wait_for_url(re.compile(r".*/attempts/\d+/?$"))
    expect(page.get_by_role("heading", name="Problem 1 of 8")).to_be_visible()
    expect(page.get_by_test_id("countdown")).to_have_text(re.compile(r"^(44|45):\d\d$"))
    assert relay.holding, "the runner page's load was never sent"

    relay.release()  # the load's answers arrive after all, and the exam goes on as usual
    answer(page, "4")
    expect(page.get_by_test_id("save-note")).to_have_text("Answer saved.")


class _HoldingRelay:
    """Passes websocket frames through, until the page sends a given event: from then on the
    server's frames are held (Playwright runs these callbacks on the test's own thread)."""

    def __init__(self) -> None:
        self.route: WebSocketRoute | None = None
        self.trigger = ""
        self.holding = False
        self.held: list[str | bytes] = []

    def attach(self, route: WebSocketRoute) -> None:
        server = route.connect_to_server()
        self.route = route
        route.on_message(lambda message: self._from_page(server, message))
        server.on_message(self._from_server)

    def hold_after(self, event_name: str) -> None:
        self.trigger = event_name

    def _from_page(self, server: WebSocketRoute, message: str | bytes) -> None:
        if self.trigger and self.trigger in str(message):
            self.holding = True
        server.send(message)

    def _from_server(self, message: str | bytes) -> None:
        if self.holding:
            self.held.append(message)
        elif self.route is not None:
            self.route.send(message)

    def release(self) -> None:
        assert self.route is not None
        while self.held:  # frames that arrive meanwhile join the queue, in order
            self.route.send(self.held.pop(0))
        self.holding, self.trigger = False, ""


def _frames(page: Page) -> list[str]:
    """Every websocket frame the browser receives from now on."""
    frames: list[str] = []

    def on_socket(socket: WebSocket) -> None:
        socket.on(
            "framereceived",
            lambda payload: frames.append(
                payload if isinstance(payload, str) else payload.decode("utf-8", "replace")
            ),
        )

    page.on("websocket", on_socket)
    return frames


def _leaks(seen: list[str], secrets: tuple[str, ...]) -> list[str]:
    text = "\n".join(seen)
    return [secret for secret in secrets if secret in text]


_BEFORE_RESULTS = (
    *(spec.secret for spec in KINDS),
    *SETTINGS_SECRETS,
    SOLUTION_SECRET,
    '"checker_settings"',
)


def _answer_wrong(page: Page, number: int) -> None:
    spec = KINDS[number - 1]
    show_problem(page, number)
    if spec.kind == "choice":
        page.get_by_role("radio").first.click()
    else:
        answer(page, spec.wrong)


@pytest.fixture(scope="module")
def kinds_course(app_database_url: str) -> KindsCourse:
    return every_kind_course(app_database_url)


def test_practice_shows_no_key_solution_or_setting_before_the_rules_allow(
    page: Page, base_url: str, app_database_url: str, kinds_course: KindsCourse
):
    frames = _frames(page)
    pages: list[str] = []
    log_in(page, base_url, new_user(app_database_url), PASSWORD)
    open_test(page, base_url, kinds_course.slug, "Every kind practice")
    for number in range(1, len(KINDS) + 1):  # a wrong answer to every kind, checked
        _answer_wrong(page, number)
        page.get_by_role("button", name="Check").click()
        expect(page.get_by_test_id("verdict")).to_be_visible()
        pages.append(page.content())
    assert _leaks(frames + pages, (*_BEFORE_RESULTS, HINT_SECRET)) == []
    assert _leaks(frames, ('"verdict":{',)) != []  # verdicts travel in this form

    # A hint on request is allowed (and proves the capture sees what arrives).
    show_problem(page, 1)
    page.get_by_role("button", name="Hint").click()
    expect(page.get_by_test_id("hint")).to_contain_text(HINT_SECRET)
    assert _leaks(frames, (f"{HINT_SECRET} for numeric",)) != []
    assert _leaks(frames, (f"{HINT_SECRET} for symbolic",)) == []

    _submit(page, "Finish practice")
    expect(page.get_by_test_id("result")).to_contain_text("987654/321")
    assert _leaks([*frames, page.content()], SETTINGS_SECRETS) == []


def test_an_exam_shows_no_verdict_key_solution_or_setting_before_submit(
    page: Page, base_url: str, app_database_url: str, kinds_course: KindsCourse
):
    frames = _frames(page)
    pages: list[str] = []
    log_in(page, base_url, new_user(app_database_url), PASSWORD)
    open_test(page, base_url, kinds_course.slug, "Every kind exam")
    for number in range(1, len(KINDS) + 1):  # every kind answered (autosaved)
        _answer_wrong(page, number)
        nav = page.get_by_test_id("problem-nav").nth(number - 1)
        expect(nav).to_have_attribute("data-accent-color", "blue")  # saved
        pages.append(page.content())
    secrets = (*_BEFORE_RESULTS, HINT_SECRET, '"feedback"', '"verdict":{')
    assert _leaks(frames + pages, secrets) == []

    _submit(page, "Submit exam")
    expect(page.get_by_test_id("result")).to_contain_text("987654/321")
    expect(page.get_by_test_id("result")).to_contain_text(SOLUTION_SECRET)
    assert _leaks([*frames, page.content()], SETTINGS_SECRETS) == []
