"""Everything for signed-in people: sign-in, their page, progress, teams and admin tools."""

from __future__ import annotations

from flask import Flask

from trainer.web.core import templates
from trainer.web.members import account, admin, auth, progress, teams


def init_app(app: Flask) -> None:
    templates.add_folder(app, __file__)
    for blueprint in (auth.bp, account.bp, progress.bp, teams.bp, admin.bp):
        app.register_blueprint(blueprint)
    auth.init_app(app)
    progress.init_app(app)
