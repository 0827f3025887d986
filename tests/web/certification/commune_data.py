"""A commune of ten teams with a quarter's work: members, certificates, villages, targets."""

from __future__ import annotations

from datetime import timedelta

from tests.factories import make_team, make_user
from trainer.models import Certificate, LessonProgress, Visit
from trainer.services.common import clock
from trainer.services.field import targets, villages

TEAMS = 10


def ten_teams(session, known_indicators: list[str]) -> None:
    """Teams "Tổ CNSCĐ thôn 1" … "thôn 10": four members each, three of them certified in
    the quarter, one in two topics; each team's village with targets and two visits."""
    now = clock.now()
    for number in range(1, TEAMS + 1):
        team = make_team(session, f"Tổ CNSCĐ thôn {number}", "Xã Mường Phăng", "", "Điện Biên")
        members = [make_user(session, f"Thành viên {k}", team=team) for k in range(4)]
        for index, member in enumerate(members[:3]):
            for topic in ("an-toan", "nong-nghiep")[: 1 + (index == 0)]:
                session.add(
                    Certificate(
                        user_id=member.id,
                        topic=topic,
                        code=f"T{number:02d}{index}{topic[:2].upper()}23456789ABC"[:16],
                        issued_at=now - timedelta(days=1),
                        expires_at=now + timedelta(days=364),
                    )
                )
            session.add(LessonProgress(user_id=member.id, lesson_slug="mat-khau", finished_at=now))
        village = villages.add_village(session, team.id, f"Thôn {number}")
        targets.set_targets(
            session,
            village.id,
            now.year,
            {"nguoi-dan": "100", "ho-gia-dinh": "40", "mat-khau-an-toan": "20"},
            known_indicators,
        )
        for day in (1, 2):
            session.add(
                Visit(
                    user_id=members[0].id,
                    village_id=village.id,
                    visited_on=clock.local_day(now) - timedelta(days=day),
                    residents=5,
                    households=3,
                    topics=["an-toan"],
                    outcomes={"mat-khau-an-toan": 2},
                    client_key=f"tham-{number}-{day}",
                )
            )
        session.commit()
