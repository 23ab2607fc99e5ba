"""attempts: test attempts, their answers, proctoring events, in-app notifications

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 02:16:00.409639
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

# New tables only: courses and problems are not altered (a SQLite batch rebuild of either would
# drop their FTS triggers, see 0002).

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPEN = sa.text("status = 'in_progress'")
_UTC = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("message_id", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("link", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("created_at", _UTC(), nullable=False),
        sa.Column("read_at", _UTC(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_notifications_user_read", "notifications", ["user_id", "read_at"])

    op.create_table(
        "attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("test_id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("started_at", _UTC(), nullable=False),
        sa.Column("deadline_at", _UTC(), nullable=True),
        sa.Column("submitted_at", _UTC(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("max_score", sa.Float(), nullable=False),
        sa.Column("provisional", sa.Boolean(), nullable=False),
        sa.Column("time_spent_seconds", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["test_id"], ["tests.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_attempts_status_deadline", "attempts", ["status", "deadline_at"])
    op.create_index("ix_attempts_test_status", "attempts", ["test_id", "status"])
    op.create_index("ix_attempts_user_test", "attempts", ["user_id", "test_id"])
    op.create_index(
        "uq_attempts_open",
        "attempts",
        ["user_id", "test_id"],
        unique=True,
        sqlite_where=_OPEN,
        postgresql_where=_OPEN,
    )

    op.create_table(
        "attempt_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("saved_at", _UTC(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("feedback", sa.Text(), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("hints_used", sa.Integer(), nullable=False),
        sa.Column("solution_revealed", sa.Boolean(), nullable=False),
        sa.Column("given_up", sa.Boolean(), nullable=False),
        sa.Column("time_spent_seconds", sa.Integer(), nullable=False),
        sa.Column("reviewed_by", sa.Integer(), nullable=True),
        sa.Column("review_comment", sa.Text(), nullable=False),
        sa.Column("reviewed_at", _UTC(), nullable=True),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["problem_id"], ["problems.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["reviewed_by"], ["users.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("attempt_id", "problem_id", name="uq_attempt_answers_pair"),
    )
    op.create_index("ix_attempt_answers_problem_id", "attempt_answers", ["problem_id"])
    op.create_index("ix_attempt_answers_status", "attempt_answers", ["status"])

    op.create_table(
        "proctoring_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("at", _UTC(), nullable=False),
        sa.Column("detail", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_proctoring_events_attempt_id", "proctoring_events", ["attempt_id"])


def downgrade() -> None:
    op.drop_index("ix_proctoring_events_attempt_id", table_name="proctoring_events")
    op.drop_table("proctoring_events")
    op.drop_index("ix_attempt_answers_status", table_name="attempt_answers")
    op.drop_index("ix_attempt_answers_problem_id", table_name="attempt_answers")
    op.drop_table("attempt_answers")
    op.drop_index("uq_attempts_open", table_name="attempts")
    op.drop_index("ix_attempts_user_test", table_name="attempts")
    op.drop_index("ix_attempts_test_status", table_name="attempts")
    op.drop_index("ix_attempts_status_deadline", table_name="attempts")
    op.drop_table("attempts")
    op.drop_index("ix_notifications_user_read", table_name="notifications")
    op.drop_table("notifications")
