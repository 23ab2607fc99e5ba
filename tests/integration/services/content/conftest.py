"""People and a session for content tests; every test runs on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from mathkallos.models.users import Role, User
from mathkallos.services.access import Actor


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


def _user(session: Session, name: str, role: Role) -> Actor:
    user = User(
        email=f"{name}@example.com",
        username=name,
        full_name=name.title(),
        password_hash="x",
        role=role,
    )
    session.add(user)
    session.commit()
    return Actor.of(user)


@pytest.fixture
def admin(session: Session) -> Actor:
    return _user(session, "admin", Role.ADMIN)


@pytest.fixture
def teacher(session: Session) -> Actor:
    return _user(session, "teacher", Role.TEACHER)


@pytest.fixture
def other_teacher(session: Session) -> Actor:
    return _user(session, "other", Role.TEACHER)


@pytest.fixture
def student(session: Session) -> Actor:
    return _user(session, "student", Role.STUDENT)
