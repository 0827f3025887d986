"""Each area keeps its templates beside its views, in `<area>/templates/`.

Names stay global ("pages/lesson.html", "base.html"): every area's folder is searched.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from jinja2 import ChoiceLoader, FileSystemLoader


def add_folder(app: Flask, area_init: str) -> None:
    """Search the templates/ folder beside an area's __init__.py too."""
    folder = FileSystemLoader(Path(area_init).parent / "templates")
    loader = app.jinja_loader
    loaders = list(loader.loaders) if isinstance(loader, ChoiceLoader) else []
    app.jinja_loader = ChoiceLoader([*loaders, folder])
