from __future__ import annotations

import pytest

from tests.factories import make_team, make_user


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
