"""Narration on the web: the built audio files, served so phones can seek and resume.

The audio comes from the serving state (trainer.web.core.serving_state): what `trainer
build` made, with the voices this server took in since. Files are named by content hash,
so they are cached for a year; HTTP Range requests get 206 with just those bytes.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Flask, abort, current_app, render_template, request, send_file, url_for

from trainer.content.model import Lesson, Step
from trainer.speech import manifest, speakers
from trainer.speech.recordings import AUDIO_TYPES
from trainer.web.core.catalog import current_catalog
from trainer.web.core.language import chosen_language, in_language
from trainer.web.core.serving_state import serving

bp = Blueprint("audio", __name__)


def init_app(app: Flask) -> None:
    for helper in (narration, step_audio_url, loudspeaker_track, lesson_voice):
        app.add_template_global(helper)


def current_audio() -> manifest.Manifest:
    return serving().audio


def narration(lesson: Lesson, number: int) -> dict | None:
    """A part's normal and slow audio (0 = title and intro) and who reads it; None if unvoiced."""
    normal = current_audio().clip(lesson.slug, lesson.language, number)
    if normal is None:
        return None
    slow = current_audio().clip(lesson.slug, lesson.language, number, "slow") or normal
    return {
        "normal": url_for("audio.clip", name=normal.file),
        "slow": url_for("audio.clip", name=slow.file),
        "slow_rate": slow.rate,
        "seconds": normal.seconds,
        "who": speakers.who([normal]),  # "Giọng máy", "Giọng đọc: Lò Thị Mai", …
        "detail": speakers.detail([normal]),
        "count": url_for("plays.count", slug=lesson.slug, language=lesson.language, number=number),
    }


def lesson_voice(lesson: Lesson) -> dict | None:
    """Who reads the whole lesson (its loudspeaker file), or None before it has one."""
    tracks = [
        current_audio().clip(lesson.slug, lesson.language, number)
        for number in range(len(lesson.steps) + 1)
    ]
    if not all(tracks):
        return None
    return {"who": speakers.who(tracks), "detail": speakers.detail(tracks)}


def step_audio_url(lesson: Lesson, step: Step) -> str | None:
    """The step's normal-speed audio URL, for the projector."""
    found = narration(lesson, step.number)
    return found["normal"] if found else None


def loudspeaker_track(lesson: Lesson) -> manifest.Track | None:
    return current_audio().lesson_file(lesson.slug, lesson.language)


@bp.get("/am-thanh/<name>")
def clip(name: str):
    """One audio file, named by its content hash: Range, ETag, cached for a year."""
    if Path(name).suffix.lower() not in AUDIO_TYPES:
        abort(404)
    path = serving().audio_file(name) or abort(404)
    response = send_file(
        path,
        mimetype=AUDIO_TYPES[path.suffix.lower()],
        conditional=True,
        etag=Path(name).stem,
        max_age=current_app.config["IMMUTABLE_MAX_AGE"],
    )
    response.cache_control.public = True
    response.cache_control.immutable = True
    return response


@bp.get("/bai-hoc/<slug>/loa-truyen-thanh.mp3")
def loudspeaker(slug: str):
    """The whole lesson in one MP3, to download for the commune loudspeaker or Zalo."""
    lesson = current_catalog().lesson(slug, chosen_language(remembered=False)) or abort(404)
    track = loudspeaker_track(lesson) or abort(404)
    response = send_file(
        serving().audio_file(track.file) or abort(404),
        mimetype="audio/mpeg",
        as_attachment=request.args.get("nghe") is None,
        download_name=f"{slug}-{lesson.language}.mp3",
        conditional=True,
        etag=Path(track.file).stem,
    )
    response.cache_control.no_cache = True  # the address stays, the lesson may change
    return response


@bp.get("/bai-hoc/<slug>/nghe")
def listen(slug: str):
    """Listen mode: one step at a time in very large type, read aloud one after another."""
    catalog = current_catalog()
    original = catalog.lesson(slug) or abort(404)
    lesson = in_language(original)
    _, after = catalog.neighbours(original)
    return render_template(
        "audio/listen.html",
        lesson=lesson,
        original=original,
        voiced=narration(lesson, 0) is not None,
        after=after,
    )
