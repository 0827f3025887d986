"""The database: one engine per app, one session per app context, Alembic to bring it to head.

SQLite runs in WAL mode with a busy timeout, so readers never wait for writers and writers
queue instead of failing. A use case that reads and then writes calls `begin_write(session)`
first: on SQLite that takes the write lock up front (BEGIN IMMEDIATE), so two members
submitting at once wait their turn instead of one failing with "database is locked".
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import sqlalchemy as sa
from flask import Flask, current_app, g
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 15_000
IMMEDIATE = "trainer_begin_immediate"
# The advisory lock key begin_write() takes on PostgreSQL ("trainer" in ASCII).
WRITE_LOCK = 0x747261696E6572
# The one upgrade() takes, so servers starting together migrate one after another ("migrate").
MIGRATE_LOCK = 0x6D696772617465
# `revision = "0002"` in a migration file, with or without a type annotation.
ASSIGNED = r"^{name}\s*(?::[^=\n]*)?=\s*[\"']([\w]+)[\"']"


def make_engine(url: str) -> sa.Engine:
    """An engine for url; SQLite gets WAL, a busy timeout, foreign keys and explicit BEGINs."""
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    path = sa.engine.make_url(url).database
    sa.event.listen(engine, "do_connect", lambda *_: _create_private(path))
    sa.event.listen(engine, "connect", _sqlite_connect)
    sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _create_private(path: str | None) -> None:
    """Create a new database file readable by its owner only (SQLite gives its -wal and
    -shm files the same mode), just before SQLite would create it world-readable; only
    when something connects, so a command that never uses the database makes none."""
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    with suppress(FileExistsError, FileNotFoundError):  # a missing folder: SQLite says so
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _sqlite_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (see _sqlite_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    options = connection.get_execution_options()
    if options.get("isolation_level") == "AUTOCOMMIT":
        return
    immediate = options.get(IMMEDIATE)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def begin_write(session: Session) -> None:
    """Start a fresh transaction that holds the write lock (SQLite) before anything is read.

    Ends whatever the session was doing first (committing it), so call it at the start of
    a use case that reads then writes. On PostgreSQL it takes a transaction-level advisory
    lock instead, so such use cases run one at a time there too, across every process.
    """
    if session.in_transaction():
        session.commit()
    connection = session.connection(execution_options={IMMEDIATE: True})
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})


@contextmanager
def write_lock(session: Session) -> Iterator[None]:
    """Hold the write lock for the block: commit when it ends, roll back when it raises.

    Put only reads and writes inside; hash passwords, read files and call the network before.
    """
    begin_write(session)
    try:
        yield
    except BaseException:
        session.rollback()
        raise
    session.commit()


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at url to revision (the newest by default), creating it if new.

    When several servers start at once, one migrates and the others wait, then find the
    schema already at head: on PostgreSQL the upgrade holds an advisory lock, on SQLite
    the write lock from its first statement.
    """
    if revision == "head" and current_revision(url) == newest_revision():
        return  # already there: no need to load Alembic (a second or more at every start)
    from alembic import command  # only the commands that migrate need Alembic
    from alembic.config import Config

    engine = make_engine(url)
    try:
        with engine.execution_options(**{IMMEDIATE: True}).begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(
                    sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATE_LOCK}
                )
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def newest_revision() -> str | None:
    """The head of the migrations shipped in migrations/versions/, read from their files."""
    revisions, parents = set(), set()
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        text = path.read_text()
        mine = re.search(ASSIGNED.format(name="revision"), text, re.M)
        parent = re.search(ASSIGNED.format(name="down_revision"), text, re.M)
        revisions |= {mine.group(1)} if mine else set()
        parents |= {parent.group(1)} if parent else set()
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(url: str) -> str | None:
    """The migration the database at url is at; None when it has no tables yet."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table("alembic_version"):
                return None
            return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        engine.dispose()


class Database:
    """`db.session` is the current app context's session, closed when the context ends."""

    def init_app(self, app: Flask) -> None:
        engine = make_engine(app.config["DATABASE_URL"])
        app.extensions["database"] = sessionmaker(engine)
        # Done once here, not on each worker's first query: forked workers share the result.
        sa.orm.configure_mappers()
        app.teardown_appcontext(self._close)

    def sessionmaker(self, app: Flask | None = None) -> sessionmaker[Session]:
        return (app or current_app).extensions["database"]

    def engine(self, app: Flask | None = None) -> sa.Engine:
        return self.sessionmaker(app).kw["bind"]

    @property
    def session(self) -> Session:
        if "db_session" not in g:
            g.db_session = self.sessionmaker()()
        return g.db_session

    @staticmethod
    def _close(_error: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()
