"""Paper and pictures to take a lesson beyond the screen: an A4 handout and a Zalo poster."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for

from trainer.content.model import Lesson
from trainer.web.core.catalog import current_catalog
from trainer.web.core.language import in_language
from trainer.web.core.links import public_url

bp = Blueprint("handouts", __name__)
POSTER_CACHE_BYTES = 8 * 1024 * 1024  # per process; a poster is about 100 KB


def lesson_public_url(lesson: Lesson) -> str:
    """The lesson's full address, in its language, for QR codes."""
    language = lesson.language if lesson.language != "vi" else None
    path = url_for("pages.lesson", slug=lesson.slug, lang=language)
    return public_url(path)


@bp.get("/bai-hoc/<slug>/in")
def handout(slug: str):
    lesson, topic = _lesson_and_topic(slug)
    url = lesson_public_url(lesson)
    import segno  # only these pages draw QR codes

    qr = segno.make(url, error="m").svg_data_uri(scale=4, border=2)
    return render_template("handouts/handout.html", lesson=lesson, topic=topic, url=url, qr=qr)


@bp.get("/bai-hoc/<slug>/ap-phich.png")
def poster(slug: str):
    lesson, topic = _lesson_and_topic(slug, remembered=False)  # a picture a cache may keep
    url = lesson_public_url(lesson)
    from trainer.services.reading.poster import (  # Pillow, only for posters
        poster_text,
        render_poster,
    )

    cache = current_app.extensions.setdefault("posters", {})
    if url not in cache:  # content never changes while the server runs
        png = render_poster(poster_text(lesson, topic.title(lesson.language), url))
        if sum(map(len, cache.values())) + len(png) > POSTER_CACHE_BYTES:
            cache.clear()  # each Host header asked for makes a new URL
        cache[url] = png
    response = Response(cache[url], mimetype="image/png")
    response.headers["Content-Disposition"] = f'inline; filename="{slug}.png"'
    response.add_etag()
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response.make_conditional(request)


def _lesson_and_topic(slug: str, remembered: bool = True):
    catalog = current_catalog()
    original = catalog.lesson(slug) or abort(404)
    return in_language(original, remembered), catalog.topic(original.topic)
