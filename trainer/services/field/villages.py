"""A team's villages (thôn, bản): the list the visit log offers, kept by admins and instructors."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import begin_write
from trainer.models import Team, Village
from trainer.services.field.privacy import personal_number
from trainer.services.members.accounts import AccountError

MAX_NAME = 80


def villages_of(session: Session, team_ids: list[int], *, retired: bool = False) -> list[Village]:
    """The teams' villages by team and name; retired ones too when asked."""
    statement = (
        sa.select(Village)
        .join(Team)
        .where(Village.team_id.in_(team_ids))
        .order_by(Team.name, Village.name)
    )
    if not retired:
        statement = statement.where(Village.active.is_(True))
    return list(session.scalars(statement))


def village_name(text: str) -> str:
    """The name as kept: single spaces.

    :raises AccountError: on "name" when blank, too long, a personal number, or starting
        with a sign a spreadsheet would read as a formula.
    """
    name = " ".join((text or "").split())
    if not name:
        raise AccountError("name", "Hãy ghi tên thôn, bản.")
    if len(name) > MAX_NAME:
        raise AccountError("name", f"Tên thôn, bản dài quá; hãy viết dưới {MAX_NAME} ký tự.")
    if not name[0].isalnum():
        raise AccountError("name", "Tên thôn, bản bắt đầu bằng chữ hoặc số.")
    why = personal_number(name)
    if why:
        raise AccountError("name", why)
    return name


def find_or_add(session: Session, team_id: int, name: str) -> Village:
    """The team's village with this name (brought back if retired), added when new; no commit."""
    village = session.scalar(
        sa.select(Village).where(Village.team_id == team_id, Village.name == name)
    )
    if village is None:
        village = Village(team_id=team_id, name=name)
        session.add(village)
    village.active = True
    return village


def add_village(session: Session, team_id: int, name: str) -> Village:
    """Put a village on the team's list and commit.

    :raises AccountError: on "name" (see village_name) or when it is already listed.
    """
    name = village_name(name)
    begin_write(session)
    if session.get(Team, team_id) is None:
        session.rollback()
        raise AccountError("team", "Không tìm thấy tổ này.")
    listed = session.scalar(
        sa.select(Village.id).where(
            Village.team_id == team_id, Village.name == name, Village.active.is_(True)
        )
    )
    if listed is not None:
        session.rollback()
        raise AccountError("name", f"Tổ đã có “{name}” trong danh sách.")
    village = find_or_add(session, team_id, name)
    session.commit()
    return village


def retire_village(session: Session, team_id: int, village_id: int) -> Village:
    """Take a village off the log's list (its visits and targets stay) and commit."""
    begin_write(session)
    village = session.get(Village, village_id)
    if village is None or village.team_id != team_id:
        session.rollback()
        raise AccountError("village", "Không tìm thấy thôn, bản này.")
    village.active = False
    session.commit()
    return village
