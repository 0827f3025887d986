"""Each screen of a video drawn once, 720 × 1280: FFmpeg holds it for as long as it shows.

A step's screen: a band with "Bước 2/5" and the lesson's title, the step's heading in large
type, its picture as large as fits, and one caption screen in white or yellow on black.
SVG pictures are rasterised by resvg with Be Vietnam Pro (the shipped font), so the words
in them keep their tone marks; photos are scaled by Pillow.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import segno
from PIL import Image, ImageDraw

from trainer.speech.video.captions import (
    CAPTION_SIZE,
    FONTS,
    Caption,
    font,
    wrap,
)
from trainer.speech.video.plan import END, TITLE, Scene, VideoPlan

SIZE = WIDTH, HEIGHT = 720, 1280
MARGIN = 24
BAND = 88  # the top band: step number and lesson title
BAND_BOTTOM = 960  # where the caption band starts
HEADING_SIZE, HEADING_LINES = 50, 3
INK, BRAND, PAPER, CAPTION_BG, CAPTION_INK, BOX_INK = (
    "#111111",
    "#0b4f8a",
    "#ffffff",
    "#000000",
    "#ffffff",
    "#ffe14d",  # tips and warnings: yellow on black, as high in contrast as white
)


@dataclass(frozen=True)
class Layout:
    heading: tuple[str, ...]
    heading_top: int
    picture: tuple[int, int, int, int]  # x, y, width, height the picture is fitted into


def layout(scene: Scene) -> Layout:
    """Where a step's heading and picture go: the picture takes what the heading leaves."""
    lines = wrap(scene.heading, font(HEADING_SIZE, True), WIDTH - 2 * MARGIN)[:HEADING_LINES]
    top = BAND + 24
    bottom = top + int(len(lines) * HEADING_SIZE * 1.25) + MARGIN
    return Layout(
        tuple(lines), top, (MARGIN, bottom, WIDTH - 2 * MARGIN, BAND_BOTTOM - MARGIN - bottom)
    )


def rasterise(path: Path, width: int, height: int) -> Image.Image:
    """The picture scaled to fit width × height, keeping its shape."""
    if path.suffix.lower() == ".svg":
        import resvg_py  # only videos rasterise SVG

        svg = path.read_text(encoding="utf-8")
        fonts = [str(FONTS / "BeVietnamPro-Regular.ttf"), str(FONTS / "BeVietnamPro-Bold.ttf")]
        options = dict(
            svg_string=svg,
            font_files=fonts,
            skip_system_fonts=True,
            font_family="Be Vietnam Pro",
            sans_serif_family="Be Vietnam Pro",
        )
        probe = Image.open(io.BytesIO(bytes(resvg_py.svg_to_bytes(**options))))
        scale = min(width / probe.width, height / probe.height)
        png = resvg_py.svg_to_bytes(**options, width=max(1, round(probe.width * scale)))
        image = Image.open(io.BytesIO(bytes(png)))
    else:
        image = Image.open(path)
        scale = min(width / image.width, height / image.height)
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    flat = Image.new("RGB", image.size, PAPER)
    rgba = image.convert("RGBA")
    flat.paste(rgba, mask=rgba.getchannel("A"))
    return flat


def stills(plan: VideoPlan) -> list[tuple[Image.Image, float]]:
    """Every screen of the video with how many seconds it shows, in order."""
    found = []
    for scene in plan.scenes:
        if scene.number == END:
            found.append((_end_card(plan), scene.seconds))
            continue
        base = _title_card(plan) if scene.number == TITLE else _step(plan, scene)
        for caption in scene.captions:
            found.append((_with_caption(base, caption), caption.end - caption.start))
    return found


def _band(draw: ImageDraw.ImageDraw, text: str) -> None:
    draw.rectangle((0, 0, WIDTH, BAND), fill=BRAND)
    face, line, cut = font(32, True), text, False
    while face.getlength(line + ("…" if cut else "")) > WIDTH - 2 * MARGIN and " " in line:
        line, cut = line.rsplit(" ", 1)[0], True
    line += "…" if cut else ""
    draw.text((MARGIN, BAND / 2), line, font=face, fill=PAPER, anchor="lm")


def _step(plan: VideoPlan, scene: Scene) -> Image.Image:
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    _band(draw, f"Bước {scene.number}/{plan.steps} · {plan.title}")
    found = layout(scene)
    y = found.heading_top
    for line in found.heading:
        draw.text((MARGIN, y), line, font=font(HEADING_SIZE, True), fill=INK)
        y += int(HEADING_SIZE * 1.25)
    x, top, width, height = found.picture
    if scene.picture is not None and scene.picture.is_file() and height > 40:
        picture = rasterise(scene.picture, width, height)
        image.paste(
            picture, (x + (width - picture.width) // 2, top + (height - picture.height) // 2)
        )
    return image


def _title_card(plan: VideoPlan) -> Image.Image:
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    _band(draw, plan.topic)
    y = BAND + 80
    for line in wrap(plan.title, font(72, True), WIDTH - 2 * MARGIN)[:5]:
        draw.text((MARGIN, y), line, font=font(72, True), fill=BRAND)
        y += 90
    y += 30
    for line in wrap(plan.summary, font(40), WIDTH - 2 * MARGIN)[:4]:
        draw.text((MARGIN, y), line, font=font(40), fill=INK)
        y += 52
    draw.text(
        (MARGIN, BAND_BOTTOM - 70), "Tổ Công nghệ số cộng đồng", font=font(34, True), fill=BRAND
    )
    return image


def _with_caption(base: Image.Image, caption: Caption) -> Image.Image:
    image = base.copy()
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, BAND_BOTTOM, WIDTH, HEIGHT), fill=CAPTION_BG)
    face = font(CAPTION_SIZE, caption.kind != "text")
    step = int(CAPTION_SIZE * 1.35)
    y = BAND_BOTTOM + (HEIGHT - BAND_BOTTOM - step * len(caption.lines)) // 2
    ink = CAPTION_INK if caption.kind == "text" else BOX_INK
    for line in caption.lines:
        draw.text((WIDTH // 2, y + step // 2), line, font=face, fill=ink, anchor="mm")
        y += step
    return image


def _end_card(plan: VideoPlan) -> Image.Image:
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    _band(draw, plan.title)
    y = BAND + 50
    for line in wrap("Học cả bài, có hình và tiếng đọc:", font(50, True), WIDTH - 2 * MARGIN):
        draw.text((WIDTH // 2, y), line, font=font(50, True), fill=BRAND, anchor="mt")
        y += 64
    qr = segno.make(plan.address, error="m")
    out = io.BytesIO()
    qr.save(out, kind="png", scale=max(1, 520 // qr.symbol_size(border=2)[0]), border=2)
    code = Image.open(out).convert("RGB")
    image.paste(code, ((WIDTH - code.width) // 2, y + 20))
    y += code.height + 50
    for line in wrap(plan.address, font(34), WIDTH - 2 * MARGIN)[:4]:
        draw.text((WIDTH // 2, y), line, font=font(34), fill=INK, anchor="mt")
        y += 46
    y += 20
    for line in wrap("Quét mã bằng máy ảnh hoặc Zalo.", font(36), WIDTH - 2 * MARGIN):
        draw.text((WIDTH // 2, y), line, font=font(36), fill=INK, anchor="mt")
        y += 48
    draw.text(
        (WIDTH // 2, HEIGHT - 60),
        "Tổ Công nghệ số cộng đồng",
        font=font(34, True),
        fill=BRAND,
        anchor="mm",
    )
    return image
