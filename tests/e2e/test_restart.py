"""A crash of the backend mid-exam (kill -9 of the whole app) loses nothing a student saved:
the open tab reconnects to the restarted server and shows every saved answer, and the exam
goes on with the server's deadline."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.appdb import PASSWORD, new_user
from tests.e2e.helpers import log_in
from tests.e2e.runner_steps import INEQUALITIES, answer, expect_saved, open_test, show_problem
from tests.support.app_server import ServedApp

RECONNECT_TIMEOUT_MS = 60_000


def test_an_exam_survives_kill_9_of_the_backend_with_every_saved_answer(
    page: Page, base_url: str, app_database_url: str, app_server: ServedApp
):
    log_in(page, base_url, new_user(app_database_url), PASSWORD)
    open_test(page, base_url, INEQUALITIES, "Inequalities exam")
    answer(page, "4")
    expect(page.get_by_test_id("save-note")).to_have_text("Answer saved.")
    show_problem(page, 2)
    answer(page, "7")
    expect_saved(page, 2)
    countdown_before = page.get_by_test_id("countdown").inner_text()

    app_server.kill_hard()
    app_server.start()

    # The same tab, not reloaded: it reconnects and the page loads the attempt again.
    show_problem(page, 1)
    expect(page.get_by_label("Your answer")).to_have_value("4", timeout=RECONNECT_TIMEOUT_MS)
    show_problem(page, 2)
    expect(page.get_by_label("Your answer")).to_have_value("7")
    answer(page, "8")  # and saving goes on against the restarted server
    expect(page.get_by_test_id("save-note")).to_have_text("Answer saved.")
    assert page.get_by_test_id("countdown").inner_text() <= countdown_before  # same deadline

    page.reload()
    show_problem(page, 2)
    expect(page.get_by_label("Your answer")).to_have_value("8")
