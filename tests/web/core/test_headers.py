"""Nothing a signed-in person sees is kept by a shared cache or the phone's back button."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_team, make_user
from tests.forms import post_form
from tests.web.certify import take_quiz


@pytest.fixture
def admin(client, session, login):
    team = make_team(session)
    member = make_user(session, "Lò Thị Lan", "lan", team=team)
    login(member)
    take_quiz(client, session)
    login.logout()
    user = make_user(session, "Quản Trị", "quantri", role="admin", manages=[team])
    login(user)
    return team, member


@pytest.mark.parametrize(
    "address",
    [
        "/cua-toi",
        "/cua-toi/mat-khau",
        "/chung-nhan",
        "/to/",
        "/to/{team}",
        "/giang-vien/to/{team}",
        "/giang-vien/thanh-vien/{member}",
        "/quan-tri/tai-khoan",
        "/quan-tri/nhap",
        "/quan-tri/dang-nhap-sai/",
        "/bao-cao/",
        "/bao-cao/tai.csv",
        "/bao-cao/tai.xlsx",
        "/bai-hoc/mat-khau",
        "/",
    ],
)
def test_every_signed_in_page_and_download_says_private_no_store(client, admin, address):
    team, member = admin

    response = client.get(address.format(team=team.id, member=member.id))

    assert response.status_code == 200
    assert {"private", "no-store"} <= set(
        response.headers["Cache-Control"].replace(" ", "").split(",")
    )


def test_the_one_time_password_page_is_never_stored(client, session, admin):
    team, member = admin
    response = post_form(
        client, f"/to/{team.id}/thanh-vien/{member.id}/mat-khau", {}, page=f"/to/{team.id}"
    )

    assert "no-store" in response.headers["Cache-Control"]


def test_files_named_by_their_content_stay_cached_for_everyone(client, admin):
    page = client.get("/").get_data(as_text=True)
    [style] = re.findall(r'href="(/static/[^"]+/site\.css)"', page)

    response = client.get(style)

    assert "immutable" in response.headers["Cache-Control"]
