"""People and a course for test-runner tests; every test runs on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from mathkallos.models.users import Role
from mathkallos.services.access import Actor
from tests.integration.services.attempts.builders import Course, build_course


@pytest.fixture
def teacher(make_user) -> Actor:
    return make_user(Role.TEACHER)


@pytest.fixture
def student(make_user) -> Actor:
    return make_user(Role.STUDENT)


@pytest.fixture
def course(session: Session, teacher: Actor) -> Course:
    return build_course(session, teacher)
