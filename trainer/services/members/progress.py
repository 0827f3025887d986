"""Lesson progress: opened, steps reached, finished. Lessons are named by slug only."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from trainer.database import begin_write
from trainer.models import LessonProgress


def record_opened(session: Session, user_id: int, slug: str, language: str, now: datetime) -> None:
    """Note that the member opened the lesson (kept from the first time) and commit."""
    _update(session, user_id, slug, language, now, lambda row: None)


def record_step(
    session: Session, user_id: int, slug: str, language: str, step: int, now: datetime
) -> None:
    """Note the furthest step the member has reached (never goes back) and commit."""
    _update(
        session,
        user_id,
        slug,
        language,
        now,
        lambda row: setattr(row, "steps_reached", max(row.steps_reached or 0, step)),
    )


def record_finished(
    session: Session, user_id: int, slug: str, language: str, steps: int, now: datetime
) -> None:
    """Mark the lesson finished (every one of its steps reached) and commit."""

    def finish(row: LessonProgress) -> None:
        row.steps_reached = max(row.steps_reached or 0, steps)
        row.finished_at = row.finished_at or now

    _update(session, user_id, slug, language, now, finish)


def progress_by_lesson(session: Session, user_id: int) -> dict[str, LessonProgress]:
    """The member's progress rows, by lesson slug."""
    rows = session.scalars(sa.select(LessonProgress).where(LessonProgress.user_id == user_id))
    return {row.lesson_slug: row for row in rows}


def _update(session, user_id, slug, language, now, change) -> None:
    # Two tabs of one member may insert the same row at once (PostgreSQL): retry once.
    for attempt in range(2):
        begin_write(session)
        row = session.scalar(
            sa.select(LessonProgress).where(
                LessonProgress.user_id == user_id, LessonProgress.lesson_slug == slug
            )
        )
        if row is None:
            row = LessonProgress(user_id=user_id, lesson_slug=slug, opened_at=now, steps_reached=0)
            session.add(row)
        row.language = language
        change(row)
        try:
            session.commit()
            return
        except IntegrityError:
            session.rollback()
            if attempt:
                raise


def finished_counts(session: Session, user_ids: list[int]) -> dict[int, int]:
    """How many lessons each of these members has finished."""
    rows = session.execute(
        sa.select(LessonProgress.user_id, sa.func.count())
        .where(LessonProgress.user_id.in_(user_ids), LessonProgress.finished_at.is_not(None))
        .group_by(LessonProgress.user_id)
    )
    return {user_id: count for user_id, count in rows}
