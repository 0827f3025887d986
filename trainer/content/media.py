"""Illustrations: check the files in media/ and build web copies named by content hash.

SVG is copied as it is (after a safety check); photos become WebP at two widths, so a
phone on 3G downloads the small one and a projector the large one.
"""

from __future__ import annotations

import hashlib
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from trainer.content.model import Problem
from trainer.content.picture_text import rendered_px, smallest_text

RASTER_WIDTHS = (480, 960)
WEBP_QUALITY = 78
MAX_PIXELS = 40_000_000
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_NUMBER = re.compile(r"[\d.]+")


@dataclass(frozen=True)
class Picture:
    """A built illustration: the file to link, its size, and other widths for `srcset`."""

    name: str
    width: int
    height: int
    srcset: tuple[tuple[str, int], ...] = ()
    smallest_text: tuple[float, str] | None = None  # SVG: font size in drawing units, and words
    opaque: bool = False  # named by content hash alone: its file name says nothing of it


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def build_picture(
    source: Path, shown: Path, out_dir: Path | None, *, opaque: bool = False
) -> tuple[Picture | None, list[Problem]]:
    """Check one media file and write its web copies into out_dir (if given and not there yet).

    opaque: name the copies by content hash alone, as a quiz's pictures are, so that a file
    name such as `dia-chi-that` never tells a choice apart.
    """
    try:
        data = source.read_bytes()
    except OSError:
        return None, [Problem(shown, 1, "cannot read this picture")]
    if source.suffix.lower() == ".svg":
        return _build_svg(data, source, shown, out_dir, opaque)
    return _build_raster(data, source, shown, out_dir, opaque)


def _build_svg(data: bytes, source: Path, shown: Path, out_dir: Path, opaque: bool):
    problems = svg_problems(data, shown)
    if problems:
        return None, problems
    root = ElementTree.fromstring(data)
    width, height = _svg_size(root)
    name = f"{content_hash(data)}.svg" if opaque else f"{source.stem}.{content_hash(data)}.svg"
    _write_once(out_dir, name, lambda path: path.write_bytes(data))
    return Picture(name, width, height, smallest_text=smallest_text(root), opaque=opaque), []


def svg_problems(data: bytes, shown: Path) -> list[Problem]:
    """What makes an SVG unsafe or unusable: scripts, event handlers, outside links, bad XML."""
    if _DTD.search(data):
        return [Problem(shown, 1, "SVG must not have a DOCTYPE or ENTITY")]
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return [Problem(shown, error.position[0], f"not valid SVG: {error}")]
    if _local(root.tag) != "svg":
        return [Problem(shown, 1, "not an SVG drawing: the outer element must be <svg>")]
    problems = []
    for element in root.iter():
        tag = _local(element.tag)
        if tag in ("script", "foreignObject", "iframe"):
            problems.append(Problem(shown, 1, f"SVG must not contain <{tag}>"))
        for attribute, value in element.attrib.items():
            name = _local(attribute)
            if name.lower().startswith("on"):
                problems.append(Problem(shown, 1, f"SVG must not have event handlers ({name})"))
            if name == "href" and not value.startswith("#"):
                problems.append(
                    Problem(shown, 1, "SVG must not link to other files; draw it inside")
                )
    return problems


def svg_text_px(source: Path, shown_px: float) -> float | None:
    """CSS px of the smallest words in an SVG file shown shown_px wide; None if it has none."""
    try:
        root = ElementTree.fromstring(source.read_bytes())
    except (OSError, ElementTree.ParseError):
        return None
    found = smallest_text(root)
    if found is None:
        return None
    return rendered_px(found[0], _svg_size(root)[0], shown_px)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _svg_size(root: ElementTree.Element) -> tuple[int, int]:
    box = _NUMBER.findall(root.get("viewBox", ""))
    if len(box) == 4:
        return round(float(box[2])), round(float(box[3]))
    width, height = (_NUMBER.match(root.get(key, "") or "") for key in ("width", "height"))
    return (
        round(float(width.group())) if width else 400,
        round(float(height.group())) if height else 300,
    )


def _build_raster(data: bytes, source: Path, shown: Path, out_dir: Path | None, opaque: bool):
    from PIL import Image  # only photos need Pillow; a server started from a build never does

    digest = content_hash(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as image:
                if image.width * image.height > MAX_PIXELS:
                    return None, [
                        Problem(shown, 1, "picture is too large; keep it under 40 megapixels")
                    ]
                widths = sorted({min(width, image.width) for width in RASTER_WIDTHS})
                stem = "" if opaque else f"{source.stem}-"
                srcset = tuple((f"{stem}{width}.{digest}.webp", width) for width in widths)
                for name, width in srcset:
                    height = round(image.height * width / image.width)
                    _write_once(
                        out_dir, name, lambda p, w=width, h=height: _save_webp(image, w, h, p)
                    )
                if out_dir is None:
                    image.load()  # a check still proves the file decodes
    except (OSError, Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        return None, [Problem(shown, 1, f"cannot open this picture: {error}")]
    name, width = srcset[0]
    height = round(image.height * width / image.width)
    return Picture(name, width, height, srcset, opaque=opaque), []


def _save_webp(image, width: int, height: int, path: Path) -> None:
    from PIL import Image

    image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    image.resize((width, height), Image.LANCZOS).save(path, "WEBP", quality=WEBP_QUALITY, method=5)


def _write_once(out_dir: Path | None, name: str, write) -> None:
    """Write a content-named file unless it is there (or this is only a check).

    Written to a temp file and renamed, so a reader never sees half a file.
    """
    if out_dir is None or (out_dir / name).exists():
        return
    out_dir.mkdir(parents=True, exist_ok=True)
    temp = out_dir / f".{name}.{os.getpid()}.tmp"
    write(temp)
    temp.replace(out_dir / name)
