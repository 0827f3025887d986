"""Each video made once: named by its plan's key, written whole or not at all, one at a
time on the machine (a file lock), and never again while a file of that name exists."""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from trainer.speech.video.encode import encode
from trainer.speech.video.plan import VideoPlan
from trainer.speech.video.stills import stills

LOCK = ".video.lock"


def find(plan: VideoPlan, folders: Iterable[Path]) -> Path | None:
    """The plan's video in the first folder that has it, or None before it is made."""
    return next((folder / plan.name for folder in folders if (folder / plan.name).is_file()), None)


def make(plan: VideoPlan, folder: Path) -> Path:
    """The plan's video in folder: made now, unless it was made already (by anyone).

    Older videos of the same lesson, language and address are removed once it is there.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with locked(folder):
        path = folder / plan.name
        if not path.is_file():
            with tempfile.TemporaryDirectory(dir=folder, prefix=".work-") as work:
                temp = Path(work) / "video.mp4"
                encode(plan, stills(plan), Path(work), temp)
                os.replace(temp, path)
        for older in folder.glob(f"{plan.prefix}*.mp4"):
            if older.name != plan.name:
                older.unlink(missing_ok=True)
    return path


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """One video made at a time on this machine, by any process (FFmpeg takes both cores)."""
    with open(folder / LOCK, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
