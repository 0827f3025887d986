"""A projector's session: which slide the hall sees, moved only by presenters who joined it.

Opening projector mode starts one, with a 6-digit code shown on the screen; a presenter's
phone joins by typing it. The state lives in the database, so the projector and a phone
may reach different server processes or machines. Two halls projecting the same lesson
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
from trainer.services.hall.hall_codes import alive, new_code, typed

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

    def as_json(self) -> dict:
        return {"at": self.at, "blank": self.blank, "seq": self.seq, "presenters": self.presenters}


def _position(row: Presentation) -> Position:
    return Position(
        row.id, row.code, row.lesson_slug, row.slides, row.at, row.blank, row.seq, row.presenters
    )


def start(session: Session, lesson_slug: str, slides: int, now: datetime) -> Position:
    """A new session for a lesson of `slides` slides, on its first slide."""
    begin_write(session)
    row = Presentation(
        code=new_code(session, Presentation, now),
        lesson_slug=lesson_slug,
        slides=slides,
        started_at=now,
        touched_at=now,
    )
    session.add(row)
    session.commit()
    return _position(row)


def join(session: Session, code: str, now: datetime) -> Position | None:
    """A presenter's device joins the kept session with this code; None if there is none."""
    begin_write(session)
    row = session.scalar(sa.select(Presentation).where(Presentation.code == typed(code)))
    if row is None or not alive(row.touched_at, now):
        session.rollback()
        return None
    row.presenters += 1
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
