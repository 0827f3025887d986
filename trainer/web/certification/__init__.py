"""Certification: quizzes, certificates and their verify page, field guides, rosters, reports."""

from __future__ import annotations

from flask import Flask

from trainer.services.certification.certificates import verdict
from trainer.web.certification import (
    certificates,
    field_guides,
    quizzes,
    reports,
    roster,
    standing,
    verify,
)
from trainer.web.core import templates


def init_app(app: Flask) -> None:
    templates.add_folder(app, __file__)
    for module in (quizzes, certificates, verify, field_guides, roster, reports):
        app.register_blueprint(module.bp)
    app.add_template_global(verdict)
    for helper in (standing.lesson_title, standing.step_url, standing.step_name):
        app.add_template_global(helper)
