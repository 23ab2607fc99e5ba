"""kpi: daily metrics, topic/problem statistics, progress, achievements, answer facts, reading log

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 02:24:05.947666
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

# New tables and two indexes on attempts only: courses and problems are not altered (a SQLite
# batch rebuild of either would drop their FTS triggers, see 0002).

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table("daily_metrics",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("user_id", sa.Integer(), nullable=False),
    sa.Column("metric_date", sa.Date(), nullable=False),
    sa.Column("metric_type", sa.String(length=32), nullable=False),
    sa.Column("value", sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id"),
    sa.UniqueConstraint("user_id", "metric_date", "metric_type", name="uq_daily_metrics_key")
    )
    op.create_index("ix_daily_metrics_date_type", "daily_metrics", ["metric_date", "metric_type"], unique=False)

    op.create_table("topic_stats",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("user_id", sa.Integer(), nullable=False),
    sa.Column("topic", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column("attempts", sa.Integer(), nullable=False),
    sa.Column("correct", sa.Integer(), nullable=False),
    sa.Column("recent", sa.JSON(), nullable=False),
    sa.Column("recent_correct", sa.Integer(), nullable=False),
    sa.Column("mastered", sa.Boolean(), nullable=False),
    sa.Column("last_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id"),
    sa.UniqueConstraint("user_id", "topic", name="uq_topic_stats_pair")
    )
    op.create_table("user_achievements",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("user_id", sa.Integer(), nullable=False),
    sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column("awarded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id"),
    sa.UniqueConstraint("user_id", "code", name="uq_user_achievements_pair")
    )
    op.create_table("user_progress",
    sa.Column("user_id", sa.Integer(), nullable=False),
    sa.Column("xp", sa.Integer(), nullable=False),
    sa.Column("level", sa.Integer(), nullable=False),
    sa.Column("current_streak", sa.Integer(), nullable=False),
    sa.Column("best_streak", sa.Integer(), nullable=False),
    sa.Column("last_active_date", sa.Date(), nullable=True),
    sa.Column("tests_taken", sa.Integer(), nullable=False),
    sa.Column("exams_taken", sa.Integer(), nullable=False),
    sa.Column("answers", sa.Integer(), nullable=False),
    sa.Column("correct_answers", sa.Integer(), nullable=False),
    sa.Column("problems_solved", sa.Integer(), nullable=False),
    sa.Column("score_points", sa.Float(), nullable=False),
    sa.Column("max_points", sa.Float(), nullable=False),
    sa.Column("time_spent_seconds", sa.Integer(), nullable=False),
    sa.Column("sections_read", sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("user_id")
    )
    op.create_table("problem_stats",
    sa.Column("problem_id", sa.Integer(), nullable=False),
    sa.Column("attempts", sa.Integer(), nullable=False),
    sa.Column("correct", sa.Integer(), nullable=False),
    sa.Column("score_points", sa.Float(), nullable=False),
    sa.Column("max_points", sa.Float(), nullable=False),
    sa.Column("total_time_seconds", sa.Integer(), nullable=False),
    sa.Column("hint_uses", sa.Integer(), nullable=False),
    sa.Column("hints_total", sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(["problem_id"], ["problems.id"], ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("problem_id")
    )
    op.create_table("reading_log",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("user_id", sa.Integer(), nullable=False),
    sa.Column("section_id", sa.Integer(), nullable=False),
    sa.Column("course_id", sa.Integer(), nullable=False),
    sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column("seconds", sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(["course_id"], ["courses.id"], ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["section_id"], ["sections.id"], ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id")
    )
    op.create_index("ix_reading_log_course_at", "reading_log", ["course_id", "at"], unique=False)
    op.create_index("ix_reading_log_user_at", "reading_log", ["user_id", "at"], unique=False)
    op.create_index("ix_reading_log_user_section", "reading_log", ["user_id", "section_id"], unique=False)

    op.create_table("answer_facts",
    sa.Column("answer_id", sa.Integer(), nullable=False),
    sa.Column("user_id", sa.Integer(), nullable=False),
    sa.Column("problem_id", sa.Integer(), nullable=False),
    sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column("day", sa.Date(), nullable=False),
    sa.Column("correct", sa.Boolean(), nullable=False),
    sa.Column("score", sa.Float(), nullable=False),
    sa.Column("points", sa.Integer(), nullable=False),
    sa.Column("seconds", sa.Integer(), nullable=False),
    sa.Column("hints", sa.Integer(), nullable=False),
    sa.Column("xp", sa.Integer(), nullable=False),
    sa.Column("topics", sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(["answer_id"], ["attempt_answers.id"], ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["problem_id"], ["problems.id"], ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("answer_id")
    )
    op.create_index("ix_answer_facts_user_problem", "answer_facts", ["user_id", "problem_id", "correct"], unique=False)

    op.create_index("ix_attempts_test_submitted", "attempts", ["test_id", "submitted_at"], unique=False)
    op.create_index("ix_attempts_user_started", "attempts", ["user_id", "started_at"], unique=False)



def downgrade() -> None:
    op.drop_index("ix_attempts_user_started", table_name="attempts")
    op.drop_index("ix_attempts_test_submitted", table_name="attempts")

    op.drop_index("ix_answer_facts_user_problem", table_name="answer_facts")

    op.drop_table("answer_facts")
    op.drop_index("ix_reading_log_user_section", table_name="reading_log")
    op.drop_index("ix_reading_log_user_at", table_name="reading_log")
    op.drop_index("ix_reading_log_course_at", table_name="reading_log")

    op.drop_table("reading_log")
    op.drop_table("problem_stats")
    op.drop_table("user_progress")
    op.drop_table("user_achievements")
    op.drop_table("topic_stats")
    op.drop_index("ix_daily_metrics_date_type", table_name="daily_metrics")

    op.drop_table("daily_metrics")
