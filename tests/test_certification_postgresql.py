"""Attempts and certificates on a real, throwaway PostgreSQL, as in the many-machines set-up."""

from __future__ import annotations

import threading

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tests.concurrency import at_once
from tests.factories import make_team, make_user
from tests.services.certification_clock import Clock, load_quiz, right_answers
from tests.test_postgresql import (  # noqa: F401 (fixtures)
    pg_app,
    pg_session,
    postgres_cluster,
    postgres_url,
)
from trainer import database
from trainer.models import Certificate, QuizAttempt
from trainer.services.certification import attempts

MEMBERS = 20


def test_simultaneous_double_submissions_are_each_stored_once_on_postgresql(request, monkeypatch):
    session_of_test = request.getfixturevalue("pg_session")
    url = request.getfixturevalue("pg_app").config["DATABASE_URL"]
    Clock(monkeypatch)
    quiz = load_quiz()
    engine = database.make_engine(url)
    jobs = []
    with Session(engine) as session:
        team = make_team(session)
        for number in range(MEMBERS):
            user = make_user(session, f"Thành viên {number}", f"tv{number:02d}", team=team)
            attempt = attempts.start(session, user.id, quiz)
            jobs.append((user.id, attempt.token, right_answers(quiz, attempt, number % 2)))
    barrier = threading.Barrier(MEMBERS * 2)
    outcomes: list[str] = []

    def press(user_id, token, answers):
        with Session(engine) as session:
            barrier.wait()
            try:
                attempts.submit(session, user_id, token, quiz, answers)
                outcomes.append("stored")
            except attempts.AttemptRefused:
                outcomes.append("refused")
            except Exception as error:  # noqa: BLE001 - shown by the assertion below
                outcomes.append(repr(error)[:300])

    at_once(press, [job for job in jobs for _ in range(2)])
    engine.dispose()

    assert sorted(outcomes) == ["refused"] * MEMBERS + ["stored"] * MEMBERS
    rows = session_of_test.scalars(sa.select(QuizAttempt)).all()
    assert len(rows) == MEMBERS and all(row.submitted_at is not None for row in rows)
    passes = sum(row.passed for row in rows)
    assert passes == MEMBERS // 2
    assert session_of_test.scalar(sa.select(sa.func.count(Certificate.id))) == passes
