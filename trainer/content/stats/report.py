"""The content-stats report as plain text tables."""

from __future__ import annotations

from collections.abc import Mapping

from trainer.content import readability
from trainer.content.lesson_rules import MAX_STEP_WORDS, MAX_STEP_WORDS_WITH_BOXES
from trainer.content.model import ITEM_TYPES
from trainer.content.picture_text import MIN_LESSON_TEXT_PX
from trainer.content.stats.collect import Stats

# topic -> guesser name -> share of attempts passed (services.certification.guess_odds)
Odds = Mapping[str, Mapping[str, float]]

LESSON_HEADER = (
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
BANK_HEADER = (
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


def render(stats: Stats, odds: Odds | None = None) -> list[str]:
    """The report as lines of plain text tables; the guessers' table when odds are given."""
    lines = ["Lessons, per topic and language:", *_lesson_table(stats)]
    if not stats.audio_known:
        lines.append("  no audio: unknown until `trainer build` writes the audio manifest")
    lines += ["", "Question banks, per topic:", *_bank_table(stats)]
    if stats.topics_without_bank:
        lines.append(f"  no bank yet: {', '.join(stats.topics_without_bank)}")
    if odds:
        lines += ["", "Share of attempts passed, per bank and guesser (the real draw):"]
        lines += _odds_table(odds)
    if stats.steps:
        lines += ["", "Items per lesson step (certification, practice):", *_step_table(stats)]
    return lines + ["", *_totals(stats)]


def _lesson_table(stats: Stats) -> list[str]:
    rows = [
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
        for row in stats.lessons
    ]
    return _table([LESSON_HEADER, *rows], left=2)


def _bank_table(stats: Stats) -> list[str]:
    rows = [
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
        for bank in stats.banks
    ]
    return _table([BANK_HEADER, *rows], left=1)


def _odds_table(odds: Odds) -> list[str]:
    names = list(next(iter(odds.values())))
    rows = [(topic, *(f"{shares[name]:.1%}" for name in names)) for topic, shares in odds.items()]
    return _table([("topic", *names), *rows], left=1)


def _step_table(stats: Stats) -> list[str]:
    rows = [
        (step.topic, step.lesson, f"#{step.number}", step.name, step.items, step.practice)
        for step in stats.steps
    ]
    return _table([("topic", "lesson", "step", "name", "items", "practice"), *rows], left=4)


def _totals(stats: Stats) -> list[str]:
    over = sum(row.over_limit for row in stats.lessons)
    pictureless = sum(row.without_picture for row in stats.lessons)
    violations = sum(row.violations for row in stats.lessons)
    return [
        f"Steps over {MAX_STEP_WORDS} words: {over}. Steps without a picture: {pictureless}.",
        f"Violations (steps over {MAX_STEP_WORDS} words or {MAX_STEP_WORDS_WITH_BOXES} with "
        f"boxes, sentences over {readability.MAX_SENTENCE_SYLLABLES} syllables, picture text "
        f"under {MIN_LESSON_TEXT_PX} px): {violations}.",
    ]


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
