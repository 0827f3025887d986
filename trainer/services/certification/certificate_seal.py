"""A certificate's signed seal: its code, holder, team, topic and dates in a few hundred
letters, so a printed QR code proves itself to anyone who holds the issuer's public key.

The seal is bytes, written in RFC 4648 base32 (A–Z, 2–7), which a QR code stores in its
compact alphanumeric mode and a web address carries as it is:

    format (1) · code (10: 16 letters of 5 bits) · issued, expires (2 + 2: days since
    2024-01-01) · [formats 3, 4: index (3), the certificate's bit in the server's signed
    revocation list] · topic, name, team (UTF-8, joined by U+001F; raw-deflated with the
    dictionary below when that is shorter) · Ed25519 signature (64)

The signature covers DOMAIN (DOMAIN_INDEXED in formats 3, 4), the code, the dates, the
index and the three texts uncompressed, so how the texts travel never changes what is
signed. Formats 1 and 2 (no index) are still read. The dictionary is part of formats 2
and 4: never edit it; add a format instead.
"""

from __future__ import annotations

import base64
import binascii
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import date, timedelta

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from trainer.services.certification.certificate_codes import ALPHABET, CODE_LENGTH, grouped

DOMAIN = b"trainer-certificate\x00"
DOMAIN_INDEXED = b"trainer-certificate-indexed\x00"
EPOCH = date(2024, 1, 1)
PLAIN, DEFLATED, PLAIN_INDEXED, DEFLATED_INDEXED = 1, 2, 3, 4
SEPARATOR = "\x1f"
SIGNATURE = 64
HEAD = 1 + 10 + 2 + 2
INDEX = 3  # bytes: up to 16.7 million certificates
# Words that names, teams and topics are made of; the last ones are the most common,
# since deflate reaches near ones for fewer bits.
DICTIONARY = " ".join(
    (
        "Khánh Quỳnh Vân Oanh Loan Thơm Xiêm Ún Dua Nhi Vy Tiên Kiên Toàn Nhàn Chung Duy Tú",
        "Cường Quân Hiếu Bình Tùng Phong Khoa Đạt Tâm Vinh Chứ Dế Pó Lả Sinh Chính Lực Hạnh",
        "Linh Trang Thảo Hằng Nga Nhung Hiền Huyền Thủy Dung Yến Hoa Tuấn Hùng Dũng Thắng",
        "Seo Mí Bá Kim Quốc Tiến Mạnh Việt Thành Trung Huy Gia Bảo Phương Hải Anh Công Đình",
        "Huỳnh Phan Võ Đặng Bùi Đỗ Hồ Ngô Dương Đinh Trịnh Đào Cao Lương Lâm Tạ Trương Chu",
        "Kiều Quách Tô Vương La Triệu Nông Lục Ma Lộc Hứa Sầm Bế Mông Điêu Bạc Khà Lù Vì",
        "Thào Vừ Hạng Lầu Ly Chảo Bàn Tẩn Phùng Sình Cứ Tráng Hờ Mua Tòng Lường Cầm",
        "Lai Châu Sơn La Lào Cai Hà Giang Cao Bằng Lạng Sơn Yên Bái Tuyên Quang Bắc Kạn",
        "Thái Nguyên Hòa Bình Nghệ An Thanh Hóa Quảng Kon Tum Gia Lai Đắk Lắk Lâm Đồng",
        "Tân Đông Tây Nam Bắc Hưng Thịnh Lợi Phúc Phú Long Sơn Hà Lan Mai Hương Ngọc Thu",
        "Huổi Nậm Phìn Sín Tả Pá Nà Mường Điện Biên Phủ tổ dân phố thôn bản huyện tỉnh",
        "an-toan-so vneid cho-so-4t ai-nong-nghiep dich-vu-so",
        "Tổ Công nghệ số cộng đồng Tổ CNSCĐ-Thị trấn Tổ CNSCĐ-Phường Tổ CNSCĐ-Xã",
        "Nguyễn Trần Lê Phạm Hoàng Vũ Lý Lò Quàng Giàng Sùng Mùa Vàng Đức Hữu Minh Xuân",
        "Thanh Quang Hồng Văn Thị",
    )
).encode()


class Unreadable(ValueError):
    """Text that is not a seal this server could have made (mistyped, cut short, or forged)."""


class CannotSeal(ValueError):
    """A certificate whose code or dates do not fit a seal (a hand-made code, say)."""


