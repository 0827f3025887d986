"""Reading question banks (`quizzes/<topic>.yaml`): one per topic, checked item by item.

A bank holds certification `items`, drawn for attempts, and `practice` items, which may be
shown with their answers to anyone; the rules in `bank_rules` keep the two apart.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from trainer.content import bank_rules, step_names
from trainer.content.fields import SLUG, Fields
from trainer.content.model import ITEM_TYPES, Choice, Item, Problem, Quiz
from trainer.content.source import Located, read_named_yaml
from trainer.content.telling_words import telling_problems

QUIZ_FIELDS = (
    "pass_mark",
    "draw",
    "time_limit_minutes",
    "retake_after_hours",
    "items",
    "practice",
)
ITEM_FIELDS = (
    "id",
    "type",
    "text",
    "choices",
    "answer",
    "explanation",
    "step",
    "shuffle",
    "scenario",
)
UNSHUFFLED = ("single", "multiple", "picture")  # the types that may keep their written order
TRUE_FALSE = (Choice("Đúng"), Choice("Sai"))
CHOICE_COUNTS = {"single": (2, 6), "multiple": (2, 6), "order": (3, 8), "picture": (2, 4)}


def read_quiz(path: Path, shown: Path) -> tuple[Quiz | None, list[Problem]]:
    """Parse a question bank; its topic is the file name."""
    doc, problems = read_named_yaml(path, shown, "topic")
    if doc is None:
        return None, problems
    fields = Fields(doc)
    fields.only(QUIZ_FIELDS)
    item_problems: list[Problem] = []
    items = _untold(
        _read_items(fields, "items", item_problems, required=True), shown, item_problems
    )
    practice = _read_items(fields, "practice", item_problems, required=False)
    quiz = Quiz(
        topic=path.stem,
        pass_mark=fields.number("pass_mark", required=False, low=50, high=100) or 80,
        draw=fields.number("draw", high=100) or 1,
        items=tuple(items),
        time_limit_minutes=fields.number("time_limit_minutes", required=False, high=180),
        retake_after_hours=fields.number("retake_after_hours", required=False, low=0, high=720)
        or 0,
        path=shown,
        practice=tuple(practice),
        draw_line=doc.line("draw"),
        item_problems=tuple(item_problems),
    )
    problems = fields.problems + item_problems + _bank_problems(quiz, doc)
    if not problems:  # figures over a bank with items left out would mislead
        problems = bank_rules.bank_problems(quiz)
        quiz = dataclasses.replace(quiz, rule_problems=tuple(problems))
    return quiz, problems


def _read_items(fields: Fields, key: str, problems: list[Problem], *, required: bool) -> list[Item]:
    """The good items under key; each broken item's problems go to problems, not the bank's."""
    raw = fields.data.get(key)
    if raw is None and not required:
        return []
    if not isinstance(raw, list) or not raw:
        fields.problems.append(fields.doc.problem(f"`{key}` must be a list of questions", key))
        return []
    items = [_read_item(fields.doc, key, index, problems) for index in range(len(raw))]
    return [item for item in items if item]


def _untold(items: list[Item], shown: Path, problems: list[Problem]) -> list[Item]:
    """The certification items whose pictures do not tell the right choice by a word in their
    file names or alt texts; the others' problems go to problems."""
    kept = []
    for item in items:
        told = telling_problems(item, shown)
        problems += told
        if not told:
            kept.append(item)
    return kept


def _bank_problems(quiz: Quiz, doc: Located) -> list[Problem]:
    problems = []
    if len(quiz.items) < quiz.draw:
        problems.append(
            doc.problem(
                f"`draw` is {quiz.draw} but the bank has only {len(quiz.items)} good items", "draw"
            )
        )
    seen: set[str] = set()
    for item in (*quiz.items, *quiz.practice):
        if item.id in seen:
            problems.append(Problem(quiz.path, item.line, f"duplicate item id `{item.id}`"))
        seen.add(item.id)
    return problems


