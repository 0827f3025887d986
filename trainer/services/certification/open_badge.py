"""A certificate as an Open Badges 3.0 credential: JSON with a W3C Data Integrity proof
(`eddsa-rdfc-2022`), signed with the same Ed25519 key as the QR code's seal.

Built and checked by openbadgeslib, which canonicalises with JSON-LD contexts shipped in
its wheel: nothing is fetched from the network, so it works on a laptop with no
connection. The holder's name and team travel as plain (unhashed) identifiers, the code in
the credential's id (the verify page's address). `credentialStatus` points at the
certificate's bit in the server's signed revocation list (status_list).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from trainer.services.certification import key_life
from trainer.services.certification.certificate_seal import Sealed
from trainer.services.certification.key_life import KnownKey
from trainer.services.certification.signing_keys import private_pem, public_pem
from trainer.services.common.clock import VIETNAM

DESCRIPTION = "Đã học các bài của chủ đề và làm đạt bài kiểm tra để hướng dẫn người dân."
CRITERIA = "Làm đạt bài kiểm tra của chủ đề; giấy chứng nhận có giá trị 12 tháng."
TEAM_TYPE = "ext:team"


class NotACredential(ValueError):
    """JSON that is not an Open Badges credential signed by a known key."""


class ExpiredCredential(NotACredential):
    """A credential rightly signed whose validUntil has passed."""


@dataclass(frozen=True)
class Badge:
    """What a verified credential says, and which key signed it."""

    name: str
    team: str
    topic: str  # the achievement's name
    signer: KnownKey
    issued_on: date
    index: int | None  # its bit in the revocation list, if it names one


def signed_credential(
    sealed: Sealed,
    topic_title: str,
    site: str,
    verify_url: str,
    key: Ed25519PrivateKey,
    status_url: str | None = None,
) -> str:
    """The certificate as signed OB 3.0 JSON text; site is the public base address,
    status_url the revocation list's (then the badge carries `credentialStatus`)."""
    from openbadgeslib.ob3 import OB3LdpSigner

    return OB3LdpSigner(private_pem(key)).sign_to_json(
        _credential(sealed, topic_title, site.rstrip("/"), verify_url, status_url)
    )


def verified_holder(document: str, keys: list) -> tuple[str, str, str]:
    """(name, team, achievement name) from credential JSON that one of keys signed."""
    badge = verified_badge(document, keys)
    return badge.name, badge.team, badge.topic


def verified_badge(document: str, keys: list[KnownKey | Ed25519PublicKey]) -> Badge:
    """The credential JSON's holder, topic and signer, once one of keys is found to sign it
    (a bare public key is another issuer's).

    :raises ExpiredCredential: rightly signed but past its validUntil.
    :raises NotACredential: unreadable, altered, or signed by no key given.
    """
    from openbadgeslib.errors import LibOpenBadgesException
    from openbadgeslib.ob3 import OB3LdpVerifier

    for known in (k if isinstance(k, KnownKey) else key_life.given(k) for k in keys):
        try:
            found = OB3LdpVerifier(pubkey_pem=public_pem(known.key)).verify(document)
        except (LibOpenBadgesException, ValueError) as error:
            # openbadgeslib checks the signature before the dates, so this one was signed.
            if "has expired" in str(error):
                raise ExpiredCredential(str(error)) from error
            continue
        names = {identity.identity_type: identity.identity_hash for identity in found.identifiers}
        return Badge(
            names.get("name", ""),
            names.get(TEAM_TYPE, ""),
            found.achievement.name,
            known,
            found.issuance_date.astimezone(VIETNAM).date(),
            _index(found.credential_status),
        )
    raise NotACredential("no key given signed this credential, or it was altered")


def _index(entries: list[dict]) -> int | None:
    for entry in entries:
        if entry.get("statusPurpose") == "revocation":
            try:
                return int(entry["statusListIndex"])
            except (KeyError, TypeError, ValueError):
                return None
    return None


def _credential(
    sealed: Sealed, topic_title: str, site: str, verify_url: str, status_url: str | None
):
    from openbadgeslib.ob3 import Achievement, Issuer, OpenBadgeCredential
    from openbadgeslib.ob3.credential import IdentityObject
    from openbadgeslib.ob3.status_list import status_entry

    status = (
        [status_entry(status_url, "revocation", sealed.index)]
        if status_url and sealed.index is not None
        else []
    )
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
        credential_status=status,
    )


def _start_of(day) -> datetime:
    return datetime.combine(day, time(), VIETNAM).astimezone(UTC)
