"""How large the words inside an SVG drawing are once it is shown on a phone.

A drawing is scaled to the width the page gives it, so its text shrinks with it: a
`font-size="11"` in a drawing 400 units wide is 8.8 CSS px in a lesson on a 360 px
phone. The widths below are measured from the site's CSS at a 360 px viewport (a browser
test keeps them honest):

- a lesson picture fills the column: 360 px less `main`'s padding of 1rem (20 px) a side;
- a quiz picture is 70 % of its choice box: the column, less the question's border (2 px)
  and padding (.8rem) and the choice's border (2 px) and padding (.6rem) on each side.
"""

from __future__ import annotations

import math
import re
from xml.etree import ElementTree

PHONE_PX = 360
LESSON_PICTURE_PX = 324  # 360 - 2 × 16 (main's padding) - 2 × 2 (the picture's border)
QUIZ_PICTURE_PX = 182  # 0.7 × (324 - 2 × (2 + 16) - 2 × (2 + 12)) = 182
MIN_LESSON_TEXT_PX = 12
MIN_QUIZ_TEXT_PX = 10
DEFAULT_FONT_SIZE = 16.0  # CSS `medium`, what a <text> without a size gets

_FONT_SIZE = re.compile(r"font-size\s*:\s*([^;]+)")
_LENGTH = re.compile(r"^\s*([\d.]+)\s*(px|em|%)?\s*$")
_TRANSFORM = re.compile(r"(matrix|scale)\s*\(([^)]*)\)")


def smallest_text(root: ElementTree.Element) -> tuple[float, str] | None:
    """The smallest font size of any visible text, in the drawing's units, and that text."""
    found: list[tuple[float, str]] = []
    _walk(root, DEFAULT_FONT_SIZE, 1.0, found)
    return min(found, key=lambda pair: pair[0], default=None)


def rendered_px(font_size: float, drawing_width: float, shown_px: float) -> float:
    """The CSS pixels a font size in drawing units takes when the drawing is shown_px wide."""
    return font_size * shown_px / drawing_width


def _walk(element: ElementTree.Element, inherited: float, scale: float, found: list) -> None:
    size = _font_size(element, inherited)
    scale *= _scale(element.get("transform", ""))
    if _local(element.tag) in ("text", "tspan"):
        words = " ".join((element.text or "").split())
        if words:
            found.append((size * scale, words))
    for child in element:
        _walk(child, size, scale, found)


def _font_size(element: ElementTree.Element, inherited: float) -> float:
    styled = _FONT_SIZE.search(element.get("style", ""))
    written = styled.group(1) if styled else element.get("font-size")
    match = _LENGTH.match(written or "")
    if not match:
        return inherited
    value, unit = float(match.group(1)), match.group(2)
    if unit == "em":
        return value * inherited
    if unit == "%":
        return value * inherited / 100
    return value


def _scale(transform: str) -> float:
    """How much a transform enlarges text: the square root of its area factor."""
    factor = 1.0
    for kind, arguments in _TRANSFORM.findall(transform):
        numbers = [float(n) for n in re.findall(r"-?[\d.]+(?:e-?\d+)?", arguments)]
        if kind == "scale" and numbers:
            sx = numbers[0]
            sy = numbers[1] if len(numbers) > 1 else sx
            factor *= math.sqrt(abs(sx * sy))
        elif kind == "matrix" and len(numbers) == 6:
            a, b, c, d = numbers[:4]
            factor *= math.sqrt(abs(a * d - b * c))
    return factor


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
