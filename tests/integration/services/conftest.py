"""Factories for service tests: real rows in the test's database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from mathkallos.models.users import Role
from mathkallos.services.access import Actor
from mathkallos.services.accounts import create_account

PASSWORD = "Pythagoras570"


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as db_session:
        yield db_session


@pytest.fixture
def make_user(session: Session) -> Callable[..., Actor]:
    counter = iter(range(1, 10_000))

    def make(role: Role = Role.STUDENT, name: str | None = None) -> Actor:
        n = next(counter)
        username = name or f"{role.value}{n}"
        user = create_account(
            session=session,
            email=f"{username}@example.com",
            username=username,
            full_name=f"User {n}",
            password=PASSWORD,
            role=role,
        )
        session.commit()
        return Actor(id=user.id, role=role)

    return make
