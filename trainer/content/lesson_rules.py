"""The limits that keep a lesson short, plain and visual: one screen per step."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from trainer.content import markdown, readability
from trainer.content.model import Illustration, Problem
from trainer.content.readability import MAX_SENTENCE_SYLLABLES, WARN_SENTENCE_SYLLABLES
from trainer.content.sections import Section

MAX_STEP_WORDS = 40
MAX_BOX_WORDS = 30
MAX_STEP_WORDS_WITH_BOXES = 50
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
    problems += [
        Problem(
            shown,
            line,
            f"sentence of {count} syllables; keep each to {MAX_SENTENCE_SYLLABLES} "
            f"(split it in two): «{_opening(sentence)}»",
        )
        for line, count, sentence in _sentences(intro, steps)
        if count > MAX_SENTENCE_SYLLABLES
    ]
    return problems


def sentence_advice(intro: Section, steps: list[Section], shown: Path) -> list[Problem]:
    """Warnings, not errors: sentences long enough to lose an elder who listens."""
    return [
        Problem(
            shown,
            line,
            f"warning: sentence of {count} syllables; under {WARN_SENTENCE_SYLLABLES} "
            f"is easier to follow by ear: «{_opening(sentence)}»",
            rule="long-sentence",
        )
        for line, count, sentence in _sentences(intro, steps)
        if WARN_SENTENCE_SYLLABLES <= count <= MAX_SENTENCE_SYLLABLES
    ]


def _sentences(intro: Section, steps: list[Section]):
    """(line, syllables, sentence) for every sentence of the intro, the steps and their boxes."""
    for section in (intro, *steps):
        for token in section.body:
            if token.type == "inline":
                line = token.map[0] + 1 if token.map else section.line
                for sentence in readability.sentences(markdown.inline_text(token)):
                    yield line, readability.syllables(sentence), sentence
        for box, line in section.boxes:
            for sentence in readability.sentences(box.text):
                yield line + 1, readability.syllables(sentence), sentence


def _opening(sentence: str, words: int = 8) -> str:
    pieces = sentence.split()
    return " ".join(pieces[:words]) + (" …" if len(pieces) > words else "")


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
    with_boxes = words + sum(markdown.word_count(box.text) for box, _ in step.boxes)
    if with_boxes > MAX_STEP_WORDS_WITH_BOXES:
        problems.append(
            Problem(
                shown,
                step.line,
                f"step too long with its boxes: {with_boxes} words; keep the step and its "
                f"boxes to {MAX_STEP_WORDS_WITH_BOXES}: shorten a box or split the step",
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
