"""Projector mode: a lesson one step per slide for the hall, and a presenter view beside it."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

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
    lesson, topic = _lesson_and_topic(slug)
    guide = current_catalog().guides.get(topic.slug) if topic else None
    return render_template("projector/presenter.html", lesson=lesson, topic=topic, guide=guide)


def _lesson_and_topic(slug: str):
    catalog = current_catalog()
    original = catalog.lesson(slug) or abort(404)
    return in_language(original), catalog.topic(original.topic)
