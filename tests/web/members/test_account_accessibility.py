"""The account pages pass axe-core too: signed out, as a member, and as an admin."""

from __future__ import annotations

import pytest

from tests.factories import make_team, make_user
from tests.web.reading.test_accessibility import serious_problems

pytestmark = pytest.mark.browser


def sign_in(page, base: str, login: str) -> None:
    page.goto(f"{base}/dang-nhap")
    page.get_by_label("Tên đăng nhập hoặc số điện thoại").fill(login)
    page.get_by_label("Mật khẩu").fill("hoc-ky-nang-so")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/cua-toi")


@pytest.mark.parametrize("path", ["/dang-nhap", "/dang-ky"])
def test_sign_in_and_registration_have_no_serious_problem(phone, live_server, session, path):
    make_team(session)
    phone.goto(live_server + path)
    phone.get_by_role("button").last.click()  # empty form: every error shown

    assert serious_problems(phone) == []


def test_a_members_pages_have_no_serious_problem(phone, live_server, session):
    make_user(session, "Lò Thị Lan", "lan", team=make_team(session))
    sign_in(phone, live_server, "lan")

    found = {}
    for path in ("/cua-toi", "/cua-toi/mat-khau", "/chu-de/an-toan", "/bai-hoc/mat-khau"):
        phone.goto(live_server + path)
        found[path] = serious_problems(phone)

    assert found == {path: [] for path in found}


def test_the_admin_pages_have_no_serious_problem(phone, live_server, session):
    team = make_team(session)
    make_user(session, "Lò Thị Lan", "lan", team=team)
    make_user(session, "Lò Văn Mai", "mai", role="instructor", manages=[team])
    make_user(session, "Quản trị An", "quantri", role="admin")
    sign_in(phone, live_server, "quantri")

    found = {}
    for path in (
        "/to/",
        f"/to/{team.id}",
        "/quan-tri/to-moi",
        "/quan-tri/nhap",
        "/quan-tri/tai-khoan",
    ):
        phone.goto(live_server + path)
        found[path] = serious_problems(phone)

    assert found == {path: [] for path in found}
