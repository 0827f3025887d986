"""A projector's session: which slide the hall sees, moved only by presenters who joined it.

Opening projector mode starts one, with a 6-digit code shown on the screen; a presenter's
phone joins by typing it, and that uses the code up (the laptop may ask for a new one), so
a code read off the wall or guessed later opens nothing. One address keeps at most
OPEN_PER_ADDRESS sessions, so a script cannot fill the codes by opening the page. The state
lives in the database, so the projector and a phone may reach different server processes or
machines. Two halls projecting the same lesson
have two sessions and never move each other's slides. A session is kept 12 hours after it
was last moved or looked at; then its code may be given out again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import begin_write
from trainer.models import Presentation
from trainer.services.hall.hall_codes import (
    alive,
    claim_code,
    new_code,
    typed,
)

LOOKED_EVERY = timedelta(minutes=5)  # how often a look refreshes touched_at (a write)


@dataclass(frozen=True)
class Position:
    id: int
    code: str
    lesson_slug: str
    slides: int
    at: int
    blank: bool
    seq: int
    presenters: int
    joinable: bool = True

    def as_json(self) -> dict:
        return {
            "at": self.at,
            "blank": self.blank,
            "seq": self.seq,
            "presenters": self.presenters,
            "joinable": self.joinable,
        }


def _position(row: Presentation) -> Position:
    return Position(
        row.id,
        row.code,
        row.lesson_slug,
        row.slides,
        row.at,
        row.blank,
        row.seq,
        row.presenters,
        row.joinable,
    )


def start(
    session: Session, lesson_slug: str, slides: int, now: datetime, address: str = ""
) -> Position:
    """A new session for a lesson of `slides` slides, on its first slide, opened from address.

    :raises TooManyOpen: when address already keeps OPEN_PER_ADDRESS sessions.
    :raises CodesUsedUp: when no code is free (the write lock is let go first).
    """
    code = claim_code(session, Presentation, address, now)
    row = Presentation(
        code=code,
        lesson_slug=lesson_slug,
        slides=slides,
        opened_from=address,
        started_at=now,
        touched_at=now,
    )
    session.add(row)
    session.commit()
    return _position(row)


def join(session: Session, code: str, now: datetime) -> Position | None:
    """A presenter's device joins the kept session waiting with this code, and uses the code
    up; None if no session waits with it."""
    begin_write(session)
    row = session.scalar(
        sa.select(Presentation).where(Presentation.code == typed(code), Presentation.joinable)
    )
    if row is None or not alive(row.touched_at, now):
        session.rollback()
        return None
    row.presenters += 1
    row.joinable = False
    row.touched_at = now
    session.commit()
    return _position(row)


def renew_code(session: Session, presentation_id: int, now: datetime) -> Position | None:
    """A fresh code for another presenter's phone to join by; None if the session is gone.

    :raises CodesUsedUp: when no code is free.
    """
    begin_write(session)
    row = session.get(Presentation, presentation_id)
    if row is None or not alive(row.touched_at, now):
        session.rollback()
        return None
    if not row.joinable:
        try:
            row.code = new_code(session, Presentation, now)
        except Exception:
            session.rollback()
            raise
        row.joinable = True
    row.touched_at = now
    session.commit()
    return _position(row)


def current(session: Session, presentation_id: int, now: datetime) -> Position | None:
    """Where a kept session is now; a look keeps it alive (written at most every 5 minutes)."""
    row = session.get(Presentation, presentation_id)
    if row is None or not alive(row.touched_at, now):
        return None
    position = _position(row)
    if row.touched_at < now - LOOKED_EVERY:
        begin_write(session)
        session.execute(
            sa.update(Presentation).where(Presentation.id == presentation_id).values(touched_at=now)
        )
        session.commit()
    return position


def move(
    session: Session, presentation_id: int, at: int, blank: bool, now: datetime
) -> Position | None:
    """Show slide `at` (clamped to the lesson), blanked or not; None if the session is gone."""
    begin_write(session)
    row = session.get(Presentation, presentation_id)
    if row is None or not alive(row.touched_at, now):
        session.rollback()
        return None
    row.at = max(0, min(row.slides - 1, at))
    row.blank = blank
    row.seq += 1
    row.touched_at = now
    session.commit()
    return _position(row)
