"""Checks that span files: topics, slugs, translations and the pictures lessons point to."""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path, PurePosixPath

from trainer.content import picture_text
from trainer.content.media import Picture, build_picture
from trainer.content.model import Lesson, Problem, Quiz, Topic

# Where a picture is shown decides how small its words get: (width in CSS px, smallest px).
SHOWN_AS = {
    "lesson": (picture_text.LESSON_PICTURE_PX, picture_text.MIN_LESSON_TEXT_PX),
    "quiz": (picture_text.QUIZ_PICTURE_PX, picture_text.MIN_QUIZ_TEXT_PX),
}


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
            elif item.step > len(lesson.steps):
                problems.append(
                    Problem(
                        quiz.path,
                        item.line,
                        f"item `{item.id}`: lesson "
                        f"`{item.lesson}` has only {len(lesson.steps)} steps",
                    )
                )
    return problems


def build_pictures(
    root: Path,
    topics: list[Topic],
    lessons: list[Lesson],
    quizzes: list[Quiz],
    out_dir: Path | None,
) -> tuple[dict[str, Picture], list[Problem]]:
    """Check every picture that topics, lessons and quizzes point to; build it into out_dir."""
    wanted: dict[str, list[tuple[Path, int, str]]] = defaultdict(list)
    for topic in topics:
        wanted[topic.icon].append((topic.path, topic.icon_line, "icon"))
    for lesson in lessons:
        for step in lesson.steps:
            if step.illustration and step.illustration.src:
                wanted[step.illustration.src].append(
                    (lesson.path, step.illustration.line, "lesson")
                )
    for quiz in quizzes:
        for item in quiz.items:
            for choice in item.choices:
                if choice.image:
                    wanted[choice.image].append((quiz.path, item.line, "quiz"))
    pictures, problems = {}, []
    for src, used in sorted(wanted.items()):
        users = [(path, line) for path, line, _ in used]
        source = root / "media" / src
        if ".." in PurePosixPath(src).parts or PurePosixPath(src).is_absolute():
            problems += [
                Problem(path, line, f"picture `{src}` must be a file under media/")
                for path, line in users
            ]
            continue
        if not source.is_file():
            problems += [
                Problem(path, line, f"picture not found: media/{src}") for path, line in users
            ]
            continue
        opaque = any(kind == "quiz" for _, _, kind in used)
        picture, found = build_picture(source, Path("media") / src, out_dir, opaque=opaque)
        problems += found
        if picture is None:
            problems += [
                Problem(path, line, f"picture media/{src} cannot be shown (see above)")
                for path, line in users
            ]
        else:
            pictures[src] = picture
            problems += [
                problem
                for path, line, kind in used
                if (problem := small_text(picture, src, kind, path, line))
            ]
    return pictures, problems


def small_text(picture: Picture, src: str, kind: str, path: Path, line: int) -> Problem | None:
    """A problem if the picture's smallest words are too small where it is shown (kind)."""
    if picture.smallest_text is None or kind not in SHOWN_AS:
        return None
    shown_px, least_px = SHOWN_AS[kind]
    size, words = picture.smallest_text
    px = picture_text.rendered_px(size, picture.width, shown_px)
    if px >= least_px - 0.005:
        return None
    needed = math.ceil(least_px * picture.width / shown_px * 10) / 10
    return Problem(
        path,
        line,
        f"picture media/{src}: text «{words[:30]}» shows at {px:.1f} px in a {kind} on a "
        f"{picture_text.PHONE_PX} px phone; make its font-size at least {needed:.1f} "
        f"(now {size:g} in a drawing {picture.width} wide) so it shows at {least_px} px",
    )
