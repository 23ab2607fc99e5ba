"""A user's own account on both databases: registration, profile, password, export, delete."""

import pytest
from sqlmodel import select

from mathkallos.models.users import AuthSession, LoginAttempt, Role, User
from mathkallos.services import accounts
from mathkallos.services.access import Actor
from mathkallos.services.auth import sessions
from mathkallos.services.errors import InvalidInput, NotAuthenticated, NotFound
from tests.integration.conftest import PASSWORD


def _fields(error: InvalidInput) -> dict[str, str]:
    return {e.field: e.message_id for e in error.errors}


def test_registration_creates_a_student_with_a_hashed_password(session):
    user = accounts.register(
        session=session,
        email=" Maria@Example.COM ",
        username="maria_k",
        full_name="Maria K",
        password="Cauchy1789",
    )
    assert user.role == Role.STUDENT
    assert user.email == "maria@example.com"
    stored = session.get(User, user.id)
    assert stored.password_hash.startswith("$argon2")
    assert "Cauchy" not in stored.password_hash


def test_registration_reports_every_bad_field_at_once_and_saves_nothing(session, make_user):
    make_user(name="taken")
    with pytest.raises(InvalidInput) as error:
        accounts.register(
            session=session, email="not-an-email", username="TAKEN", full_name="x", password="short"
        )
    fields = _fields(error.value)
    assert fields["email"] == "auth.email_invalid"
    assert fields["username"] == "auth.username_taken"
    assert fields["password"] in {"auth.password_too_short", "auth.password_needs_letter_and_digit"}
    assert session.exec(select(User).where(User.full_name == "x")).first() is None


def test_duplicate_email_is_refused_case_insensitively(session, make_user):
    make_user(name="gauss")
    with pytest.raises(InvalidInput) as error:
        accounts.register(
            session=session,
            email="GAUSS@example.com",
            username="gauss2",
            full_name="",
            password="Disquisitiones1801",
        )
    assert _fields(error.value) == {"email": "auth.email_taken"}


def test_profile_update_validates_and_saves_preferences(session, make_user):
    actor = make_user(name="hilbert")
    updated = accounts.update_profile(
        session=session,
        actor=actor,
        full_name="David Hilbert",
        username="hilbert23",
        language="ru",
        theme="dark",
        timezone="Europe/Berlin",
    )
    assert updated.username == "hilbert23"
    assert updated.preferences == {"language": "ru", "theme": "dark", "timezone": "Europe/Berlin"}
    with pytest.raises(InvalidInput) as error:
        accounts.update_profile(
            session=session,
            actor=actor,
            full_name="D",
            username="no spaces",
            language="de",
            theme="neon",
            timezone="Mars/Olympus",
        )
    assert set(_fields(error.value)) == {"username", "language", "theme", "timezone"}


def test_change_password_needs_the_current_one_and_logs_out_other_sessions(session, make_user):
    actor = make_user(name="lovelace")
    here = sessions.login(session=session, login="lovelace", password=PASSWORD)
    elsewhere = sessions.login(session=session, login="lovelace", password=PASSWORD)
    with pytest.raises(InvalidInput) as error:
        accounts.change_password(
            session=session,
            actor=actor,
            current_password="wrong-1",
            new_password="Analytical1843",
            keep_session_id=here.session_id,
        )
    assert _fields(error.value) == {"current_password": "auth.current_password_wrong"}
    accounts.change_password(
        session=session,
        actor=actor,
        current_password=PASSWORD,
        new_password="Analytical1843",
        keep_session_id=here.session_id,
    )
    session.commit()
    assert sessions.current_user(session=session, access_token=here.access_token)
    with pytest.raises(NotAuthenticated):
        sessions.current_user(session=session, access_token=elsewhere.access_token)
    assert sessions.login(session=session, login="lovelace", password="Analytical1843")


def test_export_contains_profile_and_sessions_but_no_password_hash(session, make_user):
    actor = make_user(name="turing")
    sessions.login(session=session, login="turing", password=PASSWORD, user_agent="Firefox")
    data = accounts.export_my_data(session=session, actor=actor)
    assert data["profile"]["username"] == "turing"
    assert data["sign_in_sessions"][0]["device"] == "Firefox"
    assert "password_hash" not in str(data)
    assert "$argon2" not in str(data)


def test_delete_account_needs_the_password_and_leaves_nothing_behind(session, make_user):
    actor = make_user(name="cantor")
    sessions.login(session=session, login="cantor", password=PASSWORD)
    with pytest.raises(sessions.InvalidInput):
        sessions.login(session=session, login="cantor", password="wrong-pass-1")
    with pytest.raises(InvalidInput):
        accounts.delete_account(session=session, actor=actor, password="wrong-pass-1")
    accounts.delete_account(session=session, actor=actor, password=PASSWORD)
    session.commit()
    assert session.get(User, actor.id) is None
    assert session.exec(select(AuthSession).where(AuthSession.user_id == actor.id)).all() == []
    assert (
        session.exec(select(LoginAttempt).where(LoginAttempt.account_key == "cantor")).all() == []
    )
    with pytest.raises(InvalidInput):
        sessions.login(session=session, login="cantor", password=PASSWORD)
    with pytest.raises(NotFound):
        accounts.get_profile(session=session, actor=Actor(id=actor.id, role=Role.STUDENT))
