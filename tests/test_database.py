from __future__ import annotations

import subprocess
import sys

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from tests.concurrency import at_once, count_up_one_at_a_time
from tests.factories import make_team, make_user
from tests.migrations import newest_migration
from trainer import database
from trainer.extensions import db
from trainer.models import Base, LessonProgress, utcnow
from trainer.services.members import progress


def test_the_migrations_build_exactly_the_schema_the_models_describe(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"

    database.upgrade(url)

    engine = database.make_engine(url)
    with engine.connect() as connection:
        differences = compare_metadata(
            MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata
        )
    engine.dispose()
    assert differences == []


def test_upgrading_twice_is_harmless_and_reports_the_head(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    database.upgrade(url)

    database.upgrade(url)

    assert database.current_revision(url) == newest_migration()


def test_a_fresh_database_reports_no_revision(tmp_path):
    assert database.current_revision(f"sqlite:///{tmp_path / 'new.sqlite'}") is None


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_and_foreign_keys(tmp_path):
    engine = database.make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")

    with engine.connect() as connection:
        pragmas = [
            connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "busy_timeout", "foreign_keys")
        ]
    engine.dispose()

    assert pragmas == ["wal", database.BUSY_TIMEOUT_MS, 1]


def test_read_then_write_from_many_threads_loses_no_update(app, session):
    # Each thread reads a member's progress, then writes it: without the write lock taken
    # up front, SQLite refuses some of them with "database is locked".
    team = make_team(session)
    users = [make_user(session, team=team).id for _ in range(20)]
    makers = db.sessionmaker(app)
    errors: list[BaseException] = []

    def member_reads_a_lesson(user_id: int) -> None:
        with makers() as own:
            try:
                own.get(LessonProgress, 1)
                progress.record_step(own, user_id, "mat-khau", "vi", 2, utcnow())
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

    at_once(member_reads_a_lesson, [(user_id,) for user_id in users])

    stored = session.scalar(sa.select(sa.func.count()).select_from(LessonProgress))
    assert errors == [] and stored == 20


def test_begin_write_lets_read_then_write_use_cases_run_one_at_a_time_on_sqlite(app, session):
    user_id = make_user(session).id
    session.add(LessonProgress(user_id=user_id, lesson_slug="dem", steps_reached=0))
    session.flush()

    count_up_one_at_a_time(app)

    assert session.scalar(sa.select(LessonProgress.steps_reached)) == 20


def test_the_newest_revision_read_from_the_files_is_alembics_head():

    config = Config()
    config.set_main_option("script_location", str(database.MIGRATIONS))

    assert newest_migration() == ScriptDirectory.from_config(config).get_current_head()


def test_starting_on_a_database_at_the_newest_revision_loads_no_alembic(tmp_path):
    url = f"sqlite:///{tmp_path / 'trainer.sqlite'}"
    database.upgrade(url)
    check = f"import sys; from trainer import database; database.upgrade({url!r}); " + (
        "print('alembic' in sys.modules)"
    )

    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)

    assert done.stdout.strip() == "False", done.stderr
    assert database.current_revision(url) == newest_migration()
