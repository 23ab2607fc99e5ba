"""One warm grading pool for the whole session, stopped at the end."""

from collections.abc import Iterator

import pytest

from mathkallos.services.grading import get_pool, shutdown_pool


@pytest.fixture(scope="session", autouse=True)
def grading_pool() -> Iterator[None]:
    get_pool()
    yield
    shutdown_pool()
