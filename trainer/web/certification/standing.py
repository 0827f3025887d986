"""What the certification pages share: the topics index, titles, standings, who sees whom."""

from __future__ import annotations

from flask import url_for
from flask_login import current_user

from trainer.extensions import db
from trainer.models import Role, User
from trainer.services.standing import standing_of
from trainer.web.core.access import manages
from trainer.web.core.catalog import current_catalog
from trainer.web.core.links import public_url


def lessons_by_topic() -> dict[str, list[str]]:
    """Topic slug -> its Vietnamese lesson slugs, for every topic, in the catalog's order."""
    catalog = current_catalog()
    return {
        topic.slug: [lesson.slug for lesson in catalog.lessons_in(topic.slug)]
        for topic in catalog.topics
    }


def my_standings() -> list[tuple]:
    """(topic, Standing) for the signed-in member on every topic that has a quiz."""
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
