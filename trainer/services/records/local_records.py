"""This server's own records as the province receives them: (kind, uid, body) triples.

Read for a report (some teams) or for a pack (every team). A row made before it had a uid
is named by its table and id until `identity.claim` gives it one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

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

Record = tuple[str, str, dict]


def records(session: Session, team_ids: Iterable[int] | None = None) -> Iterator[Record]:
    """Every record a report on these teams counts (every team when None)."""
    teams = sa.select(Team.id, Team.uid, Team.name, Team.commune_id)
    if team_ids is not None:
        teams = teams.where(Team.id.in_(list(team_ids)))
    team_rows = session.execute(teams).all()
    team_uid = {row.id: _uid("team", row.id, row.uid) for row in team_rows}
    communes = session.execute(
        sa.select(Commune.id, Commune.uid, Commune.name, Commune.province).where(
            Commune.id.in_({row.commune_id for row in team_rows})
        )
    ).all()
    commune_uid = {row.id: _uid("commune", row.id, row.uid) for row in communes}
    for row in communes:
        yield "commune", commune_uid[row.id], {"name": row.name, "province": row.province}
    for row in team_rows:
        body = {"name": row.name, "commune": commune_uid[row.commune_id]}
        yield "team", team_uid[row.id], body
    yield from _members(session, team_uid)
    yield from _villages(session, team_uid)


def _members(session: Session, team_uid: dict[int, str]) -> Iterator[Record]:
    members = session.execute(
        sa.select(User.id, User.uid, User.team_id, User.approved_member).where(
            User.team_id.in_(list(team_uid)), User.role == Role.MEMBER
        )
    ).all()
    member_uid = {row.id: _uid("user", row.id, row.uid) for row in members}
    for row in members:
        body = {"team": team_uid[row.team_id], "counted": bool(row.approved_member)}
        yield "member", member_uid[row.id], body
    ids = list(member_uid)
    for row in session.execute(
        sa.select(Certificate).where(Certificate.user_id.in_(ids))
    ).scalars():
        yield (
            "certificate",
            _uid("certificate", row.id, row.uid),
            {
                "member": member_uid[row.user_id],
                "topic": row.topic,
                "code": row.code,
                "issued_at": time_text(row.issued_at),
                "expires_at": time_text(row.expires_at),
                "revoked_at": time_text(row.revoked_at) if row.revoked_at else None,
            },
        )
    attempts = sa.select(
        QuizAttempt.id,
        QuizAttempt.uid,
        QuizAttempt.user_id,
        QuizAttempt.topic,
        QuizAttempt.submitted_at,
        QuizAttempt.passed,
    ).where(QuizAttempt.user_id.in_(ids), QuizAttempt.submitted_at.is_not(None))
    for row in session.execute(attempts):
        yield (
            "attempt",
            _uid("attempt", row.id, row.uid),
            {
                "member": member_uid[row.user_id],
                "topic": row.topic,
                "submitted_at": time_text(row.submitted_at),
                "passed": bool(row.passed),
            },
        )
    finished = sa.select(
        LessonProgress.id,
        LessonProgress.uid,
        LessonProgress.user_id,
        LessonProgress.lesson_slug,
        LessonProgress.finished_at,
    ).where(LessonProgress.user_id.in_(ids), LessonProgress.finished_at.is_not(None))
    for row in session.execute(finished):
        yield (
            "completion",
            _uid("completion", row.id, row.uid),
            {
                "member": member_uid[row.user_id],
                "lesson": row.lesson_slug,
                "finished_at": time_text(row.finished_at),
            },
        )


def _villages(session: Session, team_uid: dict[int, str]) -> Iterator[Record]:
    villages = session.execute(
        sa.select(Village.id, Village.uid, Village.team_id, Village.name, Village.active).where(
            Village.team_id.in_(list(team_uid))
        )
    ).all()
    village_uid = {row.id: _uid("village", row.id, row.uid) for row in villages}
    for row in villages:
        body = {"team": team_uid[row.team_id], "name": row.name, "active": bool(row.active)}
        yield "village", village_uid[row.id], body
    ids = list(village_uid)
    for row in session.execute(
        sa.select(VillageTarget).where(VillageTarget.village_id.in_(ids))
    ).scalars():
        yield (
            "target",
            _uid("target", row.id, row.uid),
            {
                "village": village_uid[row.village_id],
                "year": row.year,
                "indicator": row.indicator,
                "target": row.target,
            },
        )
    visits = sa.select(
        Visit.id,
        Visit.uid,
        Visit.village_id,
        Visit.visited_on,
        Visit.residents,
        Visit.households,
        Visit.outcomes,
    ).where(Visit.village_id.in_(ids))
    for row in session.execute(visits):
        yield (
            "visit",
            _uid("visit", row.id, row.uid),
            {
                "village": village_uid[row.village_id],
                "visited_on": row.visited_on.isoformat(),
                "residents": row.residents,
                "households": row.households,
                "outcomes": {key: int(count) for key, count in (row.outcomes or {}).items()},
            },
        )


def _uid(kind: str, row_id: int, uid: str | None) -> str:
    return uid or f"{kind}-{row_id}"
