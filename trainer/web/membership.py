"""Everything for signed-in people: accounts, their pages, progress, teams and admin tools."""

from __future__ import annotations

from flask import Flask

from trainer.web import access, account, admin, auth, progress, teams


def init_app(app: Flask) -> None:
    for blueprint in (auth.bp, account.bp, progress.bp, teams.bp, admin.bp):
        app.register_blueprint(blueprint)
    access.init_app(app)
    auth.init_app(app)
    progress.init_app(app)
