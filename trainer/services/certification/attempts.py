"""Quiz attempts: start one (after any waiting time), submit it once, graded on the server.

Every attempt is stored, passed or failed. A submission that is forged (answers for items
not drawn), repeated, replayed or made for someone else's attempt is refused and changes
nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.content.model import Quiz
from trainer.database import begin_write
from trainer.models import Certificate, QuizAttempt, User
from trainer.services.certification import certificates, graded_record, grading, retakes
from trainer.services.certification.grading import Drawn, Grade
from trainer.services.common import clock

LATE_GRACE = timedelta(minutes=2)  # a slow 3G upload is not a late answer


class AttemptError(Exception):
    """A request about an attempt that is refused; `message` is for the member."""

    def __init__(self, message: str, until: datetime | None = None):
        super().__init__(message)
        self.message = message
        self.until = until


class RetakeTooSoon(AttemptError):
    """The waiting time after a failed attempt has not passed; `until` says when it does."""


class AttemptRefused(AttemptError):
    """A submission that is not counted: unknown, someone else's, repeated or forged."""


class NotApproved(AttemptError):
    """The member joined without the team's code and its instructor has not approved them."""


def deadline(attempt: QuizAttempt, quiz: Quiz) -> datetime | None:
    """When the attempt's time runs out, if the quiz has a time limit."""
    if not quiz.time_limit_minutes:
        return None
    return attempt.started_at + timedelta(minutes=quiz.time_limit_minutes)


def drawn_items(attempt: QuizAttempt) -> tuple[Drawn, ...]:
    return tuple(Drawn.from_json(entry) for entry in attempt.items)


def retake_from(session: Session, user_id: int, quiz: Quiz) -> datetime | None:
    """When the member may start a new attempt, if they must still wait (see retakes)."""
    return _retake_from(_attempts(session, user_id, quiz.topic), quiz)


def _retake_from(newest_first: list[QuizAttempt], quiz: Quiz) -> datetime | None:
    fails, last_end = 0, None
    for attempt in newest_first:
        if attempt.passed:
            break  # a pass starts the count of fails again
        end = _ended(attempt, quiz)
        if end is not None:
            fails += 1
            last_end = max(last_end or end, end)
    if last_end is None:
        return None
    until = last_end + retakes.wait_after(fails, quiz.retake_after_hours)
    return until if until > clock.now() else None


def start(session: Session, user_id: int, quiz: Quiz, rng=None) -> QuizAttempt:
    """The member's open attempt at quiz, or a new one with freshly drawn items; commits.

    The new draw avoids the items of the member's last attempts where the bank allows.

    :raises RetakeTooSoon: a failed attempt's waiting time has not passed yet.
    :raises NotApproved: the member is still waiting for their instructor's approval.
    """
    begin_write(session)
    if session.scalar(sa.select(User.pending).where(User.id == user_id)):
        session.rollback()
        raise NotApproved("Giảng viên của tổ chưa duyệt bạn vào tổ, nên chưa làm bài được.")
    now = clock.now()
    earlier = _attempts(session, user_id, quiz.topic)
    for attempt in earlier:
        if not attempt.submitted and _ended(attempt, quiz) is None:
            session.commit()
            return attempt
    if until := _retake_from(earlier, quiz):
        session.rollback()
        raise RetakeTooSoon("Bạn cần chờ trước khi làm lại bài.", until)
    seen = {entry["id"] for attempt in earlier[: retakes.SEEN_ATTEMPTS] for entry in attempt.items}
    attempt = QuizAttempt(
        user_id=user_id,
        topic=quiz.topic,
        token=secrets.token_urlsafe(24),
        items=[entry.to_json() for entry in grading.draw(quiz, rng, seen)],
        started_at=now,
        total=min(quiz.draw, len(quiz.items)),
    )
    session.add(attempt)
    session.commit()
    return attempt


