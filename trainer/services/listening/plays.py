"""Counting plays: one per press of a play button, per lesson part and language, anonymous."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from trainer.database import begin_write
from trainer.models import PlayCount


def count_play(session: Session, slug: str, language: str, part: int, now: datetime) -> int:
    """Add one play of the part and commit; the part's plays so far."""
    for attempt in range(2):  # two first plays at once may both insert (PostgreSQL): retry
        begin_write(session)
        row = session.scalar(
            sa.select(PlayCount).where(
                PlayCount.lesson_slug == slug,
                PlayCount.language == language,
                PlayCount.part == part,
            )
        )
        if row is None:
            row = PlayCount(lesson_slug=slug, language=language, part=part, plays=0)
            session.add(row)
        row.plays += 1
        row.last_played_at = now
        plays = row.plays
        try:
            session.commit()
            return plays
        except IntegrityError:
            session.rollback()
            if attempt:
                raise
    raise AssertionError("unreachable")


def plays_in(session: Session, language: str) -> dict[tuple[str, int], int]:
    """Plays of every part played in a language, by (lesson slug, part)."""
    rows = session.execute(
        sa.select(PlayCount.lesson_slug, PlayCount.part, PlayCount.plays).where(
            PlayCount.language == language
        )
    )
    return {(slug, part): plays for slug, part, plays in rows}
