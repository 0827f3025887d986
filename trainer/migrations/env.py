"""Alembic environment: runs on the connection trainer.database.upgrade() hands over."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from trainer.models import Base

config = context.config


def run_on(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_on(connection)
else:
    from trainer.database import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as connection:
        run_on(connection)
    engine.dispose()
