from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.factories import PASSWORD, make_team, make_user
from tests.forms import post_form
from tests.services.certification_clock import Clock
from trainer.models import LoginFailure, User
from trainer.services.members.joining import NOT_AVAILABLE


def register(client, chosen, **changes):
    data = {
        "full_name": "Lò Thị Lan",
        "login": "lan.lo",
        "password": "mot-mat-khau-dai",
        "password_again": "mot-mat-khau-dai",
        "team": str(chosen.id),
        **changes,
    }
    return post_form(client, "/dang-ky", data)


def test_a_member_with_the_join_code_registers_into_the_team_and_lands_signed_in(client, session):
    team = make_team(session)

    response = register(client, team, team="0", join_code=team.join_code.lower())

    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Lò Thị Lan" in page and "Bạn đã vào Tổ CNSCĐ-Xã Mường Phăng." in page
    assert "đang chờ giảng viên" not in page
    user = session.scalar(sa.select(User).where(User.username == "lan.lo"))
    assert (user.team_id, user.role, user.pending) == (team.id, "member", False)
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash


def test_a_member_without_the_code_waits_for_the_instructor_and_is_told_so(client, session):
    team = make_team(session)

    response = register(client, team)

    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Bạn đang chờ giảng viên của tổ duyệt." in page
    assert session.scalar(sa.select(User.pending)) is True


def test_a_wrong_join_code_is_refused_and_nobody_is_registered(client, session):
    team = make_team(session)

    page = register(client, team, join_code="AAAA-BBBB").get_data(as_text=True)

    assert "Mã vào tổ chưa đúng." in page
    assert session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def test_registering_with_a_phone_number_stores_it_normalised(client, session):
    team = make_team(session)

    register(client, team, login="+84 912 345 678")

    user = session.scalar(sa.select(User))
    assert (user.username, user.phone) == (None, "0912345678")


def test_a_registration_mistake_is_explained_in_vietnamese_and_keeps_what_was_typed(
    client, session
):
    team = make_team(session)

    response = register(client, team, password_again="khac-han-mat-khau")

    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Hai mật khẩu chưa giống nhau." in page
    assert 'value="Lò Thị Lan"' in page and 'value="lan.lo"' in page
    assert session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def test_a_login_name_that_is_neither_a_username_nor_a_phone_is_explained(client, session):
    team = make_team(session)

    page = register(client, team, login="12", password_again="").get_data(as_text=True)

    assert "Số điện thoại cần đủ 10 chữ số, bắt đầu bằng số 0." in page
    assert "Hãy nhập lại mật khẩu." in page


@pytest.mark.parametrize("login", ["lan.lo", "0912345678"])
def test_a_name_in_use_is_refused_without_saying_it_is_someones(client, session, login):
    team = make_team(session)
    make_user(session, username="lan.lo", phone="0912345678", team=team)

    page = register(client, team, login=login).get_data(as_text=True)

    assert NOT_AVAILABLE in page
    assert "đã có người dùng" not in page and "Số điện thoại này" not in page
    assert "lan.lo" not in client.get("/cua-toi").get_data(as_text=True)


def test_registering_under_ones_own_account_with_its_password_signs_in(client, session):
    team = make_team(session)
    make_user(session, "Lò Thị Lan", username="lan.lo", password="mot-mat-khau-dai", team=team)

    response = register(client, team)

    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Bạn đã có tài khoản này, nên đã được đăng nhập." in page


def test_sixty_registrations_from_one_address_are_throttled_after_twenty(client, session):
    team = make_team(session)

    visitors = [client.application.test_client() for _ in range(60)]  # one address

    answers = [
        register(v, team, login=f"nguoi.{n:02d}").status_code for n, v in enumerate(visitors)
    ]

    assert answers[:20] == [302] * 20
    assert set(answers[20:]) == {429}
    assert session.scalar(sa.select(sa.func.count()).select_from(User)) == 20


def test_registration_without_a_code_or_a_team_asks_for_one(client, session):
    team = make_team(session)

    page = register(client, team, team="0").get_data(as_text=True)

    assert "Hãy chọn tổ của bạn, hoặc ghi mã vào tổ." in page


