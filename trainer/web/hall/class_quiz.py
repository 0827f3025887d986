"""Class quiz: the instructor projects a topic's questions in order; the hall answers by a show
of hands; the answer appears only when the instructor asks for it. Practice, not a test: no
accounts, nothing recorded. The answer is not even in the page until it is asked for.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from flask import Blueprint, abort, render_template, request, url_for

from trainer.content.model import Choice, Item
from trainer.web.core.catalog import current_catalog

bp = Blueprint("class_quiz", __name__)
LETTERS = "ABCDEFGH"
KINDS = {
    "single": "Chọn một câu đúng.",
    "multiple": "Có thể có nhiều câu đúng.",
    "true_false": "Đúng hay sai?",
    "order": "Xếp theo thứ tự đúng.",
    "picture": "Chọn hình đúng.",
}


@dataclass(frozen=True)
class Shown:
    letter: str
    choice: Choice
    right: bool


@bp.app_template_global()
def class_quiz_url(topic: str) -> str | None:
    """Where a topic's class quiz starts, if the topic has a question bank."""
    return url_for("class_quiz.start", slug=topic) if topic in current_catalog().quizzes else None


@bp.get("/chu-de/<slug>/do-vui-ca-lop")
def start(slug: str):
    topic, quiz = _topic_and_quiz(slug)
    return render_template("class_quiz/start.html", topic=topic, quiz=quiz)


@bp.get("/chu-de/<slug>/do-vui-ca-lop/<int:number>")
def question(slug: str, number: int):
    topic, quiz = _topic_and_quiz(slug)
    if not 1 <= number <= len(quiz.items):
        abort(404)
    item = quiz.items[number - 1]
    return render_template(
        "class_quiz/question.html",
        topic=topic,
        quiz=quiz,
        number=number,
        item=item,
        kind=KINDS[item.type],
        choices=shown_choices(item),
        right_order=right_order(item),
        revealed="dap-an" in request.args,
    )


def _topic_and_quiz(slug: str):
    catalog = current_catalog()
    topic = catalog.topic(slug) or abort(404)
    quiz = catalog.quizzes.get(slug) or abort(404)
    return topic, quiz


def shown_choices(item: Item) -> list[Shown]:
    """The choices with their letters; an "order" item is shuffled the same way every time."""
    positions = list(range(len(item.choices)))
    if item.type == "order":
        random.Random(item.id).shuffle(positions)
    return [
        Shown(LETTERS[at], item.choices[position], position in item.answer)
        for at, position in enumerate(positions)
    ]


def right_order(item: Item) -> list[str]:
    """For an "order" item, the letters in the right sequence."""
    if item.type != "order":
        return []
    letter_of = {choice.choice: choice.letter for choice in shown_choices(item)}
    return [letter_of[choice] for choice in item.choices]
