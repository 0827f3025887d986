"""Benchmark: the province taking in a pack of 10,000 records, and its 95-commune report.

Run from the repo root with the project's virtualenv:
    .venv/bin/python bench/province_report.py [--database URL]
The province's database is SQLite in a temporary folder unless --database names another
(a PostgreSQL URL, as a province runs). Records are made up in the shape communes send:
95 communes of 3 teams of 25 members (a certificate, an attempt and a lesson each), a
village per team with targets and visits. Prints how long it takes to take in one pack of
10,000 records, to render the province's report of 95 communes, and, in the same run, to
render one commune's own report from its own tables, each the median of a few tries.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from werkzeug.security import generate_password_hash  # noqa: E402

from trainer import create_app, database  # noqa: E402
from trainer.extensions import db  # noqa: E402
from trainer.models import Certificate, LessonProgress, Role, User, Visit  # noqa: E402
from trainer.services.certification import signing_keys  # noqa: E402
from trainer.services.common import clock  # noqa: E402
from trainer.services.field import villages  # noqa: E402
from trainer.services.members.teams import add_team, find_or_add_commune  # noqa: E402
from trainer.services.records import intake, pack_format, servers  # noqa: E402
from trainer.services.records.ledger import time_text  # noqa: E402

COMMUNES, TEAMS, MEMBERS = 95, 3, 25
PASSWORD = "ca-phe-sang-7-gio"


def uid() -> str:
    return uuid.uuid4().hex


def commune_records(number: int) -> list[dict]:
    """One commune's records, in a pack's shape (about 350)."""
    now = clock.now()
    records = []

    def add(kind: str, body: dict) -> str:
        key = uid()
        records.append(
            {
                "kind": kind,
                "uid": key,
                "origin": "SHA256:BENCH",
                "stamp": now.isoformat(timespec="microseconds"),
                "digest": pack_format.digest(kind, body),
                "body": body,
            }
        )
        return key

    commune = add("commune", {"name": f"Xã Số {number}", "province": "Điện Biên"})
    for team_number in range(TEAMS):
        team = add("team", {"name": f"Tổ CNSCĐ {number}-{team_number}", "commune": commune})
        for _ in range(MEMBERS):
            member = add("member", {"team": team, "counted": True})
            add(
                "certificate",
                {
                    "member": member,
                    "topic": "an-toan",
                    "code": uid()[:16].upper(),
                    "issued_at": time_text(now - timedelta(days=3)),
                    "expires_at": time_text(now + timedelta(days=362)),
                    "revoked_at": None,
                },
            )
            day = time_text(now - timedelta(days=3))
            add(
                "attempt",
                {"member": member, "topic": "an-toan", "submitted_at": day, "passed": True},
            )
            add("completion", {"member": member, "lesson": "mat-khau", "finished_at": day})
        village = add("village", {"team": team, "name": f"Bản {team_number}", "active": True})
        for indicator in ("nguoi-dan", "ho-gia-dinh"):
            add(
                "target",
                {"village": village, "year": now.year, "indicator": indicator, "target": 200},
            )
        for visit in range(10):
            add(
                "visit",
                {
                    "village": village,
                    "visited_on": (clock.local_day(now) - timedelta(days=visit)).isoformat(),
                    "residents": 4,
                    "households": 2,
                    "outcomes": {},
                },
            )
    return records


def local_commune(session) -> None:
    """One commune on the province's own server, in its own tables, the same size."""
    now = clock.now()
    for team_number in range(TEAMS):
        commune = find_or_add_commune(session, "Xã Tại Chỗ", "", "Điện Biên")
        team = add_team(session, f"Tổ CNSCĐ tại chỗ {team_number}", commune)
        session.flush()
        village = villages.add_village(session, team.id, f"Bản {team_number}")
        for member_number in range(MEMBERS):
            user = User(
                full_name="Thành viên",
                username=f"tv-{team_number}-{member_number}",
                password_hash="x",
                role=Role.MEMBER,
                team=team,
            )
            session.add(user)
            session.flush()
            session.add(
                Certificate(
                    user_id=user.id,
                    topic="an-toan",
                    code=uid()[:16].upper(),
                    issued_at=now - timedelta(days=3),
                    expires_at=now + timedelta(days=362),
                )
            )
            session.add(LessonProgress(user_id=user.id, lesson_slug="mat-khau", finished_at=now))
        for visit in range(10):
            session.add(
                Visit(
                    village_id=village.id,
                    visited_on=clock.local_day(now) - timedelta(days=visit),
                    residents=4,
                    households=2,
                    topics=[],
                    outcomes={},
                    client_key=uid(),
                )
            )
    session.commit()


def median_seconds(action, tries: int) -> float:
    times = []
    for _ in range(tries):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="", help="The province's database URL.")
    parser.add_argument("--tries", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-province-"))
    os.environ["TRAINER_INSTANCE_PATH"] = str(folder / "instance")
    url = args.database or f"sqlite:///{folder / 'tinh.sqlite'}"
    database.upgrade(url)
    app = create_app({"DATABASE_URL": url, "WTF_CSRF_ENABLED": False})
    with app.app_context():
        session = db.session
        keys = [Ed25519PrivateKey.generate() for _ in range(COMMUNES)]
        for number, key in enumerate(keys):
            servers.register(session, f"Xã Số {number}", signing_keys.public_pem(key.public_key()))
        pending = [commune_records(number) for number in range(COMMUNES)]
        flat = [record for records in pending for record in records]
        first = pack_format.make(flat[:10_000], keys[0], clock.now())
        started = time.perf_counter()
        taken = intake.take(session, first)
        import_seconds = time.perf_counter() - started
        rest = flat[10_000:]
        for start in range(0, len(rest), 10_000):
            chunk = rest[start : start + 10_000]
            intake.take(session, pack_format.make(chunk, keys[1 + start // 10_000], clock.now()))
        local_commune(session)
        session.add(
            User(
                full_name="Cán bộ Sở",
                username="canbo",
                role=Role.PROVINCE,
                password_hash=generate_password_hash(PASSWORD),
            )
        )
        session.commit()
    client = app.test_client()
    client.post("/dang-nhap", data={"login": "canbo", "password": PASSWORD})
    client.get("/tinh/")  # the first request loads what every later one shares
    province = median_seconds(lambda: client.get("/tinh/"), args.tries)
    commune = median_seconds(lambda: client.get("/bao-cao/"), args.tries)
    page = client.get("/tinh/").get_data(as_text=True)
    rows = page.count('<th scope="row">Xã ')
    print(f"province database: {url.split(':')[0]}")
    print(
        f"take in a pack of {taken.records:,} records ({len(first) // 1024} KB): "
        f"{import_seconds:.2f} s"
    )
    print(f"render the province's report ({rows} communes): {province:.2f} s")
    print(f"render one commune's report, same run: {commune:.2f} s")


if __name__ == "__main__":
    main()
