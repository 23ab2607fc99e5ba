"""Integration tests run once on SQLite and once on a real PostgreSQL server."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlmodel import Session

from mathkallos.api import build_api
from mathkallos.db import make_engine, upgrade_to_head
from mathkallos.models.users import Role
from mathkallos.services.access import Actor
from mathkallos.services.accounts import create_account
from tests.support.postgres import find_pg_bin, postgres_cluster
from tests.support.system import need


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    need(find_pg_bin() is not None, "PostgreSQL server binaries (Debian package 'postgresql')")
    with postgres_cluster() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """An empty database of each kind, private to one test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{server}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A database at the latest migration, as the app would have it."""
    upgrade_to_head(database_url)
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def app_database(
    engine: Engine, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Engine]:
    """Point the app's own settings and engine at this test's database."""
    from mathkallos import db
    from mathkallos.settings import get_settings

    get_engine = db.get_engine  # tests may monkeypatch it; clean up the real one
    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()
    get_engine.cache_clear()
    yield get_engine()
    get_engine().dispose()
    get_settings.cache_clear()
    get_engine.cache_clear()


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


@pytest.fixture
def client(app_database: Engine) -> TestClient:
    return TestClient(build_api())


@pytest.fixture
def headers_for(client: TestClient, app_database: Engine) -> Callable[[Role], dict[str, str]]:
    """Create a user of the role, log in through the API and return bearer headers."""
    counter = iter(range(1, 1000))

    def make(role: Role) -> dict[str, str]:
        username = f"{role.value}{next(counter)}"
        with Session(app_database) as session:
            create_account(
                session=session,
                email=f"{username}@example.com",
                username=username,
                full_name=username,
                password=PASSWORD,
                role=role,
            )
            session.commit()
        response = client.post("/api/v1/auth/login", json={"login": username, "password": PASSWORD})
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    return make
