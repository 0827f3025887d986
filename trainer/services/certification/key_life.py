"""Which keys a certificate may be signed with, and until when.

A key is current, retired (replaced on a day: what it signed for certificates issued up to
that day still stands, anything dated later is forged) or compromised (leaked: no seal of
its own proves anything; only the server's records can vouch for a certificate). A key
given with `--public-key` belongs to another issuer: this server says nothing of its life.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from trainer.services.certification import signing_keys

CURRENT, RETIRED, COMPROMISED, GIVEN = "current", "retired", "compromised", "given"


@dataclass(frozen=True)
class KnownKey:
    key: Ed25519PublicKey
    state: str  # CURRENT, RETIRED, COMPROMISED or GIVEN
    retired_on: date | None = None
    compromised_on: date | None = None

    @property
    def fingerprint(self) -> str:
        return signing_keys.fingerprint(self.key)

    @property
    def ours(self) -> bool:
        """True for a key of this server (not one given on the command line)."""
        return self.state != GIVEN

    def vouches_for(self, issued_on: date) -> bool:
        """True when a seal by this key alone proves a certificate issued on that day."""
        if self.state == COMPROMISED:
            return False
        return self.retired_on is None or issued_on <= self.retired_on


def known_keys(instance: Path) -> list[KnownKey]:
    """This server's keys: the current one first, then retired ones, newest first."""
    leaked = {
        fingerprint: date.fromisoformat(day)
        for fingerprint, day in signing_keys.compromised_keys(instance).items()
    }
    keys = signing_keys.folder(instance)
    found = []
    if (keys / signing_keys.PUBLIC).exists():
        current = signing_keys.read_public_key(keys / signing_keys.PUBLIC)
        found.append(_known(current, CURRENT, None, leaked))
    found += [_known(key, RETIRED, day, leaked) for key, day in signing_keys.retired_keys(instance)]
    return found


def given(key: Ed25519PublicKey) -> KnownKey:
    """Another issuer's public key, from `trainer verify --public-key`."""
    return KnownKey(key, GIVEN)


def _known(key, state: str, retired_on, leaked: dict[str, date]) -> KnownKey:
    marked = leaked.get(signing_keys.fingerprint(key))
    return KnownKey(key, COMPROMISED if marked else state, retired_on, marked)
