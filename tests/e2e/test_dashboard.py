"""The KPI dashboard and the course report in Chromium: a student's first solve shows up in
the cards, the charts and an achievement; a teacher reads the course report and its CSV."""

from __future__ import annotations

import csv
import io
import re

from playwright.sync_api import Page, expect

from tests.e2e.appdb import PASSWORD, new_user
from tests.e2e.helpers import log_in
from tests.e2e.runner_steps import INEQUALITIES, answer, check, open_test, show_problem


def _card(page: Page, key: str):
    return page.locator(f'[data-testid="kpi-card"][data-key="{key}"]')


def test_a_first_solve_appears_in_the_cards_charts_and_achievements(
    page: Page, base_url: str, app_database_url: str
):
    log_in(page, base_url, new_user(app_database_url), PASSWORD)
    page.goto(f"{base_url}/dashboard")
    expect(page.get_by_text("No activity yet")).to_be_visible()
    expect(_card(page, "xp").get_by_test_id("kpi-value")).to_have_text("0")
    expect(page.get_by_test_id("achievement-earned")).to_have_count(0)

    open_test(page, base_url, INEQUALITIES, "AM–GM warm-up")
    show_problem(page, 1)
    answer(page, "4")
    check(page, "Correct.")

    page.get_by_role("link", name="Dashboard").first.click()
    expect(page.get_by_role("heading", name="Your progress")).to_be_visible()
    expect(_card(page, "xp").get_by_test_id("kpi-value")).not_to_have_text("0")
    expect(_card(page, "streak_days").get_by_test_id("kpi-value")).to_have_text("1")
    expect(page.get_by_test_id("achievement-earned")).to_contain_text("First solve")
    for chart in ("chart-score", "chart-time", "chart-activity", "chart-mastery"):
        expect(page.get_by_test_id(chart).locator(".js-plotly-plot")).to_be_visible()
    expect(page.get_by_test_id("mastery-rule")).to_contain_text("8 of your last 10")
    expect(page.get_by_test_id("continue")).to_contain_text("AM–GM warm-up")
    expect(page.get_by_test_id("history-row").first).to_contain_text("AM–GM warm-up")


def test_a_teacher_opens_a_course_report_and_downloads_it_as_csv(page: Page, base_url: str):
    log_in(page, base_url, "teacher")
    page.goto(f"{base_url}/teach")
    row = page.get_by_test_id("teach-course-row").filter(has_text="Inequalities and algebraic")
    row.get_by_role("link", name="Report").click()
    page.wait_for_url(re.compile(r".*/teach/reports/\d+/?$"))
    expect(page.get_by_role("heading", name=re.compile("Report: Inequalities"))).to_be_visible()
    expect(page.get_by_test_id("report-tests")).to_contain_text("AM–GM warm-up")
    expect(page.get_by_test_id("report-problems")).to_contain_text("Find the minimum value")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    assert re.fullmatch(r"course-\d+-report\.csv", download.value.suggested_filename)
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert rows[0][0] == "section"
    course_row = next(r for r in rows if r[0] == "course")
    assert course_row[2] == "Inequalities and algebraic tricks"
    assert any(r[0] == "test" and r[2] == "AM–GM warm-up" for r in rows)


def test_a_student_cannot_open_a_course_report(page: Page, base_url: str, app_database_url: str):
    log_in(page, base_url, new_user(app_database_url), PASSWORD)
    page.goto(f"{base_url}/teach/reports/1")
    expect(page.get_by_test_id("not-allowed")).to_be_visible()
