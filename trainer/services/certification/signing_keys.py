"""The server's certificate-signing key pair, kept in the instance folder.

    <instance>/keys/certificate-signing.pem       private key (PKCS#8 PEM, mode 0600)
    <instance>/keys/certificate-signing.pub.pem   public key (SubjectPublicKeyInfo PEM)
    <instance>/keys/retired/<day>-<fingerprint>.pub.pem  public keys of replaced pairs,
                                                  named by the day (in Vietnam) they retired
    <instance>/keys/compromised.json              {fingerprint: day} of keys known leaked

A replaced pair's public key is kept so certificates it signed before it retired still
verify here; what it signs later does not (key_life decides).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from trainer.services.common import clock

FOLDER = "keys"
PRIVATE = "certificate-signing.pem"
PUBLIC = "certificate-signing.pub.pem"
RETIRED = "retired"
COMPROMISED = "compromised.json"


class KeyProblem(ValueError):
    """A key file that is missing, unreadable or not an Ed25519 key; message says which."""


@dataclass(frozen=True)
class KeyPair:
    private: Path
    public: Path
    fingerprint: str
    retired: Path | None = None  # where the replaced public key went, if any


def folder(instance: Path) -> Path:
    return Path(instance) / FOLDER


def make_keys(
    instance: Path, replace: bool = False, compromised: bool = False, today: date | None = None
) -> KeyPair:
    """Make a new key pair in the instance folder; the private key is readable by its owner
    only. The pair it replaces retires today (and is marked leaked when compromised).

    :raises KeyProblem: a pair exists already and neither replace nor compromised is set.
    """
    keys = folder(instance)
    private_path, public_path = keys / PRIVATE, keys / PUBLIC
    if private_path.exists() and not (replace or compromised):
        raise KeyProblem(f"{private_path} exists already; --replace makes a new pair")
    today = today or clock.local_day(clock.now())
    retired = None
    if public_path.exists():
        old = read_public_key(public_path)
        retired = _retire(keys, old, today)
        if compromised:
            mark_compromised(instance, fingerprint(old), today)
    keys.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    _write(private_path, private_pem(key), mode=0o600)
    _write(public_path, public_pem(key.public_key()), mode=0o644)
    return KeyPair(private_path, public_path, fingerprint(key.public_key()), retired)


def signing_key(instance: Path) -> Ed25519PrivateKey | None:
    """The private key certificates are signed with; None while there is none."""
    path = folder(instance) / PRIVATE
    if not path.exists():
        return None
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyProblem(f"{path} is not an Ed25519 private key")
    return key


def ensure_signing_key(instance: Path) -> Ed25519PrivateKey:
    """The signing key, made now if the server has none yet (so a fresh install signs its
    first certificate with no extra step). Two processes starting at once keep the first."""
    keys = folder(instance)
    if not (keys / PRIVATE).exists():
        keys.mkdir(parents=True, exist_ok=True)
        key = Ed25519PrivateKey.generate()
        temp = keys / f".{PRIVATE}.{os.getpid()}.{os.urandom(4).hex()}"
        _write(temp, private_pem(key), mode=0o600)
        try:
            os.link(temp, keys / PRIVATE)  # fails if another process made one first
        except FileExistsError:
            pass
        finally:
            temp.unlink()
    key = signing_key(instance)
    public = keys / PUBLIC
    if not public.exists() or fingerprint(read_public_key(public)) != fingerprint(key.public_key()):
        _write(public, public_pem(key.public_key()), mode=0o644)
    return key


def mark_compromised(instance: Path, fingerprint_: str, today: date | None = None) -> None:
    """Record that a key leaked: from now on only certificates in the server's own records
    verify under it.

    :raises KeyProblem: no current or retired key of this server has that fingerprint.
    """
    known = {fingerprint(key) for key in public_keys(instance)}
    if fingerprint_ not in known:
        raise KeyProblem(f"no key of this server has the fingerprint {fingerprint_}")
    marked = compromised_keys(instance)
    marked.setdefault(fingerprint_, (today or clock.local_day(clock.now())).isoformat())
    path = folder(instance) / COMPROMISED
    _write(path, json.dumps(marked, indent=2).encode(), mode=0o644)


def compromised_keys(instance: Path) -> dict[str, str]:
    """{fingerprint: the day (ISO) it was marked leaked}."""
    path = folder(instance) / COMPROMISED
    return json.loads(path.read_text()) if path.exists() else {}


def retired_keys(instance: Path) -> list[tuple[Ed25519PublicKey, date]]:
    """Replaced public keys with the day each retired, newest first."""
    found = []
    for path in (folder(instance) / RETIRED).glob("*.pub.pem"):
        stamp = path.name.split("-", 1)[0]
        try:
            day = date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
        except ValueError:
            continue
        found.append((read_public_key(path), day, os.path.getmtime(path)))
    found.sort(key=lambda entry: (entry[1], entry[2]), reverse=True)
    return [(key, day) for key, day, _ in found]


def public_keys(instance: Path) -> list[Ed25519PublicKey]:
    """The current public key first, then those of replaced pairs (newest first)."""
    keys = folder(instance)
    current = [read_public_key(keys / PUBLIC)] if (keys / PUBLIC).exists() else []
    return [*current, *(key for key, _ in retired_keys(instance))]


def read_public_key(path: Path) -> Ed25519PublicKey:
    """An Ed25519 public key from a PEM file (as published) or a private key file.

    :raises KeyProblem: the file is missing or holds something else.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise KeyProblem(f"{path}: {error.strerror}") from error
    try:
        if b"PRIVATE KEY" in data:
            key = serialization.load_pem_private_key(data, password=None).public_key()
        else:
            key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as error:
        raise KeyProblem(f"{path} is not a PEM key file") from error
    if not isinstance(key, Ed25519PublicKey):
        raise KeyProblem(f"{path} is not an Ed25519 key")
    return key


def fingerprint(key: Ed25519PublicKey) -> str:
    """A short name for a public key: SHA256: and the first 16 base32 letters of its hash."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "SHA256:" + base64.b32encode(hashlib.sha256(raw).digest()).decode()[:16]


def public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def private_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _retire(keys: Path, old: Ed25519PublicKey, today: date) -> Path:
    stamp = today.strftime("%Y%m%d")
    target = keys / RETIRED / f"{stamp}-{fingerprint(old)[7:]}.pub.pem"
    target.parent.mkdir(parents=True, exist_ok=True)
    (keys / PUBLIC).replace(target)
    return target


def _write(path: Path, data: bytes, mode: int) -> None:
    """Write data to a new file made with mode from the start, then put it in place."""
    temp = path.with_name(path.name + ".tmp")
    temp.unlink(missing_ok=True)
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)
    os.chmod(temp, mode)  # the umask may have taken bits away from a public file
    temp.replace(path)
