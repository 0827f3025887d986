"""Helpers for certification tests: a real SQLite database, people, and a clock to move."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from trainer.content.quizzes import read_quiz
from trainer.database import make_engine, upgrade
from trainer.models import QuizAttempt
from trainer.services.certification.grading import Drawn
from trainer.services.common import clock

BANK = Path(__file__).resolve().parent.parent / "data" / "content" / "quizzes" / "an-toan.yaml"
START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def load_quiz():
    quiz, problems = read_quiz(BANK, BANK)
    assert problems == []
    return quiz


def open_database(path: Path) -> sessionmaker[Session]:
    """A real SQLite file brought to the newest migration."""
    url = f"sqlite:///{path}"
    upgrade(url)
    return sessionmaker(make_engine(url))


class Clock:
    """Time that stands still until a test moves it."""

    def __init__(self, monkeypatch, start: datetime = START):
        self.moment = start
        monkeypatch.setattr(clock, "now", lambda: self.moment)

    def forward(self, **delta) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment


def right_answers(quiz, attempt: QuizAttempt, wrong: int = 0) -> dict[str, list[int]]:
    """Shown positions that answer the attempt's items, the first `wrong` of them wrongly."""
    by_id = {item.id: item for item in quiz.items}
    answers = {}
    for index, data in enumerate(attempt.items):
        entry = Drawn.from_json(data)
        item = by_id[entry.item_id]
        positions = [entry.shown.index(choice) for choice in item.answer]
        if index < wrong:
            positions = (
                positions[::-1]
                if item.type == "order"
                else [next(p for p in range(len(entry.shown)) if entry.shown[p] not in item.answer)]
            )
        answers[entry.item_id] = positions
    return answers
