"""Flask extensions, created unbound and bound to the app in create_app()."""

from __future__ import annotations

import logging

from flask import Flask
from flask_compress import Compress

compress = Compress()


def init_app(app: Flask) -> None:
    compress.init_app(app)
    if not app.debug and not app.testing:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
