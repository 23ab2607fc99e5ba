"""Alembic is the only schema path: it must match the models and go both ways on both engines."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

import mathkallos.models  # noqa: F401 - registers every table
from mathkallos.db import alembic_config, make_engine, upgrade_to_head
from mathkallos.models.content import is_search_index


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
