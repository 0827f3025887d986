"""the hall on its own Wi-Fi: codes used up once joined, sessions counted per address, phones
counted per quiz

Revision ID: 0008
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("presentations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("joinable", sa.Boolean(), server_default=sa.true(), nullable=False)
        )
        batch_op.add_column(sa.Column("opened_from", sa.String(length=45), nullable=True))
        batch_op.create_index(batch_op.f("ix_presentations_opened_from"), ["opened_from"])
    with op.batch_alter_table("class_quizzes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("opened_from", sa.String(length=45), nullable=True))
        batch_op.create_index(batch_op.f("ix_class_quizzes_opened_from"), ["opened_from"])
    op.create_table(
        "class_phones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quiz_id", sa.Integer(), nullable=False),
        sa.Column("player", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=45), nullable=False),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["quiz_id"],
            ["class_quizzes.id"],
            name=op.f("fk_class_phones_quiz_id_class_quizzes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_class_phones")),
        sa.UniqueConstraint("quiz_id", "player", name=op.f("uq_class_phones_quiz_id_player")),
    )


def downgrade() -> None:
    op.drop_table("class_phones")
    with op.batch_alter_table("class_quizzes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_class_quizzes_opened_from"))
        batch_op.drop_column("opened_from")
    with op.batch_alter_table("presentations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_presentations_opened_from"))
        batch_op.drop_column("opened_from")
        batch_op.drop_column("joinable")
