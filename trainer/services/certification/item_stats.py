"""How each quiz item behaves across submitted attempts, as Moodle's quiz statistics show:

- seen: attempts that were graded on the item;
- facility: the share of those that got it right;
- discrimination: the correlation between getting the item right and the share right on
  the attempt's *other* items (Moodle's discrimination index, a corrected point-biserial).
  Near +1 the item separates members who know the topic from those who do not; below 0,
  members who do well elsewhere get it wrong more often: a wrong key or a trick question.

Flags need at least MIN_SEEN attempts, so two unlucky members never condemn an item.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from math import sqrt

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.models import QuizAttempt

MIN_SEEN = 5
EASY, HARD = 0.9, 0.2
FLAGS = {
    "easy": "gần như ai cũng đúng",
    "hard": "gần như ai cũng sai",
    "negative": "người giỏi lại hay sai",
}


@dataclass(frozen=True)
class ItemStat:
    topic: str
    item_id: str
    seen: int
    right: int
    discrimination: float | None  # None: too few attempts, or no spread to correlate

    @property
    def facility(self) -> float:
        return self.right / self.seen if self.seen else 0.0

    @property
    def flags(self) -> tuple[str, ...]:
        """ "easy", "hard" and/or "negative", once the item was seen MIN_SEEN times."""
        if self.seen < MIN_SEEN:
            return ()
        found = []
        if self.facility > EASY:
            found.append("easy")
        if self.facility < HARD:
            found.append("hard")
        if self.discrimination is not None and self.discrimination < 0:
            found.append("negative")
        return tuple(found)


def item_stats(topic: str, results: Iterable[Mapping[str, bool]]) -> dict[str, ItemStat]:
    """Statistics per item id from each attempt's results (item id -> right)."""
    pairs: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for result in results:
        right, total = sum(map(bool, result.values())), len(result)
        for item_id, correct in result.items():
            rest = (right - bool(correct)) / (total - 1) if total > 1 else None
            pairs[item_id].append((int(bool(correct)), rest))
    return {
        item_id: ItemStat(
            topic,
            item_id,
            seen=len(found),
            right=sum(score for score, _ in found),
            discrimination=_correlation([(s, r) for s, r in found if r is not None]),
        )
        for item_id, found in pairs.items()
    }


def collect(session: Session, topic: str | None = None) -> dict[str, dict[str, ItemStat]]:
    """topic -> item id -> statistics, over every submitted attempt (of one topic if given)."""
    query = sa.select(QuizAttempt.topic, QuizAttempt.results).where(
        QuizAttempt.submitted_at.is_not(None)
    )
    if topic:
        query = query.where(QuizAttempt.topic == topic)
    by_topic: dict[str, list[Mapping[str, bool]]] = defaultdict(list)
    for found_topic, results in session.execute(query):
        by_topic[found_topic].append(results or {})
    return {name: item_stats(name, rows) for name, rows in sorted(by_topic.items())}


def _correlation(pairs: list[tuple[int, float]]) -> float | None:
    """Pearson's r of (0/1 score, rest share); None below MIN_SEEN pairs or with no spread."""
    n = len(pairs)
    if n < MIN_SEEN:
        return None
    mean_x = sum(x for x, _ in pairs) / n
    mean_y = sum(y for _, y in pairs) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in pairs)
    var_x = sum((x - mean_x) ** 2 for x, _ in pairs)
    var_y = sum((y - mean_y) ** 2 for _, y in pairs)
    if var_x == 0 or var_y == 0:
        return None
    return cov / sqrt(var_x * var_y)
