import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.factories import make_team, make_user
from tests.services.certification_clock import Clock, load_quiz, open_database, right_answers
from trainer.services.certification import attempts, certificates, verification
from trainer.services.common import clock

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OTHER = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))


@pytest.fixture
def db(tmp_path):
    with open_database(tmp_path / "trainer.sqlite")() as session:
        yield session


@pytest.fixture
def clock_(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def certificate(db, clock_):
    member = make_user(db, "Lò Văn Páo", team=make_team(db))
    quiz = load_quiz()
    attempt = attempts.start(db, member.id, quiz)
    return attempts.submit(db, member.id, attempt.token, quiz, right_answers(quiz, attempt))[2]


def test_a_sealed_certificate_checks_its_signature_then_the_record(db, certificate):
    found = verification.check(db, certificates.seal_of(certificate, KEY), [KEY.public_key()])

    assert (found.signature, found.record, found.state) == ("valid", "valid", "valid")
    assert found.sealed.name == "Lò Văn Páo" and found.sealed.code == certificate.code
    assert found.differs == ()


def test_a_seal_signed_by_another_key_is_forged_and_the_record_is_not_consulted(db, certificate):
    found = verification.check(db, certificates.seal_of(certificate, OTHER), [KEY.public_key()])

    assert (found.signature, found.record, found.state) == ("forged", "not_checked", "forged")
    assert found.sealed is None and found.certificate is None


def test_a_revoked_certificate_with_a_good_seal_shows_revoked(db, certificate):
    seal = certificates.seal_of(certificate, KEY)
    certificates.revoke(db, certificate.code, "Chia sẻ đáp án", admin_id=1)

    found = verification.check(db, seal, [KEY.public_key()])

    assert (found.signature, found.record, found.state) == ("valid", "revoked", "revoked")


def test_a_typed_code_is_checked_against_the_record_only(db, certificate):
    found = verification.check(db, certificate.code.lower(), [KEY.public_key()])

    assert (found.signature, found.record, found.state) == ("unsigned", "valid", "valid")
    assert found.certificate == certificate


def test_a_certificate_issued_before_the_server_had_a_key_is_sealed_when_shown(db, certificate):
    assert certificates.seal_of(certificate, None) is None
    by_code = verification.check(db, certificate.code, [])

    sealed_later = verification.check(
        db, certificates.seal_of(certificate, KEY), [KEY.public_key()]
    )

    assert by_code.state == sealed_later.state == "valid"
    assert sealed_later.signature == "valid"


def test_without_keys_a_seal_is_checked_by_the_record_and_says_so(db, certificate):
    found = verification.check(db, certificates.seal_of(certificate, KEY), [])

    assert (found.signature, found.record, found.state) == ("no_key", "valid", "valid")


def test_a_seal_once_its_expiry_day_came_is_expired_even_offline(certificate, clock_):
    seal = certificates.seal_of(certificate, KEY)
    clock_.forward(days=366)

    found = verification.check_offline(seal, [KEY.public_key()], clock.local_day(clock.now()))

    assert (found.signature, found.record, found.state) == ("valid", "not_checked", "expired")


def test_a_record_that_changed_since_the_seal_says_what_differs(db, certificate):
    seal = certificates.seal_of(certificate, KEY)
    certificate.user.full_name = "Lò Văn Pao"
    db.commit()

    found = verification.check(db, seal, [KEY.public_key()])

    assert found.state == "valid" and found.differs == ("họ tên",)


def test_a_seal_of_a_certificate_this_server_does_not_hold_is_valid_by_signature(db, certificate):
    seal = certificates.seal_of(certificate, KEY)
    db.delete(certificate)
    db.commit()

    found = verification.check(db, seal, [KEY.public_key()])

    assert (found.signature, found.record, found.state) == ("valid", "unknown", "valid")


def test_garbled_letters_are_unreadable():
    found = verification.check_offline("A" * 120, [KEY.public_key()], clock.local_day(clock.now()))

    assert found.state == "unreadable"
