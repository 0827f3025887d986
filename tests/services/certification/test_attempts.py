import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa

from tests.concurrency import at_once
from tests.factories import make_team, make_user
from tests.services.certification_clock import (
    Clock,
    load_quiz,
    open_database,
    right_answers,
)
from trainer.models import Certificate, QuizAttempt
from trainer.services.certification import attempts


@pytest.fixture
def sessions(tmp_path):
    return open_database(tmp_path / "trainer.sqlite")


@pytest.fixture
def db(sessions):
    with sessions() as session:
        yield session


@pytest.fixture
def quiz():
    return load_quiz()


@pytest.fixture
def member(db):
    return make_user(db, "Lò Văn Páo", team=make_team(db))


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def test_starting_draws_the_banks_number_of_items_and_stores_the_attempt(db, member, quiz, clock):
    attempt = attempts.start(db, member.id, quiz)

    stored = db.scalars(sa.select(QuizAttempt)).all()
    assert stored == [attempt]
    assert len(attempt.items) == quiz.draw
    assert attempt.started_at == clock.moment and not attempt.submitted


def test_starting_again_before_submitting_resumes_the_same_attempt(db, member, quiz, clock):
    first = attempts.start(db, member.id, quiz)

    again = attempts.start(db, member.id, quiz)

    assert again.token == first.token


def test_a_pass_stores_the_score_and_issues_a_certificate_for_twelve_months(
    db, member, quiz, clock
):
    attempt = attempts.start(db, member.id, quiz)

    stored, grade, certificate = attempts.submit(
        db, member.id, attempt.token, quiz, right_answers(quiz, attempt)
    )

    assert (stored.score, stored.passed, grade.passed) == (100, True, True)
    assert certificate.topic == "an-toan" and certificate.user_id == member.id
    assert (certificate.expires_at - certificate.issued_at).days == 365
    assert len(certificate.code) == 19


def test_a_fail_is_stored_without_a_certificate(db, member, quiz, clock):
    attempt = attempts.start(db, member.id, quiz)

    stored, grade, certificate = attempts.submit(
        db, member.id, attempt.token, quiz, right_answers(quiz, attempt, wrong=2)
    )

    assert (stored.score, stored.passed, certificate) == (50, False, None)
    assert db.scalar(sa.select(sa.func.count(Certificate.id))) == 0


def test_after_a_fail_a_retake_waits_for_the_banks_hours(db, member, quiz, clock):
    attempt = attempts.start(db, member.id, quiz)
    attempts.submit(db, member.id, attempt.token, quiz, {})
    clock.forward(hours=11)

    with pytest.raises(attempts.RetakeTooSoon) as refused:
        attempts.start(db, member.id, quiz)

    assert refused.value.until == attempt.submitted_at + timedelta(hours=12)


def test_after_the_waiting_time_a_new_attempt_is_drawn(db, member, quiz, clock):
    failed = attempts.start(db, member.id, quiz)
    attempts.submit(db, member.id, failed.token, quiz, {})
    clock.forward(hours=12, minutes=1)

    retake = attempts.start(db, member.id, quiz)

    assert retake.token != failed.token


def test_each_fail_in_a_row_doubles_the_wait(db, member, quiz, clock):
    first = attempts.start(db, member.id, quiz)
    attempts.submit(db, member.id, first.token, quiz, {})
    clock.forward(hours=12, minutes=1)
    second = attempts.start(db, member.id, quiz)
    attempts.submit(db, member.id, second.token, quiz, {})
    clock.forward(hours=23)

    with pytest.raises(attempts.RetakeTooSoon) as refused:
        attempts.start(db, member.id, quiz)

    assert refused.value.until == second.submitted_at + timedelta(hours=24)


def test_a_pass_starts_the_count_of_fails_again(db, member, quiz, clock):
    for _ in range(2):
        failed = attempts.start(db, member.id, quiz)
        attempts.submit(db, member.id, failed.token, quiz, {})
        clock.forward(days=2)
    passed = attempts.start(db, member.id, quiz)
    attempts.submit(db, member.id, passed.token, quiz, right_answers(quiz, passed))
    clock.forward(days=30)
    again = attempts.start(db, member.id, quiz)
    attempts.submit(db, member.id, again.token, quiz, {})

    assert attempts.retake_from(db, member.id, quiz) == again.submitted_at + timedelta(hours=12)


