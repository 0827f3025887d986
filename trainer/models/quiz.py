"""Quiz attempts: every one is kept, passed or failed. Grading lives in services.

Table `quiz_attempts`: user_id, topic (slug), token (unique, unguessable: the attempt's
address and the guard against replays), items (JSON list drawn for this attempt,
[{"id": item id, "shown": [original choice at each shown position]}, ...]), started_at,
submitted_at (NULL until submitted, set exactly once), answers (JSON: item id -> what was
chosen), results (JSON: item id -> true when right), graded (JSON: each graded item as the
member saw it, see services/graded_record.py; NULL for attempts stored before it existed),
correct, total, score (0-100), passed.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from trainer.models.base import Base, utcnow
from trainer.models.travelling import Travelling

if TYPE_CHECKING:
    from trainer.models.user import User


class QuizAttempt(Travelling, Base):
    __tablename__ = "quiz_attempts"
    __table_args__ = (sa.Index("ix_quiz_attempts_user_topic", "user_id", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(sa.String(120))
    token: Mapped[str] = mapped_column(sa.String(64), unique=True)
    items: Mapped[list[dict[str, Any]]] = mapped_column(sa.JSON)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None]
    answers: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    results: Mapped[dict[str, bool] | None] = mapped_column(sa.JSON)
    graded: Mapped[list[dict[str, Any]] | None] = mapped_column(sa.JSON)
    correct: Mapped[int | None]
    total: Mapped[int] = mapped_column(default=0)
    score: Mapped[int | None]
    passed: Mapped[bool | None]

    user: Mapped[User] = relationship()

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None
