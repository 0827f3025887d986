"""The same migrations and app on a real, throwaway PostgreSQL (the many-machines set-up)."""

from __future__ import annotations

import subprocess
import sys

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from tests.concurrency import at_once, count_up_one_at_a_time
from tests.factories import make_team, make_user
from tests.forms import Login, post_form
from tests.migrations import newest_migration
from tests.postgresql import cluster
from trainer import database
from trainer.extensions import db
from trainer.models import Base, LessonProgress, User, utcnow
from trainer.services.members import progress


@pytest.fixture(scope="module")
def postgres_cluster():
    """A fresh PostgreSQL cluster on a free port, deleted afterwards."""
    with cluster() as running:
        yield running


@pytest.fixture(scope="module")
def postgres_url(postgres_cluster):
    """A database on it, brought to the newest schema."""
    url = postgres_cluster.create_database("trainer")
    database.upgrade(url)
    return url


@pytest.fixture
def pg_app(make_app, content, postgres_url):
    engine = database.make_engine(postgres_url)
    with engine.begin() as connection:
        tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
        connection.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    engine.dispose()
    app = make_app(content, DATABASE_URL=postgres_url)
    yield app
    db.engine(app).dispose()


@pytest.fixture
def pg_session(postgres_url):
    engine = database.make_engine(postgres_url)
    with sa.orm.Session(engine.execution_options(isolation_level="AUTOCOMMIT")) as session:
        yield session
    engine.dispose()


def test_the_migrations_build_the_models_schema_on_postgresql(postgres_url):
    engine = database.make_engine(postgres_url)
    with engine.connect() as connection:
        differences = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata
        )
    engine.dispose()

    assert differences == []
    assert database.current_revision(postgres_url) == newest_migration()


def test_a_member_registers_signs_in_and_finishes_a_lesson_on_postgresql(pg_app, pg_session):
    team = make_team(pg_session)
    client = pg_app.test_client()
    post_form(
        client,
        "/dang-ky",
        {
            "full_name": "Lò Thị Lan",
            "login": "lan.lo",
            "password": "mot-mat-khau-dai",
            "password_again": "mot-mat-khau-dai",
            "team": str(team.id),
        },
    )
    Login(client).logout()

    Login(client)("lan.lo", "mot-mat-khau-dai")
    post_form(client, "/tien-do/mat-khau/xong", {}, page="/bai-hoc/mat-khau")

    user = pg_session.scalar(sa.select(User).where(User.username == "lan.lo"))
    assert user.full_name == "Lò Thị Lan" and user.team.name == "Tổ CNSCĐ-Xã Mường Phăng"
    row = pg_session.scalar(sa.select(LessonProgress))
    assert (row.user_id, row.finished) == (user.id, True)
    assert row.finished_at.tzinfo is not None


def test_many_members_recording_progress_at_once_are_all_saved_on_postgresql(pg_app, pg_session):
    ids = [make_user(pg_session).id for _ in range(20)]
    makers = db.sessionmaker(pg_app)
    errors: list[BaseException] = []

    def read(user_id: int) -> None:
        with makers() as own:
            try:
                progress.record_step(own, user_id, "mat-khau", "vi", 1, utcnow())
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

    at_once(read, [(user_id,) for user_id in ids])

    count = pg_session.scalar(sa.select(sa.func.count()).select_from(LessonProgress))
    assert errors == [] and count == 20


def test_begin_write_lets_read_then_write_use_cases_run_one_at_a_time_on_postgresql(
    pg_app, pg_session
):
    # Twenty people each read a number and write it back plus one: without the lock some
    # would read the same number and one of the updates would be lost.
    user_id = make_user(pg_session).id
    pg_session.add(LessonProgress(user_id=user_id, lesson_slug="dem", steps_reached=0))
    pg_session.flush()

    count_up_one_at_a_time(pg_app)

    assert pg_session.scalar(sa.select(LessonProgress.steps_reached)) == 20


def test_servers_starting_together_on_a_fresh_database_all_migrate_it(postgres_cluster):
    # As several `trainer serve` processes on several machines would: each its own process,
    # all loaded first, then told to go at the same moment.
    url = postgres_cluster.create_database("fresh")
    program = (
        "import sys; from trainer import database; print('ready', flush=True); "
        "sys.stdin.readline(); database.upgrade(sys.argv[1])"
    )
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", program, url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    for start in starts:
        assert start.stdout.readline() == "ready\n"

    for start in starts:
        start.stdin.write("go\n")
        start.stdin.flush()
    outcomes = [_outcome(start) for start in starts]

    assert outcomes == ["migrated"] * 4
    assert database.current_revision(url) == newest_migration()


def _outcome(process: subprocess.Popen) -> str:
    """ "migrated", or the error the process ended with."""
    try:
        _, errors = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        _, errors = process.communicate()
    if process.returncode == 0:
        return "migrated"
    lines = [line for line in errors.splitlines() if "Error" in line]
    return lines[-1] if lines else f"exit {process.returncode}"
