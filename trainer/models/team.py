"""Communes (or wards) and their Tổ CNSCĐ teams; instructors manage teams many-to-many.

Tables: `communes` (name, district, province), `teams` (name like "Tổ CNSCĐ-Xã Mường Phăng",
commune_id, join_code: what a new member types to join; its instructors see and renew it)
and `team_instructors` (team_id, user_id).
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from trainer.models.base import Base, utcnow
from trainer.models.travelling import Travelling

if TYPE_CHECKING:
    from trainer.models.user import User

# No 0/O or 1/I: a join code written on the board or read aloud is not misread.
JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_join_code() -> str:
    """A fresh join code, 8 characters in two groups (`K7Q2-XR4M`): about 10 ** 12 codes."""
    raw = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


team_instructors = sa.Table(
    "team_instructors",
    Base.metadata,
    sa.Column("team_id", sa.ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("user_id", sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)


class Commune(Travelling, Base):
    """A commune or ward (xã, phường), with its district and province."""

    __tablename__ = "communes"
    __table_args__ = (sa.UniqueConstraint("name", "district", "province"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    district: Mapped[str] = mapped_column(sa.String(120), default="")
    province: Mapped[str] = mapped_column(sa.String(120), default="")

    teams: Mapped[list[Team]] = relationship(back_populates="commune")

    @property
    def place(self) -> str:
        """ "Xã Mường Phăng, Điện Biên" style: the parts that are known."""
        return ", ".join(part for part in (self.name, self.district, self.province) if part)


class Team(Travelling, Base):
    """A Tổ Công nghệ số cộng đồng: members belong to one; instructors manage several."""

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(160), unique=True)
    commune_id: Mapped[int] = mapped_column(sa.ForeignKey("communes.id"), index=True)
    join_code: Mapped[str] = mapped_column(sa.String(16), unique=True, default=new_join_code)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    commune: Mapped[Commune] = relationship(back_populates="teams")
    members: Mapped[list[User]] = relationship(
        back_populates="team", foreign_keys="User.team_id", order_by="User.full_name"
    )
    instructors: Mapped[list[User]] = relationship(
        secondary=team_instructors, back_populates="managed_teams", order_by="User.full_name"
    )

    @property
    def approved_members(self) -> list[User]:
        """Members who count in the team's figures (User.approved_member), by name."""
        return [member for member in self.members if member.approved_member]

    @property
    def waiting(self) -> int:
        """How many registered without the code and wait for an instructor's approval."""
        return sum(member.pending for member in self.members)
