"""At the Nhà văn hóa: projector and presenter views, the shared slide position, class quiz."""

from __future__ import annotations

from flask import Flask

from trainer.web.core import templates
from trainer.web.hall import class_quiz, live_quiz, my_answers, phones, projector, slide_position


def init_app(app: Flask) -> None:
    templates.add_folder(app, __file__)
    for blueprint in (
        projector.bp,
        slide_position.bp,
        class_quiz.bp,
        live_quiz.bp,
        phones.bp,
        my_answers.bp,
    ):
        app.register_blueprint(blueprint)
    app.add_template_global(projector.counter)
