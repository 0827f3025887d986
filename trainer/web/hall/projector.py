"""Projector mode: a lesson one step per slide for the hall, and a presenter view beside it."""

from __future__ import annotations

from flask import Blueprint, abort, make_response, render_template

from trainer.extensions import db
from trainer.services import certificates
from trainer.web.core.access import current_user
from trainer.web.core.catalog import current_catalog
from trainer.web.core.language import in_language
from trainer.web.listening.narration import step_audio_url

bp = Blueprint("projector", __name__)


@bp.get("/bai-hoc/<slug>/trinh-chieu")
def slides(slug: str):
    lesson, topic = _lesson_and_topic(slug)
    has_quiz = topic is not None and topic.slug in current_catalog().quizzes
    return render_template(
        "projector/slides.html",
        lesson=lesson,
        topic=topic,
        has_quiz=has_quiz,
        step_audio=step_audio_url,
    )


@bp.get("/bai-hoc/<slug>/trinh-chieu/nguoi-day")
def presenter(slug: str):
    """The presenter's screen; the topic's field guide only for those who may read it."""
    lesson, topic = _lesson_and_topic(slug)
    guide = current_catalog().guides.get(topic.slug) if topic else None
    signed_in = current_user.is_authenticated
    allowed = guide is not None and certificates.may_read_guide(
        db.session,
        current_user.id if signed_in else None,
        current_user.role if signed_in else None,
        topic.slug,
    )
    response = make_response(
        render_template(
            "projector/presenter.html",
            lesson=lesson,
            topic=topic,
            guide=guide if allowed else None,
            guide_locked=guide is not None and not allowed,
            signed_in=signed_in,
        )
    )
    response.cache_control.private = True  # the guide depends on who is signed in
    return response


def _lesson_and_topic(slug: str):
    catalog = current_catalog()
    original = catalog.lesson(slug) or abort(404)
    return in_language(original), catalog.topic(original.topic)
