"""One row of the lessons table: a topic in one language, measured the way a reader meets it."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from trainer.content import markdown, readability
from trainer.content.lesson_rules import MAX_STEP_WORDS, MAX_STEP_WORDS_WITH_BOXES
from trainer.content.media import svg_text_px
from trainer.content.model import Lesson, Step
from trainer.content.picture_text import LESSON_PICTURE_PX, MIN_LESSON_TEXT_PX


@dataclass(frozen=True)
class LessonRow:
    """One topic in one language."""

    topic: str
    language: str
    lessons: int
    steps: int
    median_words: float
    max_words: int
    over_limit: int  # steps over MAX_STEP_WORDS
    max_words_with_boxes: int  # a step's words and its tip and careful boxes
    longest_sentence: int  # syllables of the longest sentence, intro, steps and boxes
    smallest_text_px: float | None  # smallest words in a picture on a 360 px phone; None: none
    violations: int  # steps over either word limit, sentences over 20, pictures under 12 px
    without_picture: int  # steps with no picture, no alt text, or a picture file that is missing
    without_audio: int | None  # None: no audio manifest, so unknown
    held_back: int  # lessons with a problem, which the server does not show


class Voiced(Protocol):
    """What says which steps have audio: the audio manifest of `trainer.speech.manifest`."""

    def clip(self, slug: str, language: str, number: int) -> object | None: ...


@dataclass
class _Tally:
    words: list[int]
    with_boxes: list[int]
    sentences: list[int]
    text_px: list[float]
    pictureless: int = 0
    silent: int = 0


def lesson_row(
    topic: str,
    language: str,
    lessons: list[tuple[Lesson, bool]],
    root: Path,
    manifest: Voiced | None,
) -> LessonRow:
    """Measure the lessons of one topic in one language; `bool` says check holds it back."""
    tally = _Tally([], [], [], [])
    for lesson, _ in lessons:
        tally.sentences += _syllables(lesson.intro_text)
        for step in lesson.steps:
            _measure(step, tally, root)
            if manifest is not None and not manifest.clip(lesson.slug, language, step.number):
                tally.silent += 1
    words = tally.words
    return LessonRow(
        topic=topic,
        language=language,
        lessons=len(lessons),
        steps=len(words),
        median_words=statistics.median(words) if words else 0,
        max_words=max(words, default=0),
        over_limit=sum(count > MAX_STEP_WORDS for count in words),
        max_words_with_boxes=max(tally.with_boxes, default=0),
        longest_sentence=max(tally.sentences, default=0),
        smallest_text_px=min(tally.text_px, default=None),
        violations=_violations(tally),
        without_picture=tally.pictureless,
        without_audio=tally.silent if manifest is not None else None,
        held_back=sum(held for _, held in lessons),
    )


def _measure(step: Step, tally: _Tally, root: Path) -> None:
    tally.words.append(markdown.word_count(step.text))
    boxes = [box.text for box in step.boxes]
    tally.with_boxes.append(tally.words[-1] + sum(markdown.word_count(text) for text in boxes))
    tally.sentences += [count for text in (step.text, *boxes) for count in _syllables(text)]
    picture = step.illustration
    if not (picture and picture.alt and (root / "media" / picture.src).is_file()):
        tally.pictureless += 1
    elif (px := _text_px(root / "media" / picture.src)) is not None:
        tally.text_px.append(px)


def _violations(tally: _Tally) -> int:
    return (
        sum(count > MAX_STEP_WORDS for count in tally.words)
        + sum(count > MAX_STEP_WORDS_WITH_BOXES for count in tally.with_boxes)
        + sum(count > readability.MAX_SENTENCE_SYLLABLES for count in tally.sentences)
        + sum(px < MIN_LESSON_TEXT_PX - 0.005 for px in tally.text_px)
    )


def _syllables(text: str) -> list[int]:
    return [readability.syllables(sentence) for sentence in readability.sentences(text)]


def _text_px(source: Path) -> float | None:
    return svg_text_px(source, LESSON_PICTURE_PX) if source.suffix.lower() == ".svg" else None
