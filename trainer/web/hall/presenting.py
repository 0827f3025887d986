"""Which projector sessions this browser may move: the one it opened, the ones it joined."""

from __future__ import annotations

from trainer.extensions import db
from trainer.services.common import clock
from trainer.services.hall import presentations
from trainer.services.hall.presentations import Position
from trainer.web.hall import held

KIND = "trinh_chieu"


def remember(presentation_id: int) -> None:
    held.remember(KIND, presentation_id)


def holds(presentation_id: int) -> bool:
    return held.holds(KIND, presentation_id)


def mine_for(slug: str) -> Position | None:
    """The newest kept session of this lesson that this browser opened or joined."""
    for presentation_id in held.newest_first(KIND):
        found = presentations.current(db.session, presentation_id, clock.now())
        if found is not None and found.lesson_slug == slug:
            return found
    return None
