"""Practising a topic in Chromium: from the course page's topic block into the runner in
practice mode ("Practice: Algebra"), a wrong then a right answer with their verdicts, the same
run resumed from the course page and from the dashboard's suggestion, then the result."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.appdb import PASSWORD, new_user
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.helpers import log_in
from tests.e2e.runner_steps import INEQUALITIES, answer, check

ATTEMPT_URL = re.compile(r".*/attempts/(\d+)/?$")
# A new student's level is the middle (5): the demo course's only difficulty-4 algebra
# problem comes first.
FIRST_KEY = "(a + b + c)*(a^2 + b^2 + c^2 - a*b - b*c - c*a)"


def _practise_algebra(page: Page, base_url: str) -> int:
    page.goto(f"{base_url}/courses/{INEQUALITIES}")
    row = page.get_by_test_id("topic-row").filter(has_text="Algebra")
    row.get_by_role("button", name="Practise Algebra").click()
    page.wait_for_url(ATTEMPT_URL)
    expect(page.get_by_test_id("runner")).to_be_visible()
    return int(ATTEMPT_URL.findall(page.url)[0])


def test_a_student_practises_a_topic_from_the_course_page(
    page: Page, base_url: str, app_database_url: str
):
    log_in(page, base_url, new_user(app_database_url), PASSWORD)
    page.goto(f"{base_url}/courses/{INEQUALITIES}")
    block = page.get_by_test_id("course-topics")
    expect(block.get_by_role("heading", name="Practise a topic")).to_be_visible()
    expect(page.get_by_test_id("topic-row")).to_have_count(2)
    algebra = page.get_by_test_id("topic-row").filter(has_text="Algebra")
    expect(algebra).to_contain_text("8 problems · 0 solved")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    block.screenshot(path=str(ARTIFACTS / "topic_practice_course_block.png"))

    attempt_id = _practise_algebra(page, base_url)
    expect(page.get_by_role("heading", name="Practice: Algebra", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Problem 1 of 5")).to_be_visible()
    expect(page.get_by_test_id("runner")).to_contain_text("Factor")
    expect(page.get_by_text("Check as often as you like")).to_be_visible()  # practice mode

    answer(page, "a + b + c")
    check(page, "Not correct")
    page.get_by_role("button", name="Hint").click()
    expect(page.get_by_test_id("hint")).to_have_count(1)
    answer(page, FIRST_KEY)
    check(page, "Correct.")
    expect(page.get_by_text("Tries: 2")).to_be_visible()
    page.get_by_role("button", name="Show solution").click()
    expect(page.get_by_test_id("solution")).to_contain_text("Correct answer")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "topic_practice_runner.png"))

    # The open run is resumed, not duplicated: from the course page...
    assert _practise_algebra(page, base_url) == attempt_id
    # ...and from the dashboard, whose suggestion is the weakest topic itself.
    page.goto(f"{base_url}/dashboard")
    suggestion = page.get_by_test_id("suggestion")
    expect(suggestion).to_contain_text("Algebra")
    expect(page.get_by_test_id("continue")).to_contain_text("Practice: Algebra")
    page.get_by_test_id("continue").locator("..").screenshot(
        path=str(ARTIFACTS / "topic_practice_dashboard_next.png")
    )
    suggestion.get_by_role("button", name="Practise this topic").click()
    page.wait_for_url(ATTEMPT_URL)
    assert int(ATTEMPT_URL.findall(page.url)[0]) == attempt_id

    page.get_by_role("button", name="Finish practice").click()
    page.get_by_role("button", name="Submit", exact=True).click()
    result = page.get_by_test_id("result")
    expect(result.get_by_role("heading", name="Practice: Algebra", level=1)).to_be_visible()
    expect(page.get_by_test_id("result-score")).to_have_text("1 / 5")
    expect(result.get_by_text("Below the pass mark")).to_have_count(0)  # no pass mark here
    page.goto(f"{base_url}/courses/{INEQUALITIES}")
    expect(page.get_by_test_id("topic-row").filter(has_text="Algebra")).to_contain_text(
        "8 problems · 1 solved"
    )
