"""The member's own page: who they are, their team, and how far they are in each topic."""

from __future__ import annotations

from flask import Blueprint, render_template

from trainer.extensions import db
from trainer.services import progress
from trainer.web.access import current_user, login_required
from trainer.web.catalog import current_catalog

bp = Blueprint("account", __name__)


@bp.get("/cua-toi")
@login_required
def me():
    catalog = current_catalog()
    mine = progress.progress_by_lesson(db.session, current_user.id)
    topics = [
        (
            topic,
            catalog.lessons_in(topic.slug),
            [mine.get(lesson.slug) for lesson in catalog.lessons_in(topic.slug)],
        )
        for topic in catalog.topics
    ]
    return render_template("account/me.html", topics=topics)
