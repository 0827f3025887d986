"""Counting plays: one per press of a play button, per lesson part and language, anonymous.

Presses are added up in each process's memory (PendingPlays) and written in one short
transaction every few seconds, so a burst of presses is one write, not one each.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from trainer.database import begin_write
from trainer.models import PlayCount


def count_play(session: Session, slug: str, language: str, part: int, now: datetime) -> int:
    """Add one play of the part and commit; the part's plays so far."""
    write_plays(session, Counter({(slug, language, part): 1}), now)
    return session.scalar(
        sa.select(PlayCount.plays).where(
            PlayCount.lesson_slug == slug,
            PlayCount.language == language,
            PlayCount.part == part,
        )
    )


def plays_in(session: Session, language: str) -> dict[tuple[str, int], int]:
    """Plays of every part played in a language, by (lesson slug, part)."""
    rows = session.execute(
        sa.select(PlayCount.lesson_slug, PlayCount.part, PlayCount.plays).where(
            PlayCount.language == language
        )
    )
    return {(slug, part): plays for slug, part, plays in rows}


Part = tuple[str, str, int]  # lesson slug, language, part


class PendingPlays:
    """Plays pressed in this process and not yet written, due every `every` seconds."""

    def __init__(self, every: float):
        self.every, self.counts, self.since = every, Counter(), time.monotonic()
        self.lock = threading.Lock()

    def add(self, part: Part) -> None:
        with self.lock:
            self.counts[part] += 1

    def take(self, due_only: bool = True) -> Counter:
        """The plays to write now (and forget them here): none until due, unless due_only
        is False."""
        with self.lock:
            if due_only and time.monotonic() - self.since < self.every:
                return Counter()
            taken, self.counts, self.since = self.counts, Counter(), time.monotonic()
            return taken


def write_plays(session: Session, counts: Counter, now: datetime) -> None:
    """Add every part's plays in one transaction; commits."""
    if not counts:
        return
    for attempt in range(2):  # two first plays at once may both insert (PostgreSQL): retry
        begin_write(session)
        for (slug, language, part), plays in sorted(counts.items()):
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
            row.plays += plays
            row.last_played_at = now
        try:
            session.commit()
            return
        except IntegrityError:
            session.rollback()
            if attempt:
                raise
