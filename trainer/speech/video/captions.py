"""Caption lines: words wrapped at word boundaries to the video's width, grouped into the
screens shown one after another, timed in proportion to how much of the narration each
reads, and the same captions as WebVTT for the player on the lesson page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import ImageFont

FONTS = Path(__file__).resolve().parents[3] / "media" / "fonts"
CAPTION_SIZE = 44  # px of a 720 px wide video: 22 CSS px on a 360 px phone
CAPTION_WIDTH = 720 - 2 * 40
LINES_PER_CAPTION = 3


@dataclass(frozen=True)
class Caption:
    start: float  # seconds from the start of the video
    end: float
    lines: tuple[str, ...]
    kind: str = "text"  # "text", or a box: "tip", "careful"

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """Be Vietnam Pro, shipped in media/fonts/, so tone marks are right on every screen."""
    name = "BeVietnamPro-Bold.ttf" if bold else "BeVietnamPro-Regular.ttf"
    return ImageFont.truetype(str(FONTS / name), size)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """The text in lines no wider than width, broken between words (inside a word only when
    it is longer than a whole line, like a web address)."""
    lines: list[str] = []
    for word in text.split():
        if lines and face.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines += _pieces(word, face, width)
    return lines


def _pieces(word: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    pieces = [""]
    for char in word:
        if pieces[-1] and face.getlength(pieces[-1] + char) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces


def screens(paragraphs: list[tuple[str, str]]) -> list[tuple[str, tuple[str, ...]]]:
    """(kind, lines) for each caption screen: each paragraph wrapped, at most three lines a
    screen, and a box (tip, careful) never shares a screen with other words."""
    found = []
    for kind, text in paragraphs:
        lines = wrap(text, font(CAPTION_SIZE), CAPTION_WIDTH)
        for at in range(0, len(lines), LINES_PER_CAPTION):
            found.append((kind, tuple(lines[at : at + LINES_PER_CAPTION])))
    return found


def timed(
    pieces: list[tuple[str, tuple[str, ...]]], start: float, spoken: float, lead: int, pause: float
) -> tuple[Caption, ...]:
    """Captions sharing `spoken` seconds by their length in characters; the first also carries
    `lead` characters read before it (the heading), the last also the pause after the voice."""
    weights = [len(" ".join(lines)) for _, lines in pieces]
    if weights:
        weights[0] += lead
    total = sum(weights) or 1
    captions, at = [], start
    for number, ((kind, lines), weight) in enumerate(zip(pieces, weights, strict=True)):
        end = at + spoken * weight / total + (pause if number == len(pieces) - 1 else 0)
        captions.append(Caption(round(at, 3), round(end, 3), lines, kind))
        at = end
    return tuple(captions)


def webvtt(captions: list[Caption]) -> str:
    """WebVTT: one cue per caption screen, its lines as shown in the video."""
    cues = ["WEBVTT", ""]
    for number, caption in enumerate(captions, 1):
        cues += [str(number), f"{_stamp(caption.start)} --> {_stamp(caption.end)}"]
        cues += [_escaped(line) for line in caption.lines] + [""]
    return "\n".join(cues)


def _stamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    return f"{hours:02}:{minutes:02}:{millis // 1000:02}.{millis % 1000:03}"


def _escaped(line: str) -> str:
    # "-->" would end a cue's timing line; & and < start markup in a cue's text.
    return line.replace("&", "&amp;").replace("<", "&lt;").replace("-->", "--&gt;")
