from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from trainer.extensions import db


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


def test_the_secret_key_and_the_database_are_readable_by_their_owner_only(make_app, content):
    app = make_app(content, DATABASE_URL="")

    instance = Path(app.instance_path)
    with app.app_context():
        db.session.execute(sa.text("SELECT 1"))
    modes = {
        name: stat.S_IMODE((instance / name).stat().st_mode)
        for name in ("secret_key", "trainer.sqlite")
    }
    assert modes == {"secret_key": 0o600, "trainer.sqlite": 0o600}


def test_every_app_process_signs_with_the_key_the_first_one_made(make_app, content):
    first, second = make_app(content), make_app(content)

    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
