from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from tests.factories import make_team, make_user
from tests.forms import post_form
from trainer.models import User


@pytest.fixture
def two_teams(session):
    phang = make_team(session)
    thanh = make_team(session, "Tổ CNSCĐ-Xã Thanh Nưa", "Xã Thanh Nưa")
    make_user(session, "Lò Thị Lan", "lan", team=phang)
    make_user(session, "Quàng Văn Hùng", "hung", team=thanh)
    return phang, thanh


@pytest.mark.parametrize("path", ["/cua-toi", "/to/", "/quan-tri/tai-khoan", "/quan-tri/nhap"])
def test_pages_for_signed_in_people_send_visitors_to_sign_in(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/dang-nhap?next=")


@pytest.mark.parametrize("path", ["/to/", "/quan-tri/tai-khoan", "/quan-tri/to-moi"])
def test_a_member_is_refused_the_team_and_admin_pages(client, session, login, path):
    make_user(session, username="lan")
    login("lan")

    response = client.get(path)

    assert response.status_code == 403
    assert "Bạn chưa có quyền xem trang này" in response.get_data(as_text=True)


def test_an_instructor_sees_only_the_teams_they_manage(client, session, login, two_teams):
    phang, thanh = two_teams
    make_user(session, "Giảng viên Mai", "mai", role="instructor", manages=[phang])
    login("mai")

    listing = client.get("/to/").get_data(as_text=True)
    own = client.get(f"/to/{phang.id}")
    other = client.get(f"/to/{thanh.id}")

    assert phang.name in listing and thanh.name not in listing
    assert own.status_code == 200 and "Lò Thị Lan" in own.get_data(as_text=True)
    assert other.status_code == 404 and "Quàng Văn Hùng" not in other.get_data(as_text=True)


def test_an_instructor_cannot_use_the_admin_pages(client, session, login, two_teams):
    make_user(session, "Giảng viên Mai", "mai", role="instructor", manages=[two_teams[0]])
    login("mai")

    assert client.get("/quan-tri/tai-khoan").status_code == 403


def test_an_admin_sees_every_team(client, session, login, two_teams):
    make_user(session, "Quản trị An", "quantri", role="admin")
    login("quantri")

    listing = client.get("/to/").get_data(as_text=True)

    assert all(team.name in listing for team in two_teams)


def test_a_members_page_shows_only_their_own_name_and_team(client, session, login, two_teams):
    login("lan")

    page = client.get("/cua-toi").get_data(as_text=True)

    assert "Lò Thị Lan" in page and two_teams[0].name in page
    assert "Quàng Văn Hùng" not in page


def test_an_instructor_gives_a_member_of_their_team_a_temporary_password(
    client, session, login, two_teams
):
    make_user(session, "Giảng viên Mai", "mai", role="instructor", manages=[two_teams[0]])
    lan_id = session.scalar(sa.select(User.id).where(User.username == "lan"))
    login("mai")

    page = post_form(
        client,
        f"/to/{two_teams[0].id}/thanh-vien/{lan_id}/mat-khau",
        {},
        page=f"/to/{two_teams[0].id}",
    ).get_data(as_text=True)
    password = re.search(r"<code>(\w+)</code>", page).group(1)
    login.logout()

    assert login("lan", password).status_code == 302


def test_an_instructor_cannot_reset_a_password_in_another_team(client, session, login, two_teams):
    phang, thanh = two_teams
    make_user(session, "Giảng viên Mai", "mai", role="instructor", manages=[phang])
    hung_id = session.scalar(sa.select(User.id).where(User.username == "hung"))
    login("mai")

    response = post_form(
        client, f"/to/{thanh.id}/thanh-vien/{hung_id}/mat-khau", {}, page=f"/to/{phang.id}"
    )

    assert response.status_code == 404
    assert login("hung").status_code == 302  # the old password still works
