"""Gathering the figures: every lesson and bank the catalog reads, held-back files included.

Every lesson file that parses is counted, including ones `trainer check` holds back, so a
step over the word limit or without a picture shows here instead of silently dropping out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trainer.content.catalog import Content, read_content
from trainer.content.model import Lesson, Problem
from trainer.content.stats.banks import BankRow, StepRow, bank_row, step_rows
from trainer.content.stats.lessons import LessonRow, Voiced, lesson_row

NO_TOPIC = "?"  # a translation whose original does not exist


@dataclass(frozen=True)
class Stats:
    lessons: list[LessonRow]
    banks: list[BankRow]
    topics_without_bank: list[str]
    audio_known: bool
    steps: list[StepRow] = field(default_factory=list)  # items per step, in lesson order


def collect(root: Path, manifest: Voiced | None = None) -> Stats:
    """Count the content under root; audio from the built audio manifest, when there is one."""
    content, problems = read_content(root)
    topics = [topic.slug for topic in sorted(content.topics, key=lambda t: (t.order, t.slug))]
    rank = {slug: place for place, slug in enumerate(topics)}
    groups = _by_topic_and_language(content, problems)
    ordered = sorted(
        groups, key=lambda key: (rank.get(key[0], len(rank)), key[0], key[1] != "vi", key[1])
    )
    banks = sorted(
        (bank_row(quiz) for quiz in content.quizzes),
        key=lambda bank: (rank.get(bank.topic, len(rank)), bank.topic),
    )
    return Stats(
        lessons=[lesson_row(*key, groups[key], root, manifest) for key in ordered],
        banks=banks,
        topics_without_bank=[slug for slug in topics if slug not in {b.topic for b in banks}],
        audio_known=manifest is not None,
        steps=step_rows(_originals_in_order(content, rank), content.quizzes),
    )


def _by_topic_and_language(
    content: Content, problems: list[Problem]
) -> dict[tuple[str, str], list[tuple[Lesson, bool]]]:
    """Lessons grouped by (topic, language), each with whether check holds it back."""
    held = {problem.path for problem in problems}
    originals = {lesson.slug: lesson for lesson in content.lessons if lesson.language == "vi"}
    groups: dict[tuple[str, str], list[tuple[Lesson, bool]]] = {}
    for lesson in content.lessons:
        original = originals.get(lesson.slug)
        topic = original.topic if original else NO_TOPIC
        groups.setdefault((topic, lesson.language), []).append((lesson, lesson.path in held))
    return groups


def _originals_in_order(content: Content, rank: dict[str, int]) -> list[Lesson]:
    originals = [lesson for lesson in content.lessons if lesson.language == "vi"]
    return sorted(
        originals,
        key=lambda lesson: (rank.get(lesson.topic, len(rank)), lesson.order, lesson.slug),
    )