def _read_item(doc: Located, key: str, index: int, problems: list[Problem]) -> Item | None:
    fields = Fields(doc, key, index)
    fields.only(ITEM_FIELDS)
    kind = fields.choice("type", ITEM_TYPES)
    item_id, text = fields.slug("id"), fields.text("text", max_length=300)
    explanation = fields.text("explanation", max_length=400)
    lesson, step = _read_step(fields)
    choices = _read_choices(fields, kind) if kind else ()
    answer = _read_answer(fields, kind, len(choices)) if kind and choices else None
    shuffle = _read_flag(fields, "shuffle", default=True)
    if shuffle is False and kind and kind not in UNSHUFFLED:
        fields.problems.append(
            fields.doc.problem(
                f"`shuffle: false` is for {', '.join(UNSHUFFLED)} items; "
                f"a `{kind}` item is always shown the same way",
                *fields.keys,
                "shuffle",
            )
        )
    scenario = _read_flag(fields, "scenario", default=False)
    problems += fields.problems
    if fields.problems:
        return None
    return Item(
        item_id,
        kind,
        text,
        choices,
        answer,
        explanation,
        lesson,
        step,
        line=doc.line(key, index),
        shuffle=bool(shuffle),
        scenario=bool(scenario),
    )


def _read_flag(fields: Fields, key: str, *, default: bool) -> bool | None:
    value = fields.data.get(key, default)
    if not isinstance(value, bool):
        fields.problems.append(
            fields.doc.problem(f"`{key}` is `true` or `false`", *fields.keys, key)
        )
        return None
    return value


def _read_step(fields: Fields) -> tuple[str, str]:
    """`step: lesson-slug#step-name`, the step that teaches the item."""
    value = fields.text("step")
    slug, _, name = (value or "").partition("#")
    if value and number_only(name):
        fields.problems.append(
            fields.doc.problem(
                f"`step` names a step by its name, not its number: `{slug}#{name}` points "
                "elsewhere once a step is added. Write the name the lesson gives it "
                "(its heading's `{#name}`, or the heading without accents)",
                *fields.keys,
                "step",
            )
        )
    elif value and not (SLUG.match(slug) and step_names.is_name(name)):
        fields.problems.append(
            fields.doc.problem(
                "`step` must name a lesson step, like `mat-khau-an-toan#dung-cau-dai`",
                *fields.keys,
                "step",
            )
        )
    return slug, name


def number_only(name: str) -> bool:
    return name.isdigit() or (name.startswith("buoc-") and name[5:].isdigit())


def _read_choices(fields: Fields, kind: str) -> tuple[Choice, ...]:
    if kind == "true_false":
        return TRUE_FALSE
    raw = fields.data.get("choices")
    low, high = CHOICE_COUNTS[kind]
    if not isinstance(raw, list) or not low <= len(raw) <= high:
        fields.problems.append(
            fields.doc.problem(
                f"a `{kind}` item needs {low} to {high} `choices`", *fields.keys, "choices"
            )
        )
        return ()
    choices = []
    for position, value in enumerate(raw):
        where = (*fields.keys, "choices", position)
        if kind == "picture":
            picture = value if isinstance(value, dict) else {}
            image, alt = picture.get("image"), picture.get("alt")
            if not (isinstance(image, str) and isinstance(alt, str) and alt.strip()):
                fields.problems.append(
                    fields.doc.problem(
                        "a picture choice needs `image` (under media/) and `alt` text", *where
                    )
                )
                continue
            choices.append(Choice(" ".join(alt.split()), image))
        elif (
            isinstance(value, str | int | float)
            and not isinstance(value, bool)
            and str(value).strip()
        ):
            choices.append(Choice(" ".join(str(value).split())))
        else:
            fields.problems.append(fields.doc.problem("a choice must be text", *where))
    return tuple(choices)


def _read_answer(fields: Fields, kind: str, count: int) -> tuple[int, ...] | None:
    """0-based positions of the right choices; authors write them from 1."""
    if kind == "order":
        if "answer" in fields.data:
            fields.problems.append(
                fields.doc.problem(
                    "an `order` item has no `answer`: list the choices in the right order",
                    *fields.keys,
                    "answer",
                )
            )
        return tuple(range(count))
    raw = fields.data.get("answer")
    if kind == "true_false":
        if not isinstance(raw, bool):
            fields.problems.append(
                fields.doc.problem(
                    "a `true_false` answer is `true` or `false`", *fields.keys, "answer"
                )
            )
            return None
        return (0,) if raw else (1,)
    numbers = raw if kind == "multiple" and isinstance(raw, list) else [raw]
    if (
        not numbers
        or not all(
            isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= count for n in numbers
        )
        or len(set(numbers)) != len(numbers)
    ):
        shape = (
            "a list of choice numbers, like [1, 3]" if kind == "multiple" else "one choice number"
        )
        fields.problems.append(
            fields.doc.problem(
                f"`answer` must be {shape} from 1 to {count}", *fields.keys, "answer"
            )
        )
        return None
    return tuple(sorted(n - 1 for n in numbers))
