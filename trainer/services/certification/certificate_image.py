"""The certificate as a picture a member can download, print or show on their phone.

Drawn with Pillow in Be Vietnam Pro (shipped in media/fonts/), so every Vietnamese
tone mark is right on any machine; a QR code leads to the public verify page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).resolve().parents[3] / "media" / "fonts"
SIZE = (1400, 990)  # A4 landscape proportions
INK, BRAND, MUTED, PAPER = "#111111", "#0b4f8a", "#3d4a57", "#ffffff"


@dataclass(frozen=True)
class CertificateCard:
    """What a certificate shows: never a phone number or any other contact detail."""

    name: str
    team: str
    topic: str
    code: str
    issued_on: date
    expires_on: date
    demonstrated_on: date | None = None


def day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


@cache
def _font(size: int, bold: bool = False, fonts: Path = FONTS) -> ImageFont.FreeTypeFont:
    name = "BeVietnamPro-Bold.ttf" if bold else "BeVietnamPro-Regular.ttf"
    return ImageFont.truetype(str(fonts / name), size)


def _fitted(draw: ImageDraw.ImageDraw, text: str, size: int, width: int, bold: bool):
    """The largest font up to size that fits text on one line within width."""
    while size > 8 and draw.textlength(text, font=_font(size, bold)) > width:
        size -= 2
    return _font(size, bold)


def _line(draw, y: int, text: str, size: int, *, bold=False, fill=INK, width=860) -> int:
    font = _fitted(draw, text, size, width, bold)
    draw.text((90, y), text, font=font, fill=fill)
    return y + int(font.size * 1.45)


def qr_image(content: str | segno.QRCode, width: int = 360) -> Image.Image:
    """A QR code (or one for an address) at most width pixels wide, whole pixels per module,
    with a quiet zone."""
    code = segno.make(content, error="m") if isinstance(content, str) else content
    scale = max(1, width // code.symbol_size(scale=1, border=4)[0])
    out = io.BytesIO()
    code.save(out, kind="png", scale=scale, border=4)
    out.seek(0)
    return Image.open(out).convert("RGB")


def render_certificate(card: CertificateCard, verify: str | segno.QRCode) -> bytes:
    """The certificate as PNG bytes (lossless, so the QR code always scans); verify is the
    verify page's address or a QR code already made for it."""
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((24, 24, SIZE[0] - 24, SIZE[1] - 24), outline=BRAND, width=10)
    draw.rectangle((44, 44, SIZE[0] - 44, SIZE[1] - 44), outline=BRAND, width=2)
    y = _line(draw, 90, "GIẤY CHỨNG NHẬN", 64, bold=True, fill=BRAND)
    y = _line(draw, y, "Tổ Công nghệ số cộng đồng", 34, fill=MUTED)
    y = _line(draw, y + 30, "Chứng nhận", 32, fill=MUTED)
    y = _line(draw, y, card.name, 66, bold=True)
    y = _line(draw, y, card.team, 32, fill=MUTED)
    y = _line(draw, y + 20, "đã học và làm đạt bài kiểm tra chủ đề", 32, fill=MUTED)
    y = _line(draw, y, card.topic, 48, bold=True, fill=BRAND)
    y = _line(draw, y + 20, f"Cấp ngày {day(card.issued_on)}", 32)
    y = _line(draw, y, f"Có giá trị đến ngày {day(card.expires_on)}", 32, bold=True)
    if card.demonstrated_on:
        y = _line(
            draw, y, f"Đã làm thành thạo trên điện thoại thật ngày {day(card.demonstrated_on)}", 28
        )
    _line(draw, SIZE[1] - 130, f"Mã: {card.code}", 26, fill=MUTED, width=1200)
    qr = qr_image(verify)
    image.paste(qr, (SIZE[0] - 90 - 180 - qr.width // 2, 150))
    caption = "Quét mã để kiểm tra"
    font = _font(26)
    left = SIZE[0] - 90 - 180 - draw.textlength(caption, font=font) / 2
    draw.text((left, 150 + qr.height + 16), caption, font=font, fill=MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
