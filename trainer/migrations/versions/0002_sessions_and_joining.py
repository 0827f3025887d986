"""sessions that end (users.session_version), joining a team by code or approval

Revision ID: 0002
Revises: 0007
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0007"
branch_labels = None
depends_on = None

# As trainer.services.members.joining makes them; copied so this migration never changes.
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def _code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("pending", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("session_version", sa.Integer(), server_default="1", nullable=False)
        )
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.add_column(sa.Column("join_code", sa.String(length=16), nullable=True))
    teams = sa.table("teams", sa.column("id", sa.Integer), sa.column("join_code", sa.String))
    connection = op.get_bind()
    for (team_id,) in connection.execute(sa.select(teams.c.id)).all():
        connection.execute(teams.update().where(teams.c.id == team_id).values(join_code=_code()))
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.alter_column("join_code", existing_type=sa.String(length=16), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_teams_join_code"), ["join_code"])


def downgrade() -> None:
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_teams_join_code"), type_="unique")
        batch_op.drop_column("join_code")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("session_version")
        batch_op.drop_column("pending")
