"""Alembic is the only schema path: it must match the models and go both ways on both engines."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import Session, SQLModel

import mathkallos.models  # noqa: F401 - registers every table
from mathkallos.db import alembic_config, make_engine, upgrade_to_head
from mathkallos.models.attempts import Attempt
from mathkallos.models.content import is_search_index
from mathkallos.models.users import Role, User
from mathkallos.services import attempts
from mathkallos.services.access import Actor
from tests.integration.services.attempts.builders import build_course, tag_topic


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        names = set(inspect(engine).get_table_names()) - {"alembic_version"}
        return {name for name in names if not is_search_index(name)}
    finally:
        engine.dispose()


def _not_search_index(obj, name, type_, reflected, compare_to) -> bool:
    return not is_search_index(name)


def test_upgrade_creates_every_model_table(database_url):
    upgrade_to_head(database_url)
    assert _tables(database_url) == set(SQLModel.metadata.tables)


def test_downgrade_to_base_and_upgrade_again(database_url):
    config = alembic_config(database_url)
    command.upgrade(config, "head")
    command.downgrade(config, "base")
    assert _tables(database_url) == set()
    command.upgrade(config, "head")
    assert _tables(database_url) == set(SQLModel.metadata.tables)


def test_models_and_migrations_do_not_drift(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": _not_search_index}
        )
        assert compare_metadata(context, SQLModel.metadata) == []


def test_topic_practice_migration_backfills_courses_and_keeps_every_answer(database_url):
    """0006 both ways with data: test attempts keep their answers (SQLite rebuilds the table
    with foreign keys off, so nothing cascades) and get their test's course; a downgrade drops
    only the topic practice, which has no test to point at."""
    config = alembic_config(database_url)
    upgrade_to_head(database_url)
    engine = make_engine(database_url)
    with Session(engine, expire_on_commit=False) as session:
        teacher = Actor.of(_user(session, Role.TEACHER))
        student = Actor.of(_user(session, Role.STUDENT))
        course = build_course(session, teacher)
        topic = tag_topic(session, course)
        at_test = attempts.start_practice(
            session=session, actor=student, course_slug=course.slug, test_slug=course.practice
        )
        attempts.start_topic_practice(
            session=session, actor=student, course_slug=course.slug, topic=topic
        )
        session.commit()
    engine.dispose()

    command.downgrade(config, "0005")
    assert _answers_by_attempt(database_url) == {at_test.id: 3}
    command.upgrade(config, "head")
    assert _answers_by_attempt(database_url) == {at_test.id: 3}
    engine = make_engine(database_url)
    with Session(engine) as session:
        attempt = session.get(Attempt, at_test.id)
        assert (attempt.course_id, attempt.topic) == (course.id, None)
        resumed = attempts.start_practice(
            session=session, actor=student, course_slug=course.slug, test_slug=course.practice
        )
        assert resumed.id == at_test.id  # the open-attempt index still holds after the rebuild
        again = attempts.start_topic_practice(
            session=session, actor=student, course_slug=course.slug, topic=topic
        )
        assert {p.problem.id for p in again.problems} == {course.symbolic, course.string}
    engine.dispose()


def _user(session: Session, role: Role) -> User:
    user = User(
        email=f"{role.value}@example.com", username=role.value, password_hash="x", role=role
    )
    session.add(user)
    session.flush()
    return user


def _answers_by_attempt(url: str) -> dict[int, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT attempt_id, count(*) FROM attempt_answers GROUP BY attempt_id")
            ).all()
            return {int(attempt_id): int(count) for attempt_id, count in rows}
    finally:
        engine.dispose()
