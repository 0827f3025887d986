"""records that travel to the province: stable ids and origins, the outbox, the province's
registered servers and received records, and the province's read-only role

Revision ID: 0010
Revises: 0002
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None

TRAVELLING = (
    "communes",
    "teams",
    "users",
    "certificates",
    "quiz_attempts",
    "lesson_progress",
    "villages",
    "village_targets",
    "visits",
)
OLD_ROLES = "role IN ('member', 'instructor', 'admin')"
NEW_ROLES = "role IN ('member', 'instructor', 'admin', 'province')"


def upgrade() -> None:
    connection = op.get_bind()
    for name in TRAVELLING:
        # Plain ADD COLUMN and CREATE INDEX: on SQLite, copying a table that others refer
        # to would run their ON DELETE actions.
        op.add_column(name, sa.Column("uid", sa.String(length=32), nullable=True))
        op.add_column(name, sa.Column("origin", sa.String(length=40), nullable=True))
        table = sa.table(name, sa.column("id", sa.Integer), sa.column("uid", sa.String))
        for (row_id,) in connection.execute(sa.select(table.c.id)).all():
            connection.execute(
                table.update().where(table.c.id == row_id).values(uid=uuid.uuid4().hex)
            )
        op.create_index(op.f(f"ix_{name}_uid"), name, ["uid"], unique=True)
    _roles(OLD_ROLES, NEW_ROLES)
    op.create_table(
        "record_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("acknowledged", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_outbox")),
        sa.UniqueConstraint("kind", "uid", name=op.f("uq_record_outbox_kind_uid")),
    )
    op.create_table(
        "record_servers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("last_made_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_servers")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_record_servers_fingerprint")),
    )
    op.create_table(
        "travelled_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("sender_id", sa.Integer(), nullable=False),
        sa.Column("stamp", sa.String(length=40), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("body", sa.JSON(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("lookup", sa.String(length=64), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sender_id"],
            ["record_servers.id"],
            name=op.f("fk_travelled_records_sender_id_record_servers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_travelled_records")),
        sa.UniqueConstraint("uid", name=op.f("uq_travelled_records_uid")),
    )
    op.create_index(
        "ix_travelled_records_kind_lookup", "travelled_records", ["kind", "lookup"], unique=False
    )
    op.create_index(
        op.f("ix_travelled_records_sender_id"), "travelled_records", ["sender_id"], unique=False
    )
    op.create_table(
        "received_packs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("server_id", sa.Integer(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["server_id"],
            ["record_servers.id"],
            name=op.f("fk_received_packs_server_id_record_servers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_packs")),
        sa.UniqueConstraint("digest", name=op.f("uq_received_packs_digest")),
    )
    op.create_index(
        op.f("ix_received_packs_server_id"), "received_packs", ["server_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_received_packs_server_id"), table_name="received_packs")
    op.drop_table("received_packs")
    op.drop_index(op.f("ix_travelled_records_sender_id"), table_name="travelled_records")
    op.drop_index("ix_travelled_records_kind_lookup", table_name="travelled_records")
    op.drop_table("travelled_records")
    op.drop_table("record_servers")
    op.drop_table("record_outbox")
    op.execute("UPDATE users SET role = 'instructor' WHERE role = 'province'")
    _roles(NEW_ROLES, OLD_ROLES)
    for name in reversed(TRAVELLING):
        op.drop_index(op.f(f"ix_{name}_uid"), table_name=name)
        with op.batch_alter_table(name) as batch_op:
            batch_op.drop_column("origin")
            batch_op.drop_column("uid")


def _roles(old: str, new: str) -> None:
    """Change which roles users.role may hold.

    PostgreSQL changes the constraint. SQLite cannot, and copying `users` would run every
    ON DELETE CASCADE that points at it, so the stored definition is edited in place, as
    SQLite's documentation describes for a CHECK constraint (nothing on disk changes).
    """
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        op.drop_constraint(op.f("ck_users_role"), "users", type_="check")
        op.create_check_constraint(op.f("ck_users_role"), "users", new)
        return
    schema = connection.exec_driver_sql("PRAGMA schema_version").scalar()
    connection.exec_driver_sql("PRAGMA writable_schema=ON")
    connection.execute(
        sa.text(
            "UPDATE sqlite_master SET sql = replace(sql, :old, :new) "
            "WHERE type = 'table' AND name = 'users'"
        ),
        {"old": old, "new": new},
    )
    connection.exec_driver_sql(f"PRAGMA schema_version={int(schema) + 1}")
    connection.exec_driver_sql("PRAGMA writable_schema=OFF")
