"""What the certification pages share: their blueprints, the topics index, dates, who sees whom."""

from __future__ import annotations

from flask import Flask, url_for

from trainer.models import Role, User
from trainer.services import certificates as certificates_service
from trainer.services import clock
from trainer.web.access import manages
from trainer.web.addresses import public_url
from trainer.web.catalog import current_catalog


def init_app(app: Flask) -> None:
    from trainer.web import certificates, field_guides, quizzes, reports, roster

    for module in (quizzes, certificates, field_guides, roster, reports):
        app.register_blueprint(module.bp)
    app.add_template_filter(clock.shown_day, "day")
    app.add_template_filter(clock.shown_time, "moment")
    app.add_template_global(certificates_service.verdict, "verdict")
    app.add_template_global(lambda slug: slug in current_catalog().quizzes, "has_quiz")
    app.add_template_global(lambda slug: slug in current_catalog().guides, "has_guide")
    app.add_template_global(my_standings)
    app.add_template_global(lesson_title)


def lessons_by_topic() -> dict[str, list[str]]:
    """Topic slug -> its Vietnamese lesson slugs, for every topic, in the catalog's order."""
    catalog = current_catalog()
    return {
        topic.slug: [lesson.slug for lesson in catalog.lessons_in(topic.slug)]
        for topic in catalog.topics
    }


def my_standings() -> list:
    """(topic, Standing) for the signed-in member on every topic that has a quiz."""
    from flask_login import current_user

    from trainer.extensions import db
    from trainer.services.standing import standing_of

    catalog = current_catalog()
    found = standing_of(db.session, current_user.id, lessons_by_topic())
    return [(catalog.topic(s.topic), s) for s in found if s.topic in catalog.quizzes]


def lesson_title(slug: str) -> str:
    lesson = current_catalog().lesson(slug)
    return lesson.title if lesson else slug


def topic_title(slug: str) -> str:
    topic = current_catalog().topic(slug)
    return topic.title() if topic else slug


def verify_url(code: str) -> str:
    """The public verify page's full address, as put in QR codes and shared links."""
    return public_url(url_for("certificates.verify", code=code))


def may_see(viewer: User, member: User) -> bool:
    """A member sees only themself; instructors their teams' members; admins everyone."""
    if viewer.id == member.id or viewer.role == Role.ADMIN:
        return True
    return member.team_id is not None and manages(viewer, member.team_id)
