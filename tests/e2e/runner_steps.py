"""Steps of the test runner that several browser tests share."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

INEQUALITIES = "inequalities-and-algebraic-tricks"


def open_test(page: Page, base_url: str, course_slug: str, title: str) -> int:
    """Start (or resume) a test from its course page; returns the attempt id."""
    page.goto(f"{base_url}/courses/{course_slug}")
    row = page.get_by_test_id("test-row").filter(has_text=title)
    expect(row).to_be_visible()
    practice = row.get_by_role("button", name="Practise")
    if practice.count():
        practice.click()
    else:
        row.get_by_role("button", name="Start exam").click()
        expect(page.get_by_role("alertdialog")).to_contain_text("timed exam")
        page.get_by_role("button", name="Start the clock").click()
    page.wait_for_url(re.compile(r".*/attempts/\d+/?$"))
    expect(page.get_by_test_id("runner")).to_be_visible()
    return int(re.findall(r"/attempts/(\d+)", page.url)[0])


def show_problem(page: Page, number: int) -> None:
    page.get_by_role("button", name=f"Problem {number}", exact=True).click()
    expect(
        page.get_by_role("heading", name=re.compile(rf"Problem {number} of \d+"))
    ).to_be_visible()


def expect_saved(page: Page, number: int) -> None:
    """The exam's navigator marks problem `number` as saved: the server's receipt for it (the
    note under the answer reads "Answer saved." already after an earlier save)."""
    button = page.get_by_role("button", name=f"Problem {number}", exact=True)
    expect(button).to_have_attribute("data-accent-color", "blue")


def answer(page: Page, text: str) -> None:
    box = page.get_by_label("Your answer")
    box.fill(text)
    box.blur()


def check(page: Page, verdict: str) -> None:
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_test_id("verdict")).to_contain_text(verdict)
