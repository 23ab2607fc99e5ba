"""A visitor browses the catalog, filters and searches, opens a course and reads theory."""

import re

from playwright.sync_api import Page, expect

from tests.e2e.helpers import log_in

DEMO_TITLES = (
    "Inequalities and algebraic tricks",
    "Number theory for olympiads",
    "Analysis and calculus problems",
)


def test_catalog_lists_demo_courses_filters_and_searches(page: Page, base_url: str):
    page.goto(f"{base_url}/courses")
    cards = page.get_by_test_id("course-card")
    for title in DEMO_TITLES:
        expect(cards.filter(has_text=title)).to_have_count(1)
    everything = cards.count()  # other tests may have published more courses

    page.get_by_role("combobox", name="Level").click()
    page.get_by_role("option", name="National", exact=True).click()
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Number theory for olympiads")

    page.get_by_role("combobox", name="Level").click()
    page.get_by_role("option", name="All levels").click()
    expect(cards).to_have_count(everything)

    # Full-text search over titles, summaries and descriptions.
    page.get_by_label("Search courses").fill("Titu")
    page.get_by_role("button", name="Search").click()
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Inequalities")

    page.get_by_label("Search courses").fill("xylophone")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_test_id("catalog-empty")).to_be_visible()
    page.get_by_role("button", name="Clear filters").click()
    expect(cards).to_have_count(everything)


def test_open_a_course_and_read_a_section_with_typeset_formulas(page: Page, base_url: str):
    page.goto(f"{base_url}/courses")
    page.get_by_test_id("course-card").filter(has_text="Number theory").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Number theory for olympiads")
    expect(page.get_by_test_id("section-link")).to_have_count(4)
    expect(page.get_by_text("Practice and exams")).to_be_visible()

    page.get_by_test_id("section-link").nth(1).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Congruences")
    reader = page.locator(".mk-reader")
    expect(reader.locator(".katex").first).to_be_visible()
    assert "$" not in reader.inner_text().replace("$$", "")  # no raw LaTeX source on screen
    page.get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"/courses/number-theory-for-olympiads/crt/?$"))


def test_a_student_enrols_and_marks_sections_read(page: Page, base_url: str):
    log_in(page, base_url, "student")
    page.goto(f"{base_url}/courses/analysis-and-calculus-problems")
    page.get_by_role("button", name="Enrol in this course").click()
    expect(page.get_by_text("You are enrolled")).to_be_visible()
    page.get_by_role("link", name="Start reading").click()
    page.get_by_role("button", name="Mark as read").click()
    expect(page.get_by_text("course 25% read")).to_be_visible()
    page.get_by_role("link", name="Analysis and calculus problems").click()
    # the course page's own figure (the toast that said it may still be on screen)
    expect(page.get_by_text("25% read", exact=True)).to_be_visible()


def test_an_unknown_course_says_so(page: Page, base_url: str):
    page.goto(f"{base_url}/courses/no-such-course")
    expect(page.get_by_test_id("course-missing")).to_be_visible()
