"""Reading a submitted quiz form into shown positions, and what each drawn item shows.

Field names: `<item id>` for single, picture and true/false (one value) and multiple
choice (one value per ticked box); `<item id>.<position>` = rank for "put in order".
Values are shown positions only, never anything that hints at the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import MultiDict

from trainer.content.model import Choice, Item, Quiz
from trainer.services.certification.grading import Drawn, fits

NOT_ANSWERS = ("csrf_token",)


@dataclass(frozen=True)
class Shown:
    """An item as the quiz page shows it: its choices in the attempt's shuffled order."""

    number: int
    item: Item
    choices: tuple[Choice, ...]


def shown_items(quiz: Quiz, drawn: tuple[Drawn, ...]) -> list[Shown]:
    by_id = {item.id: item for item in quiz.items}
    kept = [entry for entry in drawn if fits(by_id.get(entry.item_id), entry)]
    return [
        Shown(
            number,
            by_id[entry.item_id],
            tuple(by_id[entry.item_id].choices[p] for p in entry.shown),
        )
        for number, entry in enumerate(kept, 1)
    ]


class BadForm(ValueError):
    """A value no honest page would send (not a number)."""


def answers_from_form(form: MultiDict) -> dict[str, list[int]]:
    """item id -> shown positions, as the member gave them; ranked positions for `order`."""
    answers: dict[str, list[int]] = {}
    ranks: dict[str, list[tuple[int, int]]] = {}
    for key, value in form.items(multi=True):
        if key in NOT_ANSWERS or value == "":
            continue
        item_id, _, position = key.partition(".")
        if not _small_number(value) or (position and not _small_number(position)):
            raise BadForm(key)
        if position:
            ranks.setdefault(item_id, []).append((int(value), int(position)))
        else:
            answers.setdefault(item_id, []).append(int(value))
    for item_id, pairs in ranks.items():
        given = sorted(pairs)
        # Every position needs its own rank; two steps both "first" is no order at all.
        complete = [rank for rank, _ in given] == list(range(1, len(given) + 1))
        answers[item_id] = [position for _, position in given] if complete else []
    return answers


def _small_number(text: str) -> bool:
    """A choice's position or rank as a page sends it: plain digits, never "²" or 5,000 of them."""
    return text.isascii() and text.isdecimal() and len(text) <= 3
