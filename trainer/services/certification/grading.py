"""Drawing a quiz and grading it: pure functions, no Flask, no database.

An attempt shows each drawn item's choices in a shuffled order. The browser only ever
sees and sends back *shown positions*; which original choice sits at each position is
kept on the server, so the page reveals nothing about the answer (an `order` item is
written in the right order, so its original positions would give it away).
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from trainer.content.model import Item, Quiz


class ForgedAnswers(ValueError):
    """Answers for items that were not drawn, or for positions that were not shown."""


@dataclass(frozen=True)
class Drawn:
    """One item as shown in an attempt: `shown[p]` is the original choice at position p."""

    item_id: str
    shown: tuple[int, ...]

    def to_json(self) -> dict:
        return {"id": self.item_id, "shown": list(self.shown)}

    @classmethod
    def from_json(cls, data: dict) -> Drawn:
        return cls(str(data["id"]), tuple(int(p) for p in data["shown"]))


@dataclass(frozen=True)
class Marked:
    """One item after grading: what was given (original choice positions) and whether right."""

    item: Item
    given: tuple[int, ...]
    correct: bool


@dataclass(frozen=True)
class Grade:
    marked: tuple[Marked, ...]
    pass_mark: int

    @property
    def total(self) -> int:
        return len(self.marked)

    @property
    def right(self) -> int:
        return sum(mark.correct for mark in self.marked)

    @property
    def score(self) -> int:
        """Percent right, rounded down so 79.9 % never shows as a pass mark of 80."""
        return self.right * 100 // self.total if self.total else 0

    @property
    def passed(self) -> bool:
        return self.total > 0 and self.right * 100 >= self.pass_mark * self.total

    @property
    def wrong(self) -> tuple[Marked, ...]:
        return tuple(mark for mark in self.marked if not mark.correct)


def draw(
    quiz: Quiz, rng: random.Random | None = None, seen: Collection[str] = ()
) -> tuple[Drawn, ...]:
    """Pick `quiz.draw` certification items, at least one from every lesson, shuffled.

    Items in `seen` (the member's last attempts) are drawn only when a lesson has no other,
    so a retake meets new questions. When the topic has more lessons than the draw, each
    drawn item comes from a different lesson.
    """
    rng = rng or random.SystemRandom()
    by_lesson: dict[str, list[Item]] = {}
    for item in sorted(quiz.items, key=lambda item: (item.id in seen, rng.random())):
        by_lesson.setdefault(item.lesson, []).append(item)
    lessons = list(by_lesson)
    rng.shuffle(lessons)
    count = min(quiz.draw, len(quiz.items))
    chosen = [by_lesson[lesson].pop(0) for lesson in lessons[:count]]
    rest = sorted(
        (item for items in by_lesson.values() for item in items),
        key=lambda item: (item.id in seen, rng.random()),
    )
    chosen += rest[: count - len(chosen)]
    rng.shuffle(chosen)
    return tuple(Drawn(item.id, shuffled(item, rng)) for item in chosen)


def shuffled(item: Item, rng: random.Random) -> tuple[int, ...]:
    """The order to show an item's choices in: `shown[p]` is the original choice at p."""
    positions = list(range(len(item.choices)))
    if item.type == "true_false" or not item.shuffle:
        return tuple(positions)  # Đúng then Sai, always; or the order the author wrote
    rng.shuffle(positions)
    if item.type == "order" and positions == sorted(positions):
        positions.reverse()  # never show the steps already in the right order
    return tuple(positions)


def grade(quiz: Quiz, drawn: Sequence[Drawn], answers: Mapping[str, Sequence[int]]) -> Grade:
    """Mark each drawn item; answers map item id to shown positions (in order, for `order`).

    :raises ForgedAnswers: an answer names an item that was not drawn or a position not shown.
    """
    by_id = {item.id: item for item in quiz.items}
    shown = {entry.item_id: entry.shown for entry in drawn}
    if unknown := set(answers) - set(shown):
        raise ForgedAnswers(f"answers for items not drawn: {sorted(unknown)}")
    marked = []
    for entry in drawn:
        item = by_id.get(entry.item_id)
        if not fits(item, entry):  # the bank changed since the draw: it cannot be marked
            continue
        positions = list(answers.get(entry.item_id, ()))
        if any(not 0 <= p < len(entry.shown) for p in positions):
            raise ForgedAnswers(f"item {entry.item_id}: a position that was not shown")
        given = tuple(entry.shown[p] for p in positions)
        marked.append(Marked(item, given, _is_right(item, given)))
    return Grade(tuple(marked), quiz.pass_mark)


def fits(item: Item | None, entry: Drawn) -> bool:
    """True when the bank's item still has the choices the attempt showed."""
    return item is not None and sorted(entry.shown) == list(range(len(item.choices)))


def _is_right(item: Item, given: tuple[int, ...]) -> bool:
    if item.type == "order":
        return given == item.answer
    if item.type == "multiple":
        return len(set(given)) == len(given) and tuple(sorted(given)) == item.answer
    return len(given) == 1 and given == item.answer
