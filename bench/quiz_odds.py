"""How likely a guesser and a member who studied are to pass each question bank.

A guesser picks at random: one of n choices (`single`, `picture`), Đúng or Sai, any
non-empty set of choices (`multiple`), any order (`order`). A **test-wise** guesser has
not studied either but uses the two habits that beat careless banks: in a `single` item
pick the longest choice, and answer every `true_false` with Sai (trap statements are
common). A member who studied is modelled as getting each item right 9 times in 10.
Items are all-or-nothing, as graded.

    .venv/bin/python bench/quiz_odds.py
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from trainer.content.catalog import load_catalog

TRIALS = 200_000
STUDIED = 0.9


def guess_chance(item) -> float:
    count = len(item.choices)
    if item.type == "multiple":
        return 1 / (2**count - 1)
    if item.type == "order":
        return 1 / math.factorial(count)
    return 1 / count


def test_wise_chance(item) -> float:
    if item.type == "single":
        longest = max(len(choice.text) for choice in item.choices)
        ties = [n for n, choice in enumerate(item.choices) if len(choice.text) == longest]
        return (item.answer[0] in ties) / len(ties)
    if item.type == "true_false":
        return float(item.answer == (1,))
    return guess_chance(item)


def pass_rate(chances: list[float], draw: int, needed: int, rng: random.Random) -> float:
    passed = 0
    for _ in range(TRIALS):
        right = sum(rng.random() < p for p in rng.sample(chances, draw))
        passed += right >= needed
    return passed / TRIALS


def main(root: Path) -> None:
    catalog, _ = load_catalog(root)
    rng = random.Random(5)
    print(
        f"{'bank':<16}{'items':>6}{'draw':>6}{'need':>6}"
        f"{'guesser':>10}{'test-wise':>11}{'studied':>10}"
    )
    for quiz in sorted(catalog.quizzes.values(), key=lambda q: q.topic):
        needed = math.ceil(quiz.pass_mark * quiz.draw / 100)
        chances = [guess_chance(item) for item in quiz.items]
        guesser = pass_rate(chances, quiz.draw, needed, rng)
        wise = [test_wise_chance(item) for item in quiz.items]
        test_wise = pass_rate(wise, quiz.draw, needed, rng)
        studied = pass_rate([STUDIED] * len(chances), quiz.draw, needed, rng)
        print(
            f"{quiz.topic:<16}{len(quiz.items):>6}{quiz.draw:>6}{needed:>6}"
            f"{guesser:>10.2%}{test_wise:>11.2%}{studied:>10.2%}"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
