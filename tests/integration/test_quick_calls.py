"""Quick calls (`AppState.run_quick`) on SQLite: they run on the event loop's own thread, but
whatever would make them wait there (another writer, an answer check) sends the whole call
to a worker thread instead, with nothing written twice. On PostgreSQL every call takes a
worker thread, so these tests are SQLite's only."""

import asyncio
import threading
import time

import pytest
from sqlmodel import Session

from mathkallos.db import _SQLITE_WRITER
from mathkallos.models.users import User
from mathkallos.services import grading
from mathkallos.services.access import Actor
from mathkallos.services.auth import sessions
from mathkallos.state import _checked_call
from tests.integration.conftest import PASSWORD
from tests.support.loop_ticks import loop_ticks

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


class _Recorder:
    """A service that renames the user (a write), noting the thread of every run."""

    def __init__(self, check: bool = False) -> None:
        self.threads: list[int] = []
        self.check = check

    def __call__(self, *, session: Session, actor: Actor | None, name: str) -> str:
        self.threads.append(threading.get_ident())
        assert actor is not None
        if self.check:
            assert grading.check_answer("2", "1+1", "numeric").correct
        user = session.get(User, actor.id)
        assert user is not None
        user.full_name = name
        session.flush()
        return user.username


def _signed_in(session: Session, make_user, name: str) -> tuple[Actor, tuple[str, str]]:
    actor = make_user(name=name)
    signed = sessions.login(session=session, login=name, password=PASSWORD)
    session.commit()
    return actor, (signed.access_token, signed.refresh_token)


def _full_name(engine, user_id: int) -> str:
    with Session(engine) as fresh:
        user = fresh.get(User, user_id)
        assert user is not None
        return user.full_name


async def _call_with_ticker(tokens, service, name: str):
    """The quick call, and how often the event loop got to run something else meanwhile."""
    async with loop_ticks() as ticks:
        outcome = await _checked_call(tokens, service, {"name": name}, quick=True)
    return outcome, ticks(), threading.get_ident()


def test_a_quick_call_with_nothing_to_wait_for_runs_on_the_event_loop(
    app_database, session, make_user
):
    actor, tokens = _signed_in(session, make_user, "euler")
    service = _Recorder()
    outcome, _, loop_thread = asyncio.run(_call_with_ticker(tokens, service, "Leonhard Euler"))
    assert outcome.result == "euler"
    assert service.threads == [loop_thread]
    assert _full_name(app_database, actor.id) == "Leonhard Euler"


def test_a_quick_call_meeting_another_writer_waits_in_a_worker_thread_not_on_the_loop(
    app_database, session, make_user
):
    actor, tokens = _signed_in(session, make_user, "gauss")
    service = _Recorder()
    _SQLITE_WRITER.acquire()  # another transaction is writing for the next 0.3 s

    def finish_writing() -> None:
        time.sleep(0.3)
        _SQLITE_WRITER.release()

    threading.Thread(target=finish_writing).start()
    outcome, ticks, loop_thread = asyncio.run(_call_with_ticker(tokens, service, "C. F. Gauss"))
    assert outcome.result == "gauss"
    assert ticks >= 10  # the loop kept serving others while the call waited for the lock
    assert service.threads[0] == loop_thread
    assert service.threads[-1] != loop_thread
    assert _full_name(app_database, actor.id) == "C. F. Gauss"  # written once, by the rerun


def test_a_quick_call_that_checks_an_answer_does_so_in_a_worker_thread(
    app_database, session, make_user
):
    actor, tokens = _signed_in(session, make_user, "riemann")
    service = _Recorder(check=True)
    outcome, _, loop_thread = asyncio.run(_call_with_ticker(tokens, service, "B. Riemann"))
    assert outcome.result == "riemann"
    assert service.threads == [loop_thread, service.threads[-1]]
    assert service.threads[-1] != loop_thread
    assert _full_name(app_database, actor.id) == "B. Riemann"
