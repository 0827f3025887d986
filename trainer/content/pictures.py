"""Writing the pictures topics, lessons and quizzes point to, and checking each one's words."""

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
        opaque = any(kind == "quiz" for _, _, kind in used)  # named by content hash alone
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
