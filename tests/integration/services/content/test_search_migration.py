"""Migration 0002's full-text objects go away on downgrade and come back on upgrade."""

from alembic import command
from sqlalchemy import inspect, text

from mathkallos.db import alembic_config, make_engine


def _search_objects(url):
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                rows = connection.execute(
                    text("SELECT name FROM sqlite_master WHERE name LIKE '%fts%'")
                )
            else:
                rows = connection.execute(
                    text("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%fts%'")
                )
            return {row[0] for row in rows}
    finally:
        engine.dispose()


def test_downgrade_removes_search_objects_and_upgrade_restores_them(database_url):
    config = alembic_config(database_url)
    command.upgrade(config, "head")
    created = _search_objects(database_url)
    assert {"courses_fts", "problems_fts"} <= created or {
        "ix_courses_fts",
        "ix_problems_fts",
    } <= created
    command.downgrade(config, "0001")
    assert _search_objects(database_url) == set()
    engine = make_engine(database_url)
    assert "courses" not in inspect(engine).get_table_names()
    engine.dispose()
    command.upgrade(config, "head")
    assert _search_objects(database_url) == created
