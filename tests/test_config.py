from __future__ import annotations

from datetime import timedelta

import pytest


@pytest.mark.parametrize(
    ("base", "secure"),
    [("https://hoc.example.vn", True), ("http://192.168.1.10:5000", False), ("", False)],
)
def test_sign_in_cookies_go_over_https_only_when_the_public_address_is_https(
    make_app, content, base, secure
):
    app = make_app(content, PUBLIC_BASE_URL=base)

    assert (app.config["SESSION_COOKIE_SECURE"], app.config["REMEMBER_COOKIE_SECURE"]) == (
        secure,
        secure,
    )


def test_a_secure_setting_given_by_hand_is_kept(make_app, content):
    app = make_app(content, PUBLIC_BASE_URL="https://hoc.example.vn", SESSION_COOKIE_SECURE=False)

    assert app.config["SESSION_COOKIE_SECURE"] is False


def test_remember_me_lasts_thirty_days(app):
    assert app.config["REMEMBER_COOKIE_DURATION"] == timedelta(days=30)
