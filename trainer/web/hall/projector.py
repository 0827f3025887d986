"""Projector mode: a lesson one step per slide for the hall, and a presenter view beside it.

Opening projector mode starts a session (or takes up this browser's own again) whose code
the screen shows; a presenter's phone joins it at /trinh-chieu by typing that code, which
uses the code up. Wrong codes are counted per address and slowed down (throttle.CODES).
"""

from __future__ import annotations

from flask import Blueprint, abort, make_response, redirect, render_template, request, url_for

from trainer.extensions import db
from trainer.services.certification import certificates
from trainer.services.common import clock, throttle
from trainer.services.hall import presentations
from trainer.services.hall.hall_codes import OPEN_PER_ADDRESS, CodesUsedUp, TooManyOpen
from trainer.web.core.access import current_user
from trainer.web.core.catalog import current_catalog
from trainer.web.core.language import in_language, link
from trainer.web.hall.class_quiz import has_class_quiz
from trainer.web.hall.presenting import mine_for, remember
from trainer.web.hall.reach import reach
from trainer.web.listening.narration import step_audio_url

bp = Blueprint("projector", __name__)
NOT_FOUND = "Không thấy phiên trình chiếu có mã này. Hãy xem lại mã trên màn chiếu."
TOO_MANY = (
    "Máy này đã mở {n} phiên trình chiếu trong 12 giờ qua, nên phiên này không điều khiển "
    "được bằng điện thoại. Hãy dùng lại cửa sổ trình chiếu đang mở."
)
CODES_USED_UP = (
    "Đang có quá nhiều phiên trình chiếu, nên phiên này không điều khiển được bằng điện "
    "thoại. Các bước vẫn chiếu được bằng bàn phím; hãy thử lại sau ít phút."
)
WAIT = "Bạn đã nhập sai mã nhiều lần. Hãy đợi {seconds} giây rồi thử lại."


@bp.get("/bai-hoc/<slug>/trinh-chieu")
def slides(slug: str):
    lesson, topic = _lesson_and_topic(slug)
    position, problem = mine_for(slug), ""
    if position is None:
        try:
            position = presentations.start(
                db.session, slug, len(lesson.steps) + 2, clock.now(), request.remote_addr or ""
            )
        except TooManyOpen:
            problem = TOO_MANY.format(n=OPEN_PER_ADDRESS)
        except CodesUsedUp:
            problem = CODES_USED_UP
    if position is not None:
        remember(position.id)
    return render_template(
        "projector/slides.html",
        lesson=lesson,
        topic=topic,
        has_quiz=topic is not None and has_class_quiz(topic.slug),
        step_audio=step_audio_url,
        position=position,
        problem=problem,
        reach=reach(url_for("projector.join")),
    )


@bp.get("/bai-hoc/<slug>/trinh-chieu/nguoi-day")
def presenter(slug: str):
    """The presenter's screen; the topic's field guide only for those who may read it."""
    lesson, topic = _lesson_and_topic(slug)
    position = mine_for(slug)
    if position is None:
        return render_template("projector/join.html", lesson=lesson, code="", problem="")
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
            position=position,
        )
    )
    response.cache_control.private = True  # the guide depends on who is signed in
    return response


@bp.route("/trinh-chieu", methods=["GET", "POST"])
def join():
    """A presenter types the code the projector shows; then they move its slides."""
    code = request.form.get("ma", request.args.get("ma", ""))[:20]
    if request.method == "GET":
        return render_template("projector/join.html", lesson=None, code=code, problem="")
    address, now = request.remote_addr or "", clock.now()
    if wait := throttle.code_wait(db.session, address, now):
        problem = WAIT.format(seconds=int(wait.total_seconds()) + 1)
        page = render_template("projector/join.html", lesson=None, code=code, problem=problem)
        return page, 429, {"Retry-After": str(int(wait.total_seconds()) + 1)}
    joined = presentations.join(db.session, code, now)
    lesson = joined and current_catalog().lesson(joined.lesson_slug)
    if not lesson:
        throttle.record_wrong_code(db.session, address, now)
        page = render_template("projector/join.html", lesson=None, code=code, problem=NOT_FOUND)
        return page, 404
    remember(joined.id)
    return redirect(link("projector.presenter", slug=lesson.slug), 303)


def counter(at: int, steps: int) -> str:
    """What the slide counter says: "Mở đầu", "1 / N" on step 1 of N, "Hết bài"."""
    if at == 0:
        return "Mở đầu"
    return "Hết bài" if at > steps else f"{at} / {steps}"


def _lesson_and_topic(slug: str):
    catalog = current_catalog()
    original = catalog.lesson(slug) or abort(404)
    return in_language(original), catalog.topic(original.topic)
