"""Certificates: issued on a pass, valid twelve months, verified by anyone who has the code."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.database import write_lock
from trainer.models import Certificate, QuizAttempt, Role, User
from trainer.services.certification.certificate_codes import new_code, normal_code
from trainer.services.common import clock

VALID_FOR = timedelta(days=365)
EXPIRING_WITHIN = timedelta(days=30)
MAX_REASON = 500

if TYPE_CHECKING:  # Pillow draws a certificate, cryptography seals one: imported only then
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from trainer.services.certification.certificate_image import CertificateCard
    from trainer.services.certification.certificate_seal import Sealed


class CertificateError(ValueError):
    """Something asked of a certificate that cannot be done; message is for the user."""


def issue(session: Session, attempt: QuizAttempt, at: datetime) -> Certificate:
    """Add (without committing) the certificate a passing attempt earns."""
    certificate = Certificate(
        user_id=attempt.user_id,
        topic=attempt.topic,
        code=new_code(),
        attempt=attempt,
        issued_at=at,
        expires_at=at + VALID_FOR,
    )
    session.add(certificate)
    return certificate


def find(session: Session, code: str) -> Certificate | None:
    """The certificate with this code, however it was typed."""
    return session.scalar(sa.select(Certificate).where(Certificate.code == normal_code(code)))


def of_attempt(session: Session, attempt_id: int) -> Certificate | None:
    """The certificate an attempt earned, if it passed."""
    return session.scalar(sa.select(Certificate).where(Certificate.attempt_id == attempt_id))


def verdict(certificate: Certificate, at: datetime | None = None) -> str:
    """ "revoked", "expired" or "valid" at the given moment (now by default)."""
    at = at or clock.now()
    if certificate.revoked_at is not None:
        return "revoked"
    return "expired" if certificate.expires_at <= at else "valid"


def latest(session: Session, user_id: int, topic: str) -> Certificate | None:
    """The member's most recent certificate for topic, whatever its state."""
    return session.scalar(
        sa.select(Certificate)
        .where(Certificate.user_id == user_id, Certificate.topic == topic)
        .order_by(Certificate.issued_at.desc(), Certificate.id.desc())
        .limit(1)
    )


def holds_valid(session: Session, user_id: int, topic: str, at: datetime | None = None) -> bool:
    """True when the member has an unrevoked, unexpired certificate for topic."""
    at = at or clock.now()
    found = session.scalar(
        sa.select(sa.func.count(Certificate.id)).where(
            Certificate.user_id == user_id,
            Certificate.topic == topic,
            Certificate.revoked_at.is_(None),
            Certificate.expires_at > at,
        )
    )
    return bool(found)


def may_read_guide(session: Session, user_id: int | None, role: str | None, topic: str) -> bool:
    """True for an instructor or admin, or a member holding a valid certificate for topic."""
    if user_id is None:
        return False
    return role in (Role.INSTRUCTOR, Role.ADMIN) or holds_valid(session, user_id, topic)


def revoke(session: Session, code: str, reason: str, admin_id: int) -> Certificate:
    """Revoke a certificate with a reason and commit.

    :raises CertificateError: no such certificate, no reason, or already revoked.
    """
    reason = " ".join(reason.split())
    if not reason:
        raise CertificateError("Hãy ghi lý do thu hồi.")
    if len(reason) > MAX_REASON:
        raise CertificateError(f"Lý do dài quá; hãy viết dưới {MAX_REASON} ký tự.")
    with write_lock(session):  # a refusal rolls back before it is raised
        certificate = find(session, code)
        if certificate is None:
            raise CertificateError("Không có giấy chứng nhận với mã này.")
        if certificate.revoked_at is not None:
            raise CertificateError("Giấy chứng nhận này đã bị thu hồi rồi.")
        certificate.revoked_at = clock.now()
        certificate.revoke_reason = reason
        certificate.revoked_by_id = admin_id
    return certificate


def record_demonstration(session: Session, code: str, instructor_id: int) -> Certificate:
    """Record that an instructor saw the member do the skill on a real phone; commit.

    :raises CertificateError: no such certificate, or it is no longer valid.
    """
    with write_lock(session):
        certificate = find(session, code)
        if certificate is None:
            raise CertificateError("Không có giấy chứng nhận với mã này.")
        if verdict(certificate) != "valid":
            raise CertificateError("Giấy chứng nhận này không còn hiệu lực.")
        certificate.demonstrated_at = clock.now()
        certificate.demonstrated_by_id = instructor_id
    return certificate


def card(certificate: Certificate, topic_title: str) -> CertificateCard:
    """What the printable page and the picture show: name, team, topic, dates, code."""
    from trainer.services.certification.certificate_image import CertificateCard

    user: User = certificate.user
    return CertificateCard(
        name=user.full_name,
        team=user.team.name if user.team else "",
        topic=topic_title,
        code=certificate.code,
        issued_on=clock.local_day(certificate.issued_at),
        expires_on=clock.local_day(certificate.expires_at),
        demonstrated_on=(
            clock.local_day(certificate.demonstrated_at) if certificate.demonstrated_at else None
        ),
    )


def sealed_fields(certificate: Certificate) -> Sealed:
    """What a certificate's seal signs: code, holder's name and team, topic, days."""
    from trainer.services.certification.certificate_seal import Sealed

    user: User = certificate.user
    return Sealed(
        code=certificate.code,
        name=user.full_name,
        team=user.team.name if user.team else "",
        topic=certificate.topic,
        issued_on=clock.local_day(certificate.issued_at),
        expires_on=clock.local_day(certificate.expires_at),
        index=certificate.id,  # its bit in the signed revocation list
    )


def seal_of(certificate: Certificate, key: Ed25519PrivateKey | None) -> str | None:
    """The certificate's signed seal, made now from what is stored; None without a key.

    Certificates issued before the server had a key get one the first time they are shown.
    """
    from trainer.services.certification.certificate_seal import CannotSeal, seal

    if key is None:
        return None
    try:
        return seal(sealed_fields(certificate), key)
    except CannotSeal:
        return None
