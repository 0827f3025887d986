"""A member's own answers in class quizzes on their phone: practice they can look back on."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, render_template

from trainer.content.model import Item
from trainer.extensions import db
from trainer.services.hall import live_quiz
from trainer.web.core.access import current_user, login_required
from trainer.web.core.catalog import current_catalog

bp = Blueprint("my_answers", __name__)


@dataclass(frozen=True)
class Answered:
    topic: str
    item: Item
    right: bool
    given: list[str]  # the choices' words, as the member gave them


@bp.get("/cua-toi/do-vui")
@login_required
def mine():
    catalog = current_catalog()
    answered = []
    for row, topic in live_quiz.answers_of(db.session, current_user.id):
        quiz = catalog.quizzes.get(topic)
        item = next((i for i in quiz.practice if i.id == row.item_id), None) if quiz else None
        if item is not None:
            given = [item.choices[c].text for c in row.choices if 0 <= c < len(item.choices)]
            title = catalog.topic(topic).title() if catalog.topic(topic) else topic
            answered.append(Answered(title, item, row.right, given))
    return render_template("class_quiz/mine.html", answered=answered)
