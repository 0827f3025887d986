"""Posters drawn once per lesson and public address, kept on disk in the instance folder.

A poster takes about a second to draw, so each is kept as a file named by a hash of
everything it shows (words, address, drawing version): every worker process and every
restart reads the same file, a changed lesson gets a new one, and no worker keeps them in
memory. Written atomically, so a reader never sees half a picture. Old files beyond MOST
are removed, oldest first.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable
from dataclasses import astuple
from pathlib import Path

from trainer.services.reading.poster import PosterText

DRAWING = "1"  # change when render_poster draws differently, so kept posters are redrawn
MOST = 2000  # files kept: every lesson in every language, at a few addresses


def poster_file(folder: Path, text: PosterText) -> Path:
    """Where the poster showing text is kept."""
    digest = hashlib.sha256(repr((DRAWING, astuple(text))).encode()).hexdigest()[:32]
    return folder / f"{digest}.png"


def stored_poster(folder: Path, text: PosterText, render: Callable[[PosterText], bytes]) -> bytes:
    """The poster's PNG bytes: read from folder, or drawn by render and kept there."""
    path = poster_file(folder, text)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    png = render(text)
    folder.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    temp.write_bytes(png)
    os.replace(temp, path)
    _prune(folder)
    return png


def _prune(folder: Path) -> None:
    kept = sorted(folder.glob("*.png"), key=lambda p: p.stat().st_mtime)
    for old in kept[: max(0, len(kept) - MOST)]:
        old.unlink(missing_ok=True)
