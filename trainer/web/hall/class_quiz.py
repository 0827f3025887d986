"""Class quiz: the instructor projects a topic's practice items in order; the hall answers by a
show of hands; the answer appears only when the instructor asks for it. Practice, not a test:
no accounts, nothing recorded. The answer is not even in the page until it is asked for.

Only a bank's `practice` items are shown here, never its certification items: this page is
public, and a certification answer read beforehand would let anyone pass.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from flask import Blueprint, abort, render_template, request, url_for

from trainer.content.model import Choice, Item
from trainer.services.certification.grading import shuffled
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


def has_class_quiz(topic: str) -> bool:
    """True when the topic's bank has practice items to play in the hall."""
    quiz = current_catalog().quizzes.get(topic)
    return bool(quiz and quiz.practice)


@bp.app_template_global()
def class_quiz_url(topic: str) -> str | None:
    """Where a topic's class quiz starts, if its bank has practice items."""
    return url_for("class_quiz.start", slug=topic) if has_class_quiz(topic) else None


@bp.get("/chu-de/<slug>/do-vui-ca-lop")
def start(slug: str):
    topic, items = _topic_and_practice(slug)
    return render_template("class_quiz/start.html", topic=topic, total=len(items))


@bp.get("/chu-de/<slug>/do-vui-ca-lop/<int:number>")
def question(slug: str, number: int):
    topic, items = _topic_and_practice(slug)
    if not 1 <= number <= len(items):
        abort(404)
    item = items[number - 1]
    return render_template(
        "class_quiz/question.html",
        topic=topic,
        total=len(items),
        number=number,
        item=item,
        kind=KINDS[item.type],
        choices=shown_choices(item),
        right_order=right_order(item),
        revealed="dap-an" in request.args,
    )


def _topic_and_practice(slug: str):
    catalog = current_catalog()
    topic = catalog.topic(slug) or abort(404)
    quiz = catalog.quizzes.get(slug)
    if quiz is None or not quiz.practice:
        abort(404)
    return topic, quiz.practice


def shown_choices(item: Item) -> list[Shown]:
    """The choices with their letters, shuffled as in an attempt but the same way every time.

    The same order on every request keeps the letters still when the answer is shown.
    """
    positions = shuffled(item, random.Random(item.id))
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
