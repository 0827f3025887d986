"""Instructors record or upload a person's voice for each step, per language.

Minority-language lessons have no synthetic voice: these recordings are their audio. The
overview lists, per language, what to record next: stale recordings first, then the parts
people play most. Each lesson's page says which steps are recorded, which are stale (the
text changed since), and takes a file (a phone's own recorder works over plain HTTP) or a
recording made in the browser (only over HTTPS or on this computer), with the reader's
name when they agree to be named.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from werkzeug.exceptions import RequestEntityTooLarge

from trainer.extensions import db
from trainer.services.common import clock
from trainer.services.listening import voiceovers
from trainer.services.listening.plays import plays_in
from trainer.services.listening.recording_queue import recording_queue
from trainer.speech import uploads
from trainer.speech.stage import Settings
from trainer.web.core.access import instructor_required
from trainer.web.core.catalog import current_catalog
from trainer.web.core.limits import largest_body
from trainer.web.listening.narration import current_audio
from trainer.web.listening.plays import write_pending
from trainer.web.listening.shared_voices import copy_new_recordings

bp = Blueprint("recordings", __name__, url_prefix="/giong-doc")
FORM_SLACK = 64 * 1024  # room for the form's other fields around the 5 MB file


def _root() -> Path:
    return Path(current_app.config["CONTENT_DIR"])


@bp.get("/")
@instructor_required
def index():
    catalog = current_catalog()
    write_pending()  # this process's plays not yet written count too
    in_order = [lesson for topic in catalog.topics for lesson in catalog.lessons_in(topic.slug)]
    by_language = {
        code: [found for lesson in in_order if (found := catalog.lesson(lesson.slug, code))]
        for code in catalog.languages
    }
    queues = {
        code: recording_queue(code, lessons, _root(), current_audio(), plays_in(db.session, code))
        for code, lessons in by_language.items()
    }
    return render_template(
        "recordings/index.html",
        languages=catalog.languages,
        by_language=by_language,
        queues=queues,
    )


@bp.get("/<slug>/<language>")
@instructor_required
def lesson(slug: str, language: str):
    found = current_catalog().lesson(slug, language) or abort(404)
    return render_template(
        "recordings/lesson.html",
        lesson=found,
        language=current_catalog().languages[language],
        voices=voiceovers.voices_of(found, _root(), current_audio()),
    )


def _too_large(slug: str, language: str, number: int):
    back = url_for("recordings.lesson", slug=slug, language=language, _anchor=f"phan-{number}")
    return _answer(back, "Tệp quá lớn. Tối đa là 5 MB.", "error")


@bp.post("/<slug>/<language>/<int:number>")
@largest_body(uploads.MAX_BYTES + FORM_SLACK, refused=_too_large)
@instructor_required
def upload(slug: str, language: str, number: int):
    found = current_catalog().lesson(slug, language) or abort(404)
    if not 0 <= number <= len(found.steps):
        abort(404)
    back = url_for("recordings.lesson", slug=slug, language=language, _anchor=f"phan-{number}")
    try:
        sent = request.files.get("tep")
        data = sent.read(uploads.MAX_BYTES + 1) if sent else b""
        settings = Settings.of(current_app.config)
        reader = request.form.get("nguoi_doc", "").strip() or None
        seconds = voiceovers.keep_recording(
            db.session, found, number, data, settings, clock.now(), reader
        )
    except RequestEntityTooLarge:
        return _answer(back, "Tệp quá lớn. Tối đa là 5 MB.", "error")
    except uploads.Refused as refused:
        return _answer(back, str(refused), "error")
    copy_new_recordings(current_app, force=True)
    part = "phần mở đầu" if number == 0 else f"bước {number}"
    return _answer(back, f"Đã lưu giọng đọc {part} ({round(seconds)} giây).", "success")


def _answer(back: str, message: str, category: str):
    """The message for the next page: a redirect for a form, 204 for the recorder's fetch."""
    flash(message, category)
    if request.headers.get("X-Requested-With") == "recorder":
        return "", 204
    return redirect(back), 303
