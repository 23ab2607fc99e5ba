"""Teachers author content in the browser; students cannot reach the authoring pages."""

import re
from pathlib import Path

from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, func
from sqlmodel import Session, select

from mathkallos.models.content import Problem
from tests.e2e.helpers import log_in

BAD_CSV = (
    "statement,kind,answer_key,difficulty,status\n"
    '"Compute $6 \\cdot 7$.",numeric,42,1,published\n'
    '"Broken key.",symbolic,"x^^2",3,published\n'
)


def _problem_count(database_url: str) -> int:
    engine = create_engine(database_url)
    with Session(engine) as session:
        count = session.exec(select(func.count()).select_from(Problem)).one()
    engine.dispose()
    return count


def test_teacher_creates_previews_tries_and_publishes_a_symbolic_problem(page: Page, base_url):
    log_in(page, base_url, "teacher")
    page.goto(f"{base_url}/teach")
    page.get_by_role("link", name="Inequalities and algebraic tricks").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inequalities and algebraic tricks")
    page.get_by_role("tab", name="Problems").click()
    page.get_by_role("link", name="New problem").click()
    expect(page.get_by_role("heading", name="New problem")).to_be_visible()

    page.get_by_label("Statement", exact=True).fill("Expand $(x+1)^2$.")
    expect(page.get_by_test_id("statement-preview").locator(".katex")).to_be_visible()
    page.get_by_label("Answer key").fill("x^2+2x+1")
    expect(page.get_by_test_id("key-preview").locator(".katex")).to_be_visible()

    trial = page.get_by_label("Type an answer as a student would")
    trial.fill("(x+1)^2")
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.get_by_test_id("trial-verdict")).to_contain_text("Accepted")
    trial.fill("x^2+1")
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.get_by_test_id("trial-verdict")).to_contain_text("Not accepted")

    page.get_by_label("Status", exact=True).click()
    page.get_by_role("option", name="Published").click()
    page.get_by_role("button", name="Save problem").click()
    expect(page).to_have_url(re.compile(r"/teach/problems/\d+/?$"))
    expect(page.get_by_role("heading", name="Edit problem")).to_be_visible()

    page.get_by_role("link", name="Back to the course editor").click()
    page.get_by_role("tab", name="Problems").click()
    row = page.get_by_test_id("editor-problem-row").filter(has_text="Expand")
    expect(row).to_contain_text("Published")


def test_an_invalid_key_is_shown_inline_and_nothing_is_saved(
    page: Page, base_url, app_database_url
):
    log_in(page, base_url, "teacher")
    page.goto(f"{base_url}/teach/problems/new")
    before = _problem_count(app_database_url)
    page.get_by_label("Statement", exact=True).fill("Anything.")
    page.get_by_label("Answer key").fill("x^^2")
    expect(page.get_by_test_id("key-preview")).to_contain_text("position")
    page.get_by_role("button", name="Save problem").click()
    expect(page.get_by_text("The answer key does not fit this answer type")).to_be_visible()
    assert _problem_count(app_database_url) == before


def test_import_with_one_bad_row_names_the_row_and_saves_nothing(
    page: Page, base_url: str, app_database_url: str, tmp_path
):
    log_in(page, base_url, "teacher")
    page.goto(f"{base_url}/teach/import")
    before = _problem_count(app_database_url)
    bad = tmp_path / "problems.csv"
    bad.write_text(BAD_CSV)
    page.locator("input[type=file]").set_input_files(str(bad))
    expect(page.get_by_test_id("import-summary")).to_contain_text("Nothing was imported")
    expect(page.get_by_test_id("import-issues")).to_contain_text("Row 3")
    assert _problem_count(app_database_url) == before

    good = tmp_path / "good.csv"
    good.write_text(BAD_CSV.rsplit('"Broken', 1)[0])
    page.locator("input[type=file]").set_input_files(str(good))
    expect(page.get_by_test_id("import-summary")).to_contain_text("Imported: 1 problems")
    assert _problem_count(app_database_url) == before + 1


def test_a_student_cannot_reach_the_authoring_pages(page: Page, base_url: str):
    log_in(page, base_url, "student")
    for path in ("/teach", "/teach/problems/new", "/teach/courses/1", "/teach/import"):
        page.goto(f"{base_url}{path}")
        expect(page.get_by_test_id("not-allowed")).to_be_visible()
    expect(page.get_by_label("Answer key")).to_have_count(0)


def test_teacher_builds_and_publishes_a_course_that_students_then_see(page: Page, base_url):
    log_in(page, base_url, "teacher")
    page.goto(f"{base_url}/teach")
    page.get_by_role("button", name="New course").click()
    page.get_by_role("dialog").get_by_label("Title").fill("Functional equations primer")
    page.get_by_role("dialog").get_by_label("Summary for the catalog").fill("Cauchy and friends.")
    page.get_by_role("button", name="Create", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Functional equations primer")

    # Publishing an empty course is refused with the reason.
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_text("Add at least one section before publishing.")).to_be_visible()

    page.get_by_role("tab", name="Theory").click()
    page.get_by_role("button", name="New section").click()
    page.get_by_label("Section title").fill("Cauchy's equation")
    page.get_by_label("Theory (Markdown + LaTeX)").fill("Solve $f(x+y)=f(x)+f(y)$.")
    expect(page.get_by_role("dialog").locator(".katex").first).to_be_visible()
    page.get_by_role("dialog").get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("editor-section-row")).to_have_count(1)

    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_role("button", name="Unpublish")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="Export").click()
        page.get_by_role("menuitem", name="Course as JSON").click()
    assert '"Functional equations primer"' in Path(download.value.path()).read_text()

    page.goto(f"{base_url}/courses")
    expect(
        page.get_by_test_id("course-card").filter(has_text="Functional equations primer")
    ).to_be_visible()
