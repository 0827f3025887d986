"""A page's body as a phone would get it, from the page's own view, inside this request.

A topic pack lists its pages with their sizes and hashes. Each is rendered by the view
that serves its address, called directly in a request context of its own for that
address: no second request through the app, no cookie forwarded, no middleware or lock
replayed. A reader's page is rendered as for a reader without an account (in an app
context of its own, so nothing of the person asking leaks in, and it comes from the reader
cache); a page that needs an account is rendered for the member asking now (the context
shares this request's app context, where the member is already known).
"""

from __future__ import annotations

from contextlib import ExitStack

from flask import current_app, request
from werkzeug.exceptions import HTTPException
from werkzeug.test import EnvironBuilder


def page_body(path: str, *, as_member: bool = False) -> bytes:
    """The uncompressed body of the page at path; empty when it is not one this reader (or
    member) may open: a redirect, 403, 404."""
    app = current_app._get_current_object()
    environ = EnvironBuilder(path=path, base_url=request.host_url).get_environ()
    with ExitStack() as contexts:
        if not as_member:
            contexts.enter_context(app.app_context())  # no one signed in, nothing kept in g
        contexts.enter_context(app.request_context(environ))
        try:
            response = app.make_response(app.dispatch_request())
        except HTTPException:
            return b""
        return response.get_data() if response.status_code == 200 else b""
