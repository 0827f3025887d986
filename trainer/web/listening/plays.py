"""Counting plays: each press of a play button sends one tiny anonymous request.

No account, no address, no cookie is kept: only how many times each part of each lesson
was played, per language, so instructors record first what people listen to most. The
route needs no account, so a script could send thousands: each address counts at most
a few plays a minute (throttle.Budget), and presses are written in batches.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, request

from trainer.extensions import csrf, db
from trainer.models import utcnow
from trainer.services.common.throttle import Budget
from trainer.services.listening import plays
from trainer.web.core.catalog import current_catalog
from trainer.web.listening.narration import current_audio

bp = Blueprint("plays", __name__)
PER_MINUTE, AT_ONCE = 6, 10  # plays one address may add: listen mode reads ~4 steps a minute


@bp.post("/nghe/dem/<slug>/<language>/<int:number>")
@csrf.exempt  # anonymous, from pages cached for everyone: there is no session to forge
def count(slug: str, language: str, number: int):
    lesson = current_catalog().lesson(slug, language) or abort(404)
    if current_audio().clip(lesson.slug, language, number) is None:
        abort(404)  # only parts that have audio can be played
    budget = current_app.extensions.setdefault("play_budget", Budget(PER_MINUTE, AT_ONCE))
    if not budget.spend(request.remote_addr or ""):
        abort(429)
    pending().add((slug, language, number))
    write_pending(due_only=True)
    return "", 204


def pending() -> plays.PendingPlays:
    every = current_app.config["PLAYS_WRITTEN_EVERY"]
    return current_app.extensions.setdefault("pending_plays", plays.PendingPlays(every))


def write_pending(due_only: bool = False) -> None:
    """Write this process's plays not yet written (only when due, if due_only)."""
    plays.write_plays(db.session, pending().take(due_only), utcnow())
