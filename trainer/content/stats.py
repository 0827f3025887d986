"""Content statistics (`trainer content-stats`): how much is written, per topic and language.

Every lesson file that parses is counted, including ones `trainer check` holds back, so a
step over the word limit or without a picture shows here instead of silently dropping out.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from trainer.content import bank_rules, markdown, readability
from trainer.content.lesson_rules import MAX_STEP_WORDS, MAX_STEP_WORDS_WITH_BOXES
from trainer.content.lessons import read_lesson
from trainer.content.media import svg_text_px
from trainer.content.model import ITEM_TYPES, Lesson, Quiz
from trainer.content.picture_text import LESSON_PICTURE_PX, MIN_LESSON_TEXT_PX
from trainer.content.quizzes import read_quiz
from trainer.content.topics import read_languages, read_topic

NO_TOPIC = "?"  # a translation whose original does not exist


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


@dataclass(frozen=True)
class BankRow:
    topic: str
    items: int
    by_type: dict[str, int]
    draw: int
    pass_mark: int
    practice: int = 0
    scenarios: float = 0.0  # share of items marked `scenario: true`
    longest_right: float = 0.0  # share of single items whose right choice is the longest
    shortest_right: float = 0.0


@dataclass(frozen=True)
class Stats:
    lessons: list[LessonRow]
    banks: list[BankRow]
    topics_without_bank: list[str]
    audio_known: bool


class Voiced(Protocol):
    """What says which steps have audio: the audio manifest of `trainer.speech.manifest`."""

    def clip(self, slug: str, language: str, number: int) -> object | None: ...


def collect(root: Path, manifest: Voiced | None = None) -> Stats:
    """Count the content under root; audio from the built audio manifest, when there is one."""
    topics = _topic_order(root)
    lessons = _parsed_lessons(root)
    originals = {lesson.slug: lesson for lesson, _ in lessons if lesson.language == "vi"}
    groups: dict[tuple[str, str], list[tuple[Lesson, bool]]] = {}
    for lesson, held in lessons:
        original = originals.get(lesson.slug)
        topic = original.topic if original else NO_TOPIC
        groups.setdefault((topic, lesson.language), []).append((lesson, held))
    rank = {slug: place for place, slug in enumerate(topics)}
    ordered = sorted(
        groups, key=lambda key: (rank.get(key[0], len(rank)), key[0], key[1] != "vi", key[1])
    )
    rows = [
        _lesson_row(topic, language, groups[(topic, language)], root, manifest)
        for topic, language in ordered
    ]
    banks = _banks(root)
    return Stats(
        lessons=rows,
        banks=sorted(banks, key=lambda bank: (rank.get(bank.topic, len(rank)), bank.topic)),
        topics_without_bank=[slug for slug in topics if slug not in {b.topic for b in banks}],
        audio_known=manifest is not None,
    )


def _topic_order(root: Path) -> list[str]:
    found = []
    for path in sorted((root / "lessons" / "topics").glob("*.yaml")):
        topic, _ = read_topic(path, path.relative_to(root))
        if topic:
            found.append(topic)
    return [topic.slug for topic in sorted(found, key=lambda topic: (topic.order, topic.slug))]


def _parsed_lessons(root: Path) -> list[tuple[Lesson, bool]]:
    """Every lesson that parses, and whether it has a problem."""
    lessons_dir = root / "lessons"
    files = [(path, "vi") for path in sorted((lessons_dir / "vi").rglob("*.md"))]
    languages, _ = read_languages(lessons_dir / "languages.yaml", Path("languages.yaml"))
    for language in languages:
        if language.code != "vi":
            folder = lessons_dir / "dan_toc" / language.code
            files += [(path, language.code) for path in sorted(folder.rglob("*.md"))]
    parsed = []
    for path, language in files:
        lesson, problems = read_lesson(path, path.relative_to(root), language)
        if lesson:
            parsed.append((lesson, bool(problems)))
    return parsed


def _lesson_row(topic, language, lessons, root, manifest) -> LessonRow:
    words, with_boxes, sentences, text_px = [], [], [], []
    pictureless = silent = 0
    for lesson, _ in lessons:
        sentences += _syllables(lesson.intro_text)
        for step in lesson.steps:
            words.append(markdown.word_count(step.text))
            boxes = [box.text for box in step.boxes]
            with_boxes.append(words[-1] + sum(markdown.word_count(text) for text in boxes))
            sentences += [count for text in (step.text, *boxes) for count in _syllables(text)]
            picture = step.illustration
            if not (picture and picture.alt and (root / "media" / picture.src).is_file()):
                pictureless += 1
            elif (px := _text_px(root / "media" / picture.src)) is not None:
                text_px.append(px)
            if manifest is not None and not manifest.clip(lesson.slug, language, step.number):
                silent += 1
    violations = (
        sum(count > MAX_STEP_WORDS for count in words)
        + sum(count > MAX_STEP_WORDS_WITH_BOXES for count in with_boxes)
        + sum(count > readability.MAX_SENTENCE_SYLLABLES for count in sentences)
        + sum(px < MIN_LESSON_TEXT_PX - 0.005 for px in text_px)
    )
    return LessonRow(
        topic=topic,
        language=language,
        lessons=len(lessons),
        steps=len(words),
        median_words=statistics.median(words) if words else 0,
        max_words=max(words, default=0),
        over_limit=sum(count > MAX_STEP_WORDS for count in words),
        max_words_with_boxes=max(with_boxes, default=0),
        longest_sentence=max(sentences, default=0),
        smallest_text_px=min(text_px, default=None),
        violations=violations,
        without_picture=pictureless,
        without_audio=silent if manifest is not None else None,
        held_back=sum(held for _, held in lessons),
    )


def _syllables(text: str) -> list[int]:
    return [readability.syllables(sentence) for sentence in readability.sentences(text)]


def _text_px(source: Path) -> float | None:
    return svg_text_px(source, LESSON_PICTURE_PX) if source.suffix.lower() == ".svg" else None


def _banks(root: Path) -> list[BankRow]:
    banks = []
    for path in sorted((root / "quizzes").glob("*.yaml")):
        quiz, _ = read_quiz(path, path.relative_to(root))
        if quiz:
            banks.append(_bank_row(quiz))
    return banks


def _bank_row(quiz: Quiz) -> BankRow:
    counts = Counter(item.type for item in quiz.items)
    longest, shortest = bank_rules.right_length_shares(quiz)
    return BankRow(
        topic=quiz.topic,
        items=len(quiz.items),
        by_type={kind: counts[kind] for kind in ITEM_TYPES},
        draw=quiz.draw,
        pass_mark=quiz.pass_mark,
        practice=len(quiz.practice),
        scenarios=sum(item.scenario for item in quiz.items) / len(quiz.items) if quiz.items else 0,
        longest_right=longest,
        shortest_right=shortest,
    )


def render(stats: Stats) -> list[str]:
    """The report as lines of plain text tables."""
    lines = ["Lessons, per topic and language:"]
    header = (
        "topic",
        "lang",
        "lessons",
        "steps",
        "words median",
        "max",
        "over 40",
        "with boxes max",
        "longest sentence",
        "smallest text px",
        "violations",
        "no picture",
        "no audio",
        "held back",
    )
    table = [header]
    for row in stats.lessons:
        table.append(
            (
                row.topic,
                row.language,
                row.lessons,
                row.steps,
                _number(row.median_words),
                row.max_words,
                row.over_limit,
                row.max_words_with_boxes,
                row.longest_sentence,
                "-" if row.smallest_text_px is None else f"{row.smallest_text_px:.1f}",
                row.violations,
                row.without_picture,
                "unknown" if row.without_audio is None else row.without_audio,
                row.held_back,
            )
        )
    lines += _table(table, left=2)
    if not stats.audio_known:
        lines.append("  no audio: unknown until `trainer build` writes the audio manifest")
    lines += ["", "Question banks, per topic:"]
    table = [
        (
            "topic",
            "items",
            *ITEM_TYPES,
            "draw",
            "pass",
            "practice",
            "scenarios",
            "longest",
            "shortest",
        )
    ]
    for bank in stats.banks:
        table.append(
            (
                bank.topic,
                bank.items,
                *bank.by_type.values(),
                bank.draw,
                f"{bank.pass_mark}%",
                bank.practice,
                f"{bank.scenarios:.0%}",
                f"{bank.longest_right:.0%}",
                f"{bank.shortest_right:.0%}",
            )
        )
    lines += _table(table, left=1)
    if stats.topics_without_bank:
        lines.append(f"  no bank yet: {', '.join(stats.topics_without_bank)}")
    over = sum(row.over_limit for row in stats.lessons)
    pictureless = sum(row.without_picture for row in stats.lessons)
    violations = sum(row.violations for row in stats.lessons)
    lines += [
        "",
        f"Steps over {MAX_STEP_WORDS} words: {over}. Steps without a picture: {pictureless}.",
        f"Violations (steps over {MAX_STEP_WORDS} words or {MAX_STEP_WORDS_WITH_BOXES} with "
        f"boxes, sentences over {readability.MAX_SENTENCE_SYLLABLES} syllables, picture text "
        f"under {MIN_LESSON_TEXT_PX} px): {violations}.",
    ]
    return lines


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def _table(rows: list[tuple], left: int) -> list[str]:
    """Rows as aligned columns: the first `left` columns are names, the rest numbers."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[column]) for row in cells) for column in range(len(cells[0]))]
    return [
        "  "
        + "  ".join(
            cell.ljust(width) if column < left else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in cells
    ]
