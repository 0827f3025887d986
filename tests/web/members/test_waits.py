"""Admins see who must wait after wrong passwords, and let them try again at once."""

from __future__ import annotations

from tests.factories import make_user
from tests.forms import Login, post_form


def test_an_admin_sees_a_name_held_back_and_lets_its_owner_in_at_once(app, session):
    make_user(session, "Lò Văn Minh", "minh")
    admin = make_user(session, "Quản trị An", "quantri", role="admin")
    phone, laptop = app.test_client(), app.test_client()
    for _ in range(5):
        Login(phone)("minh", "sai-mat-khau")
    Login(laptop)(admin)

    page = laptop.get("/quan-tri/dang-nhap-sai/").get_data(as_text=True)
    assert "minh" in page and "sai 5 lần" in page and Login(phone)("minh").status_code == 429
    post_form(
        laptop,
        "/quan-tri/dang-nhap-sai/mo",
        {"ten": "minh", "dia_chi": "127.0.0.1"},
        page="/quan-tri/dang-nhap-sai/",
    )

    assert Login(phone)("minh").status_code == 302
    assert "Không ai phải chờ." in laptop.get("/quan-tri/dang-nhap-sai/").get_data(as_text=True)


def test_only_admins_see_who_waits(client, session, login):
    login(make_user(session, role="instructor"))

    assert client.get("/quan-tri/dang-nhap-sai/").status_code == 403
