"""The 6-digit codes a hall types: a projector's session, a class quiz for phones to join.

Short enough to read off a screen and type on a cheap phone; unique among the rows kept.
A row is kept 12 hours after it was last used, then deleted, and its code may come again.
Drawing a code tries a bounded number of times: when the kept rows hold nearly every code,
the caller is told so at once (CodesUsedUp) instead of looping while it holds the write lock.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import begin_write

KEPT = timedelta(hours=12)
DIGITS = 6
SPACE = 10**DIGITS  # how many codes may be drawn
TRIES = 20


OPEN_PER_ADDRESS = 20  # kept sessions (or class quizzes) one laptop (one address) may open


class CodesUsedUp(Exception):
    """Every code drawn is held by a kept row: no new session until some are cleared."""


class TooManyOpen(Exception):
    """The address already keeps OPEN_PER_ADDRESS rows of this kind."""


def claim_code(session: Session, model, address: str, now: datetime) -> str:
    """Take the write lock and a free code for a new row of model opened from address; the
    caller adds the row and commits. On refusal the lock is let go at once.

    :raises TooManyOpen: when address already keeps OPEN_PER_ADDRESS rows of model.
    :raises CodesUsedUp: when no code is free.
    """
    begin_write(session)
    try:
        if opened_from(session, model, address, now) >= OPEN_PER_ADDRESS:
            raise TooManyOpen
        return new_code(session, model, now)
    except Exception:
        session.rollback()
        raise


def new_code(session: Session, model, now: datetime) -> str:
    """A code no kept row of model holds; call it under the write lock. Old rows go.

    :raises CodesUsedUp: after TRIES codes that were all taken.
    """
    clear_expired(session, model, now)
    for _ in range(TRIES):
        code = f"{secrets.randbelow(SPACE):0{DIGITS}d}"
        if session.scalar(sa.select(model.id).where(model.code == code)) is None:
            return code
    raise CodesUsedUp


def clear_expired(session: Session, model, now: datetime) -> None:
    """Delete the rows of model not used for KEPT (within the caller's transaction)."""
    session.execute(sa.delete(model).where(model.touched_at < now - KEPT))


def opened_from(session: Session, model, address: str, now: datetime) -> int:
    """How many kept rows of model were opened from address."""
    return session.scalar(
        sa.select(sa.func.count())
        .select_from(model)
        .where(model.opened_from == address, model.touched_at >= now - KEPT)
    )


def typed(code: str) -> str:
    """What someone typed, as a code: spaces, dots and dashes left out."""
    return "".join(ch for ch in code if ch.isdigit())[:DIGITS]


def alive(touched_at: datetime, now: datetime) -> bool:
    return touched_at >= now - KEPT
