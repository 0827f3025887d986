"""What the certification pages share: the topics index, titles, standings, who sees whom."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from flask import current_app, url_for
from flask_login import current_user

from trainer.extensions import db
from trainer.models import Certificate
from trainer.services.certification import certificates
from trainer.services.certification.member_standing import standing_of
from trainer.web.core.catalog import current_catalog
from trainer.web.core.links import issuer_base_url

if TYPE_CHECKING:
    from trainer.services.certification.verify_link import VerifyLink


def lessons_by_topic() -> dict[str, list[str]]:
    """Topic slug -> its Vietnamese lesson slugs, for every topic, in the catalog's order."""
    catalog = current_catalog()
    return {
        topic.slug: [lesson.slug for lesson in catalog.lessons_in(topic.slug)]
        for topic in catalog.topics
    }


def my_standings() -> list[tuple]:
    """(topic, Standing) for the signed-in member on every topic that certifies (has a bank
    file, even one that cannot be read now) or that they hold a certificate for."""
    catalog = current_catalog()
    found = standing_of(db.session, current_user.id, lessons_by_topic())
    return [
        (catalog.topic(s.topic), s)
        for s in found
        if s.topic in catalog.banks or s.certificate is not None
    ]


def lesson_title(slug: str) -> str:
    lesson = current_catalog().lesson(slug)
    return lesson.title if lesson else slug


def step_url(lesson: str, step) -> str:
    """The address of a lesson's step, for "Học lại" links: the one place that knows how a
    quiz item's `step` names a step in the lesson page."""
    return url_for("pages.lesson", slug=lesson, _anchor=f"buoc-{step}")


def step_name(lesson: str, step) -> str:
    """How a link names a lesson's step: “title”, bước N."""
    return f"“{lesson_title(lesson)}”, bước {step}"


def topic_title(slug: str) -> str:
    topic = current_catalog().topic(slug)
    return topic.title() if topic else slug


def verify_url(code: str) -> str:
    """The public verify page's full address for a code, from configuration (never from
    the address the page was asked at, which the asker chooses)."""
    return issuer_base_url() + url_for("verify.page", code=code)


def status_list_url() -> str:
    """The signed revocation list's full address, from configuration."""
    return issuer_base_url() + url_for("verify.status_list")


def signing_key():
    """The server's signing key, made now if it has none yet."""
    from trainer.services.certification import signing_keys

    return signing_keys.ensure_signing_key(Path(current_app.instance_path))


def verify_link_for(certificate: Certificate) -> VerifyLink:
    """The address the certificate's QR code opens: its seal, signed now with the server's
    key (so certificates older than the key are sealed too); a revoked one's code alone."""
    from trainer.services.certification.verify_link import verify_link

    key = signing_key()
    if certificates.verdict(certificate) == "revoked":
        key = None  # a revoked certificate's QR code sends everyone to the record
    prefix = issuer_base_url() + url_for("verify.lookup") + "/"
    return verify_link(prefix, certificate.code, certificates.seal_of(certificate, key))
