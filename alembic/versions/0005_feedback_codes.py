"""attempt answers keep the checker's feedback code and parameters (translated on display)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 03:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "attempt_answers",
        sa.Column("feedback_code", sa.String(length=40), nullable=False, server_default=""),
    )
    op.add_column(
        "attempt_answers",
        sa.Column("feedback_params", sa.JSON(), nullable=False, server_default="{}"),
    )


def downgrade() -> None:
    with op.batch_alter_table("attempt_answers") as batch:
        batch.drop_column("feedback_params")
        batch.drop_column("feedback_code")
