"""Whole pages for readers without an account, kept after they are first rendered.

Most people read without signing in. For them a reading page depends only on its address,
their display choice and the audio built so far, and content never changes while the
server runs, so the page is rendered once. Nothing personal is ever kept: not a page for a
signed-in member, not one with a message waiting to be shown, not one holding a form token.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import g, make_response, request, session
from flask_login import current_user

from trainer.web.core import display, language
from trainer.web.core.serving_state import serving

# Addresses come from visitors: the serving state keeps pages up to a number of bytes (every
# shipped lesson in two display styles fits) and drops the one used longest ago past that.


def for_readers(view: Callable) -> Callable:
    """Serve the view's page from memory to readers without an account."""

    @wraps(view)
    def wrapper(**values):
        key = _key()
        pages = serving().pages
        kept = pages.get(key) if key is not None else None
        if kept is not None:
            return kept
        generation = pages.generation  # a page made with audio replaced meanwhile is not kept
        response = make_response(view(**values))
        if key is not None and response.status_code == 200 and "csrf_token" not in g:
            pages.put(key, response.get_data(), generation)
        return response

    return wrapper


def _key() -> tuple[str, str, str] | None:
    if current_user.is_authenticated or "_flashes" in session or set(request.args) - {"lang"}:
        return None
    return request.full_path, request.cookies.get(display.COOKIE, ""), language.chosen_language()
