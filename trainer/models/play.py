"""How often each part of each lesson is played, to know which steps to record first.

Table `play_counts`: one row per (lesson_slug, language, part), part 0 being the title and
intro; plays counts presses of a play button. Anonymous: no user, no address, no time of
day beyond the last play.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from trainer.models.base import Base, utcnow


class PlayCount(Base):
    __tablename__ = "play_counts"
    __table_args__ = (sa.UniqueConstraint("lesson_slug", "language", "part"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_slug: Mapped[str] = mapped_column(sa.String(120))
    language: Mapped[str] = mapped_column(sa.String(12))
    part: Mapped[int]
    plays: Mapped[int] = mapped_column(default=0)
    last_played_at: Mapped[datetime] = mapped_column(default=utcnow)
