"""People who sign in: members, instructors and admins.

Table `users`: full_name, username (unique, lower case) and/or phone (unique, digits only;
never shown on a public page), password_hash (Argon2id; an older werkzeug scrypt one is
replaced at the next sign-in), role (member | instructor | admin), team_id (the member's
one team), created_at, active, pending (registered without the team's join code: not yet
approved by an instructor), session_version (part of what a sign-in cookie holds; raising
it ends every session signed in before). At least one of username and phone is set;
either one signs in.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from trainer.models.base import Base, utcnow
from trainer.models.team import Team, team_instructors

if TYPE_CHECKING:
    from trainer.models.progress import LessonProgress


class Role(StrEnum):
    MEMBER = "member"
    INSTRUCTOR = "instructor"
    ADMIN = "admin"


ROLE_NAMES = {Role.MEMBER: "Thành viên", Role.INSTRUCTOR: "Giảng viên", Role.ADMIN: "Quản trị"}


class User(Base):
    """An account. Also what Flask-Login calls a user (is_authenticated, get_id, ...)."""

    __tablename__ = "users"
    __table_args__ = (
        sa.CheckConstraint("role IN ('member', 'instructor', 'admin')", name="role"),
        sa.CheckConstraint("username IS NOT NULL OR phone IS NOT NULL", name="login_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(sa.String(120))
    username: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    phone: Mapped[str | None] = mapped_column(sa.String(20), unique=True)
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[str] = mapped_column(sa.String(16), default=Role.MEMBER)
    team_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("teams.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    active: Mapped[bool] = mapped_column(default=True)
    pending: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")

    team: Mapped[Team | None] = relationship(back_populates="members", foreign_keys=[team_id])
    managed_teams: Mapped[list[Team]] = relationship(
        secondary=team_instructors, back_populates="instructors", order_by=Team.name
    )
    progress: Mapped[list[LessonProgress]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    @hybrid_property
    def approved_member(self) -> bool:
        """The one rule for who counts in a team's figures: a member (not an instructor or
        admin) who joined with the code or was approved (not pending)."""
        return self.role == Role.MEMBER and not self.pending

    @approved_member.inplace.expression
    @classmethod
    def _approved_member_expression(cls) -> sa.ColumnElement[bool]:
        return sa.and_(cls.role == Role.MEMBER, cls.pending.is_(False))

    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        return self.active

    def get_id(self) -> str:
        """What the sign-in cookies hold: the id and the session version (see services.sessions)."""
        return f"{self.id}.{self.session_version}"

    @property
    def login_name(self) -> str:
        """What this person types to sign in."""
        return self.username or self.phone or ""

    @property
    def role_name(self) -> str:
        return ROLE_NAMES[Role(self.role)]

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_instructor(self) -> bool:
        return self.role == Role.INSTRUCTOR
