"""The checked catalog `trainer build` leaves beside what it built, so a server starts at once.

It is kept with a fingerprint of the content (every file's path, size and time under
lessons/, quizzes/ and media/) and of the code that reads it; a server uses it only when both
still match, and otherwise reads the content itself. Only `trainer build` writes it: it is
a pickle, so the build folder must be writable by the operator alone (as it always is).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from trainer.content.catalog import Catalog
from trainer.content.model import Problem

FILE = "catalog.pickle"
FOLDERS = ("lessons", "quizzes", "media")
NOT_CONTENT = ("giong-doc",)  # media/giong-doc/: recordings, which the catalog never reads
CODE = Path(__file__).parent


def fingerprint(root: Path) -> str:
    """A digest that changes whenever the content under root, or the code reading it, does."""
    digest = hashlib.sha256()
    for code in sorted(CODE.glob("*.py")):
        digest.update(code.read_bytes())
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if NOT_CONTENT[0] in path.relative_to(root).parts or not path.is_file():
                continue
            stat = path.stat()
            digest.update(
                f"{path.relative_to(root)}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode()
            )
    return digest.hexdigest()


def save(out: Path, root: Path, catalog: Catalog, problems: list[Problem]) -> None:
    """Write the checked catalog into out, atomically."""
    out.mkdir(parents=True, exist_ok=True)
    temp = out / f".{FILE}.{os.getpid()}.tmp"
    temp.write_bytes(pickle.dumps((fingerprint(root), catalog, problems)))
    temp.replace(out / FILE)


def load(out: Path, root: Path) -> tuple[Catalog, list[Problem]] | None:
    """The catalog built into out, if it was built from the content now under root."""
    try:
        kept, catalog, problems = pickle.loads((out / FILE).read_bytes())
    except (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        return None
    return (catalog, problems) if kept == fingerprint(root) else None
