"""The address a certificate's QR code opens, with its seal, in a QR code small enough
(version 9 at most: 53 × 53 modules) to read when printed 3 cm wide.

The address is two QR segments: the site's own part in byte mode (any case, any host),
then the seal in alphanumeric mode (5.5 bits a letter instead of 8).
"""

from __future__ import annotations

from dataclasses import dataclass

import segno
from segno.consts import MODE_ALPHANUMERIC, MODE_BYTE

MAX_VERSION = 9


@dataclass(frozen=True)
class VerifyLink:
    url: str
    qr: segno.QRCode
    sealed: bool  # False: the QR holds only the code, checked against the database


def verify_link(prefix: str, code: str, seal: str | None) -> VerifyLink:
    """The verify address for a certificate: prefix + its seal when one fits version 9
    (error correction M, else L), otherwise prefix + its code."""
    if seal:
        for error in ("m", "l"):
            qr = segno.make([(prefix, MODE_BYTE), (seal, MODE_ALPHANUMERIC)], error=error)
            if qr.version <= MAX_VERSION:
                return VerifyLink(prefix + seal, qr, True)
    url = prefix + code
    return VerifyLink(url, segno.make(url, error="m"), False)
