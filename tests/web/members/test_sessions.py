"""Sessions that end: copied cookies stop working once their session is over."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import pytest

from tests.factories import PASSWORD, make_team, make_user
from tests.forms import Login, post_form

COOKIES = ("session", "remember_token")


def copy_cookies(source, target) -> None:
    """What someone sniffing the hall's Wi-Fi, or borrowing the phone, would take."""
    for name in COOKIES:
        cookie = source.get_cookie(name)
        if cookie is not None:
            target.set_cookie(name, cookie.value)


def signed_in_as(client, user) -> bool:
    return client.get("/cua-toi").status_code == 200


@pytest.fixture
def member(session):
    return make_user(session, username="minh", team=make_team(session))


@pytest.fixture
def copied(app):
    return app.test_client()


def test_copied_cookies_stop_opening_the_account_after_signing_out(client, copied, member, login):
    login(member)
    copy_cookies(client, copied)
    assert signed_in_as(copied, member)

    login.logout()

    assert not signed_in_as(copied, member) and not signed_in_as(client, member)


@pytest.mark.parametrize("name", COOKIES)
def test_either_cookie_alone_stays_out_after_signing_out(client, app, member, login, name):
    login(member, remember=True)
    alone = app.test_client()
    alone.set_cookie(name, client.get_cookie(name).value)
    assert signed_in_as(alone, member)

    login.logout()

    assert not signed_in_as(alone, member)


def test_changing_the_password_ends_every_other_session_and_keeps_this_one(
    client, copied, member, login
):
    login(member, remember=True)
    copy_cookies(client, copied)

    response = post_form(
        client,
        "/cua-toi/mat-khau",
        {
            "current": PASSWORD,
            "password": "mat-khau-moi-cua-toi",
            "password_again": "mat-khau-moi-cua-toi",
        },
    )

    assert response.status_code == 302
    assert signed_in_as(client, member) and not signed_in_as(copied, member)


def test_an_instructors_reset_signs_the_member_out_everywhere(app, session, member):
    instructor = make_user(session, "Cầm Văn Hòa", role="instructor", manages=[member.team])
    phone, laptop = app.test_client(), app.test_client()
    Login(phone)(member, remember=True)
    Login(laptop)(instructor)

    post_form(
        laptop,
        f"/to/{member.team_id}/thanh-vien/{member.id}/mat-khau",
        {},
        page=f"/to/{member.team_id}",
    )

    assert not signed_in_as(phone, member)


def test_remember_me_lasts_thirty_days_not_a_year(client, member, login):
    response = login(member, remember=True)

    cookie = next(
        c for c in response.headers.getlist("Set-Cookie") if c.startswith("remember_token=")
    )
    expires = parsedate_to_datetime(re.search(r"Expires=([^;]+)", cookie).group(1))
    days = (expires - datetime.now(UTC)).total_seconds() / 86400
    assert 29.9 < days <= 30 and "HttpOnly" in cookie and "SameSite=Lax" in cookie
