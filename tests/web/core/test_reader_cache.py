from tests.factories import make_team, make_user
from tests.forms import Login
from trainer.web.core.serving_state import serving


def test_a_reader_without_an_account_gets_the_kept_page_the_second_time(app, client):
    first = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    second = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert second == first
    assert ("/bai-hoc/mat-khau?", "", "vi") in serving(app).pages


def test_each_display_choice_and_language_is_kept_apart(client):
    plain = client.get("/bai-hoc/mat-khau").get_data(as_text=True)
    hmong = client.get("/bai-hoc/mat-khau?lang=hmn").get_data(as_text=True)
    client.get("/hien-thi?mau=cao")

    contrast = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert "Tus password" in hmong and "Tus password" not in plain
    assert 'class="chu-0 tuong-phan"' in contrast
    assert 'class="chu-0 tuong-phan"' not in plain


def test_odd_query_strings_are_never_kept(app, client):
    client.get("/bai-hoc/mat-khau?x=1")

    assert len(serving(app).pages) == 0


def test_a_signed_in_member_always_gets_their_own_page(app, client, session, login):
    client.get("/bai-hoc/mat-khau")  # now kept for readers without an account
    make_user(session, username="lan", full_name="Lò Thị Lan", team=make_team(session))
    login("lan")
    client.get("/cua-toi")  # the welcome message is shown and gone: only the account is left

    page = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert "Lò Thị Lan" in page and "Tôi đã học xong bài này" in page
    assert "Đăng nhập</a> để lưu bài bạn đã học" not in page


def test_a_members_page_is_never_kept_for_the_readers_after_them(app, session, login):
    member, reader = app.test_client(), app.test_client()
    make_user(session, username="lan", full_name="Lò Thị Lan", team=make_team(session))
    Login(member)("lan")
    member.get("/cua-toi")  # the welcome message is shown and gone: only the account is left
    assert "Lò Thị Lan" in member.get("/bai-hoc/mat-khau").get_data(as_text=True)

    page = reader.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert "Lò Thị Lan" not in page
    assert "Đăng nhập</a> để lưu bài bạn đã học" in page
