"""The 6-digit codes a hall types: a projector's session, a class quiz for phones to join.

Short enough to read off a screen and type on a cheap phone; unique among the rows kept.
A row is kept 12 hours after it was last used, then deleted, and its code may come again.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

KEPT = timedelta(hours=12)
DIGITS = 6


def new_code(session: Session, model, now: datetime) -> str:
    """A code no kept row of model holds; call it under the write lock. Old rows go."""
    session.execute(sa.delete(model).where(model.touched_at < now - KEPT))
    while True:
        code = f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"
        if session.scalar(sa.select(model.id).where(model.code == code)) is None:
            return code


def typed(code: str) -> str:
    """What someone typed, as a code: spaces, dots and dashes left out."""
    return "".join(ch for ch in code if ch.isdigit())[:DIGITS]


def alive(touched_at: datetime, now: datetime) -> bool:
    return touched_at >= now - KEPT