def submit(
    session: Session,
    user_id: int,
    token: str,
    quiz: Quiz,
    answers: Mapping[str, Sequence[int]],
) -> tuple[QuizAttempt, Grade, Certificate | None]:
    """Grade and store the member's answers once, issuing a certificate on a pass; commits.

    answers map item ids to shown positions (see grading). A late attempt is stored and
    graded but never passes.

    :raises AttemptRefused: the attempt is unknown, another member's, already submitted, or
        the answers are forged. Nothing is stored.
    """
    begin_write(session)
    attempt = session.scalar(sa.select(QuizAttempt).where(QuizAttempt.token == token))
    try:
        if attempt is None or attempt.user_id != user_id or attempt.topic != quiz.topic:
            raise AttemptRefused("Không tìm thấy bài làm này.")
        if attempt.submitted:
            raise AttemptRefused("Bài này đã nộp rồi. Mỗi bài chỉ nộp một lần.")
        try:
            grade = grading.grade(quiz, drawn_items(attempt), answers)
        except grading.ForgedAnswers as error:
            raise AttemptRefused("Bài nộp có câu không thuộc bài làm này.") from error
    except AttemptRefused:
        session.rollback()
        raise
    now = clock.now()
    end = deadline(attempt, quiz)
    late = end is not None and now > end + LATE_GRACE
    passed = grade.passed and not late
    claimed = session.execute(
        sa.update(QuizAttempt)
        .where(QuizAttempt.id == attempt.id, QuizAttempt.submitted_at.is_(None))
        .values(
            submitted_at=now,
            answers={mark.item.id: list(mark.given) for mark in grade.marked},
            results={mark.item.id: mark.correct for mark in grade.marked},
            graded=graded_record.record(grade, drawn_items(attempt)),
            correct=grade.right,
            total=grade.total,
            score=grade.score,
            passed=passed,
        )
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # another request submitted it a moment ago
        session.rollback()
        raise AttemptRefused("Bài này đã nộp rồi. Mỗi bài chỉ nộp một lần.")
    session.refresh(attempt)
    certificate = certificates.issue(session, attempt, now) if passed else None
    session.commit()
    return attempt, grade, certificate


def is_late(attempt: QuizAttempt, quiz: Quiz) -> bool:
    end = deadline(attempt, quiz)
    return bool(end and attempt.submitted_at and attempt.submitted_at > end + LATE_GRACE)


def find(session: Session, token: str) -> QuizAttempt | None:
    """The attempt with this token, whoever's it is (check who may see it)."""
    return session.scalar(sa.select(QuizAttempt).where(QuizAttempt.token == token))


def find_own(session: Session, user_id: int, token: str) -> QuizAttempt | None:
    """The member's attempt with this token; None for anyone else's."""
    attempt = find(session, token)
    return attempt if attempt is not None and attempt.user_id == user_id else None


def history(session: Session, user_id: int, topic: str | None = None) -> list[QuizAttempt]:
    """The member's submitted attempts, newest first."""
    query = sa.select(QuizAttempt).where(
        QuizAttempt.user_id == user_id, QuizAttempt.submitted_at.is_not(None)
    )
    if topic:
        query = query.where(QuizAttempt.topic == topic)
    return list(session.scalars(query.order_by(QuizAttempt.submitted_at.desc())))


def _attempts(session: Session, user_id: int, topic: str) -> list[QuizAttempt]:
    return list(
        session.scalars(
            sa.select(QuizAttempt)
            .where(QuizAttempt.user_id == user_id, QuizAttempt.topic == topic)
            .order_by(QuizAttempt.started_at.desc())
        )
    )


def _ended(attempt: QuizAttempt, quiz: Quiz) -> datetime | None:
    """When the attempt ended: submitted, or its time ran out unsubmitted; None if still open."""
    if attempt.submitted_at is not None:
        return attempt.submitted_at
    end = deadline(attempt, quiz)
    return end if end is not None and end + LATE_GRACE < clock.now() else None
