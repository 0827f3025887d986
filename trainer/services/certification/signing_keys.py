"""The server's certificate-signing key pair, kept in the instance folder.

    <instance>/keys/certificate-signing.pem       private key (PKCS#8 PEM, mode 0600)
    <instance>/keys/certificate-signing.pub.pem   public key (SubjectPublicKeyInfo PEM)
    <instance>/keys/retired/<fingerprint>.pub.pem public keys of replaced pairs

A replaced pair's public key is kept so certificates printed under it still verify here.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FOLDER = "keys"
PRIVATE = "certificate-signing.pem"
PUBLIC = "certificate-signing.pub.pem"
RETIRED = "retired"


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


def make_keys(instance: Path, replace: bool = False) -> KeyPair:
    """Make a new key pair in the instance folder; the private key is readable by its owner only.

    :raises KeyProblem: a pair exists already and replace is false.
    """
    keys = folder(instance)
    private_path, public_path = keys / PRIVATE, keys / PUBLIC
    if private_path.exists() and not replace:
        raise KeyProblem(f"{private_path} exists already; --replace makes a new pair")
    retired = _retire(keys) if public_path.exists() else None
    keys.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    _write(private_path, private_pem(key), mode=0o600)
    _write(public_path, public_pem(key.public_key()), mode=0o644)
    return KeyPair(private_path, public_path, fingerprint(key.public_key()), retired)


def signing_key(instance: Path) -> Ed25519PrivateKey | None:
    """The private key certificates are signed with; None before `trainer keys` made one."""
    path = folder(instance) / PRIVATE
    if not path.exists():
        return None
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyProblem(f"{path} is not an Ed25519 private key")
    return key


def public_keys(instance: Path) -> list[Ed25519PublicKey]:
    """The current public key first, then those of replaced pairs (newest first)."""
    keys = folder(instance)
    paths = [keys / PUBLIC] if (keys / PUBLIC).exists() else []
    retired = sorted((keys / RETIRED).glob("*.pub.pem"), key=os.path.getmtime, reverse=True)
    return [read_public_key(path) for path in [*paths, *retired]]


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


def _retire(keys: Path) -> Path:
    old = read_public_key(keys / PUBLIC)
    stamp = datetime.now(UTC).strftime("%Y%m%d")
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
