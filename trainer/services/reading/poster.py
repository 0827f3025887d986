"""A lesson as a poster: one portrait picture to share in a Zalo group or print on A4.

Big title, the first three to five steps, the first "careful" warning, and a QR code to the
whole lesson. Drawn with Pillow in Be Vietnam Pro (media/fonts/), so tone marks are right
on any phone that opens the picture; saved as PNG, so the QR code stays sharp.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from trainer.content.model import Lesson
from trainer.services.certification.certificate_image import qr_image

FONTS = Path(__file__).resolve().parents[3] / "media" / "fonts"
SIZE = WIDTH, HEIGHT = 1240, 1754  # A4 portrait at 150 dpi; Zalo shows it whole
MARGIN = 80
TEXT_WIDTH = WIDTH - 2 * MARGIN
INK, BRAND, MUTED, PAPER = "#111111", "#0b4f8a", "#3d4a57", "#ffffff"
CAREFUL, CAREFUL_EDGE = "#fdecea", "#b71c1c"
QR_SIZE = 400
FOOT = HEIGHT - QR_SIZE - MARGIN  # where the QR code block starts


@dataclass(frozen=True)
class PosterText:
    """What a poster says, taken from a lesson."""

    topic: str
    title: str
    summary: str
    steps: tuple[str, ...]
    careful: str | None
    url: str


def poster_text(lesson: Lesson, topic_title: str, url: str) -> PosterText:
    """The lesson's title, its first five steps and its first warning."""
    careful = next(
        (box.text for step in lesson.steps for box in step.boxes if box.kind == "careful"), None
    )
    steps = tuple(step.title for step in lesson.steps[:5])
    return PosterText(topic_title, lesson.title, lesson.summary, steps, careful, url)


def render_poster(text: PosterText) -> bytes:
    """The poster as PNG bytes: fewer steps and smaller type only when the lesson needs it."""
    for steps in range(len(text.steps), min(3, len(text.steps)) - 1, -1):
        for scale in (1.0, 0.9, 0.8, 0.7):
            image = _draw(text, steps, scale)
            if image is not None:
                return _png(image)
    return _png(_draw(text, min(3, len(text.steps)), 0.6, force=True))


def _draw(text: PosterText, steps: int, scale: float, force: bool = False):
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 190), fill=BRAND)
    _write(draw, MARGIN, 40, text.topic, _font(52, True), PAPER, TEXT_WIDTH, 1)
    _write(draw, MARGIN, 118, "Tổ Công nghệ số cộng đồng", _font(34), PAPER, TEXT_WIDTH, 1)
    y = _write(draw, MARGIN, 240, text.title, _font(int(100 * scale), True), BRAND, TEXT_WIDTH, 3)
    y = _write(draw, MARGIN, y + 10, text.summary, _font(int(40 * scale)), MUTED, TEXT_WIDTH, 3)
    y += int(30 * scale)
    for number, title in enumerate(text.steps[:steps], 1):
        y = _step(draw, y, number, title, scale)
    if text.careful:
        y = _careful(draw, y + 10, text.careful, scale)
    if y > FOOT - 30 and not force:
        return None
    _qr_block(image, draw, text.url)
    return image


def _step(draw, y: int, number: int, title: str, scale: float) -> int:
    size = int(54 * scale)
    radius = int(size * 0.75)
    draw.ellipse((MARGIN, y, MARGIN + 2 * radius, y + 2 * radius), fill=BRAND)
    draw.text(
        (MARGIN + radius, y + radius), str(number), font=_font(size, True), fill=PAPER, anchor="mm"
    )
    left = MARGIN + 2 * radius + 30
    bottom = _write(
        draw, left, y + radius - size * 0.7, title, _font(size), INK, WIDTH - MARGIN - left, 2
    )
    return int(max(bottom, y + 2 * radius) + 24 * scale)


def _careful(draw, y: int, text: str, scale: float) -> int:
    font = _font(int(40 * scale))
    lines = _wrap(draw, f"Cẩn thận: {text}", font, TEXT_WIDTH - 60)[:4]
    height = int(len(lines) * font.size * 1.3 + 40)
    draw.rectangle((MARGIN, y, WIDTH - MARGIN, y + height), fill=CAREFUL)
    draw.rectangle((MARGIN, y, MARGIN + 14, y + height), fill=CAREFUL_EDGE)
    _write(draw, MARGIN + 40, y + 20, " ".join(lines), font, INK, TEXT_WIDTH - 60, 4)
    return y + height


def _qr_block(image: Image.Image, draw, url: str) -> None:
    qr = qr_image(url, QR_SIZE)
    image.paste(qr, (MARGIN - 20, FOOT))
    left = MARGIN + qr.width + 10
    y = _write(
        draw,
        left,
        FOOT + 40,
        "Quét mã để học cả bài",
        _font(50, True),
        BRAND,
        WIDTH - MARGIN - left,
        2,
    )
    y = _write(
        draw,
        left,
        y + 10,
        "Có hình và tiếng đọc, học trên điện thoại.",
        _font(36),
        INK,
        WIDTH - MARGIN - left,
        2,
    )
    _write(draw, left, y + 20, url, _font(28), MUTED, WIDTH - MARGIN - left, 3)


def _write(draw, x: float, y: float, text: str, font, fill: str, width: int, most: int) -> int:
    """Text wrapped to width in at most `most` lines (the last one cut with …); the y below it."""
    lines = _wrap(draw, text, font, width)
    if len(lines) > most:
        lines = lines[:most]
        while draw.textlength(lines[-1] + "…", font=font) > width and " " in lines[-1]:
            lines[-1] = lines[-1].rsplit(" ", 1)[0]
        lines[-1] += "…"
    for line in lines:
        draw.text((x, y), line, font=font, fill=fill)
        y += font.size * 1.25
    return int(y)


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines += _pieces(draw, word, font, width)
    return lines


def _pieces(draw, word: str, font, width: int) -> list[str]:
    """A word too long for a line (a web address) broken where an address breaks best:
    after a "/", ".", "-", "?", "=" or "&" on the line; between characters only where the
    line holds none, so no line is left with a lone letter."""
    pieces = [""]
    for char in word:
        line = pieces[-1]
        if line and draw.textlength(line + char, font=font) > width:
            cut = max(line.rfind(mark) for mark in BREAKS) + 1
            pieces[-1:] = [line[:cut], line[cut:]] if cut > len(line) // 2 else [line, ""]
        pieces[-1] += char
    return pieces


BREAKS = "/.-?=&"


@cache
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "BeVietnamPro-Bold.ttf" if bold else "BeVietnamPro-Regular.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    # Few colours: a small file on 3G, and the QR code stays pure black on white.
    image.quantize(colors=32, method=Image.Quantize.MEDIANCUT).save(out, format="PNG")
    return out.getvalue()
