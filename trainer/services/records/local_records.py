"""This server's own records as the province receives them: kind, uid, body and origin.

Read for a report (some teams) or for a pack (every team). A row made before it had a uid
is named by its table and id until `identity.claim` gives it one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.models import (
    Certificate,
    Commune,
    LessonProgress,
    QuizAttempt,
    Role,
    Team,
    User,
    Village,
    VillageTarget,
    Visit,
)
from trainer.services.records.ledger import time_text


class Record(NamedTuple):
    kind: str
    uid: str
    body: dict
    origin: str | None = None  # the server that made it; None until claimed


def records(session: Session, team_ids: Iterable[int] | None = None) -> Iterator[Record]:
    """Every record a report on these teams counts (every team when None)."""
    teams = sa.select(Team)
    if team_ids is not None:
        teams = teams.where(Team.id.in_(list(team_ids)))
    team_rows = session.scalars(teams).all()
    team_uid = {row.id: _uid("team", row) for row in team_rows}
    communes = session.scalars(
        sa.select(Commune).where(Commune.id.in_({row.commune_id for row in team_rows}))
    ).all()
    commune_uid = {row.id: _uid("commune", row) for row in communes}
    for row in communes:
        body = {"name": row.name, "province": row.province}
        yield Record("commune", commune_uid[row.id], body, row.origin)
    for row in team_rows:
        body = {"name": row.name, "commune": commune_uid[row.commune_id]}
        yield Record("team", team_uid[row.id], body, row.origin)
    yield from _members(session, team_uid)
    yield from _villages(session, team_uid)


def _members(session: Session, team_uid: dict[int, str]) -> Iterator[Record]:
    members = session.execute(
        sa.select(User.id, User.uid, User.origin, User.team_id, User.approved_member).where(
            User.team_id.in_(list(team_uid)), User.role == Role.MEMBER
        )
    ).all()
    member_uid = {row.id: _uid("user", row) for row in members}
    for row in members:
        body = {"team": team_uid[row.team_id], "counted": bool(row.approved_member)}
        yield Record("member", member_uid[row.id], body, row.origin)
    ids = list(member_uid)
    for row in session.scalars(sa.select(Certificate).where(Certificate.user_id.in_(ids))):
        body = {
            "member": member_uid[row.user_id],
            "topic": row.topic,
            "code": row.code,
            "issued_at": time_text(row.issued_at),
            "expires_at": time_text(row.expires_at),
            "revoked_at": time_text(row.revoked_at) if row.revoked_at else None,
        }
        yield Record("certificate", _uid("certificate", row), body, row.origin)
    attempts = sa.select(
        QuizAttempt.id,
        QuizAttempt.uid,
        QuizAttempt.origin,
        QuizAttempt.user_id,
        QuizAttempt.topic,
        QuizAttempt.submitted_at,
        QuizAttempt.passed,
    ).where(QuizAttempt.user_id.in_(ids), QuizAttempt.submitted_at.is_not(None))
    for row in session.execute(attempts):
        body = {
            "member": member_uid[row.user_id],
            "topic": row.topic,
            "submitted_at": time_text(row.submitted_at),
            "passed": bool(row.passed),
        }
        yield Record("attempt", _uid("attempt", row), body, row.origin)
    finished = sa.select(
        LessonProgress.id,
        LessonProgress.uid,
        LessonProgress.origin,
        LessonProgress.user_id,
        LessonProgress.lesson_slug,
        LessonProgress.finished_at,
    ).where(LessonProgress.user_id.in_(ids), LessonProgress.finished_at.is_not(None))
    for row in session.execute(finished):
        body = {
            "member": member_uid[row.user_id],
            "lesson": row.lesson_slug,
            "finished_at": time_text(row.finished_at),
        }
        yield Record("completion", _uid("completion", row), body, row.origin)


def _villages(session: Session, team_uid: dict[int, str]) -> Iterator[Record]:
    villages = session.scalars(sa.select(Village).where(Village.team_id.in_(list(team_uid))))
    village_uid = {}
    for row in villages:
        village_uid[row.id] = _uid("village", row)
        body = {"team": team_uid[row.team_id], "name": row.name, "active": bool(row.active)}
        yield Record("village", village_uid[row.id], body, row.origin)
    ids = list(village_uid)
    for row in session.scalars(sa.select(VillageTarget).where(VillageTarget.village_id.in_(ids))):
        body = {
            "village": village_uid[row.village_id],
            "year": row.year,
            "indicator": row.indicator,
            "target": row.target,
        }
        yield Record("target", _uid("target", row), body, row.origin)
    visits = sa.select(
        Visit.id,
        Visit.uid,
        Visit.origin,
        Visit.village_id,
        Visit.visited_on,
        Visit.residents,
        Visit.households,
        Visit.outcomes,
    ).where(Visit.village_id.in_(ids))
    for row in session.execute(visits):
        body = {
            "village": village_uid[row.village_id],
            "visited_on": row.visited_on.isoformat(),
            "residents": row.residents,
            "households": row.households,
            "outcomes": {key: int(count) for key, count in (row.outcomes or {}).items()},
        }
        yield Record("visit", _uid("visit", row), body, row.origin)


def _uid(kind: str, row) -> str:
    return row.uid or f"{kind}-{row.id}"
