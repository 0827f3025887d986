"""Rules that keep a certification bank from giving its answers away to a test-wise guesser.

A member who never studied but knows the habits of careless banks (the right answer is
the longest choice, true/false statements are usually true, the right letter is often B)
must not pass. Each rule reports the items that make the pattern, at their line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from trainer.content.model import Item, Problem, Quiz
from trainer.content.refusal import refuses

SIZE_FACTOR = 3  # a bank holds at least three times its draw, so retakes meet new items
LENGTH_SHARE = 0.40  # at most this share of single items may have the longest right choice
TRUE_FALSE_SHARE = 0.65  # at most this share of true/false items may share one answer
POSITION_SHARE = 0.40  # at most this share of fixed-order items may share a right position
NEAR_DUPLICATE = 0.5  # two items sharing this share of their words ask the same thing
WORD = re.compile(r"\w+")


def bank_problems(quiz: Quiz) -> list[Problem]:
    """Every way the bank's certification items give answers away, or repeat each other."""
    return [
        *_size(quiz),
        *_length_bias(quiz, longest=True),
        *_length_bias(quiz, longest=False),
        *_true_false_balance(quiz),
        *_position_skew(quiz),
        *_lone_refusals(quiz),
        *_near_duplicates(quiz),
    ]


def _size(quiz: Quiz) -> list[Problem]:
    needed = SIZE_FACTOR * quiz.draw
    if len(quiz.items) >= needed:
        return []
    message = (
        f"the bank has {len(quiz.items)} items for a draw of {quiz.draw}: it needs at least "
        f"{needed} (three times the draw), so a retake meets items it has not seen"
    )
    return [Problem(quiz.path, quiz.draw_line, message)]


def _length_bias(quiz: Quiz, *, longest: bool) -> list[Problem]:
    singles = [item for item in quiz.items if item.type == "single"]
    extreme = [item for item in singles if _right_is_extreme(item, longest)]
    if len(extreme) <= LENGTH_SHARE * len(singles):
        return []
    word = "longest" if longest else "shortest"
    return [
        Problem(
            quiz.path,
            item.line,
            f"item `{item.id}`: the right choice is the {word}, as in {len(extreme)} of "
            f"{len(singles)} single items (more than 40 %); a guesser who picks the {word} "
            "choice would pass. Make a wrong choice as long, or the right one shorter",
        )
        for item in extreme
    ]


def right_length_shares(quiz: Quiz) -> tuple[float, float]:
    """Shares of single items whose right choice is strictly the longest, and the shortest."""
    singles = [item for item in quiz.items if item.type == "single"]
    if not singles:
        return 0.0, 0.0
    longest = sum(_right_is_extreme(item, True) for item in singles)
    shortest = sum(_right_is_extreme(item, False) for item in singles)
    return longest / len(singles), shortest / len(singles)


def _right_is_extreme(item: Item, longest: bool) -> bool:
    """True when the right choice is strictly the longest (or shortest) of its choices."""
    sign = 1 if longest else -1
    right = sign * len(item.choices[item.answer[0]].text)
    others = [sign * len(c.text) for n, c in enumerate(item.choices) if n != item.answer[0]]
    return all(right > other for other in others)


def _true_false_balance(quiz: Quiz) -> list[Problem]:
    answers = [item for item in quiz.items if item.type == "true_false"]
    counts = Counter(item.answer for item in answers)
    if not counts:
        return []
    common, count = counts.most_common(1)[0]
    if count <= TRUE_FALSE_SHARE * len(answers) or count - (len(answers) - count) <= 1:
        return []
    said = "true" if common == (0,) else "false"
    return [
        Problem(
            quiz.path,
            item.line,
            f"item `{item.id}`: answer `{said}`, like {count} of {len(answers)} true_false "
            f"items (more than 65 %); a guesser who always answers "
            f"{'Đúng' if said == 'true' else 'Sai'} would pass. Turn some into "
            f"{'false' if said == 'true' else 'true'} statements",
        )
        for item in answers
        if item.answer == common
    ]


