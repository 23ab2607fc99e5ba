"""A page's call as the signed-in user: the session check and the call share one database
session, on both databases; a renewal of the tokens outlives a refused call."""

from datetime import timedelta

import pytest
from sqlmodel import Session

from mathkallos.models.base import utcnow
from mathkallos.models.users import User
from mathkallos.services.access import Actor
from mathkallos.services.auth import sessions
from mathkallos.services.errors import InvalidInput, NotAuthenticated
from mathkallos.state import _check_then_call
from tests.integration.conftest import PASSWORD


def _rename(*, session: Session, actor: Actor | None, name: str) -> str:
    """A service that writes, then refuses the name "-": its write must not stay."""
    assert actor is not None
    user = session.get(User, actor.id)
    assert user is not None
    user.full_name = name
    session.flush()
    if name == "-":
        raise InvalidInput("errors.not_allowed")
    return user.username


def _full_name(engine, user_id: int) -> str:
    with Session(engine) as fresh:
        user = fresh.get(User, user_id)
        assert user is not None
        return user.full_name


def test_a_call_runs_as_the_signed_in_user_and_its_writes_stay(app_database, session, make_user):
    actor = make_user(name="hilbert")
    signed = sessions.login(session=session, login="hilbert", password=PASSWORD)
    session.commit()
    outcome = _check_then_call(
        (signed.access_token, signed.refresh_token), _rename, {"name": "David Hilbert"}
    )
    assert outcome.error is None
    assert not outcome.signed_out
    assert outcome.actor == actor
    assert outcome.result == "hilbert"
    assert outcome.found is not None
    assert outcome.found.access_token == signed.access_token
    assert _full_name(app_database, actor.id) == "David Hilbert"


def test_a_refused_call_loses_its_writes_but_keeps_the_renewed_tokens(
    app_database, session, make_user
):
    actor = make_user(name="cantor")
    earlier = utcnow() - timedelta(hours=2)  # the access token has expired
    signed = sessions.login(session=session, login="cantor", password=PASSWORD, now=earlier)
    session.commit()
    outcome = _check_then_call((signed.access_token, signed.refresh_token), _rename, {"name": "-"})
    assert isinstance(outcome.error, InvalidInput)
    assert outcome.found is not None
    assert outcome.found.refresh_token != signed.refresh_token
    assert _full_name(app_database, actor.id) != "-"
    with Session(app_database) as fresh:  # the browser's new refresh token works...
        renewed = sessions.refresh(session=fresh, refresh_token=outcome.found.refresh_token)
        fresh.commit()
    assert renewed.user.id == actor.id
    with Session(app_database) as fresh, pytest.raises(NotAuthenticated):
        sessions.refresh(session=fresh, refresh_token=signed.refresh_token)  # ...the old is spent


def test_an_ended_session_calls_as_a_visitor(app_database, session, make_user):
    make_user(name="peano")
    signed = sessions.login(session=session, login="peano", password=PASSWORD)
    sessions.logout(session=session, session_id=signed.session_id)
    session.commit()
    seen: list[Actor | None] = []

    def who(*, session: Session, actor: Actor | None) -> None:
        seen.append(actor)

    outcome = _check_then_call((signed.access_token, signed.refresh_token), who, {})
    assert outcome.signed_out
    assert outcome.found is None
    assert outcome.error is None
    assert seen == [None]
