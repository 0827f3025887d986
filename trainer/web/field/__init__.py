"""At residents' doors: the visit log members fill in, a team's villages, their targets."""

from __future__ import annotations

from flask import Flask

from trainer.web.core import templates
from trainer.web.field import targets, villages, visit_log


def init_app(app: Flask) -> None:
    templates.add_folder(app, __file__)
    for module in (visit_log, villages, targets):
        app.register_blueprint(module.bp)
