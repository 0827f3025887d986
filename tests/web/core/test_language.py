"""The reader's language is remembered: a bare address opens in the language chosen last,
and an address with ?lang= still wins."""

import pytest

HMONG_TITLE = "Tus password uas muaj kev nyab xeeb"
VIETNAMESE_TITLE = "Mật khẩu an toàn"


def test_choosing_a_language_is_remembered_for_a_bare_address(client):
    client.get("/bai-hoc/mat-khau?lang=hmn")

    page = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert HMONG_TITLE in page


def test_an_address_with_lang_still_wins_over_the_remembered_language(client):
    client.get("/bai-hoc/mat-khau?lang=hmn")

    page = client.get("/bai-hoc/mat-khau?lang=vi").get_data(as_text=True)
    after = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert VIETNAMESE_TITLE in page and HMONG_TITLE not in page
    assert VIETNAMESE_TITLE in after  # choosing Vietnamese is remembered too


def test_the_vietnamese_button_says_lang_vi_so_it_undoes_a_remembered_choice(client):
    client.get("/bai-hoc/mat-khau?lang=hmn")

    page = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert 'href="/bai-hoc/mat-khau?lang=vi"' in page


def test_a_lesson_with_no_translation_in_the_remembered_language_shows_vietnamese(client):
    client.get("/bai-hoc/mat-khau?lang=hmn")

    page = client.get("/bai-hoc/lua-dao").get_data(as_text=True)

    assert "Nhận biết lừa đảo" in page
    assert "Bài này chưa có bản Tiếng H&#39;Mông. Đang hiện tiếng Việt." in page


def test_a_reader_without_the_cookie_gets_vietnamese_from_the_same_kept_page(client, app):
    client.get("/bai-hoc/mat-khau?lang=hmn")
    client.get("/bai-hoc/mat-khau")  # kept in memory for H'Mông readers

    page = app.test_client().get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert VIETNAMESE_TITLE in page and HMONG_TITLE not in page


@pytest.mark.parametrize("value", ["xx", "", "hmn\r\nSet-Cookie: a=b", "../../etc"])
def test_an_unknown_or_hostile_lang_is_neither_kept_nor_a_500(client, value):
    response = client.get("/bai-hoc/mat-khau", query_string={"lang": value})

    assert response.status_code == 200
    assert "ngon_ngu" not in response.headers.get("Set-Cookie", "")


def test_files_follow_their_address_alone_and_set_no_cookie(client):
    client.get("/bai-hoc/mat-khau?lang=hmn")

    poster = client.get("/bai-hoc/mat-khau/ap-phich.png?lang=hmn")

    assert "Set-Cookie" not in poster.headers
