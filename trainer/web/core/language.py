"""The reader's language: asked for with ?lang=, kept in a cookie, kept by every link.

An address with ?lang= always wins, and choosing it is remembered (a cookie for a year, as
the display settings are), so a typed address, a bookmark or a QR code opens in the
language the reader chose last. Files (the loudspeaker MP3, the poster picture) follow
their address alone: a shared cache may keep them for everyone.
"""

from __future__ import annotations

from flask import Flask, Response, request, url_for

from trainer.content.model import Lesson
from trainer.web.core.catalog import current_catalog

COOKIE = "ngon_ngu"
YEAR = 365 * 24 * 3600


def init_app(app: Flask) -> None:
    app.context_processor(
        lambda: {"lang": chosen_language(), "link": link, "in_language": in_language}
    )
    app.after_request(_remember)


def asked_language() -> str | None:
    """The language the address asks for with ?lang=, if lessons exist in it."""
    code = request.args.get("lang")
    return code if code and code in current_catalog().languages else None


def chosen_language(remembered: bool = True) -> str:
    """The address's ?lang=, else the reader's remembered choice (unless remembered is
    False), else Vietnamese."""
    cookie = request.cookies.get(COOKIE) if remembered else None
    kept = cookie if cookie in current_catalog().languages else None
    return asked_language() or kept or "vi"


def link(endpoint: str, **values) -> str:
    """url_for that keeps the reader's language."""
    language = chosen_language()
    return url_for(endpoint, **values, **({"lang": language} if language != "vi" else {}))


def in_language(lesson: Lesson, remembered: bool = True) -> Lesson:
    """The lesson in the reader's language where a translation exists."""
    return current_catalog().lesson(lesson.slug, chosen_language(remembered)) or lesson


def _remember(response: Response) -> Response:
    """Keep the language an address asked for, on a page that was found (never on a file
    a shared cache could keep, cookie and all)."""
    if response.mimetype != "text/html" or response.status_code >= 400:
        return response
    asked = asked_language()
    if asked and request.cookies.get(COOKIE) != asked:
        response.set_cookie(COOKIE, asked, max_age=YEAR, httponly=True, samesite="Lax")
    return response
