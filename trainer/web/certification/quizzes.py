"""Taking a topic's quiz: the rules, the questions (never the answers), the result."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from trainer.extensions import db
from trainer.models import QuizAttempt
from trainer.services.certification import attempts, certificates, graded_record, retakes
from trainer.services.members.access import may_see
from trainer.web.certification.quiz_form import BadForm, answers_from_form, shown_items
from trainer.web.core.access import current_user, login_required
from trainer.web.core.catalog import current_catalog

bp = Blueprint("quizzes", __name__)


@bp.after_request
def never_stored(response):
    """Quiz pages are one member's own: no shared cache or back button keeps them."""
    response.cache_control.no_store = True
    response.cache_control.private = True
    return response


def _quiz_or_404(topic: str):
    catalog = current_catalog()
    quiz = catalog.quizzes.get(topic)
    found = catalog.topic(topic)
    if quiz is None or found is None:
        abort(404)
    return quiz, found


@bp.get("/kiem-tra/<topic>")
@login_required
def rules(topic: str):
    quiz, found = _quiz_or_404(topic)
    return render_template(
        "quizzes/rules.html",
        quiz=quiz,
        topic=found,
        wait_until=attempts.retake_from(db.session, current_user.id, quiz),
        history=attempts.history(db.session, current_user.id, topic),
        certificate=certificates.latest(db.session, current_user.id, topic),
        longest_wait_days=retakes.LONGEST_WAIT_HOURS // 24,
    )


@bp.post("/kiem-tra/<topic>")
@login_required
def start(topic: str):
    quiz, found = _quiz_or_404(topic)
    try:
        attempt = attempts.start(db.session, current_user.id, quiz)
    except attempts.RetakeTooSoon:
        return redirect(url_for(".rules", topic=topic))
    except attempts.NotApproved as waiting:
        flash(waiting.message, "info")
        return redirect(url_for(".rules", topic=topic))
    return redirect(url_for(".attempt", token=attempt.token))


def _own_attempt(token: str) -> QuizAttempt:
    attempt = attempts.find_own(db.session, current_user.id, token)
    if attempt is None:
        abort(404)
    return attempt


@bp.get("/bai-lam/<token>")
@login_required
def attempt(token: str):
    found = _own_attempt(token)
    if found.submitted:
        return redirect(url_for(".result", token=token))
    quiz, topic = _quiz_or_404(found.topic)
    return render_template(
        "quizzes/attempt.html",
        attempt=found,
        topic=topic,
        items=shown_items(quiz, attempts.drawn_items(found)),
        deadline=attempts.deadline(found, quiz),
    )


@bp.post("/bai-lam/<token>")
@login_required
def submit(token: str):
    quiz, topic = _quiz_or_404(_own_attempt(token).topic)
    try:
        attempts.submit(db.session, current_user.id, token, quiz, answers_from_form(request.form))
    except (attempts.AttemptRefused, BadForm) as error:
        message = getattr(error, "message", "Bài nộp không đúng mẫu của trang.")
        return render_template("quizzes/refused.html", message=message, topic=topic), 409
    return redirect(url_for(".result", token=token))


@bp.get("/ket-qua/<token>")
@login_required
def result(token: str):
    found = attempts.find(db.session, token)
    if found is None or not may_see(current_user, found.user):
        abort(404)
    if not found.submitted:
        return redirect(url_for(".attempt", token=token))
    quiz, topic = _quiz_or_404(found.topic)
    items = graded_record.reviewed(found, quiz)
    return render_template(
        "quizzes/result.html",
        attempt=found,
        topic=topic,
        items=items,  # what was chosen and whether right; never the right choice
        wrong_count=sum(not item.correct for item in items),
        late=attempts.is_late(found, quiz),
        certificate=certificates.of_attempt(db.session, found.id),
        wait_until=attempts.retake_from(db.session, found.user_id, quiz),
        own=found.user_id == current_user.id,
    )
