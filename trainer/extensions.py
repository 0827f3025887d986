"""Flask extensions, created unbound and bound to the app in create_app()."""

from __future__ import annotations

import logging

from flask import Flask
from flask_compress import Compress
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

from trainer.database import Database

compress = Compress()
db = Database()
login_manager = LoginManager()
csrf = CSRFProtect()


def init_app(app: Flask) -> None:
    compress.init_app(app)
    db.init_app(app)
    login_manager.init_app(app)
    csrf.init_app(app)
    if not app.debug and not app.testing:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
