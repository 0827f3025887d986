"""How likely a guesser and a member who studied are to pass each question bank.

A guesser picks at random: one of n choices (`single`, `picture`), Đúng or Sai, any
non-empty set of choices (`multiple`), any order (`order`). A member who studied is
modelled as getting each item right 9 times in 10. Items are all-or-nothing, as graded.

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


def pass_rate(chances: list[float], draw: int, needed: int, rng: random.Random) -> float:
    passed = 0
    for _ in range(TRIALS):
        right = sum(rng.random() < p for p in rng.sample(chances, draw))
        passed += right >= needed
    return passed / TRIALS


def main(root: Path) -> None:
    catalog, _ = load_catalog(root)
    rng = random.Random(5)
    print(f"{'bank':<16}{'items':>6}{'draw':>6}{'need':>6}{'guesser':>10}{'studied':>10}")
    for quiz in sorted(catalog.quizzes.values(), key=lambda q: q.topic):
        needed = math.ceil(quiz.pass_mark * quiz.draw / 100)
        chances = [guess_chance(item) for item in quiz.items]
        guesser = pass_rate(chances, quiz.draw, needed, rng)
        studied = pass_rate([STUDIED] * len(chances), quiz.draw, needed, rng)
        print(
            f"{quiz.topic:<16}{len(quiz.items):>6}{quiz.draw:>6}{needed:>6}"
            f"{guesser:>10.2%}{studied:>10.2%}"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
