"""Sign-in sessions on both databases: login, rotation, reuse detection, logout, throttling."""

from datetime import timedelta

import pytest
from sqlmodel import select

from mathkallos.models.base import utcnow
from mathkallos.models.users import LoginAttempt, Role
from mathkallos.services.auth import sessions, throttle
from mathkallos.services.errors import InvalidInput, NotAuthenticated, TooManyAttempts
from tests.integration.conftest import PASSWORD


def test_login_by_email_or_username_case_insensitively(session, make_user):
    make_user(Role.STUDENT, name="Sofia")
    by_email = sessions.login(session=session, login="SOFIA@example.com", password=PASSWORD)
    by_name = sessions.login(session=session, login="sofia", password=PASSWORD)
    assert by_email.user.username == by_name.user.username == "Sofia"
    assert by_email.session_id != by_name.session_id
    user = sessions.current_user(session=session, access_token=by_email.access_token)
    assert user.username == "Sofia"


def test_wrong_password_and_unknown_account_get_the_same_message(session, make_user):
    make_user(name="ada")
    with pytest.raises(InvalidInput) as wrong:
        sessions.login(session=session, login="ada", password="Wrong-password-1")
    with pytest.raises(InvalidInput) as unknown:
        sessions.login(session=session, login="nobody", password="Wrong-password-1")
    assert wrong.value.message_id == unknown.value.message_id == "auth.invalid_credentials"


def test_refresh_rotates_and_a_reused_token_revokes_the_family(session, make_user):
    make_user(name="emmy")
    first = sessions.login(session=session, login="emmy", password=PASSWORD)
    session.commit()
    second = sessions.refresh(session=session, refresh_token=first.refresh_token)
    session.commit()
    assert second.refresh_token != first.refresh_token
    assert second.session_id == first.session_id
    with pytest.raises(NotAuthenticated):  # the spent token comes back: theft assumed
        sessions.refresh(session=session, refresh_token=first.refresh_token)
    with pytest.raises(NotAuthenticated):  # ...and the thief's or owner's newer token dies too
        sessions.refresh(session=session, refresh_token=second.refresh_token)
    with pytest.raises(NotAuthenticated):
        sessions.current_user(session=session, access_token=second.access_token)


def test_expired_refresh_token_is_refused(session, make_user):
    make_user(name="kurt")
    past = utcnow() - timedelta(days=60)
    old = sessions.login(session=session, login="kurt", password=PASSWORD, now=past)
    session.commit()
    with pytest.raises(NotAuthenticated):
        sessions.refresh(session=session, refresh_token=old.refresh_token)


def test_authenticate_renews_an_expired_access_token_with_the_refresh_token(session, make_user):
    make_user(name="noether")
    earlier = utcnow() - timedelta(hours=2)
    signed = sessions.login(session=session, login="noether", password=PASSWORD, now=earlier)
    session.commit()
    result = sessions.authenticate(
        session=session, access_token=signed.access_token, refresh_token=signed.refresh_token
    )
    assert result.user.username == "noether"
    assert result.access_token != signed.access_token
    assert result.refresh_token != signed.refresh_token


def test_logout_ends_the_session_at_once(session, make_user):
    make_user(name="galois")
    signed = sessions.login(session=session, login="galois", password=PASSWORD)
    sessions.logout(session=session, session_id=signed.session_id)
    session.commit()
    with pytest.raises(NotAuthenticated):
        sessions.current_user(session=session, access_token=signed.access_token)
    with pytest.raises(NotAuthenticated):
        sessions.refresh(session=session, refresh_token=signed.refresh_token)


def test_five_failures_lock_the_account_and_the_message_says_for_how_long(session, make_user):
    make_user(name="abel")
    start = utcnow()
    for i in range(5):
        with pytest.raises(InvalidInput):
            sessions.login(
                session=session,
                login="abel",
                password="Nope-12345",
                now=start + timedelta(seconds=i),
            )
    with pytest.raises(TooManyAttempts) as locked:  # even the right password is refused now
        sessions.login(
            session=session, login="abel", password=PASSWORD, now=start + timedelta(seconds=10)
        )
    assert locked.value.message_id == "auth.too_many_attempts"
    assert locked.value.params["minutes"] == 15
    later = start + throttle.WINDOW + timedelta(seconds=5)
    assert sessions.login(session=session, login="abel", password=PASSWORD, now=later)


def test_success_resets_the_account_counter(session, make_user):
    make_user(name="euler")
    start = utcnow()
    for i in range(4):
        with pytest.raises(InvalidInput):
            sessions.login(
                session=session,
                login="euler",
                password="Nope-12345",
                now=start + timedelta(seconds=i),
            )
    sessions.login(
        session=session, login="euler", password=PASSWORD, now=start + timedelta(seconds=5)
    )
    with pytest.raises(InvalidInput):  # a fifth failure after a success does not lock
        sessions.login(
            session=session, login="euler", password="Nope-12345", now=start + timedelta(seconds=6)
        )
    assert sessions.login(
        session=session, login="euler", password=PASSWORD, now=start + timedelta(seconds=7)
    )


def test_twenty_failures_from_one_address_lock_that_address(session, make_user):
    make_user(name="target")
    start = utcnow()
    for i in range(20):
        with pytest.raises(InvalidInput):
            sessions.login(
                session=session,
                login=f"guess{i}",
                password="Nope-12345",
                address="203.0.113.9",
                now=start + timedelta(seconds=i),
            )
    with pytest.raises(TooManyAttempts):
        sessions.login(
            session=session,
            login="target",
            password=PASSWORD,
            address="203.0.113.9",
            now=start + timedelta(seconds=30),
        )
    # Another address is not affected.
    assert sessions.login(
        session=session,
        login="target",
        password=PASSWORD,
        address="198.51.100.1",
        now=start + timedelta(seconds=31),
    )


def test_failed_attempts_survive_the_callers_rollback(session, make_user):
    make_user(name="riemann")
    with pytest.raises(InvalidInput):
        sessions.login(session=session, login="riemann", password="Nope-12345")
    session.rollback()
    failures = session.exec(select(LoginAttempt).where(LoginAttempt.account_key == "riemann")).all()
    assert [f.succeeded for f in failures] == [False]
