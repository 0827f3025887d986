"""Communes and teams: listing them and adding them."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import write_lock
from trainer.models import Commune, Role, Team, User
from trainer.services.members.accounts import AccountError


def team_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) of every team, by name, for a form's list."""
    rows = session.execute(sa.select(Team.id, Team.name).order_by(Team.name)).all()
    return [(row.id, row.name) for row in rows]


def teams_managed_by(session: Session, user: User) -> list[Team]:
    """Every team for an admin; an instructor's own teams; none for a member."""
    if user.role == Role.ADMIN:
        return list(session.scalars(sa.select(Team).order_by(Team.name)))
    if user.role == Role.INSTRUCTOR:
        return list(user.managed_teams)
    return []


def teams_reported_to(session: Session, user: User) -> list[Team]:
    """The teams whose reports user may read: those they manage; every team for the
    province's staff, who read and change nothing."""
    if user.role == Role.PROVINCE:
        return list(session.scalars(sa.select(Team).order_by(Team.name)))
    return teams_managed_by(session, user)


def find_or_add_commune(session: Session, name: str, district: str, province: str) -> Commune:
    """The commune with these names, added (not committed) when new."""
    name, district, province = (" ".join(part.split()) for part in (name, district, province))
    commune = session.scalar(
        sa.select(Commune).where(
            Commune.name == name, Commune.district == district, Commune.province == province
        )
    )
    if commune is None:
        commune = Commune(name=name, district=district, province=province)
        session.add(commune)
    return commune


def add_team(session: Session, name: str, commune: Commune) -> Team:
    """Add (not commit) a team; raises AccountError on "name" when blank or taken."""
    name = " ".join(name.split())
    if not name:
        raise AccountError("name", "Hãy ghi tên tổ.")
    if session.scalar(sa.select(Team.id).where(Team.name == name)) is not None:
        raise AccountError("name", f"Đã có tổ tên “{name}”.")
    team = Team(name=name, commune=commune)
    session.add(team)
    return team


def create_team(session: Session, name: str, commune: str, district: str, province: str) -> Team:
    """Create a team in its commune and commit."""
    if not commune.strip():
        raise AccountError("commune", "Hãy ghi tên xã hoặc phường.")
    with write_lock(session):
        team = add_team(session, name, find_or_add_commune(session, commune, district, province))
    return team
