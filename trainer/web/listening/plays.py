"""Counting plays: each press of a play button sends one tiny anonymous request.

No account, no address, no cookie is kept: only how many times each part of each lesson
was played, per language, so instructors record first what people listen to most.
"""

from __future__ import annotations

from flask import Blueprint, abort

from trainer.extensions import csrf, db
from trainer.models import utcnow
from trainer.services.listening import plays
from trainer.web.core.catalog import current_catalog
from trainer.web.listening.narration import current_audio

bp = Blueprint("plays", __name__)


@bp.post("/nghe/dem/<slug>/<language>/<int:number>")
@csrf.exempt  # anonymous, from pages cached for everyone: there is no session to forge
def count(slug: str, language: str, number: int):
    lesson = current_catalog().lesson(slug, language) or abort(404)
    if current_audio().clip(lesson.slug, language, number) is None:
        abort(404)  # only parts that have audio can be played
    plays.count_play(db.session, slug, language, number, utcnow())
    return "", 204
