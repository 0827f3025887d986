"""bench/quiz_odds.py plays the real draw and prints each guesser beside a member who studied."""

import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
BENCH = REPOSITORY / "bench" / "quiz_odds.py"
CONTENT = REPOSITORY / "tests" / "data" / "content"


def test_the_bench_prints_every_guesser_per_attempt_and_over_thirty_days():
    result = subprocess.run(
        [sys.executable, str(BENCH), str(CONTENT), "--trials", "40"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )

    lines = result.stdout.splitlines()
    assert (
        "an-toan: 12 items, draw 4, pass 4 right; first wait 12 h, 8 attempts in 30 days" in lines
    )
    rows = {line[:16].strip(): line[16:].split() for line in lines if line.startswith("  ")}
    for guesser in (
        "random",
        "shortest",
        "longest",
        "words",
        "always Đúng",
        "letter A",
        "mix",
        "refusing",
    ):
        right, per_attempt, month = rows[guesser]
        assert 0 <= float(right) <= 4 and per_attempt.endswith("%") and month.endswith("%")
    studied_right, studied_passes = rows["studied 90 %"]
    assert float(studied_right) > float(rows["random"][0]) + 1 and studied_passes.endswith("%")
