"""The quiz items a group of members most often got wrong, for the instructor's roster."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.content.model import Item, Quiz
from trainer.models import QuizAttempt


@dataclass(frozen=True)
class Missed:
    item: Item
    wrong: int
    asked: int


def most_missed(session: Session, user_ids: Iterable[int], quiz: Quiz, limit: int = 5) -> list:
    """The quiz items these members most often got wrong, worst first."""
    asked: Counter = Counter()
    wrong: Counter = Counter()
    results = session.scalars(
        sa.select(QuizAttempt.results).where(
            QuizAttempt.user_id.in_(list(user_ids)),
            QuizAttempt.topic == quiz.topic,
            QuizAttempt.submitted_at.is_not(None),
        )
    )
    for result in results:
        for item_id, right in (result or {}).items():
            asked[item_id] += 1
            wrong[item_id] += not right
    items = {item.id: item for item in quiz.items}
    ranked = sorted(
        (Missed(items[i], wrong[i], asked[i]) for i in wrong if wrong[i] and i in items),
        key=lambda missed: (-missed.wrong, missed.item.id),
    )
    return ranked[:limit]
