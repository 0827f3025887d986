"""Recorded voices, kept in the database so every server plays what any one of them received.

Table `voice_recordings`: one row per (language, slug, part), replaced by a newer upload
(the new row gets a new, larger id, which is how other servers notice it); audio (the
checked bytes), suffix (".mp3", ".m4a", ".ogg"), said (the words read), reader (their name,
only when they agreed to be named), recorded_at.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from trainer.models.base import Base, utcnow


class VoiceRecording(Base):
    __tablename__ = "voice_recordings"
    # Ids only ever grow, even on SQLite after a row is replaced: other servers look for
    # ids above the newest they copied.
    __table_args__ = (
        sa.UniqueConstraint("language", "slug", "part"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    language: Mapped[str] = mapped_column(sa.String(12))
    slug: Mapped[str] = mapped_column(sa.String(120))
    part: Mapped[int]  # 0 = title and intro, n = step n
    suffix: Mapped[str] = mapped_column(sa.String(8))
    audio: Mapped[bytes] = mapped_column(sa.LargeBinary)
    said: Mapped[str] = mapped_column(sa.Text)
    reader: Mapped[str | None] = mapped_column(sa.String(80))  # only when they agreed
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
