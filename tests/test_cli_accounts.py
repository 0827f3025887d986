from __future__ import annotations

import sqlalchemy as sa
from click.testing import CliRunner

from tests.migrations import newest_migration
from trainer import database
from trainer.cli import cli
from trainer.models import Team, User


def instance_env(content, tmp_path, monkeypatch) -> str:
    monkeypatch.setenv("TRAINER_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("TRAINER_CONTENT_DIR", str(content))
    return f"sqlite:///{tmp_path / 'instance' / 'trainer.sqlite'}"


def users(url: str) -> list[tuple[str, str, str | None]]:
    engine = database.make_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(sa.select(User.full_name, User.role, User.username)).all()
    engine.dispose()
    return [tuple(row) for row in rows]


def test_db_upgrade_brings_a_fresh_database_to_the_newest_migration(content, tmp_path, monkeypatch):
    url = instance_env(content, tmp_path, monkeypatch)

    result = CliRunner().invoke(cli, ["db-upgrade"])

    assert result.exit_code == 0, result.output
    assert database.current_revision(url) == newest_migration()


def test_create_user_makes_an_admin_on_a_fresh_install_asking_for_the_password(
    content, tmp_path, monkeypatch
):
    url = instance_env(content, tmp_path, monkeypatch)

    result = CliRunner().invoke(
        cli,
        ["create-user", "--role", "admin", "--name", "Nguyễn Văn An", "--login", "an.nguyen"],
        input="mat-khau-quan-tri\nmat-khau-quan-tri\n",
    )

    assert result.exit_code == 0, result.output
    assert users(url) == [("Nguyễn Văn An", "admin", "an.nguyen")]


def test_create_user_gives_an_instructor_the_named_teams(content, tmp_path, monkeypatch):
    url = instance_env(content, tmp_path, monkeypatch)
    CliRunner().invoke(cli, ["db-upgrade"])
    engine = database.make_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO communes (name, district, province) VALUES ('Xã Mường Phăng', '', '')"
        )
        connection.execute(sa.insert(Team).values(name="Tổ CNSCĐ-Xã Mường Phăng", commune_id=1))
    engine.dispose()

    result = CliRunner().invoke(
        cli,
        [
            "create-user",
            "--role",
            "instructor",
            "--name",
            "Lò Văn Mai",
            "--login",
            "mai",
            "--team",
            "Tổ CNSCĐ-Xã Mường Phăng",
            "--password",
            "mat-khau-dai",
        ],
    )

    assert result.exit_code == 0, result.output
    engine = database.make_engine(url)
    with engine.connect() as connection:
        managed = (
            connection.exec_driver_sql(
                "SELECT teams.name FROM team_instructors JOIN teams ON teams.id = team_id"
            )
            .scalars()
            .all()
        )
    engine.dispose()
    assert managed == ["Tổ CNSCĐ-Xã Mường Phăng"]


def test_create_user_refuses_an_unknown_team_in_plain_words(content, tmp_path, monkeypatch):
    url = instance_env(content, tmp_path, monkeypatch)

    result = CliRunner().invoke(
        cli,
        [
            "create-user",
            "--role",
            "instructor",
            "--name",
            "Lò Văn Mai",
            "--login",
            "mai",
            "--team",
            "Tổ Không Có",
            "--password",
            "mat-khau-dai",
        ],
    )

    assert result.exit_code == 1
    assert "Không có tổ tên “Tổ Không Có”." in result.output
    assert users(url) == []
