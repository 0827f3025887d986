"""The same migrations and app on a real, throwaway PostgreSQL (the many-machines set-up)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from tests.concurrency import at_once, count_up_one_at_a_time
from tests.factories import make_team, make_user
from tests.forms import Login, post_form
from tests.migrations import newest_migration
from trainer import database
from trainer.extensions import db
from trainer.models import Base, LessonProgress, User, utcnow
from trainer.services import progress


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url():
    """A fresh PostgreSQL cluster on a free port, deleted afterwards."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (make test installs Debian's postgresql)")
    root = Path(tempfile.mkdtemp(prefix="trainer-pg-"))
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()

    def run(*args: str) -> None:
        subprocess.run([*as_postgres, *args], check=True, capture_output=True, timeout=60)

    run(
        str(bin_dir / "initdb"),
        "-D",
        f"{root}/data",
        "-U",
        "postgres",
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
    )
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c full_page_writes=off -c synchronous_commit=off"
    )
    run(
        str(bin_dir / "pg_ctl"),
        "-D",
        f"{root}/data",
        "-l",
        f"{root}/pg.log",
        "-w",
        "-o",
        options,
        "start",
    )
    try:
        run(
            str(bin_dir / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "postgres",
            "trainer",
        )
        url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/trainer"
        database.upgrade(url)
        yield url
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", f"{root}/data", "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


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