@dataclass(frozen=True)
class Sealed:
    """What a seal says, and what its signature covers."""

    code: str  # grouped in fours: K7Q2-XR4M-PL9D-TT3A
    name: str
    team: str
    topic: str  # the topic's slug
    issued_on: date
    expires_on: date
    index: int | None = None  # its bit in the revocation list; None in seals made before

    def texts(self) -> bytes:
        parts = [unicodedata.normalize("NFC", text) for text in (self.topic, self.name, self.team)]
        if any(SEPARATOR in part for part in parts):
            raise CannotSeal("a text holds the separator")
        return SEPARATOR.join(parts).encode()

    def fixed(self) -> bytes:
        days = _code_bytes(self.code) + _day(self.issued_on) + _day(self.expires_on)
        return days if self.index is None else days + _index(self.index)

    def message(self) -> bytes:
        """The exact bytes the signature covers."""
        return (DOMAIN if self.index is None else DOMAIN_INDEXED) + self.fixed() + self.texts()


@dataclass(frozen=True)
class Seal:
    """A seal as read from a QR code or a link: what it says and its signature."""

    sealed: Sealed
    signature: bytes

    def signed_by(self, key: Ed25519PublicKey) -> bool:
        """True when key's private half signed exactly what the seal says."""
        try:
            key.verify(self.signature, self.sealed.message())
        except InvalidSignature:
            return False
        return True


def seal(sealed: Sealed, key: Ed25519PrivateKey) -> str:
    """The seal as base32 letters: the fields, compressed when that is shorter, and signed."""
    texts = sealed.texts()
    packed = zlib.compressobj(9, zlib.DEFLATED, -15, zdict=DICTIONARY)
    deflated = packed.compress(texts) + packed.flush()
    fmt, body = (DEFLATED, deflated) if len(deflated) < len(texts) else (PLAIN, texts)
    fmt += 0 if sealed.index is None else 2
    data = bytes([fmt]) + sealed.fixed() + body + key.sign(sealed.message())
    return base64.b32encode(data).decode().rstrip("=")


def read(text: str) -> Seal:
    """The seal in text (base32, any case, spaces and dashes ignored).

    :raises Unreadable: not base32, too short, an unknown format, or garbled texts.
    """
    letters = "".join(text.split()).replace("-", "").upper()
    try:
        data = base64.b32decode(letters + "=" * (-len(letters) % 8))
    except (binascii.Error, ValueError) as error:
        raise Unreadable("not base32") from error
    indexed = data[:1] in (bytes([PLAIN_INDEXED]), bytes([DEFLATED_INDEXED]))
    head = HEAD + (INDEX if indexed else 0)
    if len(data) < head + SIGNATURE or not PLAIN <= data[0] <= DEFLATED_INDEXED:
        raise Unreadable("too short or an unknown format")
    body, signature = data[head:-SIGNATURE], data[-SIGNATURE:]
    try:
        if data[0] in (DEFLATED, DEFLATED_INDEXED):
            unpacked = zlib.decompressobj(-15, zdict=DICTIONARY)
            body = unpacked.decompress(body, 4096)
            if not unpacked.eof:
                raise Unreadable("garbled texts")
        topic, name, team = body.decode().split(SEPARATOR)
    except (zlib.error, UnicodeDecodeError, ValueError) as error:
        raise Unreadable("garbled texts") from error
    fields = Sealed(
        code=_code_text(data[1:11]),
        name=name,
        team=team,
        topic=topic,
        issued_on=EPOCH + timedelta(days=int.from_bytes(data[11:13], "big")),
        expires_on=EPOCH + timedelta(days=int.from_bytes(data[13:15], "big")),
        index=int.from_bytes(data[HEAD:head], "big") if indexed else None,
    )
    return Seal(fields, signature)


def looks_sealed(text: str) -> bool:
    """True for text long enough to be a seal rather than a typed 16-letter code."""
    return len("".join(text.split()).replace("-", "")) > 2 * CODE_LENGTH


def _code_bytes(code: str) -> bytes:
    raw = code.replace("-", "").upper()
    if len(raw) != CODE_LENGTH or any(letter not in ALPHABET for letter in raw):
        raise CannotSeal(f"code {code!r} is not {CODE_LENGTH} letters of the code alphabet")
    number = 0
    for letter in raw:
        number = number * 32 + ALPHABET.index(letter)
    return number.to_bytes(10, "big")


def _code_text(data: bytes) -> str:
    number, letters = int.from_bytes(data, "big"), []
    for _ in range(CODE_LENGTH):
        number, index = divmod(number, 32)
        letters.append(ALPHABET[index])
    return grouped("".join(reversed(letters)))


def _index(index: int) -> bytes:
    if not 0 <= index < 2 ** (8 * INDEX):
        raise CannotSeal(f"index {index} does not fit a seal")
    return index.to_bytes(INDEX, "big")


def _day(day: date) -> bytes:
    offset = (day - EPOCH).days
    if not 0 <= offset < 2**16:
        raise CannotSeal(f"{day} is outside the years a seal can hold")
    return offset.to_bytes(2, "big")