def _position_skew(quiz: Quiz) -> list[Problem]:
    """Choices kept in their written order: the right one must not sit at one place."""
    fixed = [item for item in quiz.items if not item.shuffle and item.type in ("single", "picture")]
    counts = Counter(item.answer[0] for item in fixed)
    if not counts:
        return []
    position, count = counts.most_common(1)[0]
    if count <= POSITION_SHARE * len(fixed) or count <= 1:
        return []
    return [
        Problem(
            quiz.path,
            item.line,
            f"item `{item.id}`: the right choice is written at position {position + 1}, as in "
            f"{count} of {len(fixed)} items with `shuffle: false` (more than 40 %); "
            "move some right choices elsewhere",
        )
        for item in fixed
        if item.answer[0] == position
    ]


def _lone_refusals(quiz: Quiz) -> list[Problem]:
    """Items whose right choice is the only one that refuses or defers: a guesser who always
    picks the careful-sounding choice gets them without knowing the procedure."""
    return [
        Problem(
            quiz.path,
            item.line,
            f"item `{item.id}`: the right choice is the only one that refuses or defers, so "
            "a guesser who always picks the careful choice gets it. Make a wrong choice a "
            "careful-sounding mistake residents really make (calling back the number that "
            "called, locking the wrong account, asking the caller to wait)",
        )
        for item in quiz.items
        if lone_refusal(item)
    ]


def lone_refusal(item: Item) -> bool:
    """True for a single or picture item whose right choice alone refuses or defers."""
    if item.type not in ("single", "picture"):
        return False
    careful = [n for n, choice in enumerate(item.choices) if refuses(choice.text)]
    return careful == [item.answer[0]]


def _near_duplicates(quiz: Quiz) -> list[Problem]:
    return [
        Problem(
            quiz.path,
            later.line,
            f"{_kind(later, quiz)} `{later.id}` nearly repeats {_kind(earlier, quiz)} "
            f"`{earlier.id}` (line {earlier.line}): {share:.0%} of their words are the same. "
            "Keep one, or ask something else",
        )
        for earlier, later, share in near_duplicates((*quiz.items, *quiz.practice))
    ]


def _kind(item: Item, quiz: Quiz) -> str:
    return "practice item" if item in quiz.practice else "item"


def near_duplicates(items: Sequence[Item]) -> Iterable[tuple[Item, Item, float]]:
    """Pairs (earlier, later) of items whose question and answer share most of their words."""
    words = [_words(item) for item in items]
    for later in range(len(items)):
        for earlier in range(later):
            share = _overlap(words[earlier], words[later])
            if share >= NEAR_DUPLICATE:
                yield items[earlier], items[later], share


def cross_bank_duplicates(quizzes: Sequence[Quiz]) -> list[Problem]:
    """Items that nearly repeat an item of another bank (the first bank by name keeps it)."""
    problems = []
    ordered = sorted(quizzes, key=lambda quiz: quiz.topic)
    for at, quiz in enumerate(ordered):
        for other in ordered[:at]:
            for earlier in (*other.items, *other.practice):
                for later in (*quiz.items, *quiz.practice):
                    share = _overlap(_words(earlier), _words(later))
                    if share >= NEAR_DUPLICATE:
                        problems.append(
                            Problem(
                                quiz.path,
                                later.line,
                                f"item `{later.id}` nearly repeats item `{earlier.id}` of "
                                f"{other.path}:{earlier.line}: {share:.0%} of their words are "
                                "the same. Keep one, or ask something else",
                            )
                        )
    return problems


def _words(item: Item) -> frozenset[str]:
    shown = item.choices if item.type == "order" else [item.choices[n] for n in item.answer]
    text = " ".join([item.text, *(choice.text for choice in shown)])
    return frozenset(WORD.findall(unicodedata.normalize("NFC", text).lower()))


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def coverage_warnings(quiz: Quiz, lessons: Sequence[str]) -> list[Problem]:
    """Lessons of the topic that no certification item tests, or more than a draw can cover."""
    tested = set(quiz.lessons())
    warnings = [
        Problem(
            quiz.path,
            1,
            f"warning: lesson `{slug}` has no items in this bank, so no attempt tests it; "
            f"add at least {SIZE_FACTOR} items with `step: {slug}#…`",
        )
        for slug in lessons
        if slug not in tested
    ]
    if len(tested) > quiz.draw:
        warnings.append(
            Problem(
                quiz.path,
                quiz.draw_line,
                f"warning: {len(tested)} lessons have items but a draw is {quiz.draw}, so "
                "each attempt leaves some lessons untested; raise `draw`",
            )
        )
    return warnings