def test_a_form_posted_without_its_token_is_refused_and_keeps_what_was_typed(client, session):
    team = make_team(session)

    response = client.post(
        "/dang-ky",
        data={
            "full_name": "Lò Thị Lan",
            "login": "lan.lo",
            "password": "x" * 10,
            "password_again": "x" * 10,
            "team": str(team.id),
        },
    )

    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "chưa gửi được" in page and 'value="lan.lo"' in page
    assert session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def test_signing_in_with_the_right_password_opens_the_members_page(client, session, login):
    make_user(session, "Lò Văn Minh", "minh")

    response = login("minh")

    assert response.status_code == 302
    assert "Lò Văn Minh" in client.get("/cua-toi").get_data(as_text=True)


def test_a_phone_number_signs_in_however_it_is_written(client, session, login):
    make_user(session, "Lò Văn Minh", phone="0912345678")

    response = login("0912 345 678")

    assert response.status_code == 302


def test_a_wrong_password_says_so_without_saying_which_part_was_wrong(session, login):
    make_user(session, username="minh")

    page = login("minh", "sai-mat-khau").get_data(as_text=True)

    assert "Tên đăng nhập hoặc mật khẩu chưa đúng." in page
    assert 'value="minh"' in page


def test_after_five_wrong_passwords_that_name_waits_here_even_with_the_right_one(
    session, login, monkeypatch
):
    Clock(monkeypatch)
    make_user(session, username="minh")
    for _ in range(5):
        login("minh", "sai-mat-khau")

    response = login("minh")

    assert response.status_code == 429
    assert "Hãy đợi 30 giây" in response.get_data(as_text=True)
    assert session.scalar(sa.select(sa.func.count()).select_from(LoginFailure)) == 5


def test_sign_in_works_again_once_the_wait_has_passed(session, login, monkeypatch):
    clock = Clock(monkeypatch)
    make_user(session, username="minh")
    for _ in range(5):
        login("minh", "sai-mat-khau")
    clock.forward(seconds=20)
    assert login("minh").status_code == 429

    clock.forward(seconds=15)
    response = login("minh")

    assert response.status_code == 302


def test_wrong_passwords_from_another_device_never_keep_the_owner_out(client, session, login):
    make_user(session, username="minh")
    for _ in range(8):
        login("minh", "sai-mat-khau")
    token = login.token()

    response = client.post(
        "/dang-nhap",
        data={"csrf_token": token, "login": "minh", "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "10.0.0.7"},
    )

    assert response.status_code == 302


def test_the_lock_is_shared_by_every_process_because_it_lives_in_the_database(
    make_app, content, session, login
):
    make_user(session, username="minh")
    for _ in range(5):
        login("minh", "sai-mat-khau")
    other_process = make_app(content).test_client()

    response = post_form(other_process, "/dang-nhap", {"login": "minh", "password": PASSWORD})

    assert response.status_code == 429


def test_session_cookie_is_httponly_and_samesite(session, login):
    make_user(session, username="minh")

    response = login("minh")

    cookies = response.headers.getlist("Set-Cookie")
    session_cookie = next(c for c in cookies if c.startswith("session="))
    assert "HttpOnly" in session_cookie and "SameSite=Lax" in session_cookie


def test_signing_out_ends_the_session(client, session, login):
    make_user(session, username="minh")
    login("minh")

    login.logout()

    assert client.get("/cua-toi").status_code == 302


def test_sign_in_returns_to_the_page_asked_for_but_never_to_another_site(client, session, login):
    make_user(session, username="minh")
    data = {"login": "minh", "password": PASSWORD}

    inside = post_form(client, "/dang-nhap?next=/to/", data, page="/dang-nhap")
    login.logout()
    backslash = post_form(client, "/dang-nhap?next=/%5Cevil.example/", data, page="/dang-nhap")
    login.logout()
    outside = post_form(client, "/dang-nhap?next=//evil.example/", data, page="/dang-nhap")

    assert inside.headers["Location"] == "/to/"
    assert backslash.headers["Location"] == "/cua-toi"
    assert outside.headers["Location"] == "/cua-toi"


@pytest.mark.parametrize(
    "sent", ["/cua-toi%0d%0aSet-Cookie:%20x=1", "/%09/evil.example", "/%0a/evil.example"]
)
def test_a_sign_in_with_cr_lf_or_a_tab_in_its_next_address_lands_on_the_members_page(
    client, session, sent
):
    make_user(session, username="minh")

    response = post_form(
        client,
        f"/dang-nhap?next={sent}",
        {"login": "minh", "password": PASSWORD},
        page="/dang-nhap",
    )

    assert response.status_code == 302 and response.headers["Location"] == "/cua-toi"
    assert "x=1" not in " ".join(response.headers.getlist("Set-Cookie"))
