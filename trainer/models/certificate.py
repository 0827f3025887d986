"""Certificates: issued on passing a topic, valid 12 months, checked by anyone by code.

Table `certificates`: user_id, topic (slug), code (unique, unguessable, on the QR code),
attempt_id (the passing attempt), issued_at, expires_at, revoked_at, revoke_reason,
revoked_by_id, demonstrated_at and demonstrated_by_id (an instructor saw the member do it
on a real phone).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from trainer.models.base import Base, utcnow
from trainer.models.travelling import Travelling

if TYPE_CHECKING:
    from trainer.models.quiz import QuizAttempt
    from trainer.models.user import User


class Certificate(Travelling, Base):
    __tablename__ = "certificates"
    __table_args__ = (sa.Index("ix_certificates_user_topic", "user_id", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(sa.String(120))
    code: Mapped[str] = mapped_column(sa.String(64), unique=True)
    attempt_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("quiz_attempts.id", ondelete="SET NULL")
    )
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    revoke_reason: Mapped[str | None] = mapped_column(sa.String(500))
    revoked_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    demonstrated_at: Mapped[datetime | None]
    demonstrated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    attempt: Mapped[QuizAttempt | None] = relationship()
    revoked_by: Mapped[User | None] = relationship(foreign_keys=[revoked_by_id])
    demonstrated_by: Mapped[User | None] = relationship(foreign_keys=[demonstrated_by_id])
