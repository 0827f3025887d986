"""The province: every commune's figures in one table, and the packs communes send."""

from __future__ import annotations

from flask import Flask

from trainer.web.core import templates
from trainer.web.province import overview, packs


def init_app(app: Flask) -> None:
    templates.add_folder(app, __file__)
    for module in (overview, packs):
        app.register_blueprint(module.bp)
