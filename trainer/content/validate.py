"""Checks that span files: topics, slugs, translations and the lesson steps items point to."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from trainer.content import step_names
from trainer.content.model import Item, Lesson, Problem, Quiz, Topic


def cross_check(topics: list[Topic], lessons: list[Lesson]) -> list[Problem]:
    """Problems between files: unknown topics, duplicate slugs, orphan or odd translations."""
    topic_slugs = {topic.slug for topic in topics}
    originals = [lesson for lesson in lessons if lesson.language == "vi"]
    translations = [lesson for lesson in lessons if lesson.language != "vi"]
    duplicates = _duplicates(lessons)
    refused = {problem.path for problem in duplicates}
    problems = [
        *duplicates,
        *_duplicate_orders([lesson for lesson in originals if lesson.path not in refused]),
    ]
    for lesson in originals:
        if lesson.topic and lesson.topic not in topic_slugs:
            problems.append(
                Problem(
                    lesson.path,
                    1,
                    f"unknown topic `{lesson.topic}`; topics are: {', '.join(sorted(topic_slugs))}",
                )
            )
    by_slug = _originals_by_slug(lessons)
    for lesson in translations:
        original = by_slug.get(lesson.slug)
        if original is None:
            problems.append(
                Problem(
                    lesson.path,
                    1,
                    f"translation of a lesson that does not exist: "
                    f"no file in lessons/vi/ has slug `{lesson.slug}`",
                )
            )
        elif len(lesson.steps) != len(original.steps):
            problems.append(
                Problem(
                    lesson.path,
                    1,
                    f"has {len(lesson.steps)} steps but the "
                    f"original {original.path} has {len(original.steps)}",
                )
            )
        elif lesson.topic and lesson.topic != original.topic:
            problems.append(
                Problem(
                    lesson.path,
                    1,
                    f"`topic` differs from the original's `{original.topic}`; leave it out",
                )
            )
    return problems


def _originals_by_slug(lessons: list[Lesson]) -> dict[str, Lesson]:
    """Vietnamese originals by slug; where two share one, the first by path."""
    by_slug: dict[str, Lesson] = {}
    for lesson in sorted(lessons, key=lambda lesson: str(lesson.path)):
        if lesson.language == "vi":
            by_slug.setdefault(lesson.slug, lesson)
    return by_slug


def _duplicates(lessons: list[Lesson]) -> list[Problem]:
    """Every file whose slug another file of the same language uses: neither is served,
    so a copy never silently replaces the lesson it was copied from."""
    by_key: dict[tuple[str, str], list[Lesson]] = defaultdict(list)
    for lesson in sorted(lessons, key=lambda lesson: str(lesson.path)):
        by_key[(lesson.slug, lesson.language)].append(lesson)
    problems = []
    for (slug, _), same in by_key.items():
        for lesson in same if len(same) > 1 else ():
            others = ", ".join(str(other.path) for other in same if other is not lesson)
            problems.append(
                Problem(lesson.path, 1, f"duplicate slug `{slug}`: {others} uses it too")
            )
    return problems


def _duplicate_orders(originals: list[Lesson]) -> list[Problem]:
    by_place: dict[tuple[str, int], list[Lesson]] = defaultdict(list)
    for lesson in originals:
        by_place[(lesson.topic, lesson.order)].append(lesson)
    problems = []
    for (topic, order), same in by_place.items():
        first, *rest = sorted(same, key=lambda lesson: str(lesson.path))
        problems += [
            Problem(
                lesson.path, 1, f"`order: {order}` in topic `{topic}` is also used by {first.path}"
            )
            for lesson in rest
        ]
    return problems


def quiz_references(
    quizzes: list[Quiz], topics: list[Topic], lessons: list[Lesson]
) -> list[Problem]:
    """Problems in what question banks point to: their topic and the lesson steps that teach."""
    topic_slugs = {topic.slug for topic in topics}
    originals = _originals_by_slug(lessons)
    problems = []
    for quiz in quizzes:
        if quiz.topic not in topic_slugs:
            problems.append(
                Problem(
                    quiz.path,
                    1,
                    f"no topic `{quiz.topic}`: name the file after a topic in lessons/topics/",
                )
            )
        for item in quiz.items:
            lesson = originals.get(item.lesson)
            if lesson is None:
                problems.append(
                    Problem(quiz.path, item.line, f"item `{item.id}`: no lesson `{item.lesson}`")
                )
            elif lesson.topic != quiz.topic:
                problems.append(
                    Problem(
                        quiz.path,
                        item.line,
                        f"item `{item.id}`: lesson `{item.lesson}` is in topic `{lesson.topic}`",
                    )
                )
            elif lesson.step_named(item.step_name) is None:
                names = ", ".join(step.name for step in lesson.steps)
                problems.append(
                    Problem(
                        quiz.path,
                        item.line,
                        f"item `{item.id}`: lesson `{item.lesson}` has no step "
                        f"`{item.step_name}`; its steps are: {names}",
                    )
                )
    return problems


def with_step_numbers(quiz: Quiz, lessons: list[Lesson]) -> Quiz:
    """The bank with each item's step number found from the name its `step:` gives."""
    originals = _originals_by_slug(lessons)

    def numbered(item: Item) -> Item:
        lesson = originals.get(item.lesson)
        step = lesson.step_named(item.step_name) if lesson else None
        return dataclasses.replace(item, step=step.number if step else 0)

    return dataclasses.replace(
        quiz,
        items=tuple(numbered(item) for item in quiz.items),
        practice=tuple(numbered(item) for item in quiz.practice),
    )


def step_name_problems(lessons: list[Lesson]) -> list[Problem]:
    """Steps of one original that share a name, or carry a name no item could point to."""
    problems = []
    for lesson in lessons:
        if lesson.language != "vi":
            continue
        seen: set[str] = set()
        for step in lesson.steps:
            if not step_names.is_name(step.name):
                problems.append(
                    Problem(
                        lesson.path,
                        step.line,
                        f"step name `{step.name}`: write `{{#name}}` at the end of the heading, "
                        "lowercase a-z, digits and dashes, starting with a letter",
                    )
                )
            elif step.name in seen:
                problems.append(
                    Problem(
                        lesson.path,
                        step.line,
                        f"two steps are named `{step.name}`: give one its own "
                        "`{#name}` at the end of its heading",
                    )
                )
            seen.add(step.name)
    return problems
