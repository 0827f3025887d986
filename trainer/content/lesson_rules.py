"""The limits that keep a lesson short, plain and visual: one screen per step."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from trainer.content import markdown
from trainer.content.model import Illustration, Problem
from trainer.content.sections import Section

MAX_STEP_WORDS = 40
MAX_BOX_WORDS = 30
MAX_INTRO_WORDS = 50
MAX_STEPS = 12
IMAGE_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")


def check_sections(intro: Section, steps: list[Section], shown: Path) -> list[Problem]:
    problems = []
    intro_words = markdown.word_count(markdown.plain_text(intro.body))
    if not intro_words:
        problems.append(
            Problem(shown, 1, "missing intro: write one or two sentences before the first step")
        )
    elif intro_words > MAX_INTRO_WORDS:
        problems.append(
            Problem(
                shown,
                intro.body[0].map[0] + 1,
                f"intro has {intro_words} words; keep it to {MAX_INTRO_WORDS}",
            )
        )
    if intro.illustrations or intro.boxes:
        problems.append(
            Problem(shown, 1, "pictures and boxes belong in a step, after a `## ` heading")
        )
    if not steps:
        problems.append(Problem(shown, 1, "no steps: start each step with a `## ` heading"))
    if len(steps) > MAX_STEPS:
        problems.append(
            Problem(
                shown,
                steps[MAX_STEPS].line,
                f"{len(steps)} steps; split the lesson, keep it to {MAX_STEPS}",
            )
        )
    for step in steps:
        problems += _check_step(step, shown)
    return problems


def _check_step(step: Section, shown: Path) -> list[Problem]:
    problems = []
    if not step.title:
        problems.append(Problem(shown, step.line, "step heading is empty"))
    words = markdown.word_count(markdown.plain_text(step.body))
    if words > MAX_STEP_WORDS:
        problems.append(
            Problem(
                shown,
                step.line,
                f"step too long: {words} words; keep it to "
                f"{MAX_STEP_WORDS} or split it into two steps",
            )
        )
    if not words:
        problems.append(Problem(shown, step.line, "step has no text"))
    if not step.illustrations:
        problems.append(
            Problem(shown, step.line, "step has no picture: add `![what it shows](file.svg)`")
        )
    for extra in step.illustrations[1:]:
        problems.append(
            Problem(shown, extra.line, "one picture per step; move this one to its own step")
        )
    for picture in step.illustrations:
        problems += _check_picture(picture, shown)
    kinds = [box.kind for box, _ in step.boxes]
    for box, line in step.boxes:
        if kinds.count(box.kind) > 1:
            problems.append(Problem(shown, line, f"one `{box.kind}` box per step"))
        if markdown.word_count(box.text) > MAX_BOX_WORDS:
            problems.append(
                Problem(
                    shown, line, f"`{box.kind}` box is too long; keep it to {MAX_BOX_WORDS} words"
                )
            )
    return problems


def _check_picture(picture: Illustration, shown: Path) -> list[Problem]:
    problems = []
    if not picture.alt:
        problems.append(
            Problem(
                shown,
                picture.line,
                "picture has no alt text: say what it shows, `![a phone showing …](file.svg)`",
            )
        )
    pure = PurePosixPath(picture.src)
    if "://" in picture.src or ":" in picture.src or pure.is_absolute() or ".." in pure.parts:
        problems.append(
            Problem(
                shown,
                picture.line,
                f"picture `{picture.src}` must be a file under media/, like `vneid/cai-dat.svg`",
            )
        )
    elif pure.suffix.lower() not in IMAGE_TYPES:
        problems.append(
            Problem(
                shown,
                picture.line,
                f"picture `{picture.src}` must be one of: {', '.join(IMAGE_TYPES)}",
            )
        )
    return problems
