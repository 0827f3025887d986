"""Field guides: the checklist at a resident's side, only for members cleared on the topic."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from trainer.extensions import db
from trainer.services.certification import certificates
from trainer.web.core.access import current_user, login_required
from trainer.web.core.catalog import current_catalog

bp = Blueprint("field_guides", __name__)


@bp.get("/so-tay/<topic>")
@login_required
def guide(topic: str):
    catalog = current_catalog()
    found, shown = catalog.guides.get(topic), catalog.topic(topic)
    if found is None or shown is None:
        abort(404)
    if not certificates.holds_valid(db.session, current_user.id, topic):
        page = render_template(
            "field_guides/closed.html", topic=shown, has_quiz=topic in catalog.quizzes
        )
        return page, 403
    return render_template("field_guides/guide.html", guide=found, topic=shown)
