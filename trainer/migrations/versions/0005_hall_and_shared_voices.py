"""recorded voices every server sees; presenter sessions; class quizzes answered on phones

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 09:27:11.529967
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "class_quizzes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("topic", sa.String(length=120), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("revealed", sa.Boolean(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("touched_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_class_quizzes")),
        sa.UniqueConstraint("code", name=op.f("uq_class_quizzes_code")),
    )
    with op.batch_alter_table("class_quizzes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_class_quizzes_touched_at"), ["touched_at"], unique=False
        )

    op.create_table(
        "presentations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("lesson_slug", sa.String(length=120), nullable=False),
        sa.Column("slides", sa.Integer(), nullable=False),
        sa.Column("at", sa.Integer(), nullable=False),
        sa.Column("blank", sa.Boolean(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("presenters", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("touched_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_presentations")),
        sa.UniqueConstraint("code", name=op.f("uq_presentations_code")),
    )
    with op.batch_alter_table("presentations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_presentations_touched_at"), ["touched_at"], unique=False
        )

    op.create_table(
        "voice_recordings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=12), nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("part", sa.Integer(), nullable=False),
        sa.Column("suffix", sa.String(length=8), nullable=False),
        sa.Column("audio", sa.LargeBinary(), nullable=False),
        sa.Column("said", sa.Text(), nullable=False),
        sa.Column("reader", sa.String(length=80), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voice_recordings")),
        sa.UniqueConstraint(
            "language", "slug", "part", name=op.f("uq_voice_recordings_language_slug_part")
        ),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "class_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quiz_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("player", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("choices", sa.JSON(), nullable=False),
        sa.Column("right", sa.Boolean(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["quiz_id"],
            ["class_quizzes.id"],
            name=op.f("fk_class_answers_quiz_id_class_quizzes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_class_answers_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_class_answers")),
        sa.UniqueConstraint(
            "quiz_id", "number", "player", name=op.f("uq_class_answers_quiz_id_number_player")
        ),
    )
    with op.batch_alter_table("class_answers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_class_answers_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("class_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_class_answers_user_id"))

    op.drop_table("class_answers")
    op.drop_table("voice_recordings")
    with op.batch_alter_table("presentations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_presentations_touched_at"))

    op.drop_table("presentations")
    with op.batch_alter_table("class_quizzes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_class_quizzes_touched_at"))

    op.drop_table("class_quizzes")
