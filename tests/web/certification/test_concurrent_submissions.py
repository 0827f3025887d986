"""Fifty members press "Nộp bài" at the same moment, through the real app and SQLite file."""

from __future__ import annotations

import threading

import sqlalchemy as sa

from tests.concurrency import at_once
from tests.factories import make_team, make_user
from tests.forms import Login, token_from
from tests.services.certification_clock import load_quiz
from tests.web.certify import form_data, start_attempt
from trainer.models import Certificate, QuizAttempt

MEMBERS = 50


def test_fifty_simultaneous_submissions_are_each_stored_exactly_once(app, session):
    team = make_team(session)
    quiz = load_quiz()
    jobs = []
    for number in range(MEMBERS):
        user = make_user(session, f"Thành viên {number}", f"tv{number:02d}", team=team)
        client = app.test_client()
        Login(client)(user)
        attempt = start_attempt(client, session)
        page = client.get(f"/bai-lam/{attempt.token}").get_data(as_text=True)
        data = {"csrf_token": token_from(page), **form_data(quiz, attempt, wrong=number % 3)}
        jobs.append((client, attempt.token, data))
    barrier = threading.Barrier(MEMBERS)
    statuses: list[tuple[int, int]] = []

    def press_twice(client, token, data):
        barrier.wait()
        first = client.post(f"/bai-lam/{token}", data=data).status_code
        second = client.post(f"/bai-lam/{token}", data=data).status_code
        statuses.append((first, second))

    at_once(press_twice, jobs)

    assert statuses == [(302, 409)] * MEMBERS
    session.expire_all()
    rows = session.scalars(sa.select(QuizAttempt)).all()
    assert len(rows) == MEMBERS and all(row.submitted_at is not None for row in rows)
    passes = sum(row.passed for row in rows)
    assert passes == len(range(0, MEMBERS, 3))
    assert session.scalar(sa.select(sa.func.count(Certificate.id))) == passes
