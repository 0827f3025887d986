"""How big a request may be, refused with a 413 before any of its body is read.

MAX_CONTENT_LENGTH holds for every route; one that takes larger files (a recording) says
so with `@largest_body(...)`. The limit is known as soon as the address is matched, so
even the anti-forgery check, which reads the form first of all, never reads more. A route
for signed-in people only reads no more than a small form from a visitor who is not.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, Request, current_app, request
from flask_login import current_user

from trainer.services.common import uploaded_table

VISITOR_BODY = 64 * 1024  # what a visitor may send to a route for signed-in people only


class SizedRequest(Request):
    """A request whose largest body is its route's own, else MAX_CONTENT_LENGTH; a visitor
    (not signed in) sends at most VISITOR_BODY to a route for signed-in people only."""

    @property
    def max_content_length(self) -> int | None:
        if self._max_content_length is not None:
            return self._max_content_length
        view = current_app.view_functions.get(self.endpoint) if self.endpoint else None
        largest = getattr(view, "largest_body", None) or current_app.config["MAX_CONTENT_LENGTH"]
        if getattr(view, "signed_in_only", False) and not current_user.is_authenticated:
            return min(largest, VISITOR_BODY)
        return largest

    @max_content_length.setter
    def max_content_length(self, value: int | None) -> None:
        self._max_content_length = value


def largest_body(size: int, refused: Callable | None = None) -> Callable[[Callable], Callable]:
    """Let the view take a body of up to size bytes (more than MAX_CONTENT_LENGTH);
    refused(**view_args), when given, answers a larger one instead of the 413 page."""

    def mark(view: Callable) -> Callable:
        view.largest_body = size
        view.too_large = refused
        return view

    return mark


def too_large_answer():
    """The route's own answer to a body over its limit, if it has one."""
    view = current_app.view_functions.get(request.endpoint) if request.endpoint else None
    if getattr(view, "signed_in_only", False) and not current_user.is_authenticated:
        return None  # a visitor gets the plain page, never the route's own
    refused = getattr(view, "too_large", None)
    return refused(**(request.view_args or {})) if refused else None


CSV_BYTES = uploaded_table.MAX_BYTES  # the largest spreadsheet an admin may import


def uploaded_bytes(field, limit: int = CSV_BYTES) -> bytes | None:
    """The bytes of a form's file field, or None with the field's error set if it is
    larger than limit (read no further than that)."""
    data = field.data.read(limit + 1)
    if len(data) > limit:
        field.errors = [f"Tệp lớn quá {limit // 1024 // 1024} MB. Hãy chia thành nhiều tệp."]
        return None
    return data


def init_app(app: Flask) -> None:
    app.request_class = SizedRequest
