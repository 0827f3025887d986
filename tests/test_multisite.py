"""README's "Records that travel to the province", run on this one machine: two commune
servers on SQLite, one province server on a throwaway PostgreSQL cluster.

Commune A pushes over HTTP; commune B has no connection and carries a file that the
province imports. The province's report must equal the sum of the two communes' own
reports, a file taken twice or altered must change nothing, and B, offline for a week,
must catch up in one push. Timings are printed.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import time
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from tests.deployment import Server, Visitor, stop, wait_until_answering
from tests.factories import PASSWORD, copy_content, make_team, make_user
from tests.forms import Login
from tests.postgresql import cluster, free_port
from tests.services.certification_clock import load_quiz, right_answers
from tests.web.report_tables import report_tables
from trainer import database
from trainer.app import create_app
from trainer.models import Certificate, LessonProgress, User, Visit
from trainer.services.certification import (
    attempts,
    certificate_seal,
    certificates,
    signing_keys,
)
from trainer.services.common import clock
from trainer.services.field import targets, villages
from trainer.services.reports.quarter import Quarter

pytestmark = pytest.mark.deployment
STAFF = "can.bo.so"
PHONES = itertools.count(12345670)  # members' phone numbers, which must never travel


class Commune:
    """A commune server's machine: its instance folder (key, SQLite), content, commands."""

    def __init__(self, root: Path, name: str):
        self.name, self.instance = name, root / name / "instance"
        self.content = copy_content(root / name / "content")
        self.url = f"sqlite:///{self.instance / 'trainer.sqlite'}"
        self.server = Server(name, 0, _env(self.instance, self.content, self.url), root / name)

    def session(self) -> Session:
        return Session(database.make_engine(self.url))

    def run(self, *args: str):
        return self.server.run(*args)

    def report(self, period: str) -> dict[str, list[list[str]]]:
        """The commune's own report page, as its admin sees it."""
        with _environment(TRAINER_INSTANCE_PATH=str(self.instance)):
            app = create_app(
                {"TESTING": True, "CONTENT_DIR": str(self.content), "DATABASE_URL": self.url}
            )
        client = app.test_client()
        Login(client)(f"quantri-{self.name}")
        return report_tables(client.get(f"/bao-cao/?ky={period}").get_data(as_text=True))


def _env(instance: Path, content: Path, url: str) -> dict[str, str]:
    return {
        **os.environ,
        "TRAINER_INSTANCE_PATH": str(instance),
        "TRAINER_CONTENT_DIR": str(content),
        "TRAINER_DATABASE_URL": url,
        "TRAINER_SECRET_KEY": "a-long-random-key-for-this-test-only",
    }


@contextmanager
def _environment(**values: str):
    old = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def seed(commune: Commune, teams: int, members: int, day: date) -> None:
    """Teams of certified members with phones, a lesson read, a village with a target and a
    visit: what a commune's report counts."""
    database.upgrade(commune.url)
    quiz = load_quiz()
    with commune.session() as session:
        make_user(session, "Quản trị", f"quantri-{commune.name}", role="admin")
        for number in range(teams):
            team = make_team(
                session, f"Tổ CNSCĐ {commune.name} {number}", f"Xã {commune.name}", "", "Điện Biên"
            )
            village = villages.add_village(session, team.id, f"Bản {number}")
            targets.set_targets(
                session, village.id, day.year, {"nguoi-dan": "50"}, ["nguoi-dan", "ho-gia-dinh"]
            )
            for person in range(members):
                member = make_user(
                    session,
                    f"Thành viên {person}",
                    phone=f"09{next(PHONES):08d}",
                    team=team,
                )
                certify(session, member.id, quiz)
                log_visit(session, village.id, member.id, day, f"{commune.name}-{number}-{person}")


def certify(session: Session, member_id: int, quiz) -> None:
    attempt = attempts.start(session, member_id, quiz)
    attempts.submit(session, member_id, attempt.token, quiz, right_answers(quiz, attempt))
    session.add(LessonProgress(user_id=member_id, lesson_slug="mat-khau", finished_at=clock.now()))
    session.commit()


def log_visit(session: Session, village_id: int, member_id: int, day: date, key: str) -> None:
    session.add(
        Visit(
            user_id=member_id,
            village_id=village_id,
            visited_on=day,
            residents=3,
            households=2,
            topics=["an-toan"],
            outcomes={},
            client_key=key,
        )
    )
    session.commit()


@pytest.fixture(scope="module")
def site(tmp_path_factory, request):
    plugins = request.config.pluginmanager
    reporter, capture = plugins.getplugin("terminalreporter"), plugins.getplugin("capturemanager")

    def say(line: str) -> None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"[multi-site] {line}")

    root = tmp_path_factory.mktemp("multisite")
    today = clock.local_day(clock.now())
    a, b = Commune(root, "muong-phang"), Commune(root, "thanh-nua")
    for commune in (a, b):
        assert commune.run("keys").returncode == 0
    seed(a, teams=2, members=3, day=today)
    seed(b, teams=1, members=2, day=today)
    with cluster() as postgres:
        url = postgres.create_database("tinh")
        port = free_port()
        province = Server(
            "tinh",
            port,
            _env(root / "tinh" / "instance", copy_content(root / "tinh" / "c"), url),
            root / "tinh.log",
        )
        (root / "tinh").mkdir(exist_ok=True)
        for commune in (a, b):
            key = signing_keys.folder(commune.instance) / signing_keys.PUBLIC
            done = province.run("records", "register", "--name", f"Xã {commune.name}", str(key))
            assert done.returncode == 0, done.stderr
        made = province.run(
            "create-user",
            "--role",
            "province",
            "--name",
            "Cán bộ Sở",
            "--login",
            STAFF,
            "--password",
            PASSWORD,
        )
        assert made.returncode == 0, made.stderr
        province.start()
        try:
            wait_until_answering(port, province.process, province.log)
            yield a, b, province, say
        finally:
            stop(province.process)