def test_a_retake_draws_none_of_the_items_the_last_attempt_showed(db, member, quiz, clock):
    failed = attempts.start(db, member.id, quiz)
    attempts.submit(db, member.id, failed.token, quiz, {})
    clock.forward(hours=13)

    retake = attempts.start(db, member.id, quiz)

    assert {e["id"] for e in retake.items}.isdisjoint({e["id"] for e in failed.items})


def test_an_attempt_left_to_run_out_of_time_counts_as_failed_for_the_wait(db, member, quiz, clock):
    attempts.start(db, member.id, quiz)
    clock.forward(minutes=15)

    with pytest.raises(attempts.RetakeTooSoon):
        attempts.start(db, member.id, quiz)


def test_a_late_submission_is_stored_but_never_passes(db, member, quiz, clock):
    attempt = attempts.start(db, member.id, quiz)
    clock.forward(minutes=13)

    stored, grade, certificate = attempts.submit(
        db, member.id, attempt.token, quiz, right_answers(quiz, attempt)
    )

    assert (stored.score, stored.passed, certificate) == (100, False, None)


def test_a_second_submission_is_refused_and_changes_nothing(db, member, quiz, clock):
    attempt = attempts.start(db, member.id, quiz)
    attempts.submit(db, member.id, attempt.token, quiz, right_answers(quiz, attempt, wrong=4))

    with pytest.raises(attempts.AttemptRefused):
        attempts.submit(db, member.id, attempt.token, quiz, right_answers(quiz, attempt))

    db.rollback()
    assert db.get(QuizAttempt, attempt.id).score == 0
    assert db.scalar(sa.select(sa.func.count(Certificate.id))) == 0


def test_answers_for_an_item_not_drawn_are_refused_and_the_attempt_stays_open(
    db, member, quiz, clock
):
    attempt = attempts.start(db, member.id, quiz)
    drawn = {entry["id"] for entry in attempt.items}
    not_drawn = next(item.id for item in quiz.items if item.id not in drawn)

    with pytest.raises(attempts.AttemptRefused):
        attempts.submit(db, member.id, attempt.token, quiz, {not_drawn: [0]})

    db.rollback()
    assert not db.get(QuizAttempt, attempt.id).submitted


def test_another_members_attempt_cannot_be_submitted(db, member, quiz, clock):
    attempt = attempts.start(db, member.id, quiz)
    other = make_user(db, "Vàng Thị Mai", team=member.team)

    with pytest.raises(attempts.AttemptRefused):
        attempts.submit(db, other.id, attempt.token, quiz, right_answers(quiz, attempt))

    db.rollback()
    assert not db.get(QuizAttempt, attempt.id).submitted


def test_fifty_members_submitting_at_once_are_each_stored_exactly_once(sessions, db, quiz, clock):
    team = make_team(db)
    members = [make_user(db, f"Thành viên {n}", team=team) for n in range(50)]
    started = [(m.id, attempts.start(db, m.id, quiz)) for m in members]
    work = [
        (user_id, a.token, right_answers(quiz, a, wrong=n % 3))
        for n, (user_id, a) in enumerate(started)
    ]
    barrier, errors = threading.Barrier(50), []

    def submit(user_id, token, answers):
        with sessions() as session:
            barrier.wait()
            try:
                attempts.submit(session, user_id, token, quiz, answers)
                attempts.submit(session, user_id, token, quiz, answers)  # a double tap
            except attempts.AttemptRefused:
                pass
            except Exception as error:  # noqa: BLE001 - any other failure fails the test
                errors.append(error)

    at_once(submit, work)

    assert errors == []
    db.rollback()
    rows = db.scalars(sa.select(QuizAttempt)).all()
    assert len(rows) == 50 and all(row.submitted for row in rows)
    passed = sum(row.passed for row in rows)
    certificates = db.scalar(sa.select(sa.func.count(Certificate.id)))
    assert certificates == passed == len([n for n in range(50) if n % 3 == 0])
