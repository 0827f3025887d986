"""The content catalog for commands: the checked one `trainer build` left, else read now."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from trainer.content.catalog import Catalog


def catalog_of(app: Flask) -> Catalog:
    from trainer.content import snapshot
    from trainer.content.catalog import load_catalog

    root, built = Path(app.config["CONTENT_DIR"]), Path(app.config["BUILD_DIR"])
    return (snapshot.load(built, root) or load_catalog(root))[0]