def province_page(province: Server, path: str) -> str:
    visitor = Visitor(province.port)
    visitor.post("/dang-nhap", {"login": STAFF, "password": PASSWORD})
    answer = visitor.get(path)
    assert answer.status == 200, answer.text[:500]
    return answer.text


def figures_of(tables: dict, key: str, label: str) -> list[str]:
    return next(row[1:] for row in tables[key] if row[0] == label)


def test_the_province_report_is_the_sum_of_the_two_communes_reports(site, tmp_path):
    a, b, province, say = site
    period = Quarter.of(clock.now()).slug
    started = time.monotonic()
    pushed = a.run("records", "push", "--to", f"http://127.0.0.1:{province.port}")
    say(f"commune A pushes over HTTP: {time.monotonic() - started:.2f} s")
    assert pushed.returncode == 0, pushed.stderr
    pack = tmp_path / "thanh-nua.json.gz"
    assert b.run("records", "export", str(pack)).returncode == 0
    started = time.monotonic()
    taken = province.run("records", "import", str(pack))
    say(f"the province imports commune B's file: {time.monotonic() - started:.2f} s")
    assert taken.returncode == 0, taken.stderr

    mine = report_tables(province_page(province, f"/tinh/?ky={period}"))
    theirs = [commune.report(period) for commune in (a, b)]

    rows = {row[0]: row[2:7] for row in mine["theo-xa"][1:]}
    for commune, report in zip((a, b), theirs, strict=True):
        place = f"Xã {commune.name}, Điện Biên"
        assert rows[place] == figures_of(report, "theo-to", f"Cộng Xã {commune.name}")
    totals = [
        figures_of(report, "theo-to", f"Cộng Xã {c.name}")
        for report, c in zip(theirs, (a, b), strict=True)
    ]
    summed = [str(int(x) + int(y)) for x, y in zip(*totals, strict=True)]
    assert rows["Toàn tỉnh"] == summed == ["8", "8", "8", "8", "0"]
    assert figures_of(mine, "chi-tieu", "Người dân được hướng dẫn")[0] == "24"


def test_the_same_file_taken_again_changes_nothing(site, tmp_path):
    a, b, province, say = site
    pack = tmp_path / "lai.json.gz"
    b.run("records", "export", str(pack))
    before = province_page(province, "/tinh/")

    again = province.run("records", "import", str(pack))
    twice = province.run("records", "import", str(pack))

    assert again.returncode == twice.returncode == 0
    assert "0 mới hoặc thay đổi (gói này đã được nhận trước đây)" in twice.stdout
    assert report_tables(province_page(province, "/tinh/")) == report_tables(before)


def test_an_altered_file_is_refused_and_changes_nothing(site, tmp_path):
    a, b, province, say = site
    pack = tmp_path / "sua.json.gz"
    b.run("records", "export", str(pack))
    envelope = json.loads(gzip.decompress(pack.read_bytes()))
    for record in envelope["payload"]["records"]:
        if record["kind"] == "visit":
            record["body"]["residents"] = 300
    pack.write_bytes(gzip.compress(json.dumps(envelope).encode()))
    before = report_tables(province_page(province, "/tinh/"))

    refused = province.run("records", "import", str(pack))

    assert refused.returncode != 0 and "bị sửa" in refused.stderr
    assert report_tables(province_page(province, "/tinh/")) == before


def test_a_commune_offline_for_a_week_catches_up_in_one_push(site):
    a, b, province, say = site
    quiz = load_quiz()
    today = clock.local_day(clock.now())
    with b.session() as session:
        member = session.scalar(sa.select(User).where(User.role == "member"))
        village = villages.add_village(session, member.team_id, "Bản Mới")
        for day in range(7):  # a week of visits with no connection
            log_visit(session, village.id, None, today - timedelta(days=day), f"tuan-{day}")
        newcomer = make_user(session, "Người mới", "nguoi-moi-b", team=member.team)
        certify(session, newcomer.id, quiz)
        revoked = session.scalar(sa.select(Certificate).order_by(Certificate.id))
        certificates.revoke(session, revoked.code, "Cấp nhầm", 1)
        seal = certificate_seal.seal(
            certificates.sealed_fields(revoked), signing_keys.signing_key(b.instance)
        )
    period = Quarter.of(clock.now()).slug

    started = time.monotonic()
    pushed = b.run("records", "push", "--to", f"http://127.0.0.1:{province.port}")
    say(f"commune B, a week offline, catches up in one push: {time.monotonic() - started:.2f} s")

    assert pushed.returncode == 0, pushed.stderr
    mine = report_tables(province_page(province, f"/tinh/?ky={period}"))
    theirs = b.report(period)
    row = next(row for row in mine["theo-xa"] if row[0] == f"Xã {b.name}, Điện Biên")
    assert row[2:7] == figures_of(theirs, "theo-to", f"Cộng Xã {b.name}")
    assert row[-1] == "Chưa gửi đủ"  # the quarter is not over: more may come
    verify = Visitor(province.port).get(f"/xac-minh/{seal}")
    assert "Đã bị thu hồi" in verify.text and "Chữ ký số: đúng" in verify.text
    again = b.run("records", "push", "--to", f"http://127.0.0.1:{province.port}")
    assert "Đã gửi 0 bản ghi" in again.stdout
