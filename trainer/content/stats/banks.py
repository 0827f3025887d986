"""The question-bank figures: a bank's make-up, and how many items test each lesson step."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from trainer.content import bank_rules
from trainer.content.model import ITEM_TYPES, Lesson, Quiz


@dataclass(frozen=True)
class BankRow:
    topic: str
    items: int
    by_type: dict[str, int]
    draw: int
    pass_mark: int
    practice: int = 0
    scenarios: float = 0.0  # share of items marked `scenario: true`
    longest_right: float = 0.0  # share of single items whose right choice is the longest
    shortest_right: float = 0.0
    quiz: Quiz | None = field(default=None, compare=False, repr=False)  # for the guessers


@dataclass(frozen=True)
class StepRow:
    """One step of an original lesson and the bank items that link to it."""

    topic: str
    lesson: str
    number: int
    name: str
    items: int  # certification items
    practice: int


def bank_row(quiz: Quiz) -> BankRow:
    """A bank's size by item type, draw, pass mark and the shares a guesser could exploit."""
    counts = Counter(item.type for item in quiz.items)
    longest, shortest = bank_rules.right_length_shares(quiz)
    return BankRow(
        topic=quiz.topic,
        items=len(quiz.items),
        by_type={kind: counts[kind] for kind in ITEM_TYPES},
        draw=quiz.draw,
        pass_mark=quiz.pass_mark,
        practice=len(quiz.practice),
        scenarios=sum(item.scenario for item in quiz.items) / len(quiz.items) if quiz.items else 0,
        longest_right=longest,
        shortest_right=shortest,
        quiz=quiz,
    )


def step_rows(originals: list[Lesson], quizzes: list[Quiz]) -> list[StepRow]:
    """Every step of every original lesson, with how many items and practice items name it."""
    items = Counter((item.lesson, item.step_name) for quiz in quizzes for item in quiz.items)
    practice = Counter((item.lesson, item.step_name) for quiz in quizzes for item in quiz.practice)
    return [
        StepRow(
            topic=lesson.topic,
            lesson=lesson.slug,
            number=step.number,
            name=step.name,
            items=items[(lesson.slug, step.name)],
            practice=practice[(lesson.slug, step.name)],
        )
        for lesson in originals
        for step in lesson.steps
    ]
