"""quiz_attempts.graded: the items and choices exactly as graded at submission

Revision ID: 0004
Revises: 0006
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("quiz_attempts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("graded", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("quiz_attempts", schema=None) as batch_op:
        batch_op.drop_column("graded")
