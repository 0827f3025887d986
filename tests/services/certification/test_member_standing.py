import pytest

from tests.factories import make_team, make_user
from tests.services.certification_clock import (
    Clock,
    load_quiz,
    open_database,
    right_answers,
)
from trainer.models import LessonProgress
from trainer.services.certification import attempts, certificates
from trainer.services.certification.member_standing import standing_of

LESSONS = {"an-toan": ["mat-khau", "lua-dao"], "nong-nghiep": ["phun-thuoc"]}


@pytest.fixture
def db(tmp_path):
    with open_database(tmp_path / "trainer.sqlite")() as session:
        yield session


@pytest.fixture
def member(db):
    return make_user(db, "Lò Văn Páo", team=make_team(db))


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def states(db, member):
    return {s.topic: s.state for s in standing_of(db, member.id, LESSONS)}


def pass_quiz(db, member):
    quiz = load_quiz()
    attempt = attempts.start(db, member.id, quiz)
    return attempts.submit(db, member.id, attempt.token, quiz, right_answers(quiz, attempt))[2]


def test_a_new_member_has_not_started_any_topic(db, member, clock):
    assert states(db, member) == {"an-toan": "not_started", "nong-nghiep": "not_started"}


def test_opening_a_lesson_makes_its_topic_studying(db, member, clock):
    db.add(LessonProgress(user_id=member.id, lesson_slug="lua-dao", steps_reached=1))
    db.commit()

    assert states(db, member) == {"an-toan": "studying", "nong-nghiep": "not_started"}


def test_a_pass_makes_the_member_certified_until_a_year_later(db, member, clock):
    certificate = pass_quiz(db, member)

    standing = standing_of(db, member.id, LESSONS)[0]

    assert (standing.state, standing.cleared) == ("certified", True)
    assert standing.until == certificate.expires_at


def test_thirty_days_before_the_end_the_certificate_is_expiring(db, member, clock):
    pass_quiz(db, member)
    clock.forward(days=336)

    assert states(db, member)["an-toan"] == "expiring"


def test_after_twelve_months_the_member_must_retake(db, member, clock):
    pass_quiz(db, member)
    clock.forward(days=366)

    standing = standing_of(db, member.id, LESSONS)[0]

    assert (standing.state, standing.label, standing.cleared) == (
        "expired",
        "Hết hạn — cần thi lại",
        False,
    )


def test_a_revoked_certificate_no_longer_clears_the_member(db, member, clock):
    certificate = pass_quiz(db, member)
    certificates.revoke(db, certificate.code, "Hướng dẫn sai cho bà con", admin_id=member.id)

    assert states(db, member)["an-toan"] == "revoked"


def test_failed_attempts_are_counted(db, member, clock):
    quiz = load_quiz()
    attempt = attempts.start(db, member.id, quiz)
    attempts.submit(db, member.id, attempt.token, quiz, {})

    standing = standing_of(db, member.id, LESSONS)[0]

    assert (standing.state, standing.failed) == ("studying", 1)
