"""Where each member stands on each topic: not started, studying, certified, expired.

Computed for many members at once (an instructor's roster), with a few queries in all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.models import Certificate, LessonProgress, QuizAttempt
from trainer.services.certification.certificates import EXPIRING_WITHIN, verdict
from trainer.services.common import clock

# state -> what the member's page and the roster say
LABELS = {
    "not_started": "Chưa học",
    "studying": "Đang học",
    "certified": "Đã đạt",
    "expiring": "Sắp hết hạn",
    "expired": "Hết hạn — cần thi lại",
    "revoked": "Bị thu hồi — cần thi lại",
}


@dataclass(frozen=True)
class Standing:
    topic: str
    state: str  # a key of LABELS
    certificate: Certificate | None = None
    failed: int = 0  # failed attempts at this topic, ever

    @property
    def label(self) -> str:
        return LABELS[self.state]

    @property
    def until(self) -> datetime | None:
        """When the certificate runs out, for a certified member."""
        return self.certificate.expires_at if self.certificate else None

    @property
    def cleared(self) -> bool:
        """May guide residents on this topic: holds a valid certificate."""
        return self.state in ("certified", "expiring")


def standings(
    session: Session,
    user_ids: Iterable[int],
    lessons_by_topic: Mapping[str, Iterable[str]],
    at: datetime | None = None,
) -> dict[tuple[int, str], Standing]:
    """(user id, topic) -> Standing for every member and every topic given."""
    at = at or clock.now()
    ids = list(user_ids)
    topic_of = {slug: topic for topic, slugs in lessons_by_topic.items() for slug in slugs}
    best = _best_certificates(session, ids, at)
    failed, tried = _attempt_counts(session, ids)
    studied = {
        (user_id, topic_of[slug])
        for user_id, slug in session.execute(
            sa.select(LessonProgress.user_id, LessonProgress.lesson_slug).where(
                LessonProgress.user_id.in_(ids)
            )
        )
        if slug in topic_of
    }
    result = {}
    for user_id in ids:
        for topic in lessons_by_topic:
            key = (user_id, topic)
            state = _state(best.get(key), key in studied or tried[key] > 0, at)
            result[key] = Standing(topic, state, best.get(key), failed[key])
    return result


def standing_of(
    session: Session, user_id: int, lessons_by_topic: Mapping[str, Iterable[str]]
) -> list[Standing]:
    """One member's standing on every topic, in the order given."""
    found = standings(session, [user_id], lessons_by_topic)
    return [found[(user_id, topic)] for topic in lessons_by_topic]


def _state(certificate: Certificate | None, started: bool, at: datetime) -> str:
    if certificate is not None:
        state = verdict(certificate, at)
        if state == "valid":
            return "expiring" if certificate.expires_at - at <= EXPIRING_WITHIN else "certified"
        return state
    return "studying" if started else "not_started"


def _best_certificates(
    session: Session, ids: list[int], at: datetime
) -> dict[tuple[int, str], Certificate]:
    """Per member and topic: the valid certificate that lasts longest, else the latest one."""
    best: dict[tuple[int, str], Certificate] = {}
    rows = session.scalars(
        sa.select(Certificate)
        .where(Certificate.user_id.in_(ids))
        .order_by(Certificate.issued_at, Certificate.id)
    )
    for certificate in rows:
        key = (certificate.user_id, certificate.topic)
        held = best.get(key)
        if (
            held is None
            or verdict(held, at) != "valid"
            or (verdict(certificate, at) == "valid" and certificate.expires_at > held.expires_at)
        ):
            best[key] = certificate
    return best


def _attempt_counts(session: Session, ids: list[int]) -> tuple[Counter, Counter]:
    failed: Counter = Counter()
    tried: Counter = Counter()
    rows = session.execute(
        sa.select(QuizAttempt.user_id, QuizAttempt.topic, QuizAttempt.passed).where(
            QuizAttempt.user_id.in_(ids)
        )
    )
    for user_id, topic, passed in rows:
        tried[(user_id, topic)] += 1
        failed[(user_id, topic)] += passed is False
    return failed, tried
