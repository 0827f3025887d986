"""Narration on the web: the built audio files, served so phones can seek and resume.

The manifest written by `trainer build` is read once at start. Files are named by content
hash, so they are cached for a year; HTTP Range requests get 206 with just those bytes.
"""

from __future__ import annotations

import time
from pathlib import Path

from flask import Blueprint, Flask, abort, current_app, render_template, request, send_file, url_for
from werkzeug.security import safe_join

from trainer.content.model import Lesson, Step
from trainer.speech import manifest, speakers
from trainer.speech.recordings import AUDIO_TYPES
from trainer.web.core.catalog import current_catalog
from trainer.web.core.language import chosen_language, in_language
from trainer.web.core.reader_cache import forget_pages

bp = Blueprint("audio", __name__)


CHECK_EVERY = 2.0  # seconds between looks at the manifest file, for recordings uploaded since


def init_app(app: Flask) -> None:
    refresh_audio(app, force=True)
    # Before any view renders (the lesson view reuses steps rendered earlier), not after.
    app.before_request(lambda: refresh_audio(app))
    for helper in (narration, step_audio_url, loudspeaker_track, lesson_voice):
        app.add_template_global(helper)


def audio_folder(app: Flask) -> Path:
    return Path(app.config["BUILD_DIR"]) / "audio"


def current_audio() -> manifest.Manifest:
    return current_app.extensions["audio"]


def refresh_audio(app: Flask, force: bool = False) -> None:
    """Read the manifest again when a build or an upload (in any process) has rewritten it."""
    seen = app.extensions.setdefault("audio_seen", {"checked": 0.0, "mtime": None})
    now = time.monotonic()
    if not force and now - seen["checked"] < CHECK_EVERY:
        return
    seen["checked"] = now
    try:
        mtime = (audio_folder(app) / manifest.FILE).stat().st_mtime_ns
    except OSError:
        mtime = None
    if force or mtime != seen["mtime"]:
        seen["mtime"] = mtime
        app.extensions["audio"] = manifest.load(audio_folder(app))
        app.extensions.pop("rendered_articles", None)  # steps show their speaker buttons anew
        forget_pages(app)


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
    path = safe_join(str(audio_folder(current_app)), name)
    suffix = Path(name).suffix.lower()
    if path is None or name.startswith(".") or suffix not in AUDIO_TYPES:
        abort(404)
    if not Path(path).is_file():
        abort(404)
    response = send_file(
        path,
        mimetype=AUDIO_TYPES[suffix],
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
        audio_folder(current_app) / track.file,
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
