"""The exam runner over the app's websocket protocol, where event order matters more than a
browser's timing can show: a student at work on the exam before the runner page's load (after
the start, after a reload) keeps the problem in hand."""

from __future__ import annotations

from sqlmodel import col, select

from mathkallos.models.attempts import AttemptAnswer
from mathkallos.models.users import Role, User
from mathkallos.services import content
from mathkallos.services.access import Actor
from mathkallos.services.auth import sessions
from tests.e2e.appdb import PASSWORD, app_session, new_user
from tests.support.app_server import ServedApp
from tests.support.protocol_tabs import open_tab, run_client
from tests.support.reflex_client import COURSE_STATE, RUNNER_STATE, Tab

COURSE = "inequalities-and-algebraic-tricks"
EXAM = "inequalities-exam"
WAIT = 60.0


def _signed_in_student(database_url: str) -> tuple[str, str]:
    username = new_user(database_url)
    with app_session(database_url) as session:
        user = session.exec(select(User).where(col(User.username) == username)).one()
        assert user.id is not None
        actor = Actor(id=user.id, role=Role.STUDENT)
        content.enroll(session=session, actor=actor, course_slug=COURSE)
        signed = sessions.login(session=session, login=username, password=PASSWORD)
        return signed.access_token, signed.refresh_token


def _saved(database_url: str, attempt_id: int) -> dict[int, str]:
    with app_session(database_url) as session:
        rows = session.exec(
            select(AttemptAnswer).where(col(AttemptAnswer.attempt_id) == attempt_id)
        )
        return {row.position: row.answer for row in rows if row.answer}


async def _start_the_exam(tab: Tab) -> tuple[dict, str, dict[str, str]]:
    """From the course page: the attempt (it comes with the start's reply), and the runner's
    path and parameters the redirect asks for."""
    opened = await tab.open(f"/courses/{COURSE}", {"course_slug": COURSE}, lambda _d: tab.hydrated)
    await tab.wait(opened, WAIT)
    started = tab.expect(lambda _d: bool(tab.redirects and tab.var(RUNNER_STATE, "attempt")))
    await tab.emit(f"{COURSE_STATE}.start_test", {"test_slug": EXAM})
    await tab.wait(started, WAIT)
    attempt = tab.var(RUNNER_STATE, "attempt")
    return attempt, tab.redirects.pop(), {"attempt_id": str(attempt["id"])}


async def _navigate(tab: Tab, path: str, params: dict[str, str]) -> None:
    loaded = tab.expect(lambda _d: tab.hydrated)
    await tab.navigate(path, params)
    await tab.wait(loaded, WAIT)


async def _answer(tab: Tab, text: str) -> None:
    saved = tab.expect(lambda _d: text in (tab.var(RUNNER_STATE, "saved_answers") or {}).values())
    await tab.emit(f"{RUNNER_STATE}.set_draft", {"text": text})
    await tab.wait(saved, WAIT)


async def _answer_before_the_load(url: str, tokens: tuple[str, str]) -> tuple[int, int]:
    """Start the exam, move to the third problem and answer it before the redirect's
    navigation (so before the runner page's load); then answer it again once loaded."""
    async with open_tab(url, tokens) as tab:
        attempt, path, params = await _start_the_exam(tab)
        await tab.emit(f"{RUNNER_STATE}.go", {"index": 2})
        await tab.emit(f"{RUNNER_STATE}.set_draft", {"text": "7"})
        await _navigate(tab, path, params)
        index_after_load = tab.var(RUNNER_STATE, "index")
        await _answer(tab, "8")
        return attempt["id"], index_after_load


def test_an_answer_given_before_the_runner_loads_stays_on_its_problem(
    app_server: ServedApp, app_database_url: str
) -> None:
    tokens = _signed_in_student(app_database_url)
    attempt_id, index_after_load = run_client(_answer_before_the_load(app_server.url, tokens))
    assert index_after_load == 2, "the page's load moved the student off the problem in hand"
    assert _saved(app_database_url, attempt_id) == {3: "8"}


async def _reload_on_the_third_problem(url: str, tokens: tuple[str, str]) -> tuple[int, int]:
    """Open the exam's runner, move to the third problem, reload the tab (a new connection of
    the same tab, as the browser's reload keeps its token) and answer at once."""
    async with open_tab(url, tokens) as tab:
        attempt, path, params = await _start_the_exam(tab)
        await _navigate(tab, path, params)
        moved = tab.expect(lambda _d: tab.var(RUNNER_STATE, "index") == 2)
        await tab.emit(f"{RUNNER_STATE}.go", {"index": 2})
        await tab.wait(moved, WAIT)
        await tab.sio.disconnect()
        reloaded = await tab.open(path, params, lambda _d: tab.hydrated)
        await _answer(tab, "9")
        await tab.wait(reloaded, WAIT)
        return attempt["id"], tab.var(RUNNER_STATE, "index")


def test_a_reload_keeps_the_student_on_the_problem_in_hand(
    app_server: ServedApp, app_database_url: str
) -> None:
    tokens = _signed_in_student(app_database_url)
    attempt_id, index = run_client(_reload_on_the_third_problem(app_server.url, tokens))
    assert index == 2, "the reload sent the student back to the first unfinished problem"
    assert _saved(app_database_url, attempt_id) == {3: "9"}
