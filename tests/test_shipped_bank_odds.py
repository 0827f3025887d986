"""No guessing habit passes a shipped bank, and a member who studied does."""

from pathlib import Path

import pytest

from trainer.content.catalog import load_catalog
from trainer.services.certification.guess_odds import STUDIED_NAME, bank_odds

REPOSITORY = Path(__file__).resolve().parent.parent
CATALOG, _ = load_catalog(REPOSITORY)
TRIALS = 800


@pytest.mark.parametrize("topic", sorted(CATALOG.quizzes))
def test_every_guesser_passes_under_one_attempt_in_a_hundred_and_a_member_who_studied_passes(
    topic,
):
    odds = bank_odds(CATALOG.quizzes[topic], TRIALS)

    studied = odds.pop(STUDIED_NAME)
    assert {name: share for name, share in odds.items() if share >= 0.01} == {}
    assert studied >= 0.95
