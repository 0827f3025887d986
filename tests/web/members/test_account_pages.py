from __future__ import annotations

from tests.factories import PASSWORD, make_team, make_user
from tests.forms import post_form


def change(client, current, new, again=None):
    data = {"current": current, "password": new, "password_again": again or new}
    return post_form(client, "/cua-toi/mat-khau", data)


def test_a_member_changes_their_password_and_signs_in_with_the_new_one(client, session, login):
    make_user(session, username="lan")
    login("lan")

    response = change(client, PASSWORD, "mat-khau-cua-rieng-toi")
    login.logout()

    assert response.headers["Location"] == "/cua-toi"
    assert login("lan", PASSWORD).status_code == 200  # the old one no longer works
    assert login("lan", "mat-khau-cua-rieng-toi").status_code == 302


def test_a_wrong_current_password_changes_nothing_and_says_so(client, session, login):
    make_user(session, username="lan")
    login("lan")

    page = change(client, "khong-phai-mat-khau", "mat-khau-cua-rieng-toi").get_data(as_text=True)
    login.logout()

    assert "Mật khẩu đang dùng chưa đúng." in page
    assert login("lan").status_code == 302


def test_the_members_page_links_to_changing_the_password(client, session, login):
    make_user(session, username="lan")
    login("lan")

    page = client.get("/cua-toi").get_data(as_text=True)

    assert 'href="/cua-toi/mat-khau"' in page


def test_thirty_wrong_current_passwords_are_throttled_after_at_most_ten(client, session, login):
    member = make_user(session, "Lò Thị Lan", "lan", team=make_team(session))
    login(member)
    new = "mat-khau-moi-dai"
    form = {"current": "sai-mat-khau-roi", "password": new, "password_again": new}

    answers = [post_form(client, "/cua-toi/mat-khau", form).status_code for _ in range(30)]

    assert answers.count(200) <= 10 and answers[-1] == 429
    right = {**form, "current": PASSWORD}
    assert post_form(client, "/cua-toi/mat-khau", right).status_code == 429  # still waiting
