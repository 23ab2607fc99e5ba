"""Shared set-up of the KPI integration tests: a teacher's course with two topics."""

from __future__ import annotations

import pytest

from mathkallos.models.users import Role
from tests.integration.services.kpi.history import make_content


@pytest.fixture
def teacher(make_user):
    return make_user(Role.TEACHER)


@pytest.fixture
def content(session, teacher):
    made = make_content(session, teacher.id, ["algebra", "geometry"])
    session.commit()
    return made
