"""Recording a signed-in member's progress while they read; reading never needs an account."""

from __future__ import annotations

import logging

from flask import Blueprint, Flask, Response, abort, flash, redirect, request, url_for
from sqlalchemy.exc import SQLAlchemyError

from trainer.extensions import db
from trainer.models import LessonProgress
from trainer.services.common import clock
from trainer.services.members import progress
from trainer.web.core.access import current_user, login_required
from trainer.web.core.catalog import current_catalog
from trainer.web.core.language import chosen_language

bp = Blueprint("progress", __name__, url_prefix="/tien-do")
log = logging.getLogger(__name__)
# Sent by a phone downloading a topic: fetching a lesson to keep it is not opening it.
DOWNLOAD_HEADER = "X-Trainer-Download"


def init_app(app: Flask) -> None:
    app.after_request(note_lesson_opened)


def my_progress() -> dict[str, LessonProgress]:
    """Lesson slug -> the signed-in member's progress in it; nothing for a visitor."""
    if not current_user.is_authenticated:
        return {}
    return progress.progress_by_lesson(db.session, current_user.id)


def note_lesson_opened(response: Response) -> Response:
    """After a lesson page is served to a signed-in member, note that they opened it."""
    opened = request.endpoint == "pages.lesson" and response.status_code == 200
    opened = opened and DOWNLOAD_HEADER not in request.headers
    if opened and current_user.is_authenticated:
        slug = request.view_args["slug"]
        _safely(progress.record_opened, current_user.id, slug, chosen_language(), clock.now())
    return response


@bp.post("/<slug>/buoc")
@login_required
def step(slug: str):
    """The reading page's beacon: the member has scrolled to a step."""
    lesson = current_catalog().lesson(slug) or abort(404)
    number = request.form.get("step", type=int)
    if number is None or not 0 <= number <= len(lesson.steps):
        abort(400)
    language = request.form.get("lang", "vi")[:12]
    _safely(progress.record_step, current_user.id, slug, language, number, clock.now())
    return "", 204


@bp.post("/<slug>/xong")
@login_required
def finished(slug: str):
    """The "Tôi đã học xong bài này" button."""
    lesson = current_catalog().lesson(slug) or abort(404)
    language = request.form.get("lang", "vi")[:12]
    progress.record_finished(
        db.session, current_user.id, slug, language, len(lesson.steps), clock.now()
    )
    flash(f"Đã lưu: bạn đã học xong bài “{lesson.title}”.", "success")
    return redirect(url_for("pages.topic", slug=lesson.topic, lang=_lang_arg(language)))


def _lang_arg(language: str) -> str | None:
    return language if language != "vi" else None


def _safely(record, *args) -> None:
    """Progress notes are a courtesy: a busy database must never break the page."""
    try:
        record(db.session, *args)
    except SQLAlchemyError:
        db.session.rollback()
        log.exception("could not record progress")
