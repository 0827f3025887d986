"""Posting forms the way a browser does: with the page's anti-forgery token."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.factories import PASSWORD

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def token_from(html: str) -> str:
    """The csrf_token of the first form in html."""
    match = TOKEN.search(html)
    assert match, "the page has no form with a csrf_token"
    return match.group(1)


def post_form(
    client: FlaskClient, path: str, data: dict, *, page: str | None = None, **kwargs
) -> TestResponse:
    """GET page (path by default) for its token, then POST data to path with it."""
    token = token_from(client.get(page or path).get_data(as_text=True))
    return client.post(path, data={"csrf_token": token, **data}, **kwargs)


class Login:
    """Signs the test client in and out through the real forms."""

    def __init__(self, client: FlaskClient):
        self.client = client

    def __call__(
        self, user_or_login, password: str = PASSWORD, *, remember: bool = False
    ) -> TestResponse:
        name = getattr(user_or_login, "login_name", user_or_login)
        form = {"login": name, "password": password} | ({"remember": "y"} if remember else {})
        return post_form(self.client, "/dang-nhap", form)

    def token(self, path: str = "/dang-nhap") -> str:
        return token_from(self.client.get(path).get_data(as_text=True))

    def logout(self) -> TestResponse:
        return post_form(self.client, "/dang-xuat", {}, page="/cua-toi")
