"""What a submitted attempt showed and how each item was marked, kept with the attempt.

The result page reads this record, never the bank as it is now: a bank corrected after
the attempt cannot change which items a past result lists as wrong. Positions are the
positions *shown* to the member (the attempt's shuffled order).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trainer.content.model import Choice, Item, Quiz
from trainer.models import QuizAttempt
from trainer.services.certification.grading import Drawn, Grade, fits

CHANGED = "(Câu này đã được sửa trong ngân hàng câu hỏi sau khi bạn làm bài.)"


@dataclass(frozen=True)
class Reviewed:
    """One graded item as the member saw it: its choices in the order shown."""

    number: int
    id: str
    type: str
    text: str
    choices: tuple[Choice, ...]
    given: tuple[int, ...]  # shown positions chosen (in the member's order, for "order")
    right: tuple[int, ...]  # shown positions that are right (the right sequence, for "order")
    correct: bool
    explanation: str
    lesson: str
    step: int

    @property
    def chosen(self) -> tuple[str, ...]:
        """The words of the choices picked (a picture's alt text), in the member's order."""
        return tuple(self.choices[p].text for p in self.given if 0 <= p < len(self.choices))


def record(grade: Grade, drawn: Sequence[Drawn]) -> list[dict]:
    """The graded items as shown, chosen and marked: the JSON kept in `QuizAttempt.graded`."""
    shown = {entry.item_id: entry.shown for entry in drawn}
    return [
        _entry(mark.item, shown[mark.item.id], mark.given, mark.correct) for mark in grade.marked
    ]


def _entry(item: Item, shown: tuple[int, ...], given: Sequence[int], correct: bool) -> dict:
    right = item.answer if item.type == "order" else sorted(item.answer, key=shown.index)
    return {
        "id": item.id,
        "type": item.type,
        "text": item.text,
        "choices": [{"text": item.choices[p].text, "image": item.choices[p].image} for p in shown],
        "given": [shown.index(p) for p in given],
        "right": [shown.index(p) for p in right],
        "correct": correct,
        "explanation": item.explanation,
        "lesson": item.lesson,
        "step": item.step,
    }


def reviewed(attempt: QuizAttempt, quiz: Quiz) -> list[Reviewed]:
    """Every graded item of a submitted attempt, from its stored record.

    An attempt stored before records were kept has only its answers and which items were
    right: its items' words come from the bank as it is now, or say they changed.
    """
    entries = attempt.graded if attempt.graded is not None else _rebuilt(attempt, quiz)
    return [_reviewed(number, entry) for number, entry in enumerate(entries, 1)]


def wrong(attempt: QuizAttempt, quiz: Quiz) -> list[Reviewed]:
    """The items the attempt got wrong, as they were shown."""
    return [item for item in reviewed(attempt, quiz) if not item.correct]


def _reviewed(number: int, entry: dict) -> Reviewed:
    return Reviewed(
        number=number,
        id=str(entry["id"]),
        type=entry["type"],
        text=entry["text"],
        choices=tuple(Choice(c["text"], c.get("image")) for c in entry["choices"]),
        given=tuple(entry["given"]),
        right=tuple(entry["right"]),
        correct=bool(entry["correct"]),
        explanation=entry["explanation"],
        lesson=entry["lesson"],
        step=int(entry["step"]),
    )


def _rebuilt(attempt: QuizAttempt, quiz: Quiz) -> list[dict]:
    by_id = {item.id: item for item in quiz.items}
    results, answers = attempt.results or {}, attempt.answers or {}
    entries = []
    for data in attempt.items:
        entry = Drawn.from_json(data)
        if entry.item_id not in results:
            continue
        item, correct = by_id.get(entry.item_id), bool(results[entry.item_id])
        if fits(item, entry):
            entries.append(_entry(item, entry.shown, answers.get(entry.item_id, []), correct))
        else:
            entries.append(_changed(entry.item_id, correct))
    return entries


def _changed(item_id: str, correct: bool) -> dict:
    return {
        "id": item_id,
        "type": "single",
        "text": CHANGED,
        "choices": [],
        "given": [],
        "right": [],
        "correct": correct,
        "explanation": "",
        "lesson": "",
        "step": 0,
    }
