"""A certificate as an Open Badges 3.0 credential: JSON with a W3C Data Integrity proof
(`eddsa-rdfc-2022`), signed with the same Ed25519 key as the QR code's seal.

Built and checked by openbadgeslib, which canonicalises with JSON-LD contexts shipped in
its wheel: nothing is fetched from the network, so it works on a laptop with no
connection. The holder's name and team travel as plain (unhashed) identifiers, the code in
the credential's id (the verify page's address).
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from trainer.services.certification.certificate_seal import Sealed
from trainer.services.certification.signing_keys import private_pem, public_pem
from trainer.services.common.clock import VIETNAM

DESCRIPTION = "Đã học các bài của chủ đề và làm đạt bài kiểm tra để hướng dẫn người dân."
CRITERIA = "Làm đạt bài kiểm tra của chủ đề; giấy chứng nhận có giá trị 12 tháng."
TEAM_TYPE = "ext:team"


class NotACredential(ValueError):
    """JSON that is not an Open Badges credential signed by a known key."""


class ExpiredCredential(NotACredential):
    """A credential rightly signed whose validUntil has passed."""


def signed_credential(
    sealed: Sealed, topic_title: str, site: str, verify_url: str, key: Ed25519PrivateKey
) -> str:
    """The certificate as signed OB 3.0 JSON text; site is the public base address."""
    from openbadgeslib.ob3 import OB3LdpSigner

    return OB3LdpSigner(private_pem(key)).sign_to_json(
        _credential(sealed, topic_title, site.rstrip("/"), verify_url)
    )


def verified_holder(document: str, keys: list[Ed25519PublicKey]) -> tuple[str, str, str]:
    """(name, team, achievement name) from credential JSON that one of keys signed.

    :raises ExpiredCredential: rightly signed but past its validUntil.
    :raises NotACredential: unreadable, altered, or signed by no key given.
    """
    from openbadgeslib.errors import LibOpenBadgesException
    from openbadgeslib.ob3 import OB3LdpVerifier

    for key in keys:
        try:
            found = OB3LdpVerifier(pubkey_pem=public_pem(key)).verify(document)
        except (LibOpenBadgesException, ValueError) as error:
            # openbadgeslib checks the signature before the dates, so this one was signed.
            if "has expired" in str(error):
                raise ExpiredCredential(str(error)) from error
            continue
        names = {identity.identity_type: identity.identity_hash for identity in found.identifiers}
        return names.get("name", ""), names.get(TEAM_TYPE, ""), found.achievement.name
    raise NotACredential("no key given signed this credential, or it was altered")


def _credential(sealed: Sealed, topic_title: str, site: str, verify_url: str):
    from openbadgeslib.ob3 import Achievement, Issuer, OpenBadgeCredential
    from openbadgeslib.ob3.credential import IdentityObject

    host = urlsplit(site).netloc or site
    return OpenBadgeCredential(
        issuer=Issuer(id=f"{site}/", name=f"Tổ Công nghệ số cộng đồng ({host})"),
        recipient_id=None,
        achievement=Achievement(
            id=f"{site}/chu-de/{sealed.topic}",
            name=topic_title,
            description=DESCRIPTION,
            criteria_narrative=CRITERIA,
        ),
        id=verify_url,
        name=f"Giấy chứng nhận: {topic_title}",
        issuance_date=_start_of(sealed.issued_on),
        expiration_date=_start_of(sealed.expires_on),
        identifiers=[
            IdentityObject(identity_hash=text, identity_type=kind, hashed=False)
            for kind, text in (("name", sealed.name), (TEAM_TYPE, sealed.team))
            if text
        ],
    )


def _start_of(day) -> datetime:
    return datetime.combine(day, time(), VIETNAM).astimezone(UTC)
