"""How far a member got in each lesson. Lessons live in files; rows keep only their slug.

Table `lesson_progress`: one row per (user_id, lesson_slug); language is the one last read
in; steps_reached counts steps seen (0 = only the intro); opened_at, finished_at.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from trainer.models.base import Base, utcnow
from trainer.models.travelling import Travelling

if TYPE_CHECKING:
    from trainer.models.user import User


class LessonProgress(Travelling, Base):
    __tablename__ = "lesson_progress"
    __table_args__ = (sa.UniqueConstraint("user_id", "lesson_slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    lesson_slug: Mapped[str] = mapped_column(sa.String(120))
    language: Mapped[str] = mapped_column(sa.String(12), default="vi")
    steps_reached: Mapped[int] = mapped_column(default=0)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(back_populates="progress")

    @property
    def finished(self) -> bool:
        return self.finished_at is not None
