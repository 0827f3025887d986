"""The hall's phones in a class quiz: join by code or QR, no account, one answer a question.

Each phone gets a random id in its cookie and joins when it first opens the quiz (so the
projector counts it); a quiz takes only so many phones, and so many from one address.
Its page asks every 1.5 s whether the question changed (a few bytes) and reloads when it
has. Wrong codes are counted per address and slowed down, as the projector's are. A
signed-in member's answers are kept with their account, for "Đố vui đã làm" on their page.
"""

from __future__ import annotations

import secrets
import time

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from trainer.extensions import db
from trainer.services.common import clock, throttle
from trainer.services.hall import live_quiz
from trainer.web.core.access import current_user
from trainer.web.hall.live_quiz import quiz_and_item, right_order, shown
from trainer.web.hall.projector import WAIT

bp = Blueprint("phones", __name__)
STATUS_FRESH = 0.5  # seconds a process answers a quiz's state from memory
PLAYER = "nguoi_choi"
NOT_FOUND = "Không thấy đố vui có mã này. Hãy xem lại mã trên màn chiếu."
SAID = {
    "kept": ("Đã gửi câu trả lời.", "success"),
    "again": ("Bạn đã trả lời câu này rồi.", "info"),
    "closed": ("Câu này đã đóng: người dạy đã hiện đáp án hoặc sang câu khác.", "info"),
    "bad": ("Hãy chọn một câu trả lời rồi bấm Gửi.", "error"),
    "full": ("Đố vui này đã đủ điện thoại: câu trả lời không được tính.", "error"),
}
FULL = {
    "full": f"Đố vui này đã đủ {live_quiz.PHONES} điện thoại. Hãy xem cùng người bên cạnh.",
    "address": (
        f"Đã có {live_quiz.PHONES_PER_ADDRESS} điện thoại vào từ cùng một địa chỉ mạng. "
        "Hãy xem cùng người bên cạnh."
    ),
}


@bp.route("/vui", methods=["GET", "POST"])
def join():
    code = request.form.get("ma", request.args.get("ma", ""))[:20]
    if not code or (request.method == "GET" and "ma" not in request.args):
        return render_template("class_quiz/phone_join.html", code=code, problem="")
    address, now = request.remote_addr or "", clock.now()
    if wait := throttle.code_wait(db.session, address, now):
        seconds = int(wait.total_seconds()) + 1
        problem = WAIT.format(seconds=seconds)
        page = render_template("class_quiz/phone_join.html", code=code, problem=problem)
        return page, 429, {"Retry-After": str(seconds)}
    found = live_quiz.find(db.session, code, now)
    if found is None:
        throttle.record_wrong_code(db.session, address, now)
        page = render_template("class_quiz/phone_join.html", code=code, problem=NOT_FOUND)
        return page, 404
    return redirect(url_for("phones.question", code=found.code), 303)


@bp.get("/vui/<code>")
def question(code: str):
    state = _state(code)
    joined = live_quiz.join_phone(
        db.session, state, _player(), request.remote_addr or "", clock.now()
    )
    if joined != "in":
        return render_template("class_quiz/phone_full.html", problem=FULL[joined]), 429
    quiz, item = quiz_and_item(state)
    mine = live_quiz.given_by(db.session, state, _player())
    return render_template(
        "class_quiz/phone.html",
        state=state,
        item=item,
        choices=shown(item, state.current) if item else [],
        right_order=right_order(item, state.current) if item else [],
        mine=mine,
        mine_letters=_letters(mine, state) if mine else [],
    )


@bp.post("/vui/<code>")
def answer(code: str):
    state = _state(code)
    quiz, _ = quiz_and_item(state)
    try:
        positions = [int(value) for value in _given(request.form)]
    except ValueError:
        positions = []
    user_id = current_user.id if current_user.is_authenticated else None
    outcome = live_quiz.answer(
        db.session,
        quiz,
        state,
        _player(),
        user_id,
        positions,
        clock.now(),
        address=request.remote_addr or "",
    )
    if request.headers.get("X-Requested-With") == "phone":  # the page's script: no reload
        return jsonify({"kept": outcome == "kept", "said": SAID[outcome][0]})
    flash(*SAID[outcome])
    return redirect(url_for("phones.question", code=state.code), 303)


@bp.get("/vui/<code>/trang-thai")
def status(code: str):
    """What a phone asks every 1.5 s: has the question changed?

    Fifty phones ask about 33 times a second; each process reads the database for a code at
    most every STATUS_FRESH seconds and answers the others from memory.
    """
    kept = current_app.extensions.setdefault("class_quiz_status", {})
    now = time.monotonic()
    seen = kept.get(code)
    if seen is None or now - seen[0] > STATUS_FRESH:
        if len(kept) > 1000:
            kept.clear()  # codes come from visitors: never let them grow memory without end
        seen = kept[code] = (now, live_quiz.status(db.session, code, clock.now()))
    found = seen[1] or abort(404)
    response = jsonify(found)
    response.cache_control.no_store = True
    return response


def _state(code: str):
    return live_quiz.find(db.session, code, clock.now()) or abort(404)


def _player() -> str:
    if PLAYER not in session:
        session[PLAYER] = secrets.token_hex(8)
    return session[PLAYER]


def _given(form) -> list[str]:
    """Shown positions: `chon` for choices (one or many), `thu-tu.<p>` = rank for order."""
    ranks = sorted(
        (int(rank), key.split(".", 1)[1])
        for key, rank in form.items()
        if key.startswith("thu-tu.") and rank.isdigit()
    )
    if ranks:
        complete = [rank for rank, _ in ranks] == list(range(1, len(ranks) + 1))
        return [position for _, position in ranks] if complete else []
    return form.getlist("chon")


def _letters(mine, state) -> list[str]:
    position_of = {original: at for at, original in enumerate(state.current.shown)}
    return ["ABCDEFGH"[position_of[c]] for c in mine.choices if c in position_of]
