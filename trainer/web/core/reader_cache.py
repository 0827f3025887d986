"""Whole pages for readers without an account, kept after they are first rendered.

Most people read without signing in. For them a reading page depends only on its address,
their display choice and the audio built so far, and content never changes while the
server runs, so the page is rendered once. Nothing personal is ever kept: not a page for a
signed-in member, not one with a message waiting to be shown, not one holding a form token.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Flask, current_app, g, make_response, request, session
from flask_login import current_user

from trainer.web.core import display, language

PAGES = "reader_pages"
# Addresses come from visitors: never let them grow memory without end. Each process keeps
# at most this many characters of pages (all the shipped lessons in two display styles fit).
MAX_CHARS = 16 * 1024 * 1024


def for_readers(view: Callable) -> Callable:
    """Serve the view's page from memory to readers without an account."""

    @wraps(view)
    def wrapper(**values):
        key = _key()
        pages = current_app.extensions.setdefault(PAGES, {})
        if key is not None and key in pages:
            return pages[key]
        response = make_response(view(**values))
        if key is not None and response.status_code == 200 and "csrf_token" not in g:
            page = response.get_data(as_text=True)
            if sum(map(len, pages.values())) + len(page) > MAX_CHARS:
                pages.clear()
            pages[key] = page
        return response

    return wrapper


def forget_pages(app: Flask) -> None:
    """Drop every kept page, e.g. when new audio changes what a lesson shows."""
    app.extensions.pop(PAGES, None)


def _key() -> tuple[str, str, str] | None:
    if current_user.is_authenticated or "_flashes" in session or set(request.args) - {"lang"}:
        return None
    return request.full_path, request.cookies.get(display.COOKIE, ""), language.chosen_language()
