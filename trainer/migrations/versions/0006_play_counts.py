"""play counts per lesson part and language, for the recording queue

Revision ID: 0006
Revises: 0001
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "play_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lesson_slug", sa.String(length=120), nullable=False),
        sa.Column("language", sa.String(length=12), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("plays", sa.Integer(), nullable=False),
        sa.Column("last_played_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_play_counts")),
        sa.UniqueConstraint(
            "lesson_slug", "language", "part", name=op.f("uq_play_counts_lesson_slug_language_part")
        ),
    )


def downgrade() -> None:
    op.drop_table("play_counts")
