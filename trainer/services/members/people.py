"""Finding accounts and giving instructors their teams."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import write_lock
from trainer.models import Role, Team, User
from trainer.services.members.accounts import AccountError

LIMIT = 200


def search(session: Session, query: str = "") -> list[User]:
    """Accounts whose name or login contains query (all when empty), by name, at most LIMIT."""
    statement = sa.select(User).order_by(User.full_name).limit(LIMIT)
    if query:
        like = f"%{query.lower()}%"
        statement = statement.where(
            sa.or_(
                sa.func.lower(User.full_name).like(like),
                User.username.like(like),
                User.phone.like(like),
            )
        )
    return list(session.scalars(statement))


def instructors(session: Session) -> list[User]:
    """Every instructor, by name."""
    return list(
        session.scalars(
            sa.select(User).where(User.role == Role.INSTRUCTOR).order_by(User.full_name)
        )
    )


def assign_instructor(session: Session, team_id: int, user_id: int) -> Team:
    """Let an instructor manage a team (no change if they already do) and commit."""
    with write_lock(session):
        team = session.get(Team, team_id)
        user = session.get(User, user_id) if user_id else None
        if team is None or user is None or user.role != Role.INSTRUCTOR:
            raise AccountError("instructor", "Hãy chọn một giảng viên.")
        if user not in team.instructors:
            team.instructors.append(user)
    return team


def unassign_instructor(session: Session, team_id: int, user_id: int) -> Team:
    """Stop an instructor managing a team and commit."""
    with write_lock(session):
        team = session.get(Team, team_id)
        if team is None:
            raise AccountError("instructor", "Không tìm thấy tổ này.")
        team.instructors = [person for person in team.instructors if person.id != user_id]
    return team


def move_to_team(session: Session, user_id: int, team_id: int | None) -> User:
    """Put a member in another team (their progress and certificates go with them); commit."""
    with write_lock(session):
        user = session.get(User, user_id)
        team = session.get(Team, team_id) if team_id else None
        if user is None or team is None:
            raise AccountError("team", "Hãy chọn một tổ.")
        user.team = team
    return user


def approved_members(session: Session, team_id: int) -> list[User]:
    """A team's members who count in its figures (User.approved_member), by name."""
    return list(
        session.scalars(
            sa.select(User)
            .where(User.team_id == team_id, User.approved_member)
            .order_by(User.full_name)
        )
    )
