"""How often a guesser, and a member who studied, pass each shipped question bank.

The guessers (random, shortest, longest, middle, 2nd shortest, 2nd longest, words,
always Đúng, letter A, mix, refusing) and the real draw they play are in
`trainer/services/certification/guess_odds.py`; `trainer content-stats` prints the same
per-attempt figures. A member who studied knows a random 90 % of the bank.

"Per attempt" is over fresh draws. "30 days" plays each guesser's month: as many attempts
as the retake policy lets a member who fails every one start in 30 days, each drawn as
`attempts.start` draws it (avoiding the items of the last attempts), and counts the months
with at least one pass.

    .venv/bin/python bench/quiz_odds.py [CONTENT_ROOT] [--trials N]
"""

from __future__ import annotations

import argparse
import random
from datetime import timedelta
from pathlib import Path

from trainer.content.catalog import load_catalog
from trainer.services.certification import retakes
from trainer.services.certification.guess_odds import (
    GUESSERS,
    STUDIED,
    blind,
    month_passes,
    per_attempt,
)

MONTH = timedelta(days=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=Path(__file__).parent.parent)
    parser.add_argument("--trials", type=int, default=10_000, help="attempts per figure")
    args = parser.parse_args()
    catalog, _ = load_catalog(args.root)
    rng = random.Random(10)
    months = max(1, args.trials // 10)
    print(f"{args.trials} attempts per figure; {months} months per 30-day figure.\n")
    for quiz in sorted(catalog.quizzes.values(), key=lambda q: q.topic):
        attempts = retakes.attempts_within(MONTH, quiz.retake_after_hours) or 30
        needed = -(-quiz.pass_mark * quiz.draw // 100)
        print(
            f"{quiz.topic}: {len(quiz.items)} items, draw {quiz.draw}, pass {needed} right; "
            f"first wait {quiz.retake_after_hours} h, {attempts} attempts in 30 days"
        )
        print(f"  {'who':<14}{'right of ' + str(quiz.draw):>12}{'per attempt':>13}{'30 days':>10}")
        for name, guess in GUESSERS.items():
            once, right = per_attempt(guess, quiz, rng, args.trials)
            month = sum(month_passes(guess, quiz, rng, attempts) for _ in range(months)) / months
            print(f"  {name:<14}{right:>12.2f}{once:>13.2%}{month:>10.2%}")
        once, right = per_attempt(blind, quiz, rng, args.trials, known_share=STUDIED)
        print(f"  {'studied 90 %':<14}{right:>12.2f}{once:>13.2%}\n")


if __name__ == "__main__":
    main()
