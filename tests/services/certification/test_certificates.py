import pytest

from tests.factories import make_team, make_user
from tests.services.certification_clock import (
    Clock,
    load_quiz,
    open_database,
    right_answers,
)
from trainer.services.certification import attempts, certificates
from trainer.services.certification.certificates import CertificateError


@pytest.fixture
def db(tmp_path):
    with open_database(tmp_path / "trainer.sqlite")() as session:
        yield session


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def certificate(db, clock):
    member = make_user(db, "Lò Văn Páo", team=make_team(db))
    quiz = load_quiz()
    attempt = attempts.start(db, member.id, quiz)
    return attempts.submit(db, member.id, attempt.token, quiz, right_answers(quiz, attempt))[2]


def test_codes_are_random_sixteen_characters_without_look_alike_letters():
    codes = {certificates.new_code() for _ in range(1000)}

    assert len(codes) == 1000
    assert all(len(code.replace("-", "")) == 16 for code in codes)
    assert not set("".join(codes)) & set("01IO")


def test_a_code_is_found_however_it_is_typed(db, certificate):
    typed = certificate.code.lower().replace("-", " ")

    assert certificates.find(db, typed) == certificate


def test_a_certificate_is_valid_then_expired_after_a_year(db, certificate, clock):
    assert certificates.verdict(certificate) == "valid"

    clock.forward(days=365, seconds=1)

    assert certificates.verdict(certificate) == "expired"


def test_revoking_needs_a_reason(db, certificate):
    with pytest.raises(CertificateError, match="lý do"):
        certificates.revoke(db, certificate.code, "   ", admin_id=1)

    assert certificates.verdict(certificate) == "valid"


def test_a_revoked_certificate_keeps_its_reason(db, certificate):
    certificates.revoke(db, certificate.code, "Chia sẻ đáp án", admin_id=1)

    db.rollback()
    assert certificates.verdict(certificate) == "revoked"
    assert certificate.revoke_reason == "Chia sẻ đáp án"


def test_a_demonstration_is_recorded_with_the_instructor_and_day(db, certificate, clock):
    instructor = make_user(db, "Giảng viên Hà", role="instructor")

    certificates.record_demonstration(db, certificate.code, instructor.id)

    db.rollback()
    assert certificate.demonstrated_at == clock.moment
    assert certificate.demonstrated_by_id == instructor.id
    assert certificates.card(certificate, "An toàn").demonstrated_on is not None


def test_no_demonstration_on_an_expired_certificate(db, certificate, clock):
    clock.forward(days=400)

    with pytest.raises(CertificateError):
        certificates.record_demonstration(db, certificate.code, 1)
