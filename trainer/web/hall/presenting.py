"""Which projector sessions this browser may move: the one it opened, the ones it joined.

Kept in the signed session cookie, so the laptop's second window is already joined and
any server with the same secret key knows it. The newest few only.
"""

from __future__ import annotations

from flask import session

from trainer.extensions import db
from trainer.services import clock, presentations
from trainer.services.presentations import Position

KEY = "trinh_chieu"
KEPT = 6


def remember(presentation_id: int) -> None:
    ids = [i for i in session.get(KEY, []) if i != presentation_id]
    session[KEY] = [*ids, presentation_id][-KEPT:]


def holds(presentation_id: int) -> bool:
    return presentation_id in session.get(KEY, [])


def mine_for(slug: str) -> Position | None:
    """The newest kept session of this lesson that this browser opened or joined."""
    for presentation_id in reversed(session.get(KEY, [])):
        found = presentations.current(db.session, presentation_id, clock.now())
        if found is not None and found.lesson_slug == slug:
            return found
    return None
