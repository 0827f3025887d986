"""At the Nhà văn hóa: projector and presenter views, the shared slide position, class quiz."""

from __future__ import annotations

from flask import Flask

from trainer.web.core import templates
from trainer.web.hall import class_quiz, projector, slide_position


def init_app(app: Flask) -> None:
    templates.add_folder(app, __file__)
    for blueprint in (projector.bp, slide_position.bp, class_quiz.bp):
        app.register_blueprint(blueprint)
