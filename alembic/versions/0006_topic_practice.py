"""attempts may practise a topic of a course: test_id nullable, course_id (backfilled from the
test) and topic, one open topic run per student, course and topic

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 06:40:00

On SQLite the `attempts` table is rebuilt (a column cannot become nullable in place); env.py
runs SQLite migrations with foreign keys off, so the rebuild does not cascade into the answers.
The partial unique index is dropped and made again around the rebuild so it keeps its WHERE.
A downgrade deletes the topic-practice attempts (they have no test to point at) with their
answers, proctoring events and KPI facts; run `rebuild-kpis` after it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPEN = sa.text("status = 'in_progress'")
_OPEN_TOPIC = sa.text("status = 'in_progress' AND topic IS NOT NULL")
_TEST_OR_TOPIC = "(test_id IS NULL) <> (topic IS NULL)"


def _open_index() -> None:
    op.create_index(
        "uq_attempts_open",
        "attempts",
        ["user_id", "test_id"],
        unique=True,
        sqlite_where=_OPEN,
        postgresql_where=_OPEN,
    )


def upgrade() -> None:
    op.drop_index("uq_attempts_open", table_name="attempts")
    op.add_column("attempts", sa.Column("course_id", sa.Integer(), nullable=True))
    op.add_column(
        "attempts",
        sa.Column("topic", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    )
    op.execute(
        "UPDATE attempts SET course_id = "
        "(SELECT tests.course_id FROM tests WHERE tests.id = attempts.test_id)"
    )
    with op.batch_alter_table("attempts") as batch:
        batch.alter_column("course_id", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("test_id", existing_type=sa.Integer(), nullable=True)
        batch.create_foreign_key(
            "fk_attempts_course_id_courses", "courses", ["course_id"], ["id"], ondelete="CASCADE"
        )
        batch.create_check_constraint("ck_attempts_test_or_topic", _TEST_OR_TOPIC)
    _open_index()
    op.create_index(
        "uq_attempts_open_topic",
        "attempts",
        ["user_id", "course_id", "topic"],
        unique=True,
        sqlite_where=_OPEN_TOPIC,
        postgresql_where=_OPEN_TOPIC,
    )
    op.create_index("ix_attempts_course_submitted", "attempts", ["course_id", "submitted_at"])


def downgrade() -> None:
    topic_attempts = "SELECT id FROM attempts WHERE test_id IS NULL"
    topic_answers = f"SELECT id FROM attempt_answers WHERE attempt_id IN ({topic_attempts})"
    op.execute(f"DELETE FROM answer_facts WHERE answer_id IN ({topic_answers})")
    op.execute(f"DELETE FROM attempt_answers WHERE attempt_id IN ({topic_attempts})")
    op.execute(f"DELETE FROM proctoring_events WHERE attempt_id IN ({topic_attempts})")
    op.execute("DELETE FROM attempts WHERE test_id IS NULL")
    op.drop_index("ix_attempts_course_submitted", table_name="attempts")
    op.drop_index("uq_attempts_open_topic", table_name="attempts")
    op.drop_index("uq_attempts_open", table_name="attempts")
    with op.batch_alter_table("attempts") as batch:
        batch.drop_constraint("ck_attempts_test_or_topic", type_="check")
        batch.drop_constraint("fk_attempts_course_id_courses", type_="foreignkey")
        batch.alter_column("test_id", existing_type=sa.Integer(), nullable=False)
        batch.drop_column("topic")
        batch.drop_column("course_id")
    _open_index()
