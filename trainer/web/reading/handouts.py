"""Paper and pictures to take a lesson beyond the screen: an A4 handout and a Zalo poster.

A poster is drawn once per lesson and public address and kept on disk (poster_store); one
is drawn only for an address this server really has, never for a made-up Host header.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for

from trainer.content.model import Lesson
from trainer.web.core.catalog import current_catalog
from trainer.web.core.language import in_language
from trainer.web.core.links import asked_at_own_address, public_url

bp = Blueprint("handouts", __name__)
POSTERS = "posters"  # the folder in the instance folder they are kept in


def lesson_public_url(lesson: Lesson) -> str:
    """The lesson's full address, in its language, for QR codes."""
    language = lesson.language if lesson.language != "vi" else None
    path = url_for("pages.lesson", slug=lesson.slug, lang=language)
    return public_url(path)


@bp.get("/bai-hoc/<slug>/in")
def handout(slug: str):
    lesson, topic = _lesson_and_topic(slug)
    url = lesson_public_url(lesson)
    return render_template(
        "handouts/handout.html", lesson=lesson, topic=topic, url=url, qr=qr_svg(url)
    )


@bp.get("/bai-hoc/<slug>/ap-phich.png")
def poster(slug: str):
    lesson, topic = _lesson_and_topic(slug)
    if not asked_at_own_address():
        abort(400)  # a Host header this server does not have: no drawing for it
    url = lesson_public_url(lesson)
    from trainer.services.reading.poster import poster_text, render_poster  # Pillow
    from trainer.services.reading.poster_store import stored_poster

    text = poster_text(lesson, topic.title(lesson.language), url)
    png = stored_poster(Path(current_app.instance_path) / POSTERS, text, render_poster)
    response = Response(png, mimetype="image/png")
    response.headers["Content-Disposition"] = f'inline; filename="{slug}.png"'
    response.add_etag()
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response.make_conditional(request)


@lru_cache(maxsize=256)  # a few addresses per lesson; each drawing is a few kilobytes
def qr_svg(url: str) -> str:
    """A QR code to url, as an SVG data URI for a printed page."""
    import segno  # only these pages draw QR codes

    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def _lesson_and_topic(slug: str):
    catalog = current_catalog()
    original = catalog.lesson(slug) or abort(404)
    return in_language(original), catalog.topic(original.topic)
