"""A lesson's video for a Zalo group, and its captions: `/bai-hoc/<slug>/video.mp4` and
`video.vtt` (`?lang=` like the loudspeaker file).

Made by `trainer build --videos`, or here on the first request: one at a time in the
background (`VideoJobs`), into `<instance>/unbuilt/video/`, while the asker is told
"đang làm video" and the page reloads until the file is there.
"""

from __future__ import annotations

from pathlib import Path

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    render_template,
    request,
    send_file,
    url_for,
)

from trainer.content.model import Lesson
from trainer.services.reading.topic_pack import PackFile
from trainer.speech.manifest import Track
from trainer.speech.video import maker
from trainer.speech.video.captions import webvtt
from trainer.speech.video.encode import FfmpegMissing, ffmpeg
from trainer.speech.video.jobs import FAILED, VideoJobs
from trainer.speech.video.plan import Unvoiced, VideoPlan, plan_video
from trainer.speech.video.stage import VIDEO
from trainer.web.core.catalog import current_catalog
from trainer.web.core.language import chosen_language
from trainer.web.core.links import asked_at_own_address, public_url
from trainer.web.core.serving_state import serving
from trainer.web.listening.narration import current_audio
from trainer.web.reading.handouts import lesson_public_url

bp = Blueprint("videos", __name__)
JOBS = "video_jobs"
RELOAD_SECONDS = 5


def init_app(app: Flask) -> None:
    folder = Path(app.instance_path) / "unbuilt" / VIDEO
    app.extensions[JOBS] = VideoJobs(
        folder, on_made=lambda: serving(app).pages.clear()
    )  # pages then say its size
    app.add_template_global(lesson_video)


def video_folders(app: Flask) -> list[Path]:
    """Where videos are: what `trainer build --videos` made, then what this server made."""
    return [Path(app.config["BUILD_DIR"]) / VIDEO, app.extensions[JOBS].folder]


def lesson_plan(lesson: Lesson) -> VideoPlan | Unvoiced:
    """The lesson's video in its language, from the audio each part has now."""
    catalog = current_catalog()
    topic = catalog.topic(lesson.topic)
    audio = current_audio()
    tracks = [
        audio.clip(lesson.slug, lesson.language, number) for number in range(len(lesson.steps) + 1)
    ]
    return plan_video(
        lesson,
        topic.title(lesson.language) if topic else "",
        tracks,
        clip_path,
        Path(current_app.config["CONTENT_DIR"]) / "media",
        lesson_public_url(lesson),
    )


def clip_path(track: Track) -> Path:
    """Where a part's clip is kept, as the narration serves it: the build's audio or the
    voices this server took in since."""
    state = serving()
    return state.audio_file(track.file) or state.built_audio / track.file


def lesson_video(lesson: Lesson) -> dict:
    """What a page says of the lesson's video: how long, how big once made, who reads it,
    or why this language has none."""
    plan = lesson_plan(lesson)
    if isinstance(plan, Unvoiced):
        return {"plan": None, "why": unvoiced_reason(lesson, plan)}
    made = maker.find(plan, video_folders(current_app))
    language = lesson.language if lesson.language != "vi" else None
    return {
        "plan": plan,
        "seconds": plan.seconds,
        "size": made.stat().st_size if made else None,
        "who": plan.who,
        "url": url_for("videos.video", slug=lesson.slug, lang=language),
        "public": public_url(url_for("videos.video", slug=lesson.slug, lang=language)),
        "watch": url_for("videos.video", slug=lesson.slug, lang=language, xem=1),
        "captions": url_for("videos.captions", slug=lesson.slug, lang=language),
    }


def pack_files(lesson: Lesson) -> list[PackFile]:
    """The lesson's video (to play in the page) and its captions, for a topic kept on the
    phone; none before the video is made."""
    video = lesson_video(lesson)
    if not video["plan"] or not video["size"]:
        return []
    key = video["plan"].key
    captions = webvtt(video["plan"].captions).encode()
    return [
        PackFile(video["watch"], video["size"], "video", key),
        PackFile(video["captions"], len(captions), "video", key),
    ]


def unvoiced_reason(lesson: Lesson, plan: Unvoiced) -> str:
    name = current_catalog().languages[lesson.language].short_vi_name
    return (
        f"Chưa có video tiếng {name}: "
        f"{plan.missing} trong {plan.parts} phần của bài (lời mở đầu và các bước) chưa có "
        "giọng đọc. Video được làm khi mọi phần đều có giọng người đọc hoặc giọng máy."
    )


@bp.get("/bai-hoc/<slug>/video.mp4")
def video(slug: str):
    """The lesson's video: to download (or to play, with ?xem=1), made on first request."""
    lesson = current_catalog().lesson(slug, chosen_language()) or abort(404)
    plan = lesson_plan(lesson)
    if isinstance(plan, Unvoiced):
        return _page("Bài này chưa có video", unvoiced_reason(lesson, plan), lesson, 404)
    made = maker.find(plan, video_folders(current_app))
    if made is not None:
        return _file(made, plan, watch=request.args.get("xem") is not None)
    try:
        ffmpeg()
    except FfmpegMissing:
        message = (
            "Máy chủ chưa cài FFmpeg nên chưa làm được video. "
            "Người quản trị cài gói ffmpeg (lệnh make run tự cài)."
        )
        return _page("Chưa làm được video", message, lesson, 503)
    if not asked_at_own_address():
        abort(400)  # a Host header this server does not have: no video made for it
    jobs: VideoJobs = current_app.extensions[JOBS]
    if jobs.ask(plan) == FAILED:
        message = "Máy chủ không làm được video cho bài này. Người quản trị xem nhật ký máy chủ."
        return _page("Chưa làm được video", message, lesson, 503)
    response = _page("Đang làm video", _making(plan, jobs.ahead(plan)), lesson, 202)
    response.headers["Refresh"] = str(RELOAD_SECONDS)
    response.headers["Retry-After"] = str(RELOAD_SECONDS)
    return response


@bp.get("/bai-hoc/<slug>/video.vtt")
def captions(slug: str):
    """The video's captions as WebVTT, one cue per caption screen, for the page's player."""
    lesson = current_catalog().lesson(slug, chosen_language()) or abort(404)
    plan = lesson_plan(lesson)
    if isinstance(plan, Unvoiced):
        abort(404)
    response = Response(webvtt(plan.captions), mimetype="text/vtt")
    response.add_etag()
    response.cache_control.no_cache = True
    return response.make_conditional(request)


def _file(path: Path, plan: VideoPlan, watch: bool):
    response = send_file(
        path,
        mimetype="video/mp4",
        as_attachment=not watch,
        download_name=f"{plan.slug}-{plan.language}.mp4",
        conditional=True,
        etag=plan.key,
    )
    response.cache_control.no_cache = True  # the address stays, the lesson may change
    return response


def _making(plan: VideoPlan, ahead: int) -> str:
    minutes = max(1, round(plan.seconds / 60))
    queue = f" Có {ahead} video đang chờ làm trước." if ahead else ""
    return (
        f"Máy chủ đang làm video cho bài này (dài khoảng {minutes} phút), chỉ làm một lần.{queue} "
        "Trang tự tải lại; khi xong, video tự tải về máy."
    )


def _page(title: str, message: str, lesson: Lesson, status: int):
    language = lesson.language if lesson.language != "vi" else None
    back = url_for("pages.lesson", slug=lesson.slug, lang=language)
    html = render_template("videos/status.html", title=title, message=message, back=back)
    response = Response(html, status=status, mimetype="text/html")
    response.cache_control.no_store = True
    return response
