"""The class quiz answered on phones, as the instructor's laptop projects it.

"Trả lời bằng điện thoại" on a class quiz's first page starts one from the topic's practice
items. The projector shows the code and a QR code for phones to join, then each question
with a live count per choice (asked every 1.5 s), then the answer and its explanation when
the instructor presses "Hiện đáp án". Only the browser that started it moves it on.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, jsonify, redirect, render_template, request, url_for

from trainer.content.model import Choice, Item, Quiz
from trainer.extensions import db
from trainer.services.certification.grading import Drawn
from trainer.services.common import clock
from trainer.services.hall import live_quiz
from trainer.services.hall.hall_codes import OPEN_PER_ADDRESS, CodesUsedUp, TooManyOpen
from trainer.services.hall.live_quiz import State
from trainer.web.core.catalog import current_catalog
from trainer.web.hall import held
from trainer.web.hall.reach import Reach, reach

bp = Blueprint("live_quiz", __name__)
KIND = "do_vui"
LETTERS = "ABCDEFGH"
TOO_MANY = (
    "Máy này đã bắt đầu {n} đố vui trong 12 giờ qua. Hãy dùng lại đố vui đang mở, "
    "hoặc đợi đến khi các đố vui cũ hết hạn."
)
CODES_USED_UP = "Đang có quá nhiều đố vui cùng lúc. Hãy thử lại sau ít phút."


@dataclass(frozen=True)
class Shown:
    letter: str
    choice: Choice
    right: bool


def shown(item: Item, entry: Drawn) -> list[Shown]:
    """An item's choices in the order the whole hall sees them, with their letters."""
    return [
        Shown(LETTERS[at], item.choices[original], original in item.answer)
        for at, original in enumerate(entry.shown)
    ]


def right_order(item: Item, entry: Drawn) -> list[str]:
    """For an "order" item, the shown letters in the right sequence."""
    letter_of = {original: LETTERS[at] for at, original in enumerate(entry.shown)}
    return [letter_of[original] for original in item.answer] if item.type == "order" else []


def quiz_and_item(state: State) -> tuple[Quiz, Item | None]:
    quiz = current_catalog().quizzes.get(state.topic) or abort(404)
    entry = state.current
    found = [item for item in quiz.practice if entry and item.id == entry.item_id]
    return quiz, found[0] if found else None


def join_reach(state: State) -> Reach:
    """Where phones join this quiz, with a note when that address would not reach them."""
    return reach(url_for("phones.join", ma=state.code))


@bp.post("/chu-de/<slug>/do-vui-ca-lop/dien-thoai")
def start(slug: str):
    quiz = current_catalog().quizzes.get(slug) or abort(404)
    if not quiz.practice:
        abort(404)
    try:
        state = live_quiz.start(
            db.session, slug, quiz.practice, clock.now(), address=request.remote_addr or ""
        )
    except TooManyOpen:
        return _refused(TOO_MANY.format(n=OPEN_PER_ADDRESS), 429)
    except CodesUsedUp:
        return _refused(CODES_USED_UP, 503)
    held.remember(KIND, state.id)
    return redirect(url_for("live_quiz.screen", quiz_id=state.id), 303)


@bp.get("/do-vui/<int:quiz_id>")
def screen(quiz_id: int):
    state = _hosted(quiz_id)
    quiz, item = quiz_and_item(state)
    topic = current_catalog().topic(state.topic)
    shown_at = join_reach(state)
    import segno  # only these pages draw QR codes

    return render_template(
        "class_quiz/live.html",
        state=state,
        topic=topic,
        item=item,
        choices=shown(item, state.current) if item else [],
        right_order=right_order(item, state.current) if item else [],
        tally=live_quiz.tally(db.session, state),
        reach=shown_at,
        qr=segno.make(shown_at.url, error="m").svg_data_uri(scale=6, border=2),
    )


@bp.post("/do-vui/<int:quiz_id>")
def step(quiz_id: int):
    _hosted(quiz_id)
    action = request.form.get("buoc", "")
    if action not in ("next", "reveal"):
        abort(400)
    live_quiz.step(db.session, quiz_id, action, clock.now()) or abort(404)
    return redirect(url_for("live_quiz.screen", quiz_id=quiz_id), 303)


@bp.get("/do-vui/<int:quiz_id>/dem")
def count(quiz_id: int):
    """The live count the projector shows, asked every 1.5 s."""
    state = _hosted(quiz_id)
    tally = live_quiz.tally(db.session, state)
    response = jsonify(
        {
            **state.as_json(),
            "answered": tally.answered,
            "per_choice": list(tally.per_choice),
            "joined": tally.joined,
        }
    )
    response.cache_control.no_store = True
    return response


def _refused(message: str, status: int):
    page = render_template("errors/page.html", title="Chưa bắt đầu được", message=message)
    return page, status


def _hosted(quiz_id: int) -> State:
    if not held.holds(KIND, quiz_id):
        abort(403)
    return live_quiz.current(db.session, quiz_id, clock.now()) or abort(404)
